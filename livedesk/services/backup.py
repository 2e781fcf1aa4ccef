"""Backups: consistent copies, daily rotation, copies before risky work, and a validated restore.

SQLite copies are made with `VACUUM INTO` (consistent even while another window writes). PostgreSQL
databases are dumped with `pg_dump` (custom format) and restored with `pg_restore`.

Backups live in `Paths.backups` as `livedesk-<db>-YYYYmmdd-HHMMSS.sqlite3` (daily) or
`livedesk-<db>-YYYYmmdd-HHMMSS-<reason>.sqlite3` (before an import, a restore, ...), where `<db>` is the
first 12 characters of the database's stable id (models/identity.py; the copy carries the whole id
inside). Each database's kinds are rotated on their own, keeping the newest `Preferences.backups_kept`:
a busy day of imports never pushes the daily copies out, and one database never deletes another's
backups. Backups named before ids existed (`livedesk-YYYYmmdd-HHMMSS...`) are listed, never rotated.

A backup is written to a hidden `.partial` file and renamed when whole: a full disk or a crash leaves no
half-written backup behind.

No Qt here: the command line and the window both use this module.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from livedesk.config import Paths, Preferences, sqlite_url
from livedesk.services.db import Database, DatabaseError, open_database, vacuum_into
from livedesk.services.messages import translate

log = logging.getLogger(__name__)

PREFIX = "livedesk-"
SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".pgdump"
SQLITE_MAGIC = b"SQLite format 3\x00"
REQUIRED_TABLES = ("alembic_version", "streams")
UID_CHARS = 12  # of the database's id, in backup names
_NAME = re.compile(
    r"^livedesk-(?:([0-9a-f]{12})-)?(\d{8})-(\d{6})(?:-([a-z0-9-]+?))?(?:-(\d+))?\.(sqlite3|pgdump)$"
)
ANY = "*"  # list_backups(uid=ANY): every database's backups


class InvalidBackup(DatabaseError):
    """The chosen file cannot be restored; nothing was changed."""


@dataclass(frozen=True)
class BackupFile:
    """One backup this module named: which database (None for backups made before ids), kind and time."""

    path: Path
    uid: str | None  # the first UID_CHARS of the database's id
    reason: str  # "" for the daily copy
    taken: dt.datetime  # local time, from the name
    seq: int = 1  # the second, third… backup of one kind within the same second ("-2", "-3")


@dataclass(frozen=True)
class BackupGroup:
    """The backups of one database, newest first, for File ▸ Backups."""

    uid: str | None
    label: str  # the database's name when it was created ("" when unknown)
    is_current: bool
    backups: list[BackupFile]


@dataclass
class RestoreResult:
    previous_backup: Path | None  # the copy of the database as it was before the restore
    upgraded_from: str | None  # the backup's schema revision when it had to be upgraded, else None


# ---------------------------------------------------------------------------------------------- backing up


def backup_now(db: Database, out_path: str | Path) -> Path:
    """A consistent copy of the whole database at `out_path` (written to a temp file, then moved in place).

    A full disk, a read-only folder or a crash midway leaves no partial file: the temp file is removed.
    """
    from livedesk.services.faults import environment_fault

    out = Path(out_path)
    tmp = out.with_name(f".{out.name}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if db.is_sqlite:
            if db.file_path is None:
                raise DatabaseError(translate("Messages", "An in-memory database cannot be backed up."))
            vacuum_into(db, tmp)
        else:
            _pg_dump(db.url, tmp)
        os.replace(tmp, out)
    except (OSError, SQLAlchemyError) as exc:
        fault = environment_fault(exc, None, where=str(out))
        if fault is not None:
            raise fault from exc
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else getattr(exc, "orig", exc)
        raise DatabaseError(translate("Messages", "Could not write the backup {0}: {1}").format(out, detail)) from exc
    finally:
        for leftover in _sqlite_files(tmp):
            try:
                leftover.unlink()
            except OSError as exc:
                log.warning("Could not remove the partial backup %s: %s", leftover, exc)
    log.info("Backed up %s to %s", db.describe(), out)
    return out


def _suffix(db: Database) -> str:
    return SQLITE_SUFFIX if db.is_sqlite else PG_SUFFIX


def _reason_slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return slug[:40] or "manual"


def _new_name(folder: Path, stamp: str, reason: str, suffix: str, uid: str | None = None) -> Path:
    base = PREFIX + (f"{uid[:UID_CHARS]}-" if uid else "") + stamp + (f"-{reason}" if reason else "")
    target = folder / f"{base}{suffix}"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}{suffix}"
        n += 1
    return target


def suggested_name(db: Database, folder: Path, reason: str = "manual") -> Path:
    """A free backup name for this database in `folder` (File ▸ Back Up Now suggests it)."""
    return _new_name(folder, dt.datetime.now().strftime("%Y%m%d-%H%M%S"), reason, _suffix(db), db.uid)


def parse_name(path: Path) -> BackupFile | None:
    """What a backup's name says (database, kind, time), or None for a file this module did not name."""
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        taken = dt.datetime.strptime(match.group(2) + match.group(3), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return BackupFile(path, match.group(1), match.group(4) or "", taken, int(match.group(5) or 1))


def _kind(path: Path) -> tuple[str, str] | None:
    """(reason or "" for daily, date YYYYmmdd) for a file this module named, else None."""
    parsed = parse_name(path)
    return None if parsed is None else (parsed.reason, parsed.taken.strftime("%Y%m%d"))


def _short(uid: str | None) -> str | None:
    return uid[:UID_CHARS] if uid else None


def backup_files(paths: Paths, reason: str | None = None, uid: str | None = ANY) -> list[BackupFile]:
    """Backups in the backups folder, oldest first: of one kind when `reason` is given ("" = daily), of one
    database when `uid` is (None = those named before databases had ids)."""
    if not paths.backups.is_dir():
        return []
    found = []
    for path in paths.backups.iterdir():
        parsed = parse_name(path)
        if parsed is None or (reason is not None and parsed.reason != reason):
            continue
        if uid != ANY and parsed.uid != _short(uid):
            continue
        found.append(parsed)
    return sorted(found, key=lambda b: (b.taken, b.seq, b.path.name))


def list_backups(paths: Paths, reason: str | None = None, uid: str | None = ANY) -> list[Path]:
    """Like backup_files, as paths."""
    return [b.path for b in backup_files(paths, reason, uid)]


def rotate(paths: Paths, reason: str, keep: int, uid: str | None) -> list[Path]:
    """Delete one database's oldest backups of one kind beyond `keep`; returns what was deleted.

    Without an id nothing is deleted: backups named before ids existed may be any database's.
    """
    if not uid:
        return []
    keep = max(1, keep)
    existing = list_backups(paths, reason, uid)
    doomed = existing[:-keep] if len(existing) > keep else []
    for path in doomed:
        try:
            path.unlink()
        except OSError as exc:
            log.warning("Could not delete the old backup %s: %s", path, exc)
    return doomed


def backup_identity(path: Path) -> tuple[str, str] | None:
    """(the whole id, the label) stored inside a SQLite backup, or None (older schema, damaged, a dump)."""
    if path.suffix != SQLITE_SUFFIX or not path.is_file():
        return None
    return _read_identity(path)


def backup_groups(paths: Paths, current_uid: str | None) -> list[BackupGroup]:
    """Every backup in the folder grouped by the database it came from: this database first, then the others
    (by their newest backup), then the backups made before databases had ids."""
    groups: dict[str | None, list[BackupFile]] = {}
    for item in backup_files(paths):
        groups.setdefault(item.uid, []).append(item)
    result = []
    for uid, items in groups.items():
        items.sort(key=lambda b: (b.taken, b.seq, b.path.name), reverse=True)
        label = ""
        for item in items:  # the label is inside the copies; the newest readable one names the database
            identity = backup_identity(item.path)
            if identity is not None:
                label = identity[1]
                break
        result.append(BackupGroup(uid, label, uid is not None and uid == _short(current_uid), items))
    result.sort(key=lambda g: (not g.is_current, g.uid is None, -g.backups[0].taken.timestamp()))
    return result


def latest_backup(paths: Paths, uid: str | None, label: str | None = None) -> Path | None:
    """The newest backup of a database: by its id, or (for a file too damaged to read its id) the newest
    whose stored label is `label`."""
    if uid:
        found = backup_files(paths, uid=uid)
        return found[-1].path if found else None
    if label:
        for item in reversed(backup_files(paths)):
            identity = backup_identity(item.path)
            if identity is not None and identity[1] == label:
                return item.path
    return None


def _can_back_up(db: Database) -> bool:
    if db.is_sqlite:
        return db.file_path is not None and db.file_path.exists()
    return shutil.which("pg_dump") is not None


def auto_backup(db: Database, paths: Paths, keep: int, now: dt.datetime | None = None) -> Path | None:
    """The daily backup: skipped when one from today exists; older daily copies beyond `keep` are deleted."""
    if not _can_back_up(db):
        if not db.is_sqlite:
            log.warning("No daily backup of %s: pg_dump is not installed", db.describe())
        return None
    now = now or dt.datetime.now()
    today = now.strftime("%Y%m%d")
    uid = db.uid
    if any(_kind(p) == ("", today) for p in list_backups(paths, "", uid)):
        return None
    target = _new_name(paths.backups, now.strftime("%Y%m%d-%H%M%S"), "", _suffix(db), uid)
    backup_now(db, target)
    rotate(paths, "", keep, uid)
    return target


def backup_before(db: Database, paths: Paths, reason: str, keep: int | None = None) -> Path | None:
    """A backup taken right before risky work ("import", "restore", ...); None for an in-memory database.

    Raises DatabaseError when the copy cannot be made, so the caller can stop before changing anything.
    """
    if not _can_back_up(db):
        if not db.is_sqlite:
            log.warning("No backup of %s before %s: pg_dump is not installed", db.describe(), reason)
        return None
    if keep is None:
        keep = Preferences.load(paths).backups_kept
    slug = _reason_slug(reason)
    uid = db.uid
    target = _new_name(paths.backups, dt.datetime.now().strftime("%Y%m%d-%H%M%S"), slug, _suffix(db), uid)
    backup_now(db, target)
    rotate(paths, slug, keep, uid)
    return target


# ---------------------------------------------------------------------------------------------- validating


def known_revisions() -> tuple[set[str], str]:
    """(every schema revision this app knows, the newest)."""
    from alembic.script import ScriptDirectory

    from livedesk.services.db import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}, script.get_current_head()  # type: ignore[return-value]


