"""The review column mapper shows field names a person reads, in the app's language, never internal keys."""

from __future__ import annotations

from livedesk.services.importers.review_files import TABLE_FIELDS, TableMapping
from livedesk.ui.labels import import_field_label
from livedesk.ui.review.import_dialog import PreviewFile, ReviewImportDialog


def test_every_import_field_has_a_readable_name(qapp):
    for table, fields in TABLE_FIELDS.items():
        for field in fields:
            label = import_field_label(table, field)
            assert label and label != field and "_" not in label, (table, field, label)
    assert import_field_label("trend", "gmv") == "GMV per minute" and import_field_label("products", "gmv") == "GMV"


def test_the_mapper_lists_translated_names_and_keeps_the_keys(qtbot):
    mapping = TableMapping("渠道", "channels", 1, {"渠道": "channel", "消耗": "spend", "人均时长": "avg_watch_seconds"})
    dialog = ReviewImportDialog([PreviewFile("a.xlsx", "a.xlsx", "channels", "Traffic channels", [mapping])])
    qtbot.addWidget(dialog)
    combo = dialog.combos[("a.xlsx", "渠道", "channels", "消耗")]
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert "Ad spend" in shown and "Average watch time (s)" in shown and "Traffic channel" in shown
    assert not {"channel", "spend", "avg_watch_seconds"} & set(shown)
    assert combo.currentText() == "Ad spend" and combo.currentData() == "spend"
    dialog.set_field("a.xlsx", "消耗", "views")
    assert combo.currentText() == "Views" and dialog.mapping_overrides() == {"a.xlsx": {"消耗": "views"}}
