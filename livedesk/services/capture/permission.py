"""Can this app read the screen? macOS asks the user (Privacy & Security ▸ Screen Recording) and, until they
allow it, hands back the desktop wallpaper or a black image instead of the other windows; Wayland sessions on
Linux do the same without asking. Checked with CoreGraphics on macOS and by looking at the grab elsewhere.

Not testable on the Linux CI: the macOS branch is written from Apple's documentation of
CGPreflightScreenCaptureAccess / CGRequestScreenCaptureAccess (macOS 10.15+).
"""

from __future__ import annotations

import ctypes
import os
import sys

from livedesk.services.messages import translate

_CORE_GRAPHICS = "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"


def _core_graphics():  # pragma: no cover - macOS only
    return ctypes.cdll.LoadLibrary(_CORE_GRAPHICS)


def screen_capture_allowed() -> bool | None:
    """True/False on macOS (whether Screen Recording is allowed for this app), None where nothing asks."""
    if sys.platform != "darwin":
        return None
    try:  # pragma: no cover - macOS only
        preflight = _core_graphics().CGPreflightScreenCaptureAccess
    except (OSError, AttributeError):
        return None
    preflight.restype = ctypes.c_bool  # pragma: no cover
    return bool(preflight())  # pragma: no cover


def request_screen_capture() -> None:
    """Ask macOS to show its Screen Recording prompt (once; afterwards only System Settings can change it)."""
    if sys.platform != "darwin":
        return
    try:  # pragma: no cover - macOS only
        request = _core_graphics().CGRequestScreenCaptureAccess
        request.restype = ctypes.c_bool
        request()
    except (OSError, AttributeError):  # pragma: no cover
        pass


def blank_grab_advice() -> str:
    """What to do when the grabbed region comes back empty (one colour, usually black)."""
    if sys.platform == "darwin":
        return translate(
            "Messages",
            "macOS did not let LiveDesk read the screen. Open System Settings ▸ Privacy & Security ▸ Screen Recording "
            "(Screen & System Audio Recording on macOS 15), switch LiveDesk on, then quit and reopen LiveDesk.",
        )
    if sys.platform.startswith("linux") and os.environ.get("WAYLAND_DISPLAY"):
        return translate(
            "Messages",
            "This Wayland session does not let applications read the screen. Log out and choose an X11 session "
            "(\"Ubuntu on Xorg\") at the login screen, then try again.",
        )
    return translate(
        "Messages",
        "The captured region is empty (one colour). Check that the dashboard is visible in the region and not "
        "covered or minimised, then choose the region again.",
    )