def inspect_sqlite_backup(backup_file: str | Path) -> str:
    """Check a file is a whole, LiveDesk SQLite database this app can open; returns its schema revision.

    Checked: the SQLite header, `integrity_check`, `foreign_key_check`, a single known schema version and,
    for a backup at this app's schema, every table and column of it (an older one is checked the same way
    after its upgrade, in `restore`). Raises InvalidBackup with the reason in words a user understands.
    """
    path = Path(backup_file)
    name = path.name
    if not path.is_file():
        raise InvalidBackup(
            translate("Messages", "{0} does not exist or is not a file. Nothing was changed.").format(path)
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise InvalidBackup(
            translate("Messages", "Cannot read {0}: {1}. Nothing was changed.").format(path, exc.strerror or exc)
        ) from exc
    if header != SQLITE_MAGIC:
        raise InvalidBackup(
            translate(
                "Messages", "{0} is not a LiveDesk backup (not a SQLite database file). Nothing was changed."
            ).format(name)
        )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InvalidBackup(
            translate("Messages", "{0} cannot be opened as a database: {1}. Nothing was changed.").format(name, exc)
        ) from exc
    try:
        _check_whole(connection, name)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise InvalidBackup(
                translate(
                    "Messages",
                    "{0} is a database, but not a LiveDesk one (it has no {1} table). Nothing was changed.",
                ).format(name, ", ".join(missing))
            )
        versions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        known, head = known_revisions()
        if len(versions) == 1 and versions[0] == head:
            _check_schema(connection, name)
    except sqlite3.DatabaseError as exc:
        raise InvalidBackup(
            translate("Messages", "{0} is damaged or not a database: {1}. Nothing was changed.").format(name, exc)
        ) from exc
    finally:
        connection.close()
    if len(versions) != 1:
        raise InvalidBackup(
            translate(
                "Messages", "{0} has no schema version, so it cannot be a LiveDesk backup. Nothing was changed."
            ).format(name)
        )
    if versions[0] not in known:
        raise InvalidBackup(
            translate(
                "Messages",
                "{0} was written by a newer version of LiveDesk (schema {1}). "
                "Update LiveDesk to restore it. Nothing was changed.",
            ).format(name, versions[0])
        )
    return versions[0]


def _check_whole(connection: sqlite3.Connection, name: str) -> None:
    """`integrity_check` and `foreign_key_check`: a damaged file or rows pointing at nothing are refused."""
    check = [str(row[0]) for row in connection.execute("PRAGMA integrity_check(5)")]
    if check != ["ok"]:
        raise InvalidBackup(
            translate("Messages", "{0} is damaged (integrity check: {1}). Nothing was changed.").format(
                name, "; ".join(check[:3])
            )
        )
    orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
    if orphans:
        table, rowid, parent = orphans[0][0], orphans[0][1], orphans[0][2]
        raise InvalidBackup(
            translate(
                "Messages",
                "{0} is inconsistent: {1} rows point at missing records (the first: {2} row {3}, which needs a "
                "{4} that is not there). Nothing was changed.",
            ).format(name, len(orphans), table, rowid, parent)
        )


def _check_schema(connection: sqlite3.Connection, name: str) -> None:
    """Every table and column of this app's schema is there, and nothing was added that runs by itself
    (a trigger or view LiveDesk never makes would act on every later command)."""
    from livedesk.models import Base

    problems = []
    present = {
        row[0]: row[1]
        for row in connection.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    }
    for table in Base.metadata.sorted_tables:
        if present.get(table.name) != "table":
            problems.append(translate("Messages", "table {0} is missing").format(table.name))
            continue
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table.name}")')}
        for column in table.columns:
            if column.name not in columns:
                problems.append(translate("Messages", "column {0}.{1} is missing").format(table.name, column.name))
    for extra, kind in sorted(present.items()):
        if kind in ("trigger", "view"):
            problems.append(translate("Messages", "it has a {0} {1} that LiveDesk never makes").format(kind, extra))
    if problems:
        raise InvalidBackup(
            translate(
                "Messages",
                "{0} does not have the tables LiveDesk needs ({1}), so nothing would work after restoring it. "
                "Nothing was changed.",
            ).format(name, "; ".join(problems[:5]) + ("…" if len(problems) > 5 else ""))
        )


