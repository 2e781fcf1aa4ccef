"""The database: engine with the right pragmas, schema migrations, and a unit of work per user action."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from livedesk.services.errors import DatabaseDamaged, DatabaseError, SchemaTooNew, StaleRowError
from livedesk.services.messages import translate

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another writer before it is told the database is locked
# A server that does not answer is given up on after 5 s (connect), and a connection whose server vanished
# without a word (a laptop off the network) is found dead by TCP keepalives and tcp_user_timeout within
# seconds, instead of the operating system's minutes.
PG_CONNECT_ARGS = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15000,
}


def stale_edit() -> StaleRowError:
    """What a user is told when a write found the row changed or deleted by a teammate (StaleDataError)."""
    return StaleRowError(
        translate("Messages", "Someone else changed this record while you were editing it. Reload and try again.")
    )


class Database:
    """One open database. `with db.session() as s:` is one unit of work: committed whole or rolled back."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.instance_lock = None  # set by the GUI: one window per SQLite file (services/instance_lock.py)
        self.server_away = False  # team mode: the window's change listener lost the server and is retrying

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def file_path(self) -> Path | None:
        database = make_url(self.url).database
        if self.is_sqlite and database and database != ":memory:":
            if database.startswith("file:"):  # a SQLite URI (`?mode=ro&uri=true`): the path without the scheme
                database = database[len("file:"):]
            return Path(database)
        return None

    def server_address(self) -> str | None:
        """host:port/database of a team server, as services/pg_connection.py names its waits; None for SQLite."""
        if self.is_sqlite:
            return None
        url = make_url(self.url)
        return f"{url.host}:{url.port or 5432}/{url.database}"

    def describe(self) -> str:
        """Where the data lives, for the status bar: a file path or a server without its password."""
        if self.file_path:
            return str(self.file_path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work. A full disk, a read-only file, a lock held too long or a lost server becomes an
        EnvironmentFault (services/faults.py) saying what to do; a row a teammate changed or deleted since it
        was read (StaleDataError on flush or commit) becomes a ConcurrentEditError. The whole unit is rolled
        back either way. While the team server is known to be away (`server_away`) it says so at once: a
        query would wait for the network to give up (seconds), with the window's thread waiting on it."""
        if self.server_away:
            from livedesk.services.faults import server_away

            raise server_away(self.describe())
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException as exc:
            try:
                session.rollback()
            except SQLAlchemyError:  # the connection itself is gone (a server lost): nothing was committed
                log.warning("Rollback failed after %r", exc)
            from livedesk.services.faults import environment_fault

            fault = environment_fault(exc, self)
            if fault is not None:
                raise fault from exc
            if isinstance(exc, StaleDataError):
                raise stale_edit() from exc
            raise
        finally:
            session.close()

    @property
    def uid(self) -> str | None:
        """The stable id of this database (models/identity.py); None for a database without one yet."""
        if not hasattr(self, "_uid"):
            try:
                with self.engine.connect() as connection:
                    self._uid = connection.execute(text("SELECT uid FROM database_identity ORDER BY id")).scalar()
            except SQLAlchemyError:
                return None  # not cached: an older schema gets its identity when it is upgraded
        return self._uid

    def close(self) -> None:
        self.engine.dispose()
        if self.instance_lock is not None:
            self.instance_lock.release()
            self.instance_lock = None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)  # a `file:` URI names an existing file
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":  # libpq parameters: psycopg and psycopg2 take them alike
        chosen = {k: v for k, v in PG_CONNECT_ARGS.items() if k not in parsed.query}  # the URL's own win
        engine = create_engine(url, pool_pre_ping=True, connect_args=chosen)
        if parsed.get_driver_name() == "psycopg":  # its waits keep the window painting (services/server_wait.py)
            from livedesk.services import pg_connection

            event.listen(engine, "do_connect", pg_connection.connect)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_database(url: str, migrate: bool = True, check: bool = True) -> Database:
    """Open (creating if needed) and bring the schema up to date, backing up first when upgrading.

    An existing SQLite file is checked first (`PRAGMA quick_check`); a damaged one raises DatabaseDamaged.
    """
    try:
        engine = make_engine(url)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError) as exc:
        _raise_open_error(url, exc)
    db = Database(url, engine)
    if check and db.file_path is not None:
        try:
            quick_check(db)
        except BaseException:
            db.close()
            raise
    if migrate:
        try:
            upgrade_schema(db)
        except BaseException:
            db.close()  # a refused or failed upgrade must not leave connections open
            raise
    return db


def _raise_open_error(url: str, exc: BaseException) -> None:
    from livedesk.services.faults import environment_fault, sqlite_error_name

    where = make_url(url).render_as_string(hide_password=True)
    database = make_url(url).database
    if make_url(url).get_backend_name() == "sqlite" and database:
        if sqlite_error_name(exc) in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
            raise _damaged(Path(database), str(getattr(exc, "orig", exc))) from exc
        # a server that refuses a connection keeps the message below (its reason, or a password to ask for)
        fault = environment_fault(exc, None, where=database.removeprefix("file:"))
        if fault is not None:
            raise fault from exc
    raise DatabaseError(
        translate("Messages", "Cannot open the database {0}: {1}").format(where, getattr(exc, "orig", exc))
    ) from exc


