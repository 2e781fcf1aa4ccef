"""Text as the matcher sees it: NFKC (full-width → half-width, compatibility forms), case-folded.

Separators (spaces, the full-width space, zero-width characters, punctuation and symbols) stay in the
normalised text, because context rules need them (第一，… 第二); the matcher skips them *inside* a term
instead, so 最 好, 最　好, 最\u200b好 and 最.好 all read as 最好.

`normalise(text)` returns the folded text and, only when a character folded into several (㎏ → kg,
ß → ss), an offset map from folded index to original index; otherwise offsets are the same and no map
is built, which keeps a keystroke cheap.
"""

from __future__ import annotations

import re
import unicodedata

# Characters skipped inside a term. Kept as ranges so the class stays one compiled character set.
SEPARATOR_CLASS = (
    "["
    r"\s\u00a0\u3000"  # spaces, no-break space, the full-width (ideographic) space
    r"\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"  # invisible
    r"!-/:-@\[-`{-~"  # ASCII punctuation and symbols (after NFKC, full-width ones land here)
    r"\u00a1-\u00bf\u00d7\u00f7"  # Latin-1 punctuation and signs
    r"\u2010-\u205e"  # general punctuation: dashes, quotes, …, ‧
    r"\u2190-\u23ff\u2460-\u27bf\u2900-\u2bff"  # arrows, technical, enclosed, boxes, shapes, dingbats
    r"\u3001-\u3003\u3008-\u3020\u3030\u303d\u30fb"  # CJK punctuation, brackets, 〜, ・
    r"\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # vertical, small, full-width
    r"\U0001f000-\U0001faff"  # emoji and pictographs
    "]"
)
_SEPARATOR = re.compile(SEPARATOR_CLASS)
SEPARATORS = re.compile(SEPARATOR_CLASS + "+")

_FOLD: dict[str, str] = {}
# Characters that certainly fold to themselves: ASCII other than capitals, CJK ideographs, and the punctuation
# a Chinese script is full of (separators keep their form). Only the others are looked at one by one.
_MAY_FOLD = re.compile(r"[^\x00-\x40\x5b-\x7f\u3400-\u4dbf\u4e00-\u9fff\u3000-\u3003\u3008-\u3011"
                       r"\u2018-\u201d\u2026\uff01-\uff0f\uff1a-\uff20]")


def fold_char(char: str) -> str:
    """One character NFKC-normalised and case-folded; a separator stays itself (its form does not matter)."""
    folded = _FOLD.get(char)
    if folded is None:
        if _SEPARATOR.fullmatch(char):
            folded = char
        else:
            folded = unicodedata.normalize("NFKC", char).casefold()
            if folded and SEPARATORS.fullmatch(folded):
                folded = char  # folds into separators only: keep the one character, offsets stay put
        _FOLD[char] = folded
    return folded


def normalise(text: str) -> tuple[str, list[int] | None]:
    """(folded text, offsets): offsets[i] is the index in `text` of folded character i, or None when the
    folded text has the same length and every index maps to itself."""
    table: dict[int, str] = {}
    expands = False
    for char in set(_MAY_FOLD.findall(text)):
        folded = fold_char(char)
        if folded != char:
            table[ord(char)] = folded
            if len(folded) != 1:
                expands = True
    if not table:
        return text, None
    if not expands:
        return text.translate(table), None
    pieces: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = table.get(ord(char), char)
        pieces.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(pieces), offsets


def compact(text: str) -> str:
    """`text` folded with every separator removed: the form terms are stored and compared in."""
    folded, _ = normalise(text)
    return SEPARATORS.sub("", folded)


def is_separator(char: str) -> bool:
    return bool(_SEPARATOR.fullmatch(char))


def original_span(offsets: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span in the original text of folded characters start..end."""
    if offsets is None:
        return start, end
    return offsets[start], offsets[end - 1] + 1