def check_staged(path: Path, display_name: str) -> None:
    """The full check of a copy about to replace a database: whole, consistent, this app's schema exactly."""
    connection = sqlite3.connect(path)
    try:
        _check_whole(connection, display_name)
        _check_schema(connection, display_name)
    except sqlite3.DatabaseError as exc:
        raise InvalidBackup(
            translate("Messages", "{0} is damaged or not a database: {1}. Nothing was changed.").format(
                display_name, exc
            )
        ) from exc
    finally:
        connection.close()


# ---------------------------------------------------------------------------------------------- restoring


def restore(db_url: str, backup_file: str | Path, paths: Paths | None = None) -> RestoreResult:
    """Replace the database at `db_url` with a backup, after validating it and backing up the current data.

    SQLite: the file is swapped atomically; a backup with an older schema is upgraded before the swap.
    Close every connection to the database first (this process's are disposed of here). Another LiveDesk
    window on the same file makes this refuse with InstanceLocked.
    """
    from livedesk.config import app_paths

    paths = paths or app_paths()
    if make_url(db_url).get_backend_name() == "sqlite":
        return _restore_sqlite(db_url, Path(backup_file), paths)
    return _restore_postgres(db_url, Path(backup_file), paths)


def _restore_sqlite(db_url: str, backup_file: Path, paths: Paths) -> RestoreResult:
    """Stage a copy beside the database, upgrade and check it whole, and only then back up the current data
    and swap the copy in with one rename: a refused backup or a crash at any point leaves the database as
    it was (or, after the rename, wholly restored)."""
    from livedesk.services import instance_lock
    from livedesk.services.faults import environment_fault

    database = make_url(db_url).database
    if not database or database == ":memory:":
        raise DatabaseError(translate("Messages", "An in-memory database cannot be restored into."))
    target = Path(database).resolve()
    revision = inspect_sqlite_backup(backup_file)
    if backup_file.resolve() == target:
        raise InvalidBackup(
            translate("Messages", "{0} is the database itself; choose a backup file. Nothing was changed.").format(
                backup_file.name
            )
        )
    _known, head = known_revisions()

    lock = instance_lock.lock_database_file(target)  # raises InstanceLocked when another window has it open
    staging = target.with_name(f".{target.name}.restoring")
    try:
        _remove_staging(staging)
        try:
            shutil.copyfile(backup_file, staging)
            upgraded_from = None
            if revision != head:
                _upgrade_staged(staging, backup_file.name)
                upgraded_from = revision
            check_staged(staging, backup_file.name)
            _keep_identity(staging, target)
            with sqlite3.connect(staging) as raw:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.close()
            previous = _save_current_sqlite(target, paths) if target.exists() else None
            for stale in _sqlite_files(target)[1:]:  # -wal / -shm of the old file must not meet the new one
                stale.unlink()
            os.replace(staging, target)
        except OSError as exc:
            fault = environment_fault(exc, None, where=str(target.parent))
            if fault is not None:
                raise fault from exc
            raise DatabaseError(
                translate("Messages", "Could not replace {0}: {1}. The database was not changed.").format(
                    target, exc.strerror or exc
                )
            ) from exc
        finally:
            _remove_staging(staging)
    finally:
        lock.release()
    log.info("Restored %s from %s (previous data backed up to %s)", target, backup_file, previous)
    return RestoreResult(previous_backup=previous, upgraded_from=upgraded_from)


