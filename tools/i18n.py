"""Keep the zh_CN translation complete.

    uv run python -m tools.i18n            extract, fill from zh_CN.json, compile the .qm
    uv run python -m tools.i18n --missing  print the source strings that have no translation yet

Translations live in resources/translations/zh_CN.json (English source → Chinese), one entry per
source string, so the same English always reads the same in Chinese (see docs/glossary.md). The .ts is
generated from the code by pyside6-lupdate and filled from the JSON; the .qm is what the app loads.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "livedesk_zh_CN.ts"
QM = FOLDER / "livedesk_zh_CN.qm"
DICTIONARY = FOLDER / "zh_CN.json"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def sources() -> list[Path]:
    # The UI, and the services' user-facing messages (see livedesk/services/messages.py).
    return sorted([*(ROOT / "livedesk" / "ui").rglob("*.py"), *(ROOT / "livedesk" / "services").rglob("*.py")])


def extract(ts_path: Path) -> ET.ElementTree:
    """Run lupdate into ts_path (no line numbers, so the file changes only when strings do)."""
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, sources()), "-ts", str(ts_path), "-no-obsolete", "-locations", "none"],
        check=True, capture_output=True,
    )
    return ET.parse(ts_path)


def load_dictionary() -> dict[str, str]:
    return json.loads(DICTIONARY.read_text(encoding="utf-8")) if DICTIONARY.exists() else {}


def fill(tree: ET.ElementTree, dictionary: dict[str, str]) -> list[str]:
    """Write translations into the tree; return the sources still missing."""
    missing: list[str] = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = dictionary.get(source)
        if not text:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            form = ET.SubElement(translation, "numerusform")
            form.text = text
        else:
            translation.text = text
    return sorted(set(missing))


def build(ts_path: Path = TS, qm_path: Path = QM) -> list[str]:
    tree = extract(ts_path)
    missing = fill(tree, load_dictionary())
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), str(ts_path), "-qm", str(qm_path)], check=True, capture_output=True)
    return missing


def missing_sources() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        tree = extract(Path(tmp) / "check.ts")
        return fill(tree, load_dictionary())


def main() -> int:
    if "--missing" in sys.argv:
        for source in missing_sources():
            print(json.dumps(source, ensure_ascii=False))
        return 0
    missing = build()
    print(f"{TS.relative_to(ROOT)} and {QM.name} written; {len(missing)} strings without a translation")
    for source in missing:
        print("  missing:", json.dumps(source, ensure_ascii=False))
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
