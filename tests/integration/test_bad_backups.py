"""A generated corpus of crafted and broken backups: `livedesk restore FILE` refuses each with exit 3 and a
message saying nothing was changed, before anything is replaced (the database file, its -wal and the
backups folder stay exactly as they were), and every command still works afterwards.

Each case starts from a good backup of the current schema and breaks one thing a restore must check:
the file (header, pages, truncation), the schema version, every table and column of the current schema,
foreign keys, and things LiveDesk never makes (a trigger or view that would act on every later command).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from livedesk.app import main
from livedesk.models import Base, Stream
from livedesk.services import backup
from livedesk.services.db import open_database


@dataclass(frozen=True)
class Crafted:
    name: str
    craft: Callable[[Path], None]  # breaks a copy of a good backup in place
    says: str  # words the message must hold


def sql(*statements: str) -> Callable[[Path], None]:
    def craft(path: Path) -> None:
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.close()

    return craft


def drop_column(table: str, column: str) -> Callable[[Path], None]:
    return sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')


def overwrite(offset: int, data: bytes) -> Callable[[Path], None]:
    def craft(path: Path) -> None:
        raw = bytearray(path.read_bytes())
        raw[offset:offset + len(data)] = data
        path.write_bytes(bytes(raw))

    return craft


def truncate(size: int) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(path.read_bytes()[:size])


def cases() -> list[Crafted]:
    found = [
        Crafted("text_file", lambda p: p.write_text("备份", encoding="utf-8"), "not a SQLite database"),
        Crafted("empty_file", lambda p: p.write_bytes(b""), "not a SQLite database"),
        Crafted("wrong_magic", overwrite(0, b"SQLite format 4"), "not a SQLite database"),
        Crafted("truncated_half", lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "damaged"),
        Crafted("truncated_one_page", truncate(4096), "damaged"),
        Crafted("zeroed_pages", lambda p: overwrite(4096 * 2, b"\x00" * 4096 * 3)(p), "damaged"),
        Crafted("no_version_rows", sql("DELETE FROM alembic_version"), "no schema version"),
        Crafted("two_version_rows", sql("INSERT INTO alembic_version VALUES ('0001')"), "no schema version"),
        Crafted("future_version", sql("UPDATE alembic_version SET version_num = '9999_future'"), "newer version"),
        Crafted("no_version_table", sql("DROP TABLE alembic_version"), "not a LiveDesk one"),
        Crafted("no_streams_table", sql("DROP TABLE stream_people", "DROP TABLE streams"), "not a LiveDesk one"),
        Crafted("trigger_that_breaks_writes",
                sql("CREATE TRIGGER no_more BEFORE INSERT ON streams BEGIN SELECT RAISE(ABORT, 'locked'); END"),
                "trigger"),
        Crafted("view_added", sql("CREATE VIEW everything AS SELECT * FROM streams"), "view"),
        Crafted("orphan_rows", sql(
            "INSERT INTO stream_people (stream_id, person_id, role) VALUES (987654, 987654, 'host')"
        ), "point at missing records"),
    ]
    for table in Base.metadata.sorted_tables:  # every table of the schema, dropped
        found.append(Crafted(f"missing_table_{table.name}", sql(f'DROP TABLE "{table.name}"'),
                             "not a LiveDesk one" if table.name == "streams" else table.name))
        indexed = {c.name for index in table.indexes for c in index.columns}
        indexed |= {c.name for constraint in table.constraints for c in getattr(constraint, "columns", [])}
        for column in table.columns:  # and every column that SQLite lets us drop
            if column.name in indexed or column.primary_key or column.foreign_keys:
                continue
            found.append(Crafted(f"missing_column_{table.name}.{column.name}", drop_column(table.name, column.name),
                                 f"{table.name}.{column.name}"))
    return found


CASES = cases()


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    db = open_database(f"sqlite:///{folder / 'source.sqlite3'}")
    with db.session() as s:
        s.add(Stream(title="备份里的场次", start_at=dt.datetime(2026, 11, 20, 12, tzinfo=dt.timezone.utc),
                     planned_minutes=60))
    out = backup.backup_now(db, folder / "good.sqlite3")
    db.close()
    return out


@pytest.fixture(scope="module")
def live_database(tmp_path_factory) -> Path:
    """The database being restored into, made once and copied for each case."""
    folder = tmp_path_factory.mktemp("live")
    db = open_database(f"sqlite:///{folder / 'live.sqlite3'}")
    with db.session() as s:
        s.add(Stream(title="现在的场次", start_at=dt.datetime(2026, 11, 21, 12, tzinfo=dt.timezone.utc),
                     planned_minutes=90))
    out = backup.backup_now(db, folder / "pristine.sqlite3")
    db.close()
    return out


def test_the_corpus_covers_every_table(good_backup):
    names = {c.name for c in CASES}
    assert all(f"missing_table_{t}" in names for t in Base.metadata.tables)
    assert sum(n.startswith("missing_column_") for n in names) > 100


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_crafted_backup_is_refused_and_nothing_changes(capsys, tmp_path, paths, good_backup, live_database,
                                                      case: Crafted):
    target = tmp_path / "live.sqlite3"
    target.write_bytes(live_database.read_bytes())
    crafted = tmp_path / f"{case.name}.sqlite3"
    crafted.write_bytes(good_backup.read_bytes())
    case.craft(crafted)
    files_before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("live.sqlite3")}
    code = main(["--db", f"sqlite:///{target}", "restore", str(crafted)])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "Traceback" not in err and "Nothing was changed" in err, err
    assert case.says.lower() in err.lower(), err
    files_after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("live.sqlite3")}
    assert files_after == files_before
    assert not list(tmp_path.glob(".live.sqlite3*"))  # no staged copy left behind
    assert backup.list_backups(paths) == []
    assert main(["--db", f"sqlite:///{target}", "streams", "list", "--json"]) == 0  # every command still works
    assert "现在的场次" in capsys.readouterr().out
