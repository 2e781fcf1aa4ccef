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

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


class SchemaTooNew(DatabaseError):
    pass


class Database:
    """One open database. `with db.session() as s:` is one unit of work: committed whole or rolled back."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.instance_lock = None  # set by the GUI: one window per SQLite file (services/instance_lock.py)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def file_path(self) -> Path | None:
        database = make_url(self.url).database
        if self.is_sqlite and database and database != ":memory:":
            return Path(database)
        return None

    def describe(self) -> str:
        """Where the data lives, for the status bar: a file path or a server without its password."""
        if self.file_path:
            return str(self.file_path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
        if self.instance_lock is not None:
            self.instance_lock.release()
            self.instance_lock = None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_database(url: str, migrate: bool = True) -> Database:
    """Open (creating if needed) and bring the schema up to date, backing up first when upgrading."""
    try:
        engine = make_engine(url)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError) as exc:
        raise DatabaseError(f"Cannot open the database {make_url(url).render_as_string(hide_password=True)}: {exc}") from exc
    db = Database(url, engine)
    if migrate:
        try:
            upgrade_schema(db)
        except BaseException:
            db.close()  # a refused or failed upgrade must not leave connections open
            raise
    return db


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
    from alembic import command
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
    if current is None and inspect(db.engine).get_table_names():
        tables = set(inspect(db.engine).get_table_names())
        if "streams" not in tables:
            raise DatabaseError(f"{db.describe()} is not a LiveDesk database. Choose another file.")
    if current is not None:
        backup = backup_before_upgrade(db, current)
        log.info("Upgrading schema %s -> %s (backup at %s)", current, head, backup)
    config = _alembic_config()
    try:
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
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
