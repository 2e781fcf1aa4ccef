"""Text boxes read off a dashboard → the figures, by layout.

A dashboard prints each figure's label with its value below it (a tile) or to its right (a list row), often
with a smaller sub-line under the value ("峰值 1,650", "较上场 +12.4%"). The mapping:

1. sorts the boxes into labels (vocabulary.figure_for), sub-line labels (vocabulary.is_subline), numbers
   (parse_number: 万/亿/w, ¥/￥/元, %, thousands separators) and the rest; a box that holds a label and its value
   ("在线人数：1,234") is read at once;
2. pairs every label with the nearest number below it (horizontally overlapping) or right of it (on its line),
   cheapest pair first, each number used once; a sub-line label takes the number right of it first, and a
   signed number (+12.4%, ↑3%) is a change, never a figure;
3. parses each figure as what it is: counts are whole numbers, GMV money, the click rate a percent.

The same mapping reads pasted text (`read_text`: each line a row of boxes) and product-list rows
(`read_link_rows`, `read_link_line`: "#3 8.2% 45" → link 3, click rate 8.2%, 45 left).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from livedesk.services.capture.vocabulary import COUNTS, FIGURES, figure_for, is_subline

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％：￥（）", "0123456789.,-+%:¥()")
_NUMBER = re.compile(
    r"^(?P<sign>[+\-−↑↓▲▼])?(?P<yen>[¥])?(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<mult>万|亿|w|W|k|K)?(?P<unit>元|人|次|单|笔|件|个)?(?P<pct>%)?$"
)
_COMBINED = re.compile(r"^(?P<label>.*?[^\d\s¥+\-.,%])\s*[:：]?\s*(?P<value>[+\-−↑↓]?[¥]?\d[\d,]*(?:\.\d+)?(?:万|亿|w|W)?(?:元|人|次|单|笔|件)?%?)$")
_MULTIPLIERS = {"万": Decimal(10_000), "w": Decimal(10_000), "W": Decimal(10_000), "亿": Decimal(100_000_000),
                "k": Decimal(1_000), "K": Decimal(1_000)}
_MAX_COUNT = 1_000_000_000


@dataclass(frozen=True)
class TextBox:
    """One piece of text the OCR found: its box as (left, top, right, bottom) in pixels, and its confidence."""

    text: str
    box: tuple[float, float, float, float]
    score: float = 1.0

    @classmethod
    def from_quad(cls, quad: Sequence[Sequence[float]], text: str, score: float) -> TextBox:
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        return cls(text, (min(xs), min(ys), max(xs), max(ys)), float(score))

    @property
    def left(self) -> float:
        return self.box[0]

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def right(self) -> float:
        return self.box[2]

    @property
    def bottom(self) -> float:
        return self.box[3]

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    def as_json(self) -> dict[str, object]:
        return {"text": self.text, "box": [round(v, 1) for v in self.box], "score": round(self.score, 3)}


@dataclass(frozen=True)
class Number:
    value: Decimal  # with 万/亿 applied; a percent as written (8.2 for 8.2%)
    percent: bool
    money: bool  # ¥ or 元
    signed: bool  # +12.4%, ↑3: a change against something, never a figure


@dataclass
class Reading:
    """The figures read from one capture (None when the dashboard did not show it), and the boxes read."""

    online: int | None = None
    uv: int | None = None
    pv: int | None = None
    gmv: Decimal | None = None
    orders: int | None = None
    buyers: int | None = None
    click_rate: Decimal | None = None  # a fraction: 0.082 for 8.2%
    raw: list[TextBox] = field(default_factory=list)

    def figures(self) -> dict[str, int | Decimal | None]:
        return {name: getattr(self, name) for name in FIGURES}

    @property
    def empty(self) -> bool:
        return all(value is None for value in self.figures().values())

    def as_json(self) -> dict[str, object]:
        """online, uv, pv, gmv, orders, buyers, click_rate (null when absent) and raw, the text boxes."""
        out: dict[str, object] = {}
        for name, value in self.figures().items():
            out[name] = None if value is None else (float(value) if isinstance(value, Decimal) else value)
        out["raw"] = [b.as_json() for b in self.raw]
        return out


@dataclass(frozen=True)
class LinkReading:
    """One product link's figures from a product-list row or a typed line: "#3 8.2% 45"."""

    link_number: int
    click_rate: Decimal | None = None  # a fraction
    stock: int | None = None


def normalise(text: str) -> str:
    return str(text).translate(_FULL_WIDTH).replace(" ", "").replace("\u3000", "").strip()


