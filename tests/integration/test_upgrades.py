"""Every database an earlier LiveDesk made (tests/fixtures/db/*.sqlite3) upgrades to the newest schema with its
data intact. Each fixture has a JSON beside it with the revision it was made at and its row counts.

Adding a migration: see docs/migrations.md (add a fixture made by the schema before it). A database stamped
with a newer, unknown revision is refused: tests/unit/test_db.py::test_newer_schema_is_refused_and_left_untouched.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from livedesk.services.db import open_database, schema_state

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
DATABASES = sorted(FIXTURES.glob("*.sqlite3"))


def test_there_is_a_fixture_for_every_revision_but_the_newest() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from livedesk.services.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    revisions = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
    head = ScriptDirectory.from_config(config).get_current_head()
    made_at = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["revision"] for p in DATABASES}
    # the newest revision's fixture is welcome but not required; every older one must have its database
    assert revisions - {head} <= made_at, f"no fixture for {sorted(revisions - {head} - made_at)}: see docs/migrations.md"


@pytest.mark.parametrize("fixture", DATABASES, ids=[p.name for p in DATABASES])
def test_old_database_upgrades_with_its_data(tmp_path: Path, fixture: Path) -> None:
    recorded = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == recorded["revision"]

    db = open_database(f"sqlite:///{copy}")
    try:
        current, head = schema_state(db)
        assert current == head
        with db.engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            counts = {
                name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                for name in recorded["counts"]
                if name in tables
            }
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        # a later migration may drop or rename a table; it must then update this test with where the rows went
        assert set(counts) == set(recorded["counts"])
        assert counts == recorded["counts"]
        for table in ("streams", "products", "reviews"):
            assert counts[table] > 0, f"the fixture should hold {table}"

        # the app's own reads still work on the upgraded data
        from livedesk.services.review import review_summary
        from livedesk.services.schedule import list_streams

        with db.session() as session:
            streams = list_streams(session)
        assert len(streams) == recorded["counts"]["streams"]
        reviewed = next(s for s in streams if s.status == "reviewed")
        with db.engine.connect() as connection:
            stored_gmv = connection.execute(
                text("SELECT gmv FROM reviews WHERE stream_id = :id"), {"id": reviewed.id}).scalar_one()
            stored_products = connection.execute(text(
                "SELECT count(*) FROM product_results JOIN reviews ON reviews.id = product_results.review_id "
                "WHERE reviews.stream_id = :id"), {"id": reviewed.id}).scalar_one()
        summary = review_summary(db, reviewed.id)
        assert summary["gmv"] == pytest.approx(float(stored_gmv)) and summary["gmv"] > 0
        assert len(summary["products"]) == stored_products > 0
    finally:
        db.close()


def test_the_fixture_databases_are_present() -> None:
    # An ignored or forgotten file would otherwise turn the upgrade test into a silent skip.
    assert DATABASES, "tests/fixtures/db holds no database; see docs/migrations.md"
