"""What reading a review file gives: plain data (dataclasses, Decimal, aware datetimes), and the slot check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.review_vocabulary import (
    SHANGHAI,
)
from livedesk.services.messages import translate

# ---------------------------------------------------------------- plain results


@dataclass
class CurveRow:
    at: dt.datetime  # aware
    online: int | None = None
    entries: int | None = None
    leaves: int | None = None
    gmv: Decimal | None = None
    orders: int | None = None
    comments: int | None = None
    new_followers: int | None = None
    fan_club_joins: int | None = None
    ad_spend: Decimal | None = None  # 千川消耗 in this minute
    buyers: int | None = None  # 成交人数 in this minute: people, so never summed into the session's buyers


@dataclass
class ProductRow:
    name: str
    platform_product_id: str = ""
    exposure_users: int | None = None
    click_users: int | None = None
    buyers: int | None = None
    orders: int | None = None
    units: int | None = None
    gmv: Decimal | None = None
    refund_buyers: int | None = None


@dataclass
class ChannelRow:
    channel: str
    views: int | None = None
    spend: Decimal | None = None
    avg_watch_seconds: int | None = None
    gmv: Decimal | None = None


@dataclass(slots=True)  # 100,000 of them per export
class OrderRow:
    order_id: str
    amount: Decimal
    sub_order_id: str = ""
    product_name: str = ""
    spec: str = ""
    merchant_code: str = ""
    quantity: int = 1
    submitted_at: dt.datetime | None = None
    status: str = ""
    after_sale_status: str = ""
    traffic_source: str = ""
    cancel_reason: str = ""  # 取消原因: a closed order with one was never paid
    content_type: str = ""  # 流量体裁: 直播, 商品卡, 短视频…


ORDER_FIELDS = tuple(OrderRow.__dataclass_fields__)


@dataclass
class TableMapping:
    """How the columns of one table were understood: header in the file -> our field (None = ignored)."""

    sheet: str
    table: str  # trend, products, channels, orders
    header_row: int  # 1-based
    columns: dict[str, str | None]


@dataclass
class ParsedReviewData:
    file_name: str
    kind: str
    figures: dict[str, object] = field(default_factory=dict)
    quality: dict[str, int] = field(default_factory=dict)
    curve: list[CurveRow] = field(default_factory=list)
    products: list[ProductRow] = field(default_factory=list)
    channels: list[ChannelRow] = field(default_factory=list)
    orders: list[OrderRow] = field(default_factory=list)
    mappings: list[TableMapping] = field(default_factory=list)
    title: str = ""
    bases: dict[str, str] = field(default_factory=dict)  # figure -> how this file gives it
    unused_columns: list[tuple[str, str]] = field(default_factory=list)  # (sheet, header) read by no figure
    session: str | None = None  # which row of a list of sessions was taken
    span: tuple[dt.datetime, dt.datetime] | None = None  # the earliest and latest moment the file speaks of

    @property
    def rows(self) -> int:
        return len(self.curve) + len(self.products) + len(self.channels) + len(self.orders)

    def set_figure(self, name: str, value: object, quality: int, basis: str = "") -> None:
        """Keep the better-trusted of two values for the same figure (first one wins a tie)."""
        if value is None:
            return
        if name not in self.figures or quality > self.quality.get(name, -1):
            self.figures[name] = value
            self.quality[name] = quality
            self.bases[name] = basis

    def widen_span(self, *moments: dt.datetime | None) -> None:
        present = [m for m in moments if isinstance(m, dt.datetime)]
        if not present:
            return
        low, high = min(present), max(present)
        if self.span is not None:
            low, high = min(low, self.span[0]), max(high, self.span[1])
        self.span = (low, high)

    def add_unused(self, sheet: str, header: str) -> None:
        if header and (sheet, header) not in self.unused_columns:
            self.unused_columns.append((sheet, header))


@dataclass
class FileInspection:
    """What a file was recognised as, for a preview before importing."""

    file_name: str
    kind: str
    label: str
    mappings: list[TableMapping]
    recognised: bool = True  # False: no header matched; the user maps the columns (Kuaishou, Channels, …)


class NotRecognisedFailed(ImportFailed):
    """No sheet's headers match a known export: the columns must be mapped by hand."""


# ---------------------------------------------------------------- the stream's slot

SLOT_MARGIN = dt.timedelta(hours=2)


class WrongDayFailed(ImportFailed):
    """The file's times do not overlap the stream's slot: it belongs to another stream (or day)."""

    def __init__(self, file_name: str, message: str, span: tuple[dt.datetime, dt.datetime]) -> None:
        super().__init__(file_name, message)
        self.span = span


def _when(moment: dt.datetime) -> str:
    """A moment as the export reads it (Beijing time), plus this computer's time when that differs."""
    beijing = moment.astimezone(SHANGHAI)
    local = moment.astimezone()
    text = beijing.strftime("%Y-%m-%d %H:%M")
    if local.utcoffset() != beijing.utcoffset():
        text += " " + translate("Messages", "Beijing time ({0} on this computer)").format(local.strftime("%Y-%m-%d %H:%M"))
    return text


def check_slot(data: ParsedReviewData, start: dt.datetime, end: dt.datetime) -> None:
    """Refuse a file whose times do not overlap [start − 2 h, end + 2 h] (an export of another day)."""
    if data.span is None:
        return
    first, last = data.span
    if last >= start - SLOT_MARGIN and first <= max(end, start) + SLOT_MARGIN:
        return
    covered = _when(first) if first == last else f"{_when(first)} – {_when(last)}"
    message = translate(
        "Messages",
        "This export is from {0}, but the stream is on {1}. Nothing was imported. "
        "Import it into the stream of that day, or download the export of this stream from the platform.",
    ).format(covered, _when(start))
    raise WrongDayFailed(data.file_name, message, data.span)
