"""The data layer and the services on both backends: SQLite and a throwaway PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

from livedesk.models import Base, LineupItem, Product, Stream
from livedesk.services import backup, review
from livedesk.services import products as ps
from livedesk.services import schedule as sch
from livedesk.services.db import SchemaTooNew, open_database, schema_state

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


# ---------------------------------------------------------------------------------------- migrations


def test_migrations_build_the_whole_schema(any_url):
    db = open_database(any_url)
    try:
        current, head = schema_state(db)
        assert current == head
        tables = set(inspect(db.engine).get_table_names())
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
        with db.engine.connect() as connection:  # the migrated schema matches the models exactly
            diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
        assert diff == []
    finally:
        db.close()
    again = open_database(any_url)  # a second start finds nothing to do
    try:
        assert schema_state(again)[0] == head
    finally:
        again.close()


def test_newer_schema_is_refused_untouched(any_url):
    db = open_database(any_url)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    with pytest.raises(SchemaTooNew, match="newer version of LiveDesk"):
        open_database(any_url)


# ---------------------------------------------------------------------------------------- schedule


def test_schedule_create_list_and_conflicts(any_db):
    start = dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)
    with any_db.session() as s:
        first = sch.create_stream(s, sch.StreamData(
            title="周五日常场", start_at=start, planned_minutes=120, account="@店",
            gmv_target=Decimal("50000.00"), conversion_target=Decimal("0.035"),
            people=[("小美", "host"), ("阿杰", "controller")],
        )).id
        second = sch.create_stream(s, sch.StreamData(
            title="加场", start_at=start + dt.timedelta(minutes=60), planned_minutes=90, account="@店",
            people=[("小美", "host")],
        )).id
        sch.create_stream(s, sch.StreamData(title="下周", start_at=start + dt.timedelta(days=7), planned_minutes=60))
    with any_db.session() as s:
        rows = sch.list_streams(s)
        assert [r.title for r in rows] == ["周五日常场", "加场", "下周"]
        assert rows[0].start_at == start and rows[0].start_at.tzinfo is not None
        assert rows[0].gmv_target == Decimal("50000.00") and rows[0].conversion_target == Decimal("0.035")
        assert sorted(rows[0].people) == [("小美", "host"), ("阿杰", "controller")]
        november = sch.list_streams(s, sch.StreamFilter(text="场"))
        assert {r.title for r in november} == {"周五日常场", "加场"}
    conflicts = sch.find_conflicts(rows)
    assert {(c.kind, c.stream_ids, c.detail) for c in conflicts} == {
        ("person", (first, second), "小美"),
        ("account", (first, second), "@店"),
    }
    with any_db.session() as s:
        sch.delete_stream(s, second)
    with any_db.session() as s:
        assert sch.find_conflicts(sch.list_streams(s)) == []


# ---------------------------------------------------------------------------------------- products


def make_product(session, sku: str, **fields) -> Product:
    values = {"sku": sku, "name": f"商品 {sku}", "live_price": "100", "cost": "50", "commission_rate": "10%"}
    values.update(fields)
    return ps.create_product(session, values)


def test_products_create_list_and_flags(any_db):
    with any_db.session() as s:
        make_product(s, "P-LOW", role="profit", cost="65", qualification="ok")  # 25% margin < 30%
        make_product(s, "OK", role="profit", cost="60", qualification="ok", stock=500, safety_stock=50)
        make_product(s, "STOCK", stock=20, safety_stock=50, qualification="ok")
        short = make_product(s, "SHORT", stock=114, qualification="ok")
        make_product(s, "PENDING", qualification="pending")
        stream = Stream(title="明天", start_at=NOW + dt.timedelta(days=1), planned_minutes=120)
        s.add(stream)
        s.flush()
        s.add(LineupItem(stream_id=stream.id, product_id=short.id, planned_units=100))
    with any_db.session() as s:
        rows = {r.sku: r for r in ps.list_products(s, ps.Rules(), now=NOW)}
    assert list(rows) == sorted(rows)
    assert rows["P-LOW"].flags == ["below_margin_floor"]
    assert rows["P-LOW"].gross_margin == Decimal("0.25")
    assert rows["OK"].flags == []
    assert rows["STOCK"].flags == ["below_safety_stock"]
    assert rows["SHORT"].flags == ["short_for_lineups"] and rows["SHORT"].upcoming_units == 100
    assert rows["PENDING"].flags == ["missing_qualification"]
    assert rows["OK"].commission_rate == Decimal("0.1") and rows["OK"].updated_at.tzinfo is not None
    with any_db.session() as s, pytest.raises(Exception, match="SKU"):
        make_product(s, "OK")


# ---------------------------------------------------------------------------------------- review import


def test_review_import_and_summary(any_db, fixtures_dir):
    folder = fixtures_dir / "exports" / "douyin_tidy"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    start = dt.datetime.strptime(expected["start"], "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)
    with any_db.session() as s:
        stream = Stream(title="复盘", start_at=start, planned_minutes=180, gmv_target=Decimal(str(expected["gmv_target"])))
        s.add(stream)
        s.flush()
        stream_id = stream.id
    files = sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".csv") and p.name != "直播脚本.xlsx")
    summary = review.import_review_files(any_db, stream_id, files)
    assert summary.curve_points == expected["duration_minutes"]
    review.import_review_files(any_db, stream_id, files)  # a re-import replaces, never duplicates
    got = review.review_summary(any_db, stream_id)
    assert abs(got["gmv"] - expected["gmv"]) <= 0.01
    assert got["uv"] == expected["uv"]
    assert got["orders"] == expected["orders"] and got["buyers"] == expected["buyers"]
    assert got["peak_online"] == expected["peak_online"]
    assert abs(got["gmv_attainment"] - expected["gmv_attainment"]) <= 1e-6 * expected["gmv_attainment"]
    assert len(got["products"]) == len(expected["products"])
    json.dumps(got)


# ---------------------------------------------------------------------------------------- backup on the server


@pytest.mark.skipif(not (shutil.which("pg_dump") and shutil.which("pg_restore")), reason="pg_dump/pg_restore missing")
def test_postgres_backup_and_restore(pg_url, paths, tmp_path: Path):
    db = open_database(pg_url)
    try:
        with db.session() as s:
            s.add(Stream(title="保留", start_at=NOW, planned_minutes=60))
        out = backup.backup_now(db, tmp_path / "team.pgdump")
        with db.session() as s:
            s.add(Stream(title="之后", start_at=NOW, planned_minutes=60))
    finally:
        db.close()
    result = backup.restore(pg_url, out, paths)
    assert result.previous_backup and result.previous_backup.suffix == ".pgdump"
    db = open_database(pg_url)
    try:
        with db.session() as s:
            assert list(s.scalars(select(Stream.title))) == ["保留"]
            assert s.scalar(select(func.count()).select_from(Stream)) == 1
        daily = backup.auto_backup(db, paths, keep=2)
        assert daily is not None and daily.suffix == ".pgdump" and daily.stat().st_size > 0
        assert backup.auto_backup(db, paths, keep=2) is None, "one daily backup a day"
    finally:
        db.close()
    bad = tmp_path / "bad.pgdump"
    bad.write_text("nope", encoding="utf-8")
    with pytest.raises(backup.InvalidBackup, match="Nothing was changed"):
        backup.restore(pg_url, bad, paths)


@pytest.mark.skipif(not (shutil.which("pg_dump") and shutil.which("pg_restore")), reason="pg_dump/pg_restore missing")
@pytest.mark.parametrize("craft", [
    "ALTER TABLE products DROP COLUMN notes",
    "DROP TABLE review_imports",
    "CREATE VIEW everything AS SELECT * FROM streams",
    "CREATE FUNCTION stop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'x'; END $$;"
    " CREATE TRIGGER no_more BEFORE INSERT ON streams FOR EACH ROW EXECUTE FUNCTION stop()",
    "CREATE FUNCTION stop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'x'; END $$;"
    " DROP TRIGGER livedesk_changes_streams ON streams;"
    " CREATE TRIGGER livedesk_changes_streams BEFORE INSERT ON streams FOR EACH ROW EXECUTE FUNCTION stop()",
], ids=["missing_column", "missing_table", "view", "trigger", "trigger_named_like_ours"])
def test_a_crafted_postgres_dump_is_refused_before_anything_changes(pg_url, pg_server, paths, tmp_path, craft):
    import uuid

    source = f"t_{uuid.uuid4().hex[:12]}"
    pg_server.admin(f'CREATE DATABASE "{source}"')
    try:
        crafted_db = open_database(pg_server.url(source))
        with crafted_db.engine.begin() as connection:
            connection.exec_driver_sql(craft)
        dump = backup.backup_now(crafted_db, tmp_path / "crafted.pgdump")
        crafted_db.close()
    finally:
        pg_server.admin(f'DROP DATABASE IF EXISTS "{source}" WITH (FORCE)')
    db = open_database(pg_url)
    with db.session() as s:
        s.add(Stream(title="现在", start_at=NOW, planned_minutes=60))
    db.close()
    with pytest.raises(backup.InvalidBackup, match="Nothing was changed"):
        backup.restore(pg_url, dump, paths)
    assert backup.list_backups(paths) == []
    db = open_database(pg_url)
    try:
        with db.session() as s:
            assert list(s.scalars(select(Stream.title))) == ["现在"]
    finally:
        db.close()


@pytest.mark.skipif(not (shutil.which("pg_dump") and shutil.which("pg_restore")), reason="pg_dump/pg_restore missing")
def test_a_restore_puts_back_livedesks_own_notify_function(pg_url, paths, tmp_path):
    db = open_database(pg_url)
    with db.engine.begin() as connection:  # a dump whose change function was replaced by something else
        connection.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION livedesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS"
            " $$ BEGIN RAISE EXCEPTION 'not ours'; END $$")
    dump = backup.backup_now(db, tmp_path / "odd.pgdump")
    db.close()
    backup.restore(pg_url, dump, paths)
    db = open_database(pg_url)
    try:
        with db.session() as s:  # every write calls the function: it is LiveDesk's again
            s.add(Stream(title="之后", start_at=NOW, planned_minutes=60))
        with db.session() as s:
            assert list(s.scalars(select(Stream.title))) == ["之后"]
    finally:
        db.close()
