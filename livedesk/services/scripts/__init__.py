"""The run of show (直播脚本): segments, templates, pre-filled pitch lines, rehearsals.

One script per stream. Every change to its segments bumps the script (version, updated_at)
and withdraws its approval: an approved script is the one that was reviewed. A stream still
in 策划 (planned) moves to 脚本 (scripted) once its script has segments. Undo is
`snapshot_script` before a change and `replace_script_segments` with the snapshot after it.

Several people edit one database, so every editing function can take what the user saw (`expected`,
`expected_order`): when the stored script differs, it refuses with ScriptChangedError (or
SegmentChangedError for one field, SegmentGoneError when the segment was deleted) and writes nothing.
Segments are addressed by id, never by position, so a replay cannot land on the wrong segment.

Templates follow the field's rules (DOMAIN.md): opening first, traffic items (引流款) right
after it, the hero (爆款: most planned units, then most profit per unit) at the expected
traffic peak (30–40% into the slot), profit items after the hero, a welfare drop every N
minutes (20 by default), a closing push before the wrap-up. The slot is the stream's
planned length when it has one, else the template's (daily 2 h, special 3 h, big promotion 6 h).

* segments: the script and its segments, edits checked against what the user saw, approval
* templates: pitch lines and scripts built from a template and the lineup
* rehearsals: timing a rehearsal and marking the stream rehearsed
* view: what the script tab shows of a stream, as plain data
"""

from livedesk.services.scripts.rehearsals import (
    RehearsalReport,
    RehearsalRow,
    can_mark_rehearsed,
    finish_rehearsal,
    list_rehearsals,
    mark_rehearsed,
    record_segment_time,
    rehearsal_report,
    start_rehearsal,
)
from livedesk.services.scripts.segments import (
    KIND_LABELS,
    SEGMENT_FIELDS,
    Layout,
    ScriptChangedError,
    ScriptError,
    SegmentChangedError,
    SegmentGoneError,
    _touch,
    add_segment,
    arrange_segments,
    arranged_order,
    check_script,
    delete_segment,
    get_or_create_script,
    get_script,
    layout_of,
    list_segments,
    move_segment,
    plan_for,
    replace_script_segments,
    script_layout,
    segment_to_dict,
    set_approved,
    set_segment_times,
    snapshot_script,
    update_segment,
)
from livedesk.services.scripts.templates import (
    MIN_FILL,
    TEMPLATES,
    LineupEntry,
    Template,
    build_from_template,
    lineup_entries,
    pick_hero,
    pitch_head,
    pitch_lines,
    template_segments,
)
from livedesk.services.scripts.view import PitchDraft, ScriptView, SegmentData, pitch_draft, script_view

__all__ = [
    "PitchDraft",
    "ScriptView",
    "SegmentData",
    "pitch_draft",
    "script_view",
    "KIND_LABELS",
    "Layout",
    "LineupEntry",
    "MIN_FILL",
    "RehearsalReport",
    "RehearsalRow",
    "SEGMENT_FIELDS",
    "ScriptChangedError",
    "ScriptError",
    "SegmentChangedError",
    "SegmentGoneError",
    "TEMPLATES",
    "Template",
    "_touch",
    "add_segment",
    "arrange_segments",
    "arranged_order",
    "build_from_template",
    "can_mark_rehearsed",
    "check_script",
    "delete_segment",
    "finish_rehearsal",
    "get_or_create_script",
    "get_script",
    "layout_of",
    "lineup_entries",
    "list_rehearsals",
    "list_segments",
    "mark_rehearsed",
    "move_segment",
    "pick_hero",
    "pitch_head",
    "pitch_lines",
    "plan_for",
    "record_segment_time",
    "rehearsal_report",
    "replace_script_segments",
    "script_layout",
    "segment_to_dict",
    "set_approved",
    "set_segment_times",
    "snapshot_script",
    "start_rehearsal",
    "template_segments",
    "update_segment",
]
