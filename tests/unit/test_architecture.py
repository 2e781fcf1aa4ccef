"""The import direction ui → services → models holds, and commands stay free of Qt."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "livedesk"
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_models_and_services_never_import_qt_or_the_ui():
    offenders = []
    for package in ("models", "services"):
        for path in (ROOT / package).rglob("*.py"):
            for name in imports_of(path):
                if name.split(".")[0] in FORBIDDEN or name.startswith("livedesk.ui"):
                    offenders.append(f"{path.relative_to(ROOT.parent)} imports {name}")
    assert offenders == []


def test_models_never_import_services():
    offenders = [
        f"{path.name} imports {name}"
        for path in (ROOT / "models").rglob("*.py")
        for name in imports_of(path)
        if name.startswith("livedesk.services")
    ]
    assert offenders == []


def test_command_line_commands_do_not_load_qt(tmp_path):
    code = (
        "import sys, json\n"
        "from livedesk.app import main\n"
        f"code = main(['--db', 'sqlite:///{tmp_path / 'c.sqlite3'}', 'streams', 'list', '--json'])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]\n"
        "print(json.dumps({'code': code, 'qt': loaded}), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "qt": []}
