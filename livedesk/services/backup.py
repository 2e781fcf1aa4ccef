"""Backups: consistent copies, daily rotation, copies before risky work, and a validated restore.

SQLite copies are made with `VACUUM INTO` (consistent even while another window writes). PostgreSQL
databases are dumped with `pg_dump` (custom format) and restored with `pg_restore`.

Backups live in `Paths.backups` as `livedesk-YYYYmmdd-HHMMSS.sqlite3` (daily) or
`livedesk-YYYYmmdd-HHMMSS-<reason>.sqlite3` (before an import, a restore, ...). Each kind is rotated
on its own, keeping the newest `Preferences.backups_kept`, so a busy day of imports never pushes the
daily copies out.

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
_NAME = re.compile(r"^livedesk-(\d{8})-(\d{6})(?:-([a-z0-9-]+?))?(?:-\d+)?\.(sqlite3|pgdump)$")


class InvalidBackup(DatabaseError):
    """The chosen file cannot be restored; nothing was changed."""


@dataclass
class RestoreResult:
    previous_backup: Path | None  # the copy of the database as it was before the restore
    upgraded_from: str | None  # the backup's schema revision when it had to be upgraded, else None


# ---------------------------------------------------------------------------------------------- backing up


def backup_now(db: Database, out_path: str | Path) -> Path:
    """A consistent copy of the whole database at `out_path` (written to a temp file, then moved in place)."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.partial")
    try:
        if db.is_sqlite:
            if db.file_path is None:
                raise DatabaseError(translate("Messages", "An in-memory database cannot be backed up."))
            vacuum_into(db, tmp)
        else:
            _pg_dump(db.url, tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise DatabaseError(
            translate("Messages", "Could not write the backup {0}: {1}").format(out, exc.strerror or exc)
        ) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    log.info("Backed up %s to %s", db.describe(), out)
    return out


def _suffix(db: Database) -> str:
    return SQLITE_SUFFIX if db.is_sqlite else PG_SUFFIX


def _reason_slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return slug[:40] or "manual"


def _new_name(folder: Path, stamp: str, reason: str, suffix: str) -> Path:
    base = f"{PREFIX}{stamp}" + (f"-{reason}" if reason else "")
    target = folder / f"{base}{suffix}"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}{suffix}"
        n += 1
    return target


def _kind(path: Path) -> tuple[str, str] | None:
    """(reason or "" for daily, date YYYYmmdd) for a file this module named, else None."""
    match = _NAME.match(path.name)
    if not match:
        return None
    return match.group(3) or "", match.group(1)


def list_backups(paths: Paths, reason: str | None = None) -> list[Path]:
    """Backups in the backups folder, oldest first; only those of one kind when `reason` is given ("" = daily)."""
    if not paths.backups.is_dir():
        return []
    found = []
    for path in paths.backups.iterdir():
        kind = _kind(path)
        if kind is not None and (reason is None or kind[0] == reason):
            found.append(path)
    return sorted(found, key=lambda p: p.name)


def rotate(paths: Paths, reason: str, keep: int) -> list[Path]:
    """Delete the oldest backups of one kind beyond `keep`; returns what was deleted."""
    keep = max(1, keep)
    existing = list_backups(paths, reason)
    doomed = existing[:-keep] if len(existing) > keep else []
    for path in doomed:
        try:
            path.unlink()
        except OSError as exc:
            log.warning("Could not delete the old backup %s: %s", path, exc)
    return doomed


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
    if any(_kind(p) == ("", today) for p in list_backups(paths, "")):
        return None
    target = _new_name(paths.backups, now.strftime("%Y%m%d-%H%M%S"), "", _suffix(db))
    backup_now(db, target)
    rotate(paths, "", keep)
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
    target = _new_name(paths.backups, dt.datetime.now().strftime("%Y%m%d-%H%M%S"), slug, _suffix(db))
    backup_now(db, target)
    rotate(paths, slug, keep)
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

    Raises InvalidBackup with the reason in words a user understands.
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
        check = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            detail = "; ".join(str(c) for c in check[:3])
            raise InvalidBackup(
                translate("Messages", "{0} is damaged (integrity check: {1}). Nothing was changed.").format(name, detail)
            )
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
    known, _head = known_revisions()
    if versions[0] not in known:
        raise InvalidBackup(
            translate(
                "Messages",
                "{0} was written by a newer version of LiveDesk (schema {1}). "
                "Update LiveDesk to restore it. Nothing was changed.",
            ).format(name, versions[0])
        )
    return versions[0]


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
    from livedesk.services import instance_lock

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
    try:
        previous = _save_current_sqlite(target, paths) if target.exists() else None
        staging = target.with_name(f".{target.name}.restoring")
        for leftover in _sqlite_files(staging):
            leftover.unlink()
        try:
            shutil.copyfile(backup_file, staging)
            upgraded_from = None
            if revision != head:
                staged = open_database(sqlite_url(staging), migrate=True)
                staged.close()
                upgraded_from = revision
            with sqlite3.connect(staging) as raw:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.close()
            for stale in _sqlite_files(target)[1:]:  # -wal / -shm of the old file must not meet the new one
                stale.unlink()
            os.replace(staging, target)
        except OSError as exc:
            raise DatabaseError(
                translate("Messages", "Could not replace {0}: {1}. The database was not changed.").format(
                    target, exc.strerror or exc
                )
            ) from exc
        finally:
            for leftover in _sqlite_files(staging):
                leftover.unlink()
            for sidecar in staging.parent.glob(f"{staging.stem}.before-*"):
                sidecar.unlink()
    finally:
        lock.release()
    log.info("Restored %s from %s (previous data backed up to %s)", target, backup_file, previous)
    return RestoreResult(previous_backup=previous, upgraded_from=upgraded_from)


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
    previous = _new_name(paths.backups, stamp, "before-restore-damaged", SQLITE_SUFFIX)
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
    finally:
        restored.close()
    return RestoreResult(previous_backup=previous, upgraded_from=current_rev if current_rev != head else None)
