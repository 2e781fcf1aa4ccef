"""Where LiveDesk keeps its files, and the user's preferences (no Qt here: the command line reads them too).

Tests and portable setups redirect every folder with LIVEDESK_HOME.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

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
    # live capture: how often the dashboard is read, the regions drawn (x, y, width, height; [] = none), and
    # whether grabbed images are kept for debugging (off: only the figures are kept)
    capture_interval_seconds: int = 30
    capture_region: list[int] = field(default_factory=list)
    capture_links_region: list[int] = field(default_factory=list)
    capture_keep_screenshots: bool = False

    @classmethod
    def load(cls, paths: Paths | None = None) -> Preferences:
        file = (paths or app_paths()).settings_file
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        prefs = cls()
        for key, value in raw.items() if isinstance(raw, dict) else ():
            if key in known and isinstance(value, type(getattr(prefs, key))):
                setattr(prefs, key, value)
        return prefs

    def save(self, paths: Paths | None = None) -> None:
        file = (paths or app_paths()).settings_file
        tmp = file.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(file)


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
