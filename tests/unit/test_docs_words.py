"""The guides and READMEs name menus as the window shows them: every part of a bold menu path
(**Help ▸ User Guide**, **帮助 ▸ 用户指南**) is a string of the interface in that document's language, so a menu
renamed in the code (and in zh_CN.json, which docs/glossary.md keeps consistent) fails here until the docs follow."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = {"README.md": "en", "README.zh-CN.md": "zh_CN", "docs/user-guide.md": "en", "docs/zh_CN/用户指南.md": "zh_CN"}
NOT_OURS = {"Code", "Download ZIP"}  # the code hosting site's own menu (README.zh-CN: downloading the code)


def _plain(text: str) -> str:
    """A menu text without its mnemonic: "&File" → "File", "文件(&F)" → "文件"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").strip()


def interface_words(language: str) -> set[str]:
    dictionary = json.loads((ROOT / "resources" / "translations" / "zh_CN.json").read_text(encoding="utf-8"))
    return {_plain(t) for t in (dictionary.values() if language == "zh_CN" else dictionary.keys())}


def menu_paths(path: Path) -> list[list[str]]:
    spans = [s for line in path.read_text(encoding="utf-8").splitlines() for s in re.findall(r"\*\*(.+?)\*\*", line)]
    return [[part.strip() for part in span.split("▸")] for span in spans if "▸" in span]


@pytest.mark.parametrize("name", DOCS)
def test_menu_paths_are_the_window_own_words(name: str):
    words = interface_words(DOCS[name])
    paths = menu_paths(ROOT / name)
    assert paths, f"{name} names no menu"
    unknown = [" ▸ ".join(p) for p in paths if any(part not in words and part not in NOT_OURS for part in p)]
    assert unknown == []


def test_a_renamed_menu_is_caught():
    assert "Help" in interface_words("en") and "帮助" in interface_words("zh_CN")
    assert "Hilfe" not in interface_words("en")