def _remove_staging(staging: Path) -> None:
    """A staged copy and its companions, also those a crash left behind."""
    for leftover in [*_sqlite_files(staging), *staging.parent.glob(f"{staging.name}.lock"),
                     *staging.parent.glob(f"{staging.stem}.before-*")]:
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass


def _upgrade_staged(staging: Path, display_name: str) -> None:
    """Bring a staged older backup to this app's schema; a backup its migrations cannot take is refused."""
    try:
        staged = open_database(sqlite_url(staging), migrate=True)
    except (DatabaseError, SQLAlchemyError) as exc:
        from livedesk.services.faults import EnvironmentFault

        if isinstance(exc, EnvironmentFault):
            raise
        raise InvalidBackup(
            translate(
                "Messages", "{0} could not be brought up to this version of LiveDesk ({1}). Nothing was changed."
            ).format(display_name, exc)
        ) from exc
    staged.close()


def _read_identity(path: Path) -> tuple[str, str] | None:
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT uid, label FROM database_identity ORDER BY id").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return (str(row[0]), str(row[1])) if row else None


def _keep_identity(staging: Path, target: Path) -> None:
    """The restored data takes the identity of the database it replaces, so that database's backups keep
    rotating together; restored into a new file it keeps the backup's (it continues that database)."""
    identity = _read_identity(target)
    if identity is None:
        return
    with sqlite3.connect(staging) as raw:
        raw.execute("DELETE FROM database_identity")
        raw.execute(
            "INSERT INTO database_identity (id, uid, label, created_at) VALUES (1, ?, ?, ?)",
            (identity[0], identity[1], dt.datetime.now(dt.timezone.utc).replace(tzinfo=None).isoformat(" ")),
        )
    raw.close()


