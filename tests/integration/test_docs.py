"""The READMEs and the user guides cannot go stale: what they show must work.

- Every `livedesk …` command line they show (in code blocks and `inline code`; also `uv run livedesk`,
  `livedesk-cli` and lines with `VAR=value` in front) is run, in the order of the document, against a demo
  database in a temporary data folder (Qt offscreen), and must exit 0. Files the commands name come from the
  shared test fixtures (the Douyin exports, the 直播脚本 and the 选品表 sample), copied into the working folder
  under their own names; files an earlier command writes (exports, backups) are used by the later ones.
- Synopsis lines with placeholders (`FILE`, `ID`, `URL`, `[--json]`, `a|b`…) cannot run as they stand: the
  command and every option they name must exist in the parser, and every listed choice must be accepted.
- Skipped, by design (parsed and checked against the parser, not run):
  * lines that open the window (no command: `uv run livedesk --demo`, `livedesk --lang en`): the window waits
    for a person; tests/ui/test_launch.py covers starting it;
  * lines whose `--db` is a PostgreSQL server address: no server at that address in a test run;
    tests/integration/test_postgres.py runs the commands against a throwaway server.
- The code blocks of each guide and its translation hold the same commands, so the languages stay in step.
- Every image and relative link in the documents exists, and each guide embeds all five screenshots of its
  language's gallery.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from livedesk.app import build_parser

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "README.zh-CN.md", ROOT / "docs" / "user-guide.md",
        ROOT / "docs" / "zh_CN" / "用户指南.md"]
TRANSLATIONS = [(ROOT / "README.md", ROOT / "README.zh-CN.md"),
                (ROOT / "docs" / "user-guide.md", ROOT / "docs" / "zh_CN" / "用户指南.md")]
GUIDE_GALLERIES = {ROOT / "docs" / "user-guide.md": "gallery/en", ROOT / "docs" / "zh_CN" / "用户指南.md": "../gallery/zh_CN"}
TABS = ["schedule", "products", "script", "live", "review"]
PROGRAMS = {"livedesk", "livedesk-cli"}
# The guides' example stream is number 28: the demo of this day holds 27 streams (the count depends on the day).
DEMO_DAY = dt.date(2026, 12, 4)
PLACEHOLDER = re.compile(r"^(?:[A-Z][A-Z-]*|[A-Z]+\.[a-z]+|YYYY-MM-DD HH:MM|COMMAND)$")


@dataclass
class DocCommand:
    doc: Path
    line: int
    text: str
    in_block: bool
    env: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}: {self.text}"

    @property
    def synopsis(self) -> bool:
        return any(c in self.text for c in "[]|…") or any(PLACEHOLDER.match(a) for a in self.args)


def _command(doc: Path, line: int, text: str, in_block: bool) -> DocCommand | None:
    """A `livedesk …` command line, or None for anything else (uv sync, pytest, SQL…)."""
    text = re.split(r"\s{3,}", text.strip().removeprefix("$ "))[0]  # drop an aligned description
    try:
        words = shlex.split(text, comments=True)
    except ValueError:
        return None
    env = {}
    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
        key, value = words.pop(0).split("=", 1)
        env[key] = value
    if words[:2] == ["uv", "run"]:
        words = words[2:]
    if not words or words[0] not in PROGRAMS:
        return None
    return DocCommand(doc, line, text, in_block, env, words[1:])


def commands_in(doc: Path) -> list[DocCommand]:
    found: list[DocCommand] = []
    in_block = False
    last_command_line = 0
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            in_block = not in_block
            continue
        if in_block:
            if line[:1].isspace() and line.strip() and last_command_line == number - 1:
                # an indented continuation of the command line above (a long synopsis)
                merged = _command(doc, found[-1].line, found[-1].text + " " + line.strip(), True)
                if merged is not None:
                    found[-1] = merged
                    last_command_line = number
                continue
            command = _command(doc, number, line, True)
            if command is not None:
                found.append(command)
                last_command_line = number
        else:
            for span in re.findall(r"`([^`]+)`", line):
                command = _command(doc, number, span, False)
                if command is not None:
                    found.append(command)
    return found


# --- the parser, for synopsis lines ------------------------------------------------------------------


def _subcommands(parser) -> dict:
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            return action.choices
    return {}


def check_against_parser(command: DocCommand) -> list[str]:
    """What the line names that the parser does not have (an empty list when the line is true)."""
    problems = []
    words = [w.strip("[]") for w in command.args]
    words = [w for w in words if w and w != "..."]
    parser = build_parser()
    parsers = [parser]
    known = dict(parser._option_string_actions)  # grows as the line goes down into its subcommands
    index = 0
    while index < len(words):
        word = words[index]
        if word.startswith("-"):
            name = word.split("=", 1)[0]
            action = known.get(name)
            if action is None:
                problems.append(f"{name} is not an option of `{parsers[-1].prog}`")
            elif action.nargs != 0 and "=" not in word and index + 1 < len(words):
                index += 1  # the option's value
                values = words[index].split("|") if "|" in words[index] else []
                if action.choices:
                    problems += [f"{name} does not accept {v}" for v in values if v not in action.choices]
        else:
            subcommands = _subcommands(parsers[-1])
            if word in subcommands:
                parsers.append(subcommands[word])
                known.update(subcommands[word]._option_string_actions)
            elif subcommands:
                problems.append(f"{word} is not a command of `{parsers[-1].prog}`")
        index += 1
    if len(parsers) > 1 and _subcommands(parsers[-1]):
        problems.append(f"`{parsers[-1].prog}` needs one of {sorted(_subcommands(parsers[-1]))}")
    return problems


def opens_the_window(command: DocCommand) -> bool:
    if command.synopsis or any(a in ("--version", "-h", "--help") for a in command.args):
        return False
    try:
        parsed = build_parser().parse_args(command.args)
    except SystemExit:  # a line the parser refuses: running it shows the parser's message
        return False
    return parsed.command is None


def needs_a_server(command: DocCommand) -> bool:
    return any(a.startswith("postgresql") for a in command.args)


# --- the tests ---------------------------------------------------------------------------------------


ALL = [c for doc in DOCS for c in commands_in(doc)]


def test_the_documents_show_commands():
    for doc in DOCS:
        assert commands_in(doc), f"{doc.relative_to(ROOT)} shows no livedesk command: is the extraction broken?"
    assert any(not c.synopsis for c in ALL) and any(c.synopsis for c in ALL)


@pytest.mark.parametrize("command", [c for c in ALL if c.synopsis], ids=str)
def test_synopsis_lines_match_the_parser(command: DocCommand):
    assert check_against_parser(command) == [], str(command)


@pytest.mark.parametrize("command", [c for c in ALL if not c.synopsis and (opens_the_window(c) or needs_a_server(c))],
                         ids=str)
def test_lines_that_cannot_run_here_still_parse(command: DocCommand):
    assert check_against_parser(command) == [], str(command)


@pytest.mark.parametrize("pair", TRANSLATIONS, ids=lambda p: f"{p[0].name}+{p[1].name}")
def test_a_translation_shows_the_same_commands(pair):
    english, chinese = ({c.text for c in commands_in(doc) if c.in_block} for doc in pair)
    assert english == chinese


def _runnable(doc: Path) -> list[DocCommand]:
    return [c for c in commands_in(doc) if not c.synopsis and not opens_the_window(c) and not needs_a_server(c)]


def _sequences() -> Iterator[tuple[str, list[DocCommand]]]:
    """Each document's runnable commands; a translation showing exactly the same ones runs once."""
    seen: dict[tuple[str, ...], str] = {}
    for doc in DOCS:
        commands = _runnable(doc)
        key = tuple(c.text for c in commands)
        if commands and key not in seen:
            seen[key] = doc.name
            yield doc.name, commands