def parse_number(text: str) -> Number | None:
    """1,234 · 1.2万 · ¥12.5万 · 3,456元 · 8.2% · +12.4% → a Number; anything else (峰值1,650, 12:30) → None."""
    match = _NUMBER.match(normalise(text))
    if match is None:
        return None
    try:
        value = Decimal(match["digits"].replace(",", ""))
    except InvalidOperation:
        return None
    if match["mult"]:
        value *= _MULTIPLIERS[match["mult"]]
    return Number(value, bool(match["pct"]), bool(match["yen"]) or match["unit"] == "元", bool(match["sign"]))


def figure_value(figure: str, number: Number) -> int | Decimal | None:
    """The number as the figure it is read for, or None when it cannot be that figure (a percent for GMV …)."""
    if number.signed:
        return None
    if figure == "click_rate":
        if number.money:
            return None
        rate = number.value / 100 if number.percent or number.value > 1 else number.value
        return rate if Decimal(0) <= rate <= Decimal(1) else None
    if number.percent:
        return None
    if figure == "gmv":
        return number.value.quantize(Decimal("0.01"))
    if figure in COUNTS:
        if number.money or number.value != number.value.to_integral_value() or number.value > _MAX_COUNT:
            return None
        return int(number.value)
    return None


# --- layout ------------------------------------------------------------------------------------------------


@dataclass
class _Label:
    box: TextBox
    figure: str | None  # None: a sub-line label (峰值, 较上场, …) that only takes the number right of it


def _split_combined(box: TextBox) -> tuple[str, str] | None:
    """"在线人数：1,234" / "成交金额¥12.5万" → (label, value) when the label is one we know."""
    match = _COMBINED.match(normalise(box.text))
    if match is None:
        return None
    if figure_for(match["label"]) is None and not is_subline(match["label"]):
        return None
    return match["label"], match["value"]


def _right_cost(label: TextBox, value: TextBox) -> float | None:
    same_line = abs(label.middle - value.middle) <= 0.6 * max(label.height, value.height)
    gap = value.left - label.right
    if not same_line or gap < -0.5 * label.height or gap > 12 * label.height:
        return None
    return max(gap, 0.0) / label.height


def _below_cost(label: TextBox, value: TextBox) -> float | None:
    gap = value.top - label.bottom
    if value.middle <= label.bottom or gap > 3.5 * label.height:
        return None
    slack = label.height  # a value is often a little left or right of its label's box
    overlaps = value.left <= label.right + slack and value.right >= label.left - slack
    if not overlaps:
        return None
    misalign = abs(value.left - label.left) / label.height
    return max(gap, 0.0) / label.height + 0.15 * misalign + 0.5  # a same-line value is nearer than one below


def read_boxes(boxes: Iterable[TextBox]) -> Reading:
    """The figures on a dashboard from its text boxes; the first reading of a figure wins (top-left first)."""
    raw = list(boxes)
    ordered = sorted(raw, key=lambda b: (b.top, b.left))
    reading = Reading(raw=raw)
    found: dict[str, int | Decimal] = {}
    labels: list[_Label] = []
    numbers: list[tuple[TextBox, Number]] = []
    for box in ordered:
        text = normalise(box.text)
        if not text:
            continue
        figure = figure_for(text)
        if figure is not None:
            labels.append(_Label(box, figure))
            continue
        if is_subline(text):
            split = _split_combined(box)
            if split is None:  # a lone 峰值 / 较上场 label: it takes the number right of it
                labels.append(_Label(box, None))
            continue  # 峰值1,650 in one box: neither a label nor a figure
        number = parse_number(text)
        if number is not None:
            numbers.append((box, number))
            continue
        split = _split_combined(box)
        if split is not None:
            figure = figure_for(split[0])
            parsed = parse_number(split[1])
            value = figure_value(figure, parsed) if figure and parsed else None
            if figure is not None and value is not None and figure not in found:
                found[figure] = value
    pairs: list[tuple[float, int, int]] = []
    for li, label in enumerate(labels):
        for ni, (box, _number) in enumerate(numbers):
            costs = [_right_cost(label.box, box)]
            if label.figure is not None:  # a sub-line label's number is on its own line
                costs.append(_below_cost(label.box, box))
            known = [c for c in costs if c is not None]
            if known:
                pairs.append((min(known), li, ni))
    pairs.sort()
    used_labels: set[int] = set()
    used_numbers: set[int] = set()
    for _cost, li, ni in pairs:
        if li in used_labels or ni in used_numbers:
            continue
        label = labels[li]
        number = numbers[ni][1]
        if label.figure is None:  # the sub-line label keeps its number away from the figures
            used_labels.add(li)
            used_numbers.add(ni)
            continue
        value = figure_value(label.figure, number)
        if value is None:  # +12.4% under GMV: not its value; the label looks further
            if number.signed:
                used_numbers.add(ni)
            continue
        used_labels.add(li)
        used_numbers.add(ni)
        found.setdefault(label.figure, value)
    for name, value in found.items():
        setattr(reading, name, value)
    return reading


