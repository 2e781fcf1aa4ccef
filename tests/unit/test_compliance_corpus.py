"""Recall and false hits on the repo's own corpus of 直播话术 (tests/data/compliance_corpus.tsv, issue 15 point 6).

Each line of the corpus says which list entries a reviewer expects the checker to flag (a `~` marks a
low-severity note); `-` marks a clean line. The report is printed (pytest -s) and must read 100% recall
and 0 false hits.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from livedesk.services.compliance import check_text

CORPUS = Path(__file__).resolve().parents[1] / "data" / "compliance_corpus.tsv"


def load_corpus() -> list[tuple[Counter, str]]:
    lines = []
    for raw in CORPUS.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        expected, text = raw.split("\t", 1)
        wanted = Counter() if expected == "-" else Counter(e.strip() for e in expected.split(","))
        lines.append((wanted, text))
    return lines


def found_in(text: str) -> Counter:
    return Counter(("~" if f.severity == "note" else "") + f.entry for f in check_text(text))


def test_corpus_is_big_and_mixed() -> None:
    corpus = load_corpus()
    risky = [t for wanted, t in corpus if any(not e.startswith("~") for e in wanted)]
    clean = [t for wanted, t in corpus if not wanted]
    assert len(corpus) >= 150
    assert len(risky) >= 75 and len(clean) >= 75
    assert len({t for _, t in corpus}) == len(corpus)  # no line counted twice


def test_recall_and_false_hits_on_the_corpus() -> None:
    expected_total = missed = false_hits = 0
    risky_lines = caught_lines = clean_lines = flagged_clean = 0
    problems = []
    for wanted, text in load_corpus():
        found = found_in(text)
        expected_total += sum(wanted.values())
        line_missed = wanted - found
        line_false = found - wanted
        missed += sum(line_missed.values())
        false_hits += sum(line_false.values())
        if any(not e.startswith("~") for e in wanted):
            risky_lines += 1
            caught_lines += not line_missed
        if not wanted:
            clean_lines += 1
            flagged_clean += bool(found)
        if line_missed or line_false:
            problems.append(f"{text}  missed={dict(line_missed)} false={dict(line_false)}")
    recall = (expected_total - missed) / expected_total
    print(f"\ncompliance corpus: {expected_total} expected findings, recall {recall:.1%}; "
          f"risky lines caught {caught_lines}/{risky_lines}; false hits {false_hits}; "
          f"clean lines flagged {flagged_clean}/{clean_lines}")
    assert problems == []
    assert recall == 1.0 and false_hits == 0
