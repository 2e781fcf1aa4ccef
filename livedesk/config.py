"""Where LiveDesk keeps its files, and the user's preferences (no Qt here: the command line reads them too).

Tests and portable setups redirect every folder with LIVEDESK_HOME.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
import typing
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

APP_NAME = "LiveDesk"
APP_AUTHOR = "LiveDesk"


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    logs: Path

    @property
    def default_database(self) -> Path:
        return self.data / "livedesk.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / "preferences.json"

    @property
    def window_state_file(self) -> Path:
        return self.config / "window-state.ini"

    @property
    def attachments(self) -> Path:
        return self.data / "attachments"

    @property
    def backups(self) -> Path:
        return self.data / "backups"


def app_paths() -> Paths:
    home = os.environ.get("LIVEDESK_HOME")
    if home:
        root = Path(home)
        paths = Paths(root / "data", root / "config", root / "logs")
    else:
        import platformdirs

        paths = Paths(
            Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        )
    for folder in (paths.data, paths.config, paths.logs):
        folder.mkdir(parents=True, exist_ok=True)
    return paths


QUALIFICATION_CATEGORIES = ("食品", "保健品", "美妆", "护肤", "个护", "母婴", "玩具", "家电", "数码")


@dataclass
class Preferences:
    """User preferences, kept apart from window state. Unknown keys in the file are ignored."""

    language: str = ""  # "" follows the system; "zh_CN" or "en" overrides
    appearance: str = "system"  # "system" follows the light or dark colour scheme; "light" or "dark" overrides
    database_url: str = ""
    margin_floor_profit: float = 0.30
    margin_floor_traffic: float = 0.15
    stock_buffer: float = 0.15  # the N+1 rule: stock should cover planned units plus this share
    low_click_rate: float = 0.03
    warning_seconds: int = 180
    warning_sound: bool = True
    uv_value_floor: float = 0.8
    online_drop_share: float = 0.5
    metric_reminder_minutes: int = 5
    order_grace_minutes: int = 30  # orders submitted this long after the stream's end still count as its sales
    backups_kept: int = 10
    # 类目 whose products need a quality report (质检报告); others are not flagged for lacking one
    qualification_categories: list[str] = field(default_factory=lambda: list(QUALIFICATION_CATEGORIES))
    recent_databases: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, paths: Paths | None = None) -> Preferences:
        """The saved preferences. A value of the wrong type (a hand-edited or older file) keeps its default and
        is logged; an unreadable file gives the defaults. Never raises."""
        file = (paths or app_paths()).settings_file
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("Preferences %s could not be read (%s); using the defaults", file, exc)
            return cls()
        prefs = cls()
        if not isinstance(raw, dict):
            log.warning("Preferences %s do not hold a JSON object; using the defaults", file)
            return prefs
        hints = typing.get_type_hints(cls)
        for f in fields(cls):
            if f.name not in raw:
                continue
            value = _checked(hints[f.name], raw[f.name])
            if value is _WRONG:
                log.warning("Preference %s = %r in %s is not a %s; keeping the default %r",
                            f.name, raw[f.name], file, _type_name(hints[f.name]), getattr(prefs, f.name))
                continue
            setattr(prefs, f.name, value)
        return prefs

    def save(self, paths: Paths | None = None) -> None:
        """Write through a temporary file of its own beside the real one, then swap it in: a crash or a second
        window saving at the same moment never leaves half a file."""
        file = (paths or app_paths()).settings_file
        text = json.dumps(asdict(self), ensure_ascii=False, indent=2)
        handle, tmp_name = tempfile.mkstemp(prefix=f".{file.stem}-", suffix=".tmp", dir=file.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp_name, file)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise


_WRONG = object()


def _checked(kind: Any, value: Any) -> Any:
    """`value` as the field's type, or _WRONG. bool is a subclass of int in Python, so it is refused
    explicitly where a number is expected; an int is accepted where a float is expected."""
    if kind is bool:
        return value if isinstance(value, bool) else _WRONG
    if kind is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _WRONG
    if kind is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
        return _WRONG
    if kind is str:
        return value if isinstance(value, str) else _WRONG
    if typing.get_origin(kind) is list:
        (item,) = typing.get_args(kind)
        if isinstance(value, list) and all(_checked(item, v) is not _WRONG for v in value):
            return [_checked(item, v) for v in value]
        return _WRONG
    raise TypeError(f"Preferences has a field of a type load() does not check: {kind!r}")


def _type_name(kind: Any) -> str:
    return str(getattr(kind, "__name__", kind)) if typing.get_origin(kind) is None else str(kind)


def database_url(cli_url: str | None, prefs: Preferences | None = None, paths: Paths | None = None) -> str:
    """The database to open: --db, then LIVEDESK_DB, then the preference, then the default file."""
    if cli_url:
        return cli_url
    if os.environ.get("LIVEDESK_DB"):
        return os.environ["LIVEDESK_DB"]
    if prefs and prefs.database_url:
        return prefs.database_url
    return sqlite_url((paths or app_paths()).default_database)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"
