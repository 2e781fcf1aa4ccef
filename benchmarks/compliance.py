"""Compliance checking speed (issue 15, point 6): a 3-hour script and one keystroke, as ratios to a floor.

`python -m benchmarks.compliance [--runs N]` runs on its own (no generated database needed);
`python -m benchmarks --only compliance` adds the rows to the main table.

* Whole script: 30 segments, about 20,000 characters of 话术 built from the repo's corpus, checked from cold
  (the TermSet's memory emptied each run). Floor: Python's `re` with a plain alternation of the list's
  literal terms over the same texts, no normalising and no context rules — the least a word-list check does.
  Target ≤ 20 ms.
* Keystroke (service): one character typed into one segment's host lines, then what the Script tab runs
  for it — that text checked, and every field of the 30 segments for the findings panel. Floor: the plain
  alternation over that one segment. Target ≤ 5 ms.
* Keystroke (editor): a character typed into the Script tab's host-lines editor (offscreen Qt), until the
  highlighter, the detail line and the findings panel are done and the event queue is empty. Floor: the
  same keystroke in a bare QPlainTextEdit whose QSyntaxHighlighter runs the plain alternation. Target ≤ 5 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "compliance_corpus.tsv"
SEGMENTS = 30
TARGET_CHARS = 20_000


@dataclass(frozen=True)
class FakeSegment:
    id: int
    title: str
    host_lines: str
    cues: str = "上架链接；发券"
    props: str = "样品、小白板"
    notes: str = ""


def corpus_lines() -> list[str]:
    lines = []
    for raw in CORPUS.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            lines.append(raw.split("\t", 1)[1])
    return lines


def three_hour_script() -> list[FakeSegment]:
    """30 segments of host lines cycling through the corpus (risky and clean lines mixed) to ~20,000 chars."""
    lines = corpus_lines()
    per_segment = TARGET_CHARS // SEGMENTS
    segments, cursor = [], 0
    for number in range(SEGMENTS):
        text = []
        while sum(len(t) + 1 for t in text) < per_segment:
            text.append(lines[cursor % len(lines)])
            cursor += 7  # a stride, so segments differ
        segments.append(FakeSegment(number + 1, f"环节{number + 1}", "\n".join(text)[:per_segment]))
    return segments


def plain_regex():
    from livedesk.services.compliance import builtin_terms

    literal = sorted((t.term.lower() for t in builtin_terms() if "{" not in t.term), key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in literal))


def _median_ms(fn, runs: int) -> tuple[float, float]:
    fn()  # warm-up
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        values.append((time.perf_counter() - start) * 1000)
    return statistics.median(values), max(values)


def _texts(segments) -> list[str]:
    return [getattr(s, f) or "" for s in segments for f in ("title", "host_lines", "cues", "props", "notes")]


def measure_script(runs: int) -> dict:
    from livedesk.services.compliance import TermSet, builtin_terms, check_segments

    segments = three_hour_script()
    chars = sum(len(t) for t in _texts(segments))
    terms = TermSet(builtin_terms())
    floor_re = plain_regex()
    texts = _texts(segments)

    def app() -> None:
        terms._memory.clear()
        terms._segment_memory.clear()
        check_segments(segments, terms)

    def floor() -> None:
        for text in texts:
            list(floor_re.finditer(text))

    measured, worst = _median_ms(app, runs)
    floored, _ = _median_ms(floor, runs)
    findings = len(check_segments(segments, terms))
    return {"chars": chars, "measured": measured, "worst": worst, "floor": floored, "findings": findings}


def measure_keystroke(runs: int) -> dict:
    from livedesk.services.compliance import TermSet, builtin_terms, check_segments, check_text

    segments = three_hour_script()
    terms = TermSet(builtin_terms())
    check_segments(segments, terms)  # the tab has checked the script once when it opened
    floor_re = plain_regex()
    edited = 12
    typed = "好用的面霜真的不错"
    state = {"n": 0}

    def app() -> None:
        state["n"] += 1
        text = segments[edited].host_lines + typed[: state["n"] % len(typed) + 1] + str(state["n"])
        rows = list(segments)
        rows[edited] = replace(rows[edited], host_lines=text)
        check_text(text, terms)  # the detail line under the editor
        check_segments(rows, terms)  # the findings panel

    def floor() -> None:
        state["n"] += 1
        list(floor_re.finditer(segments[edited].host_lines + str(state["n"])))

    measured, worst = _median_ms(app, runs * 30)
    floored, _ = _median_ms(floor, runs * 30)
    return {"chars": len(segments[edited].host_lines), "measured": measured, "worst": worst, "floor": floored}


def measure_editor_keystroke(runs: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="livedesk-bench-compliance-")  # the script's database; removed at the end
    os.environ.setdefault("LIVEDESK_HOME", home)  # never the user's settings
    import datetime as dt
    from zoneinfo import ZoneInfo

    from PySide6.QtGui import QSyntaxHighlighter
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from livedesk.config import app_paths
    from livedesk.models import Stream
    from livedesk.services import scripts
    from livedesk.services.db import open_database
    from livedesk.ui.launch import make_app
    from livedesk.ui.script.tab import ScriptTab

    app = QApplication.instance() or make_app()
    db = open_database(f"sqlite:///{Path(home) / 'bench.sqlite3'}")
    segments = three_hour_script()
    with db.session() as s:
        stream = Stream(title="三小时专场", start_at=dt.datetime(2026, 12, 20, 19, tzinfo=ZoneInfo("Asia/Shanghai")),
                        planned_minutes=180, stream_type="special", theme="大促")
        s.add(stream)
        s.flush()
        for number, seg in enumerate(segments):
            scripts.add_segment(s, stream.id, kind="pitch", title=seg.title, start_seconds=number * 360,
                                duration_seconds=360, host_lines=seg.host_lines, cues=seg.cues, props=seg.props)
        stream_id = stream.id
    tab = ScriptTab(db, app_paths())
    tab.resize(1400, 860)
    tab.show()
    tab.select_stream(stream_id)
    tab.select_segment(tab.model.row_at(12).id)
    tab.draft_timer.setInterval(10_000_000)  # the save after a pause is not part of a keystroke
    app.processEvents()
    cursor = tab.host_edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    tab.host_edit.setTextCursor(cursor)

    floor_re = plain_regex()

    class PlainHighlighter(QSyntaxHighlighter):
        def highlightBlock(self, text: str) -> None:  # noqa: N802
            for m in floor_re.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), self.format(0))

    bare = QPlainTextEdit()
    bare.resize(560, 400)
    bare.setPlainText(segments[12].host_lines)
    PlainHighlighter(bare.document())
    bare.show()
    app.processEvents()
    typed = "好用的面霜真的不错，"

    def keystrokes(editor) -> list[float]:
        out = []
        for char in typed:
            start = time.perf_counter()
            editor.insertPlainText(char)
            app.processEvents()
            out.append((time.perf_counter() - start) * 1000)
        return out

    def per_key(editor) -> tuple[float, float]:
        keystrokes(editor)  # warm-up
        values = [v for _ in range(max(1, runs)) for v in keystrokes(editor)]
        return statistics.median(values), max(values)

    measured, worst = per_key(tab.host_edit)
    floored, _ = per_key(bare)
    tab.draft_timer.stop()
    tab.hide()
    bare.hide()
    tab.deleteLater()
    bare.deleteLater()
    app.processEvents()
    db.close()
    shutil.rmtree(home, ignore_errors=True)
    return {"measured": measured, "worst": worst, "floor": floored}


def figure(ctx) -> list:
    """Rows for `python -m benchmarks` (the table of issue 8's harness)."""
    from benchmarks.figures import ms, ratio_row

    runs = max(5, ctx.runs * 5)
    script = measure_script(runs)
    key = measure_keystroke(runs)
    editor = measure_editor_keystroke(max(1, ctx.runs))
    return [
        ratio_row(f"compliance: 3-hour script ({script['chars']:,} chars)", script["floor"], script["measured"], 10, 20,
                  f"{SEGMENTS} segments, {script['findings']} findings, cold; slowest {ms(script['worst'])}; floor: "
                  "plain re alternation, no normalising or rules"),
        ratio_row("compliance: keystroke (service)", key["floor"], key["measured"], 15, 5,
                  f"re-check one {key['chars']}-char segment + panel over 30 segments; slowest {ms(key['worst'])}"),
        ratio_row("compliance: keystroke in the editor", editor["floor"], editor["measured"], 15, 5,
                  f"Script tab host-lines editor, offscreen; slowest {ms(editor['worst'])}; floor: bare editor "
                  "with a plain-regex highlighter"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compliance", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from benchmarks.__main__ import format_table

    @dataclass
    class Ctx:
        runs: int

    rows = figure(Ctx(max(1, args.runs)))
    print("LiveDesk compliance benchmark — median of runs after a warm-up")
    print(format_table(rows))
    return 0 if all(r.holds == "yes" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