def _save_current_sqlite(target: Path, paths: Paths) -> Path:
    """Back up the file about to be replaced; a damaged one (often why people restore) is copied byte for byte."""
    try:
        current = open_database(sqlite_url(target), migrate=False)
        try:
            previous = backup_before(current, paths, "before-restore")
        finally:
            current.close()
        with sqlite3.connect(target) as raw:  # fold the WAL into the file, so no stale log survives
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.close()
        assert previous is not None
        return previous
    except (DatabaseError, sqlite3.Error, SQLAlchemyError) as exc:
        log.warning("The database %s could not be copied cleanly (%s); keeping a raw copy instead", target, exc)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    identity = _read_identity(target)
    previous = _new_name(paths.backups, stamp, "before-restore-damaged", SQLITE_SUFFIX, identity and identity[0])
    paths.backups.mkdir(parents=True, exist_ok=True)
    try:
        for source in _sqlite_files(target):
            shutil.copy2(source, previous.with_name(previous.name + source.name[len(target.name):]))
    except OSError as exc:
        raise DatabaseError(
            translate("Messages", "Could not back up {0} before restoring: {1}. Nothing was changed.").format(
                target, exc
            )
        ) from exc
    return previous


def _sqlite_files(path: Path) -> list[Path]:
    """The database file and its -wal/-shm/-journal companions that exist (the main file first)."""
    candidates = [path] + [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]
    return [p for p in candidates if p.exists()]


