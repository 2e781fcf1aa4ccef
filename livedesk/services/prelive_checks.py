"""What the pre-live checklist can tick by itself, because the app already knows it.

Four checks, each with the reason it passes or fails, read fresh whenever the checklist is shown:

* the script is approved (the Script tab's 定稿);
* the stream is rehearsed: marked 彩排, or its latest finished rehearsal timed every segment;
* the lineup's stock covers the planned units plus the buffer (the N+1 rule, Preferences → stock buffer);
* the script has no compliance findings (banned or risky words) left.

They are not stored: the answer follows the data (approving the script ticks the item at once, editing a
banned word back in unticks it), and nobody can tick by hand what the app can see is not true.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import Script, Stream, StreamStatus
from livedesk.services import compliance
from livedesk.services.lineups import lineup_summary
from livedesk.services.messages import translate
from livedesk.services.products import Rules
from livedesk.services.scripts import list_rehearsals, list_segments

# Items of the old default checklist that these checks replace: hidden from a stream's stored list so the
# same thing is never asked twice (a ticked-by-hand "彩排已完成" next to an automatic "rehearsed").
REPLACED_ITEMS = frozenset({"脚本已定稿且无违禁词", "彩排已完成"})
STATUS_ORDER = [s.value for s in StreamStatus]


@dataclass(frozen=True)
class AutoCheck:
    key: str  # script_approved, rehearsed, stock, compliance
    text: str  # the checklist item, in the user's language
    ok: bool
    reason: str  # why it is ticked, or what to do so it is


def auto_checks(session: Session, stream_id: int, rules: Rules | None = None) -> list[AutoCheck]:
    stream = session.get(Stream, stream_id)
    if stream is None:
        return []
    segments = list_segments(session, stream_id)
    return [
        _script_approved(session, stream_id, bool(segments)),
        _rehearsed(session, stream, len(segments)),
        _stock(session, stream_id, rules or Rules()),
        _compliance(session, stream_id, bool(segments)),
    ]


def _script_approved(session: Session, stream_id: int, has_segments: bool) -> AutoCheck:
    text = translate("Messages", "Script approved")
    approved = session.scalar(select(Script.approved).where(Script.stream_id == stream_id))
    if not has_segments:
        return AutoCheck("script_approved", text, False, translate("Messages", "No script yet: write or import it in the Script tab."))
    if approved:
        return AutoCheck("script_approved", text, True, translate("Messages", "Approved in the Script tab."))
    return AutoCheck("script_approved", text, False, translate("Messages", "Not approved yet: approve it in the Script tab."))


def _rehearsed(session: Session, stream: Stream, segment_count: int) -> AutoCheck:
    text = translate("Messages", "Rehearsal done")
    finished = [r for r in list_rehearsals(session, stream.id) if r.finished_at is not None]
    if finished:
        latest = max(finished, key=lambda r: (r.finished_at, r.id))
        timed = sum(1 for r in latest.rows if r.segment_id is not None and r.actual_seconds is not None)
        when = latest.finished_at.astimezone().strftime("%m-%d %H:%M") if latest.finished_at else ""
        if segment_count and timed >= segment_count:
            return AutoCheck("rehearsed", text, True, translate("Messages", "Rehearsed on {0}: all {1} segments timed.").format(
                when, segment_count))
    if stream.status in STATUS_ORDER and STATUS_ORDER.index(stream.status) >= STATUS_ORDER.index(StreamStatus.REHEARSED.value):
        return AutoCheck("rehearsed", text, True, translate("Messages", "The stream is marked rehearsed (彩排)."))
    if finished:
        return AutoCheck("rehearsed", text, False, translate(
            "Messages", "The last rehearsal ({0}) timed {1} of {2} segments: rehearse the whole run once.").format(
            when, timed, segment_count))
    return AutoCheck("rehearsed", text, False, translate("Messages", "No rehearsal yet: rehearse from the Script tab."))


def _stock(session: Session, stream_id: int, rules: Rules) -> AutoCheck:
    buffer = f"{(rules.stock_buffer * 100).normalize():f}"
    text = translate("Messages", "Stock covers the plan + {0}% (N+1)").format(buffer)
    summary = lineup_summary(session, stream_id, rules)
    if not summary.item_count:
        return AutoCheck("stock", text, False, translate("Messages", "The lineup is empty: add products in the Products tab."))
    short = [w for w in summary.stock_warnings if w.kind in ("no_stock", "short_for_stream", "welfare_over_stock")]
    if short:
        names = "、".join(dict.fromkeys(w.name for w in short))
        return AutoCheck("stock", text, False, translate("Messages", "Short: {0}. Restock or lower the planned units.").format(names))
    if summary.items_without_plan == summary.item_count:
        return AutoCheck("stock", text, False, translate(
            "Messages", "No planned units in the lineup: enter them in the Products tab so the stock can be checked."))
    if summary.items_without_plan:
        return AutoCheck("stock", text, True, translate(
            "Messages", "Every product with planned units has the stock ({0} without planned units not checked).").format(
            summary.items_without_plan))
    return AutoCheck("stock", text, True, translate("Messages", "All {0} products have stock for their planned units.").format(
        summary.item_count))


def _compliance(session: Session, stream_id: int, has_segments: bool) -> AutoCheck:
    text = translate("Messages", "No banned or risky words")
    if not has_segments:
        return AutoCheck("compliance", text, False, translate("Messages", "No script to check yet."))
    findings = compliance.check_script(session, stream_id)
    if not findings:
        return AutoCheck("compliance", text, True, translate("Messages", "The script was checked: nothing found."))
    terms = "、".join(dict.fromkeys(f.term for f in findings))
    return AutoCheck("compliance", text, False, translate(
        "Messages", "Risky words in the script: {0} ({1} in all). Fix them in the Script tab.").format(terms, len(findings)))
