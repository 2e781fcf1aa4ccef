"""Build the one-folder app with PyInstaller (build.spec) and run the built program.

Slow (the build takes a minute or two): `pytest -m slow tests/integration/test_packaging.py`.
Checks that the frozen app starts, prints its version, renders every tab offscreen in both languages
(so the translations are inside it), runs its migrations (the demo database is created) and finds its
compliance word list (a script with 顶级 is flagged).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("packaging")
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "build")],
        cwd=ROOT, capture_output=True, text=True, timeout=1200, check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    folder = tmp / "dist" / "LiveDesk"
    assert folder.is_dir()
    return folder


def _exe(folder: Path, name: str) -> Path:
    return folder / (name + (".exe" if sys.platform == "win32" else ""))


def _run(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIVEDESK_HOME": str(home)}
    env.pop("LIVEDESK_DB", None)
    done = subprocess.run([str(_exe(folder, "livedesk-cli")), *args], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


def test_both_programs_are_built_with_their_resources(built: Path) -> None:
    assert _exe(built, "LiveDesk").exists() and _exe(built, "livedesk-cli").exists()
    data = built / "_internal" if (built / "_internal").exists() else built
    for part in [
        "resources/translations/livedesk_zh_CN.qm",
        "resources/translations/livedesk_en.qm",
        "resources/wordlists/compliance_zh.json",
        "resources/icons/livedesk.svg",
        "livedesk/migrations/env.py",
        "docs/user-guide.md",  # Help ▸ User Guide, offline
        "docs/zh_CN/用户指南.md",
        "docs/gallery/zh_CN/live.png",
        "README.zh-CN.md",
    ]:
        assert (data / part).exists(), part


def test_version(built: Path, tmp_path: Path) -> None:
    from livedesk import __version__

    done = _run(built, tmp_path / "home", "--version")
    assert done.stdout.strip() == f"LiveDesk {__version__}"
    gui = subprocess.run([str(_exe(built, "LiveDesk")), "--version"], capture_output=True, text=True, timeout=120,
                         check=False)
    assert gui.returncode == 0


def test_screenshots_in_both_languages(built: Path, tmp_path: Path) -> None:
    shots = {}
    for lang in ("en", "zh_CN"):
        out = tmp_path / "shots" / lang
        _run(built, tmp_path / "home", "--demo", "screenshot", "--out", str(out), "--lang", lang)
        shots[lang] = sorted(out.glob("*.png"))
        assert [p.stem for p in shots[lang]] == sorted(["schedule", "products", "script", "live", "review"])
        assert all(p.stat().st_size > 10_000 for p in shots[lang])
    # The Chinese pictures differ from the English ones: the .qm was found inside the frozen app.
    english = {p.name: p.read_bytes() for p in shots["en"]}
    assert all(p.read_bytes() != english[p.name] for p in shots["zh_CN"])


def test_migrations_and_word_list_inside_the_frozen_app(built: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    _run(built, home, "demo")  # creates the database with the bundled migrations
    streams = _run(built, home, "streams", "list").stdout.splitlines()
    stream_id = streams[-1].split()[0]
    script = tmp_path / "script.csv"
    script.write_text("测试脚本\n时间节点,环节,主播动作/口播\n5分钟,开场,欢迎来到直播间\n15分钟,讲解,这是顶级面料\n",
                      encoding="utf-8")
    _run(built, home, "script", "import", str(script), "--stream", stream_id)
    findings = json.loads(_run(built, home, "script", "check", "--stream", stream_id, "--json").stdout)
    assert "顶级" in {f["term"] for f in findings}


def test_the_built_app_reads_a_dashboard_offline(built: Path, tmp_path: Path) -> None:
    """Live capture's OCR models are inside the build: `capture read` and the OCR process (the app started with
    --capture-worker, as the console starts it) read the sample dashboard."""
    sample = ROOT / "tests" / "fixtures" / "capture" / "douyin_dashboard.png"
    done = _run(built, tmp_path / "home", "capture", "read", str(sample), "--json")
    data = json.loads(done.stdout)
    assert (data["online"], data["gmv"], data["click_rate"]) == (1234, 125000.0, 0.082)
    from livedesk.services.capture.worker import encode_request

    worker = subprocess.run([str(_exe(built, "LiveDesk")), "--capture-worker"], input=encode_request(1, sample.read_bytes()),
                            capture_output=True, timeout=300, check=False)
    lines = [json.loads(line) for line in worker.stdout.splitlines()]
    assert worker.returncode == 0 and lines[0]["ready"] and lines[1]["ok"]
    assert any(box["text"] == "商品点击率" for box in lines[1]["boxes"])