# ---------------------------------------------------------------------------------------------- PostgreSQL


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection URI without the password, and the environment carrying it."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql")._replace(password=None)
    return plain.render_as_string(hide_password=False), env


def _pg_tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise DatabaseError(
            translate(
                "Messages",
                "Backing up or restoring a PostgreSQL database needs {0}, which is not installed. Install the "
                "PostgreSQL client tools (Debian/Ubuntu: apt install postgresql-client; Windows/macOS: the "
                "PostgreSQL installer) and try again.",
            ).format(name)
        )
    return tool


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except OSError as exc:
        raise DatabaseError(translate("Messages", "Could not run {0}: {1}").format(command[0], exc)) from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        reason = detail[-1] if detail else translate("Messages", "exit code {0}").format(result.returncode)
        raise DatabaseError(translate("Messages", "{0} failed: {1}").format(what, reason))


def _pg_dump(url: str, out: Path) -> None:
    tool = _pg_tool("pg_dump")
    uri, env = _libpq(url)
    _run([tool, "--format=custom", "--no-owner", f"--file={out}", f"--dbname={uri}"], env, "pg_dump")


_PG_TABLE = re.compile(r"^CREATE TABLE (?:\w+\.)?\"?(\w+)\"? \((.*?)^\);", re.MULTILINE | re.DOTALL)
_PG_EXTRA = re.compile(r"^CREATE (?:OR REPLACE )?(TRIGGER|VIEW|RULE|MATERIALIZED VIEW) (?:\w+\.)?\"?(\w+)", re.MULTILINE)


def _check_pg_schema(tool: str, backup_file: Path) -> None:
    """Every table and column of this app's schema in a dump, and no trigger, view or rule, read from its
    schema without restoring anything."""
    from livedesk.models import Base

    done = subprocess.run([tool, "--schema-only", "--file=-", str(backup_file)],  # noqa: S603
                          capture_output=True, text=True, check=False)
    tables = {}
    for name, body in _PG_TABLE.findall(done.stdout):
        columns = set()
        for line in body.splitlines():
            words = line.strip().split()
            if words and words[0].upper() not in ("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK"):
                columns.add(words[0].strip('"'))
        tables[name] = columns
    problems = []
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            problems.append(translate("Messages", "table {0} is missing").format(table.name))
            continue
        problems += [translate("Messages", "column {0}.{1} is missing").format(table.name, c.name)
                     for c in table.columns if c.name not in tables[table.name]]
    for kind, name in _PG_EXTRA.findall(_without_change_triggers(done.stdout)):
        problems.append(translate("Messages", "it has a {0} {1} that LiveDesk never makes").format(kind.lower(), name))
    if problems:
        raise InvalidBackup(
            translate(
                "Messages",
                "{0} does not have the tables LiveDesk needs ({1}), so nothing would work after restoring it. "
                "Nothing was changed.",
            ).format(backup_file.name, "; ".join(problems[:5]) + ("…" if len(problems) > 5 else ""))
        )


