"""Keep the zh_CN translation complete, and give English its plurals.

    uv run python -m tools.i18n            extract, fill from zh_CN.json, compile the .qm (zh_CN and en)
    uv run python -m tools.i18n --missing  print the source strings that have no translation yet

Translations live in resources/translations/zh_CN.json (English source → Chinese), one entry per
source string, so the same English always reads the same in Chinese (see docs/glossary.md). The .ts is
generated from the code by pyside6-lupdate and filled from the JSON; the .qm is what the app loads.

English is the source language, so livedesk_en.ts holds only the numerus messages ("%n stream(s) shown"):
their singular and plural forms are derived from the "(s)"/"(es)" pattern ("%n stream shown",
"%n streams shown"), with "are"/"have" after the noun made singular for one.
"""

from __future__ import annotations

import json
import re
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
EN_TS = FOLDER / "livedesk_en.ts"
EN_QM = FOLDER / "livedesk_en.qm"
_PLURAL = re.compile(r"(\w+)\((e?s)\)")
_VERBS = re.compile(r"\((e?s)\)(\s+)(are|have|were)\b")
_SINGULAR_VERBS = {"are": "is", "have": "has", "were": "was"}


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def sources() -> list[Path]:
    # The UI, the rendered files (reports, script PDF) and the services' user-facing messages (see livedesk/services/messages.py).
    return sorted(path for package in ("ui", "rendering", "services") for path in (ROOT / "livedesk" / package).rglob("*.py"))


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


def english_forms(source: str) -> tuple[str, str]:
    """("%n stream shown", "%n streams shown") for "%n stream(s) shown"; "(es)" works the same way."""
    singular = _VERBS.sub(lambda m: f"({m.group(1)}){m.group(2)}{_SINGULAR_VERBS[m.group(3)]}", source)
    singular = _PLURAL.sub(lambda m: m.group(1), singular)
    plural = _PLURAL.sub(lambda m: m.group(1) + m.group(2), source)
    return singular, plural


def fill_english(tree: ET.ElementTree) -> int:
    """Keep only the numerus messages, each with its two English forms; return how many."""
    root = tree.getroot()
    root.set("language", "en")
    root.set("sourcelanguage", "en")
    count = 0
    for context in list(root.iter("context")):
        for message in list(context.iter("message")):
            if message.get("numerus") != "yes":
                context.remove(message)
                continue
            translation = message.find("translation")
            assert translation is not None
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in english_forms(message.findtext("source") or ""):
                ET.SubElement(translation, "numerusform").text = form
            count += 1
        if context.find("message") is None:
            root.remove(context)
    return count


def build_english(ts_path: Path = EN_TS, qm_path: Path = EN_QM) -> int:
    tree = extract(ts_path)
    count = fill_english(tree)
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), str(ts_path), "-qm", str(qm_path)], check=True, capture_output=True)
    return count


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
    plurals = build_english()
    print(f"{EN_TS.relative_to(ROOT)} and {EN_QM.name} written; {plurals} plural messages")
    for source in missing:
        print("  missing:", json.dumps(source, ensure_ascii=False))
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
