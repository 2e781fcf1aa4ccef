"""Translated names of segment types (SegmentKind values)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from livedesk.rendering.labels import mmss, segment_kind_label  # noqa: F401 - re-exported: shared with the script PDF

SEGMENT_KINDS = [
    "opening",
    "gather",
    "retain",
    "pitch",
    "proof",
    "interaction",
    "welfare",
    "closing_push",
    "encore",
    "wrap_up",
]

# Their colours are the theme's: livedesk.ui.theme.kind_colour(kind).




def field_label(value: str) -> str:
    return {
        "title": QCoreApplication.translate("ScriptLabels", "Title"),
        "host_lines": QCoreApplication.translate("ScriptLabels", "Host lines"),
        "cues": QCoreApplication.translate("ScriptLabels", "Cues"),
        "props": QCoreApplication.translate("ScriptLabels", "Props"),
        "bgm": QCoreApplication.translate("ScriptLabels", "BGM"),
        "notes": QCoreApplication.translate("ScriptLabels", "Notes"),
        "script": QCoreApplication.translate("ScriptLabels", "Script"),
        "timing": QCoreApplication.translate("ScriptLabels", "Timing"),
        "rehearsal": QCoreApplication.translate("ScriptLabels", "Rehearsal"),
    }.get(value, value)


def category_label(value: str) -> str:
    return {
        "absolute": QCoreApplication.translate("ScriptLabels", "Absolute term"),
        "national_level": QCoreApplication.translate("ScriptLabels", "National/world level"),
        "first_exclusive": QCoreApplication.translate("ScriptLabels", "First/exclusive claim"),
        "authority": QCoreApplication.translate("ScriptLabels", "Authority/endorsement"),
        "medical": QCoreApplication.translate("ScriptLabels", "Medical claim"),
        "cosmetic": QCoreApplication.translate("ScriptLabels", "Cosmetics efficacy claim"),
        "food_health": QCoreApplication.translate("ScriptLabels", "Food health claim"),
        "guaranteed": QCoreApplication.translate("ScriptLabels", "Guaranteed result"),
        "inducement": QCoreApplication.translate("ScriptLabels", "Inducement"),
        "fake_scarcity": QCoreApplication.translate("ScriptLabels", "Fake scarcity"),
        "unfair_terms": QCoreApplication.translate("ScriptLabels", "Unfair terms"),
        "custom": QCoreApplication.translate("ScriptLabels", "Team term"),
        "script": QCoreApplication.translate("ScriptLabels", "No script"),
        "rehearsal": QCoreApplication.translate("ScriptLabels", "Rehearsal"),
        "timeline_gap": QCoreApplication.translate("ScriptLabels", "Gap"),
        "timeline_overlap": QCoreApplication.translate("ScriptLabels", "Overlap"),
        "timeline_over_slot": QCoreApplication.translate("ScriptLabels", "Over the slot"),
    }.get(value, value)


def severity_label(value: str) -> str:
    return {
        "error": QCoreApplication.translate("ScriptLabels", "Must change"),
        "warning": QCoreApplication.translate("ScriptLabels", "Check"),
        "note": QCoreApplication.translate("ScriptLabels", "Hint"),
    }.get(value, value)


def parse_clock(text: str) -> int:
    """Seconds from "h:mm:ss", "mm:ss" or a bare number of minutes ("5", "2.5"); ValueError otherwise."""
    text = text.strip().replace("：", ":")
    if not text:
        raise ValueError("empty")
    if ":" in text:
        parts = text.split(":")
        if len(parts) > 3 or not all(p.strip().isdigit() for p in parts):
            raise ValueError(text)
        numbers = [int(p) for p in parts]
        if len(numbers) == 2:
            minutes, seconds = numbers
            hours = 0
        else:
            hours, minutes, seconds = numbers
        if seconds >= 60 or (len(numbers) == 3 and minutes >= 60):
            raise ValueError(text)
        return hours * 3600 + minutes * 60 + seconds
    value = float(text)
    if value < 0:
        raise ValueError(text)
    return int(round(value * 60))