def _without_change_triggers(schema: str) -> str:
    """The dump's schema less LiveDesk's own change triggers (services/changes.py), each matched whole: the
    trigger on one of this app's tables calling the notify function, which is put back after a restore."""
    from livedesk.models import Base
    from livedesk.services.changes import NOTIFY_FUNCTION, TRIGGER_PREFIX

    def ours(match: re.Match) -> str:
        return "" if match.group(1) == match.group(2) and match.group(1) in Base.metadata.tables else match.group(0)

    return re.sub(
        rf"^CREATE TRIGGER {TRIGGER_PREFIX}(\w+) AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON (?:public\.)?(\w+) "
        rf"FOR EACH STATEMENT EXECUTE FUNCTION (?:public\.)?{NOTIFY_FUNCTION}\(\);$",
        ours, schema, flags=re.MULTILINE,
    )


def _restore_postgres(db_url: str, backup_file: Path, paths: Paths) -> RestoreResult:
    tool = _pg_tool("pg_restore")
    if not backup_file.is_file():
        raise InvalidBackup(
            translate("Messages", "{0} does not exist or is not a file. Nothing was changed.").format(backup_file)
        )
    listing = subprocess.run([tool, "--list", str(backup_file)], capture_output=True, text=True, check=False)  # noqa: S603
    if listing.returncode != 0 or "alembic_version" not in listing.stdout or " streams " not in listing.stdout:
        raise InvalidBackup(
            translate(
                "Messages",
                "{0} is not a LiveDesk PostgreSQL backup (made by `livedesk backup`). Nothing was changed.",
            ).format(backup_file.name)
        )
    data = subprocess.run(  # noqa: S603 - the schema revision, read from the dump without restoring it
        [tool, "--data-only", "--table=alembic_version", "--file=-", str(backup_file)],
        capture_output=True, text=True, check=False,
    )
    known, _head = known_revisions()
    revisions = re.findall(r"^([0-9a-zA-Z_]+)$", data.stdout.split("FROM stdin;", 1)[-1], re.MULTILINE)
    if not revisions or revisions[0] not in known:
        raise InvalidBackup(
            translate(
                "Messages",
                "{0} was written by a newer version of LiveDesk or has no schema version ({1}). Nothing was changed.",
            ).format(backup_file.name, revisions[0] if revisions else translate("Messages", "none"))
        )
    if revisions[0] == _head:  # an older dump is checked by its upgrade, which runs in the server's transaction
        _check_pg_schema(tool, backup_file)
    current = open_database(db_url, migrate=False)
    try:
        previous = backup_before(current, paths, "before-restore")
    finally:
        current.close()
    uri, env = _libpq(db_url)
    _run(
        [tool, "--clean", "--if-exists", "--no-owner", "--single-transaction", f"--dbname={uri}", str(backup_file)],
        env,
        "pg_restore",
    )
    restored = open_database(db_url, migrate=False)
    try:
        from livedesk.services.db import schema_state, upgrade_schema

        current_rev, head = schema_state(restored)
        upgrade_schema(restored)
        from livedesk.services.changes import NOTIFY_FUNCTION_SQL

        with restored.engine.begin() as connection:  # the notify function is LiveDesk's own, whatever the dump held
            connection.exec_driver_sql(NOTIFY_FUNCTION_SQL)
    finally:
        restored.close()
    return RestoreResult(previous_backup=previous, upgraded_from=current_rev if current_rev != head else None)
