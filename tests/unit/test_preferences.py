"""Preferences load type-safely from a hand-edited file and save through a temporary file of their own."""

from __future__ import annotations

import json
import logging
import os
import threading

import pytest

from livedesk.config import Preferences


def write(paths, values) -> None:
    paths.settings_file.write_text(json.dumps(values), encoding="utf-8")


def test_an_int_where_a_float_is_expected_is_accepted(paths):
    write(paths, {"uv_value_floor": 2, "margin_floor_profit": 0.25})
    prefs = Preferences.load(paths)
    assert prefs.uv_value_floor == 2.0 and isinstance(prefs.uv_value_floor, float)
    assert prefs.margin_floor_profit == 0.25


@pytest.mark.parametrize(("key", "value"), [
    ("warning_seconds", True),  # bool is an int in Python: refused where a number is meant
    ("backups_kept", False),
    ("uv_value_floor", True),
    ("warning_seconds", 90.5),
    ("warning_seconds", "90"),
    ("warning_sound", 1),
    ("language", 7),
    ("qualification_categories", "食品"),
    ("qualification_categories", ["食品", 3]),
    ("recent_databases", None),
])
def test_a_wrong_type_keeps_the_default_and_is_logged(paths, caplog, key, value):
    write(paths, {key: value, "order_grace_minutes": 45})
    with caplog.at_level(logging.WARNING, logger="livedesk.config"):
        prefs = Preferences.load(paths)
    assert getattr(prefs, key) == getattr(Preferences(), key)
    assert prefs.order_grace_minutes == 45  # the good values beside it still load
    assert any(key in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


def test_right_types_load_and_unknown_keys_are_ignored(paths):
    write(paths, {"warning_seconds": 90, "warning_sound": False, "qualification_categories": ["美妆"],
                  "language": "en", "something_newer": {"x": 1}})
    prefs = Preferences.load(paths)
    assert (prefs.warning_seconds, prefs.warning_sound, prefs.qualification_categories, prefs.language) == (
        90, False, ["美妆"], "en")


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "", "\"x\""])
def test_an_unreadable_file_gives_the_defaults(paths, text):
    paths.settings_file.write_text(text, encoding="utf-8")
    assert Preferences.load(paths) == Preferences()


def test_save_round_trips_and_leaves_no_temporary_file(paths):
    prefs = Preferences(uv_value_floor=1.5, warning_seconds=60, recent_databases=["/a/b.sqlite3"])
    prefs.save(paths)
    assert Preferences.load(paths) == prefs
    assert sorted(p.name for p in paths.config.iterdir()) == ["preferences.json"]


def test_save_writes_through_a_unique_temporary_file_in_the_same_folder(paths, monkeypatch):
    names = []
    real_replace = os.replace

    def spy(src, dst):
        names.append(os.fspath(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    Preferences(warning_seconds=1).save(paths)
    Preferences(warning_seconds=2).save(paths)
    assert len(names) == 2 and names[0] != names[1]
    assert all(os.path.dirname(n) == str(paths.config) for n in names)
    assert "prefs.tmp" not in names and str(paths.settings_file.with_suffix(".tmp")) not in names
    assert Preferences.load(paths).warning_seconds == 2


def test_two_saves_at_once_never_leave_half_a_file(paths):
    errors = []

    def save(n: int) -> None:
        try:
            for i in range(30):
                Preferences(warning_seconds=n * 100 + i, recent_databases=["x" * 2000]).save(paths)
        except Exception as exc:  # a shared fixed temp name fails here (the other thread moved it away)
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert raw["warning_seconds"] in {100 + i for i in range(30)} | {200 + i for i in range(30)}
    assert [p.name for p in paths.config.iterdir()] == ["preferences.json"]


def test_a_failed_save_keeps_the_old_file_and_removes_its_temporary(paths, monkeypatch):
    Preferences(warning_seconds=77).save(paths)

    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        Preferences(warning_seconds=5).save(paths)
    monkeypatch.undo()
    assert Preferences.load(paths).warning_seconds == 77
    assert [p.name for p in paths.config.iterdir()] == ["preferences.json"]
