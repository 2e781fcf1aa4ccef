"""The data layer: pragmas, migrations, backups before upgrades, refusing a newer schema, money and time types."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text

from livedesk.models import Product, Stream
from livedesk.services.db import SchemaTooNew, open_database, schema_state


def test_new_database_is_at_the_newest_schema_with_pragmas(db):
    current, head = schema_state(db)
    assert current == head
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    url = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    open_database(url).close()
    db = open_database(url, migrate=False)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.close()
    with pytest.raises(SchemaTooNew, match="newer version of LiveDesk"):
        open_database(url)
    db = open_database(url, migrate=False)
    assert schema_state(db)[0] == "9999_from_the_future"


def test_upgrade_from_an_older_revision_backs_up_first(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    open_database(url).close()
    # Pretend the file was written by an app whose newest migration was an earlier one, so an upgrade is due.
    from livedesk.services import db as db_module

    calls = []
    monkeypatch.setattr("livedesk.migrations.HEAD", "0002")
    monkeypatch.setattr(db_module, "schema_state", lambda d: ("0001", "0002"))
    monkeypatch.setattr("alembic.command.upgrade", lambda config, target: calls.append(target))
    db_module.open_database(url).close()
    backups = list(tmp_path.glob("old.before-0001-*.sqlite3"))
    assert len(backups) == 1 and calls == ["head"]


def test_money_is_decimal_and_times_are_timezone_aware(db):
    start = dt.datetime(2026, 11, 20, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with db.session() as session:
        session.add(Stream(title="t", start_at=start, planned_minutes=60, gmv_target=Decimal("12345.67")))
        session.add(Product(sku="A1", name="n", live_price=Decimal("19.90")))
    with db.session() as session:
        stream = session.query(Stream).one()
        assert stream.gmv_target == Decimal("12345.67")
        assert stream.start_at == start and stream.start_at.tzinfo is not None
        assert session.query(Product).one().live_price == Decimal("19.90")


def test_naive_datetimes_are_refused(db):
    with pytest.raises(Exception, match="naive datetime"):
        with db.session() as session:
            session.add(Stream(title="t", start_at=dt.datetime(2026, 1, 1), planned_minutes=60))


def test_a_failed_unit_of_work_writes_nothing(db):
    with pytest.raises(RuntimeError):
        with db.session() as session:
            session.add(Stream(title="t", start_at=dt.datetime.now(dt.timezone.utc), planned_minutes=60))
            session.flush()
            raise RuntimeError("boom")
    with db.session() as session:
        assert session.query(Stream).count() == 0


def test_fast_path_head_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    from livedesk.migrations import HEAD
    from livedesk.services.db import _alembic_config

    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == HEAD


def test_a_half_created_database_is_built_again_at_the_next_start(tmp_path):
    """What a crash during creation left with an earlier LiveDesk: some empty tables, no schema version."""
    import sqlite3

    path = tmp_path / "half.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        raw.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(100))")  # an old, partial shape
    raw.close()
    db = open_database(f"sqlite:///{path}")
    try:
        current, head = schema_state(db)
        assert current == head
        with db.session() as session:
            session.add(Stream(title="t", start_at=dt.datetime.now(dt.timezone.utc), planned_minutes=60))
        assert db.uid and len(db.uid) == 32
    finally:
        db.close()


def test_tables_with_data_but_no_version_are_refused_untouched(tmp_path):
    import sqlite3

    from livedesk.services.db import DatabaseError

    path = tmp_path / "odd.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE streams (id INTEGER PRIMARY KEY, title TEXT)")
        raw.execute("INSERT INTO streams (title) VALUES ('keep me')")
    raw.close()
    with pytest.raises(DatabaseError, match="no schema version"):
        open_database(f"sqlite:///{path}")
    with sqlite3.connect(path) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["streams"] and raw.execute("SELECT title FROM streams").fetchall() == [("keep me",)]
    raw.close()


def test_a_damaged_file_fails_its_quick_check_with_a_message(tmp_path):
    from livedesk.services.db import DatabaseDamaged

    path = tmp_path / "damaged.sqlite3"
    db = open_database(f"sqlite:///{path}")
    uid = db.uid
    with db.session() as session:
        for i in range(400):
            session.add(Product(sku=f"SKU-{i}", name="护手霜" * 20))
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.exec_driver_sql("PRAGMA page_size").scalar()
        root = connection.exec_driver_sql("SELECT rootpage FROM sqlite_master WHERE name = 'products'").scalar()
    db.close()
    data = bytearray(path.read_bytes())
    for offset in range(page_size * (root - 1), page_size * root):  # the products table's root page only
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged) as err:
        open_database(f"sqlite:///{path}")
    assert "damaged" in str(err.value) and "Restore the latest backup" in str(err.value)
    assert err.value.database_uid == uid  # its backups can still be found


def test_a_file_that_is_not_a_database_is_called_damaged(tmp_path):
    from livedesk.services.db import DatabaseDamaged

    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 200)
    with pytest.raises(DatabaseDamaged, match="damaged"):
        open_database(f"sqlite:///{path}")
