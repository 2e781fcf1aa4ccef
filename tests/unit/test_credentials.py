"""Database passwords go to the keyring; settings keep the URL without them."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError
from sqlalchemy.engine import make_url

from livedesk.config import Preferences
from livedesk.services import credentials as cred

URL = "postgresql+psycopg://team:s3cr%40t@db.example.com:6543/livedesk"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


class BrokenKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise KeyringError("no keyring daemon")

    def set_password(self, service, username, password):
        raise KeyringError("no keyring daemon")

    def delete_password(self, service, username):
        raise KeyringError("no keyring daemon")


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def broken_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    yield
    keyring.set_keyring(previous)


def test_key_names_user_host_port_database():
    assert cred.keyring_key(URL) == "team@db.example.com:6543/livedesk"
    assert cred.keyring_key("postgresql+psycopg://team@db/livedesk") == "team@db:5432/livedesk"


def test_store_moves_the_password_into_the_keyring(memory_keyring):
    clean = cred.store_password(URL)
    assert clean == "postgresql+psycopg://team@db.example.com:6543/livedesk"
    assert memory_keyring.store == {("LiveDesk", "team@db.example.com:6543/livedesk"): "s3cr@t"}
    assert cred.resolve_url(clean) == URL
    assert not cred.needs_password(clean)


def test_remember_saves_no_password_to_preferences(memory_keyring, paths):
    prefs = Preferences.load(paths)
    prefs.recent_databases = [URL]
    saved = cred.remember_database_url(URL, prefs, paths)
    text = paths.settings_file.read_text(encoding="utf-8")
    assert "s3cr" not in text
    assert json.loads(text)["database_url"] == saved == cred.strip_password(URL)
    assert Preferences.load(paths).recent_databases == [saved]


def test_no_password_anywhere_means_ask(memory_keyring):
    url = "postgresql+psycopg://team@db.example.com/livedesk"
    assert cred.needs_password(url)
    assert cred.resolve_url(url) == url
    typed = cred.with_password(url, "p w/ü")
    assert cred.needs_password(typed) is False
    cred.store_password(typed)
    assert cred.resolve_url(url) == typed
    cred.forget_password(url)
    assert cred.needs_password(url)
    cred.forget_password(url)  # nothing stored: no error


def test_broken_keyring_falls_back_to_asking_and_never_keeps_plain_text(broken_keyring, paths):
    prefs = Preferences()
    saved = cred.remember_database_url(URL, prefs, paths)
    assert "s3cr" not in saved and "s3cr" not in paths.settings_file.read_text(encoding="utf-8")
    assert cred.needs_password(saved)
    assert cred.resolve_url(saved) == saved
    cred.forget_password(saved)


def test_sqlite_urls_are_left_alone(memory_keyring):
    url = "sqlite:////tmp/a.sqlite3"
    assert cred.store_password(url) == url
    assert cred.resolve_url(url) == url
    assert not cred.needs_password(url)
    assert not cred.is_server_url(url)
    assert memory_keyring.store == {}


def test_unix_socket_host_in_the_query(memory_keyring):
    url = "postgresql+psycopg://team:pw@/livedesk?host=/run/postgresql"
    clean = cred.store_password(url)
    assert "pw" not in clean
    assert ("LiveDesk", "team@/run/postgresql:5432/livedesk") in memory_keyring.store
    resolved = make_url(cred.resolve_url(clean))
    assert resolved.password == "pw" and resolved.query["host"] == "/run/postgresql"
