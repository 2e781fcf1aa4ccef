"""Services are the only door to the database: the product, script and schedule tabs (and the error and
conflict dialogs) import neither SQLAlchemy nor the models, except for type hints."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "livedesk" / "ui"
CLEAN = [
    *sorted((UI / "products").glob("*.py")),
    *sorted(p for p in (UI / "script").glob("*.py") if p.name != "pdf.py"),  # pdf.py: moving to livedesk/rendering
    *sorted((UI / "schedule").glob("*.py")),
    UI / "file_router.py",
    UI / "conflict_dialog.py",
    UI / "errors.py",
]
FORBIDDEN = ("sqlalchemy", "livedesk.models")


def _type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def runtime_imports(path: Path) -> set[str]:
    """Modules imported at run time anywhere in the file (inside functions too), not under TYPE_CHECKING."""
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking_block(node):
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return names


def test_the_check_sees_imports_inside_functions_and_skips_type_hints(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from sqlalchemy.orm import Session\n"
        "def f():\n    from livedesk.models import Product\n"
    )
    assert runtime_imports(sample) == {"typing", "livedesk.models"}


def test_product_script_schedule_ui_reach_the_database_only_through_services():
    assert all(path.exists() for path in CLEAN)
    offenders = sorted(
        f"{path.relative_to(UI.parent)} imports {name}"
        for path in CLEAN
        for name in runtime_imports(path)
        if name.split(".")[0] == "sqlalchemy" or name == "livedesk.models" or name.startswith("livedesk.models.")
    )
    assert offenders == []