def _damaged(path: Path, detail: str) -> DatabaseDamaged:
    import sqlite3

    uid = None
    try:  # the identity page often survives damage elsewhere; it finds this database's backups
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as raw:
            uid = raw.execute("SELECT uid FROM database_identity ORDER BY id").fetchone()[0]
        raw.close()
    except (sqlite3.Error, TypeError, OSError):
        pass
    return DatabaseDamaged(
        translate(
            "Messages",
            "{0} is damaged (check: {1}). LiveDesk did not change it. Restore the latest backup "
            "(File ▸ Backups in the window, or `livedesk restore FILE`); the damaged file is kept as a copy.",
        ).format(path, detail[:300]),
        path,
        uid,
    )


def quick_check(db: Database) -> None:
    """`PRAGMA quick_check` on a SQLite file: a damaged file is refused before anything reads or writes it."""
    path = db.file_path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return
    try:
        with db.engine.connect() as connection:
            rows = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA quick_check(5)")]
    except OperationalError as exc:
        from livedesk.services.faults import sqlite_error_name

        if sqlite_error_name(exc) in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
            raise _damaged(path, str(exc.orig)) from exc
        raise
    except SQLAlchemyError as exc:  # "file is not a database", a malformed schema
        raise _damaged(path, str(getattr(exc, "orig", exc))) from exc
    if rows != ["ok"]:
        raise _damaged(path, "; ".join(rows[:3]))


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def schema_state(db: Database) -> tuple[str | None, str]:
    """(the database's revision or None if it has none, the newest revision this app knows)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    with db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head  # type: ignore[return-value]


def _stored_revision(db: Database) -> str | None:
    """The database's revision read with plain SQL (None for a new database)."""
    try:
        with db.engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None


def upgrade_schema(db: Database) -> None:
    from livedesk.migrations import HEAD

    if _stored_revision(db) == HEAD:  # the usual case: up to date, and alembic stays unimported
        return
    from alembic.script import ScriptDirectory

    current, head = schema_state(db)
    if current == head:
        return
    known = {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNew(
            f"This database ({db.describe()}) was written by a newer version of LiveDesk "
            f"(schema {current}). Update LiveDesk to open it; it was left untouched."
        )
    if current is None:
        _clear_half_created(db)
    if current is not None:
        backup = backup_before_upgrade(db, current)
        log.info("Upgrading schema %s -> %s (backup at %s)", current, head, backup)
    _run_migrations(db)


def _clear_half_created(db: Database) -> None:
    """A database without a schema version: new (nothing to do), half-created by a crash (its empty tables
    are dropped so it is built again whole), or not LiveDesk's (refused)."""
    from livedesk.models import Base

    tables = set(inspect(db.engine).get_table_names())
    if not tables:
        return
    ours = set(Base.metadata.tables) | {"alembic_version"}
    if "streams" not in tables and not tables <= ours:
        raise DatabaseError(
            translate("Messages", "{0} is not a LiveDesk database. Choose another file.").format(db.describe())
        )
    with db.engine.connect() as connection:
        rows = {t: connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables & ours}
    if not tables <= ours or any(rows.values()):
        raise DatabaseError(
            translate(
                "Messages",
                "{0} holds LiveDesk data but has no schema version, so LiveDesk cannot tell how to open it. "
                "It was left untouched: restore a backup, or choose another file.",
            ).format(db.describe())
        )
    log.warning("%s was left half-created (tables %s, no schema version); building it again", db.describe(),
                sorted(tables))
    with _migration_connection(db) as connection:
        # children first: a foreign key never points at a dropped table
        for table in reversed(Base.metadata.sorted_tables):
            if table.name in tables:
                connection.exec_driver_sql(f'DROP TABLE "{table.name}"')
        if "alembic_version" in tables:
            connection.exec_driver_sql("DROP TABLE alembic_version")


@contextmanager
def _migration_connection(db: Database) -> Iterator:
    """A connection whose whole work is one transaction, DDL included.

    pysqlite commits before every CREATE/ALTER/DROP on its own, so a schema built on a normal connection
    is committed table by table and a kill halfway leaves half a database. Here the driver's own
    transaction handling is off and LiveDesk says BEGIN IMMEDIATE itself: all of it, or none.
    """
    if not db.is_sqlite:
        with db.engine.begin() as connection:  # PostgreSQL's DDL is transactional already
            yield connection
        return
    engine = create_engine(db.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, poolclass=NullPool)

    def connect(dbapi_connection, record) -> None:
        _sqlite_pragmas(dbapi_connection, record)
        dbapi_connection.isolation_level = None

    event.listen(engine, "connect", connect)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def _run_migrations(db: Database) -> None:
    """Every missing migration and the new schema version, committed together."""
    from alembic import command

    config = _alembic_config()
    try:
        with _migration_connection(db) as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        from livedesk.services.faults import environment_fault

        fault = environment_fault(exc, db)
        if fault is not None:
            raise fault from exc
        raise DatabaseError(f"Could not upgrade {db.describe()}: {exc.orig}") from exc


def backup_before_upgrade(db: Database, revision: str) -> Path | None:
    """A copy beside the database file, taken before its schema changes."""
    if not db.file_path:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db.file_path.with_name(f"{db.file_path.stem}.before-{revision}-{stamp}{db.file_path.suffix}")
    vacuum_into(db, target)
    return target


def vacuum_into(db: Database, target: Path) -> None:
    """A consistent copy of a SQLite database, even while others write to it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    with db.engine.connect() as connection:
        connection.exec_driver_sql("VACUUM INTO ?", (str(target),))