@pytest.fixture
def demo_home(tmp_path: Path) -> Path:
    """A data folder whose database holds the demo data (the commands open it as the default database)."""
    from livedesk.config import Paths
    from livedesk.services.db import open_database
    from livedesk.services.demo import fill_demo

    home = tmp_path / "home"
    paths = Paths(home / "data", home / "config", home / "logs")
    for folder in (paths.data, paths.config, paths.logs):
        folder.mkdir(parents=True)
    db = open_database(f"sqlite:///{paths.default_database}")
    fill_demo(db, today=DEMO_DAY)
    db.close()
    return home


@pytest.fixture
def workdir(tmp_path: Path, fixtures_dir: Path) -> Path:
    """The folder the commands run in, holding the files they name (the fixtures under their own names)."""
    folder = tmp_path / "work"
    folder.mkdir()
    for source in [*sorted((fixtures_dir / "exports" / "douyin_tidy").iterdir()),
                   fixtures_dir / "products" / "选品表_样例.xlsx"]:
        if source.suffix in (".xlsx", ".csv"):
            shutil.copy(source, folder / source.name)
    for source in sorted((fixtures_dir / "capture").glob("*.png")):  # `livedesk capture read` examples
        shutil.copy(source, folder / source.name)
    return folder


@pytest.mark.parametrize("name,commands", list(_sequences()), ids=[n for n, _ in _sequences()])
def test_every_command_shown_runs_on_a_demo_database(name, commands, demo_home, workdir):
    for command in commands:
        env = {**os.environ, **command.env, "LIVEDESK_HOME": str(demo_home), "QT_QPA_PLATFORM": "offscreen"}
        env.pop("LIVEDESK_DB", None)
        done = subprocess.run([sys.executable, "-m", "livedesk", *command.args], cwd=workdir, env=env,
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, f"{command}\nexit {done.returncode}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr, f"{command}\n{done.stderr}"


# --- images and links --------------------------------------------------------------------------------


def references(doc: Path) -> list[tuple[int, str]]:
    """(line, target) of every image and link in a Markdown file, web addresses and anchors left out."""
    found = []
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        targets = re.findall(r"\]\(([^)\s]+)\)", line) + re.findall(r'<img[^>]*\ssrc="([^"]+)"', line)
        found += [(number, t) for t in targets if not re.match(r"[a-z]+:", t) and not t.startswith("#")]
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_every_image_and_link_exists(doc: Path):
    missing = [f"{doc.relative_to(ROOT)}:{line}: {target}" for line, target in references(doc)
               if not (doc.parent / target.split("#")[0]).exists()]
    assert missing == []


@pytest.mark.parametrize("guide", list(GUIDE_GALLERIES), ids=lambda d: d.name)
def test_each_guide_shows_every_tab_in_its_language(guide: Path):
    images = {target for _line, target in references(guide) if target.endswith(".png")}
    assert {f"{GUIDE_GALLERIES[guide]}/{tab}.png" for tab in TABS} <= images


def test_the_checks_catch_a_stale_line():
    """The checks themselves fail on what a stale document would say."""
    stale = _command(ROOT / "README.md", 1, "livedesk [--db URL] streams add --title TEXT --colour RED", True)
    assert check_against_parser(stale) == ["--colour is not an option of `livedesk streams add`"]
    wrong_choice = _command(ROOT / "README.md", 1, "livedesk streams add --platform douyin|weibo", True)
    assert check_against_parser(wrong_choice) == ["--platform does not accept weibo"]
    gone = _command(ROOT / "README.md", 1, "livedesk [--db URL] broadcast --now", True)
    assert check_against_parser(gone) != []
