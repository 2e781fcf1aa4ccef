"""Shared fixtures: every test gets its own data folder and a fresh database; Qt runs offscreen."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app shows times in the computer's zone; the users and the platforms' exports are in China, so the
# tests run there too, whatever zone the CI machine is set to.
os.environ["TZ"] = "Asia/Shanghai"
time.tzset()
# Never touch the user's real data folder or settings, even before the first fixture runs.
os.environ["LIVEDESK_HOME"] = tempfile.mkdtemp(prefix="livedesk-tests-")
os.environ.pop("LIVEDESK_DB", None)

FIXTURES = Path(__file__).resolve().parent / "fixtures"  # in the repository: no test reads outside it


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("LIVEDESK_HOME", str(home))
    return home


@pytest.fixture
def db(tmp_path: Path):
    from livedesk.services.db import open_database

    database = open_database(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield database
    database.close()


@pytest.fixture
def teammate(db):
    """A second connection to the same database: another laptop of the team saving in between."""
    from livedesk.services.db import open_database

    other = open_database(db.url)
    yield other
    other.close()


@pytest.fixture
def paths(isolated_home: Path):
    from livedesk.config import app_paths

    return app_paths()


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


# The review lines platform exports (Beijing time) up with streams entered in the laptop's time: its tests
# run on laptops set to three zones (a module opts in with pytestmark = usefixtures("laptop_timezone")).
LAPTOP_ZONES = ("UTC", "America/Los_Angeles", "Asia/Shanghai")


@pytest.fixture(params=LAPTOP_ZONES)
def laptop_timezone(request: pytest.FixtureRequest):
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
