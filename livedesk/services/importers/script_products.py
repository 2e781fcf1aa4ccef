"""Products an imported script names that the pool does not hold (yet).

A team often writes the run of show before the 选品表 is complete. Such a product is not an error: its
name stays on the segment (`Segment.product_name`, the cell as written), the import lists it, and
"Add to pool" creates it later (see `livedesk.services.scripts.add_unmatched_to_pool`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

NAME_LIMIT = 300  # Product.name and Segment.product_name

_LINK = re.compile(r"(\d+)\s*号链接|链接\s*(\d+)\s*号?")
_LINK_ONLY = re.compile(r"^\s*(\d+)\s*号?\s*$")


def split_link(text: str) -> tuple[str, int | None]:
    """(the product's name, the link number) of a 商品/链接号 cell: "面霜（7号链接）" → ("面霜", 7);
    "7号链接" → ("", 7); "面霜" → ("面霜", None)."""
    link = _LINK.search(text) or _LINK_ONLY.match(text)
    if not link:
        return text.strip(), None
    number = int(next(g for g in link.groups() if g))
    name = (text[: link.start()] + text[link.end():]).strip()
    name = re.sub(r"[()（）\[\]【】]", "", name).strip(" ,，/、")
    return name, number


@dataclass
class UnmatchedProduct:
    """One product the script names that is not (unambiguously) in the pool."""

    name: str  # what "Add to pool" names the product; the cell as written when it is only a link number
    link_number: int | None = None
    price: Decimal | None = None  # the sheet's 直播价, if it gives one
    rows: list[int] = field(default_factory=list)  # Excel rows (empty when read from a stored script)
    texts: list[str] = field(default_factory=list)  # the cells as written (Segment.product_name)
    reason: str = ""  # why it was not matched (not in the pool, several matches, no such link)

    @property
    def can_add(self) -> bool:
        """A bare link number ("7号链接") names no product, so it cannot be added to the pool."""
        return bool(split_link(self.texts[0] if self.texts else self.name)[0])


def group_unmatched(found: list[tuple[int | None, str, str, Decimal | None]]) -> list[UnmatchedProduct]:
    """One entry per product name, in the order the script first names them.

    `found`: (Excel row or None, the cell as written, why it did not match, the row's 直播价)."""
    entries: dict[str, UnmatchedProduct] = {}
    for row, text, reason, price in found:
        name, link = split_link(text)
        key = name or text
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = UnmatchedProduct(key[:NAME_LIMIT], link, reason=reason)
        if entry.link_number is None:
            entry.link_number = link
        if price is not None:
            entry.price = price
        if row is not None:
            entry.rows.append(row)
        if text not in entry.texts:
            entry.texts.append(text)
    return list(entries.values())