# --- pasted text ----------------------------------------------------------------------------------------------

_LINE_HEIGHT = 20.0
_TOKEN = re.compile(r"\S+")


def text_boxes(text: str) -> list[TextBox]:
    """Pasted dashboard text as boxes: one row per line, one box per run of words or per number, in order, so a
    label line above a value line reads as a tile and "在线人数 1,234" as a row."""
    boxes: list[TextBox] = []
    for row, line in enumerate(str(text).splitlines()):
        top = row * _LINE_HEIGHT * 1.5
        pieces: list[str] = []
        for token in _TOKEN.findall(line.translate(_FULL_WIDTH)):
            if token in ("¥", "￥"):
                pieces.append(token)
            elif pieces and pieces[-1] in ("¥", "￥"):
                pieces[-1] += token
            elif pieces and parse_number(token) is None and parse_number(pieces[-1]) is None:
                pieces[-1] += token  # 成交金额 (元) is one label
            else:
                pieces.append(token)
        x = 0.0
        for piece in pieces:
            width = 12.0 * len(piece)
            boxes.append(TextBox(piece, (x, top, x + width, top + _LINE_HEIGHT)))
            x += width + 12.0
    return boxes


def read_text(text: str) -> Reading:
    """Text copied from a dashboard and pasted into the console, read by the same mapping."""
    return read_boxes(text_boxes(text))


# --- product links ----------------------------------------------------------------------------------------------

_LINK = re.compile(r"^#?(\d{1,3})(?:号|号链接)?$")
_STOCK_LABELS = ("库存", "剩余", "剩", "余量", "可售")
_CLICK_LABELS = ("商品点击率", "曝光点击率", "曝光-点击率", "点击率", "点击")


def read_link_line(text: str) -> LinkReading | None:
    """"#3 8.2% 45" (link, click rate, stock left) or a product-list row such as "3 加厚珊瑚绒毯 ¥59.9 点击率 8.2% 库存 45".

    The link number comes first; the click rate is the number with %; the stock is the number after 库存/剩余,
    else the last whole number without ¥. Returns None when the line names no link or neither figure."""
    tokens = _TOKEN.findall(str(text).translate(_FULL_WIDTH))
    if not tokens:
        return None
    link = _LINK.match(tokens[0])
    if link is None:
        return None
    click: Decimal | None = None
    stock: int | None = None
    bare: list[int] = []
    after_stock_label = False
    for token in tokens[1:]:
        click_label = next((p for p in _CLICK_LABELS if token.startswith(p)), None)
        if click_label is not None:  # 点击率8.2%: the label and its number in one piece
            token = token[len(click_label):].lstrip(":：")
            if not token:
                continue
        label = next((p for p in _STOCK_LABELS if token.startswith(p)), None)
        rest = token[len(label):].lstrip(":：") if label else token
        number = parse_number(rest) if rest else None
        if label and number is None:
            after_stock_label = True
            continue
        if number is None or number.signed:
            after_stock_label = False
            continue
        if number.percent and click is None:
            click = figure_value("click_rate", number)  # type: ignore[assignment]
        elif not number.percent and not number.money:
            count = figure_value("orders", number)
            if count is not None and (label or after_stock_label):
                stock = int(count)
            elif count is not None:
                bare.append(int(count))
        after_stock_label = False
    if stock is None and bare:
        stock = bare[-1]
    if click is None and stock is None:
        return None
    return LinkReading(int(link.group(1)), click, stock)


def read_link_rows(boxes: Iterable[TextBox]) -> list[LinkReading]:
    """A captured product list: boxes grouped into rows by height, each row read as a link line."""
    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        if rows and abs(rows[-1][-1].middle - box.middle) <= 0.6 * max(box.height, rows[-1][-1].height):
            rows[-1].append(box)
        else:
            rows.append([box])
    readings: dict[int, LinkReading] = {}
    for row in rows:
        line = " ".join(normalise(b.text) for b in sorted(row, key=lambda b: b.left))
        reading = read_link_line(line)
        if reading is not None:
            readings.setdefault(reading.link_number, reading)
    return list(readings.values())
