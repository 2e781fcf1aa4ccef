"""A throwaway PostgreSQL server for the integration tests, started from the installed binaries.

One server per test session (initdb + pg_ctl on a free localhost port, its socket in a temp dir,
fsync off); each test gets a fresh, empty database on it. As root, the server runs as the `postgres`
system user (initdb refuses root). Without the binaries the PostgreSQL tests are skipped with the
reason; `.ci/run` installs them.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "livedesk"


def find_pg_bin() -> Path | None:
    explicit = os.environ.get("LIVEDESK_PG_BIN")
    candidates = [explicit] if explicit else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    bin: Path
    root: Path
    port: int
    run_as: str | None

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.run_as, "--", *args] if self.run_as else list(args)

    def run(self, *args: str) -> None:
        done = subprocess.run(self.cmd(*args), capture_output=True, text=True, check=False, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr or done.stdout}")

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)


def start_server(pg_bin: Path) -> PgServer:
    root = Path(tempfile.mkdtemp(prefix="livedesk-pg-"))
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(root, ignore_errors=True)
            pytest.skip("running as root and there is no `postgres` user to run the test server as")
        run_as = "postgres"
    (root / "socket").mkdir()
    if run_as:
        os.chmod(root, 0o755)
        shutil.chown(root, run_as)
        shutil.chown(root / "socket", run_as)
    server = PgServer(pg_bin, root, free_port(), run_as)
    data = root / "data"
    server.run(str(pg_bin / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
               "--locale=C", "--no-sync")
    options = f"-p {server.port} -k {server.socket_dir} -c listen_addresses=127.0.0.1 -F -c full_page_writes=off"
    server.run(str(pg_bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "server.log"), "-w",
               "-t", "60", "start")
    return server


def stop_server(server: PgServer) -> None:
    try:
        server.run(str(server.bin / "pg_ctl"), "-D", str(server.root / "data"), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    pg_bin = find_pg_bin()
    if pg_bin is None:
        pytest.skip("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb); "
                    "install Debian's `postgresql` package or set LIVEDESK_PG_BIN")
    server = start_server(pg_bin)
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of a fresh, empty database on the throwaway server, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    pg_server.admin(f'CREATE DATABASE "{name}"')
    yield pg_server.url(name)
    pg_server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'livedesk.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_db(any_url: str):
    from livedesk.services.db import open_database

    database = open_database(any_url)
    yield database
    database.close()


@pytest.fixture
def laptops(pg_url: str):
    """Two Databases on the same server database: this laptop (the window's) and a teammate's."""
    from livedesk.services.db import open_database

    mine, theirs = open_database(pg_url), open_database(pg_url)
    yield mine, theirs
    mine.close()
    theirs.close()


@pytest.fixture
def window(qtbot, laptops, paths):
    """This laptop's window on the team server, listening before anyone writes."""
    from livedesk.ui.main_window import MainWindow

    win = MainWindow(laptops[0], paths)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.change_watcher.listener is not None and win.change_watcher.listener.feed is not None,
                    timeout=10000)  # a bound, not a measurement
    yield win
    # Closed before the server database is dropped: a listener that sees its connection killed reconnects,
    # and one caught mid-reconnect outlasts the window's 3 s wait.
    listener = win.change_watcher.listener
    win.close()
    if listener is not None:
        listener.stop(wait=30)
        assert not listener.running

