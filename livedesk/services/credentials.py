"""Database passwords live in the system keyring, never in the preferences file.

A PostgreSQL URL given with a password (on the command line or in the Preferences dialog) is split:
the password goes to the keyring under service "LiveDesk" and the key `user@host:port/database`,
and the URL without it is what gets saved. Opening a URL without a password looks the password up
again. When the keyring is missing or fails, `needs_password(url)` tells the window to ask for it.

No Qt here.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from livedesk.config import Paths, Preferences

log = logging.getLogger(__name__)
SERVICE = "LiveDesk"
DEFAULT_PORT = 5432


def _parse(url: str) -> URL | None:
    try:
        return make_url(url)
    except ArgumentError:
        return None


def is_server_url(url: str) -> bool:
    """True for URLs of a database server (PostgreSQL), which can carry a password."""
    parsed = _parse(url)
    return parsed is not None and parsed.get_backend_name() == "postgresql"


def keyring_key(url: str | URL) -> str:
    """`user@host:port/database`: the keyring entry for a server URL (the password never part of it)."""
    parsed = make_url(url) if isinstance(url, str) else url
    host = parsed.host or parsed.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    return f"{parsed.username or ''}@{host}:{parsed.port or DEFAULT_PORT}/{parsed.database or ''}"


def strip_password(url: str) -> str:
    """The URL with any password removed (safe to save and to show)."""
    parsed = _parse(url)
    if parsed is None or parsed.password is None:
        return url
    return parsed._replace(password=None).render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def _keyring():
    import keyring

    return keyring


def store_password(url: str) -> str:
    """Put the URL's password (if any) into the keyring; returns the URL without it.

    When the keyring cannot take it, the password is dropped rather than kept in plain text: it will
    be asked for at the next start (`needs_password`).
    """
    parsed = _parse(url)
    if parsed is None or parsed.get_backend_name() != "postgresql" or not parsed.password:
        return strip_password(url)
    try:
        _keyring().set_password(SERVICE, keyring_key(parsed), str(parsed.password))
    except Exception as exc:  # keyring raises its own errors, and backends raise anything
        log.warning("Could not store the database password in the system keyring: %s", exc)
    return strip_password(url)


def lookup_password(url: str) -> str | None:
    """The stored password for a server URL, or None (none stored, or the keyring failed)."""
    if not is_server_url(url):
        return None
    try:
        return _keyring().get_password(SERVICE, keyring_key(url))
    except Exception as exc:  # see store_password
        log.warning("Could not read the database password from the system keyring: %s", exc)
        return None


def forget_password(url: str) -> None:
    if not is_server_url(url):
        return
    try:
        _keyring().delete_password(SERVICE, keyring_key(url))
    except Exception as exc:  # including PasswordDeleteError when none was stored
        log.info("No stored password removed for %s: %s", keyring_key(url), exc)


def resolve_url(url: str) -> str:
    """The URL to connect with: a server URL without a password gets the keyring's password, if any."""
    parsed = _parse(url)
    if parsed is None or parsed.get_backend_name() != "postgresql" or parsed.password:
        return url
    password = lookup_password(url)
    return with_password(url, password) if password else url


def needs_password(url: str) -> bool:
    """True when a server URL has no password and the keyring has none for it: ask the user.

    (A server that lets the user in without a password, e.g. `trust` or `peer` authentication, works
    without one; the window may try to connect first and ask only when that fails.)
    """
    parsed = _parse(url)
    if parsed is None or parsed.get_backend_name() != "postgresql" or parsed.password:
        return False
    return lookup_password(url) is None


def remember_database_url(url: str, prefs: Preferences, paths: Paths | None = None) -> str:
    """Save `url` as the preferred database, its password in the keyring; returns the saved URL."""
    clean = store_password(url)
    prefs.database_url = clean
    prefs.recent_databases = [strip_password(u) for u in prefs.recent_databases]
    prefs.save(paths)
    return clean
