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

# Characters skipped inside a term: everything that is not a letter, a digit or an ideograph — spaces (the
# full-width one too), zero-width characters, punctuation, symbols, emoji — and the underscore. A category
# test, so the matcher's expression, which repeats it between every two characters of every term, compiles fast.
SEPARATOR_CLASS = r"[\W_]"
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


def is_separator(char: str) -> bool:
    return bool(_SEPARATOR.fullmatch(char))


def original_span(offsets: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span in the original text of folded characters start..end."""
    if offsets is None:
        return start, end
    return offsets[start], offsets[end - 1] + 1
