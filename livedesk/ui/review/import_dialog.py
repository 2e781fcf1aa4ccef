"""Preview of review files before importing: each file's detected kind and its column mapping, editable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from livedesk.services.importers.review_files import TableMapping, table_fields
from livedesk.services.order_rules import NOT_LIVE, OUTSIDE_WINDOW, UNPAID
from livedesk.services.review import FileReport
from livedesk.ui import formatting
from livedesk.ui.labels import import_field_label


@dataclass
class PreviewFile:
    """One file (or the clipboard) as the preview shows it."""

    key: str  # the path as given (or "clipboard")
    file_name: str
    kind: str
    label: str
    mappings: list[TableMapping]
    report: FileReport | None = None  # what the file gives and leaves out
    error: str | None = None  # why it would be refused
    matching_stream: tuple[int, str, dt.datetime] | None = None  # the stream a wrong-day file belongs to


class ReviewImportDialog(QDialog):
    """Lists the files with what they were recognised as; each column's field can be changed in a combo box."""

    def __init__(self, files: list[PreviewFile], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewImportDialog")
        self.setWindowTitle(self.tr("Import review data"))
        self.resize(640, 560)
        self.files = files
        # (file key, sheet, table, header) -> combo
        self.combos: dict[tuple[str, str, str, str], QComboBox] = {}
        self._detected: dict[tuple[str, str, str, str], str | None] = {}
        self.switch_to_stream: int | None = None  # set when the user chooses the stream a file belongs to
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Check what each file was recognised as and how its columns will be read. "
            "Change a column's field if it was guessed wrong, or set it to “(ignore)”."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for f in files:
            box = QGroupBox(f.file_name)
            box.setObjectName("previewFile")
            box_layout = QVBoxLayout(box)
            kind = QLabel(self.tr("Recognised as: {0}").format(f.label))
            kind.setObjectName("kindLabel")
            kind.setWordWrap(True)
            box_layout.addWidget(kind)
            self._add_findings(f, box_layout)
            for mapping in f.mappings:
                caption = QLabel(
                    self.tr("Sheet “{0}”, {1} table, header on row {2}").format(
                        mapping.sheet, self._table_name(mapping.table), mapping.header_row
                    )
                )
                caption.setStyleSheet("font-weight: 600;")
                box_layout.addWidget(caption)
                form = QFormLayout()
                fields = table_fields(mapping.table)
                for header, field in mapping.columns.items():
                    combo = QComboBox()
                    combo.addItem(self.tr("(ignore)"), None)
                    for name in fields:
                        combo.addItem(import_field_label(mapping.table, name), name)
                    combo.setCurrentIndex(max(0, combo.findData(field)) if field else 0)
                    key = (f.key, mapping.sheet, mapping.table, header)
                    self.combos[key] = combo
                    self._detected[key] = field
                    form.addRow(header, combo)
                box_layout.addLayout(form)
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_findings(self, f: PreviewFile, layout: QVBoxLayout) -> None:
        """What the file gives and leaves out: the session taken, orders not counted, unused columns, a refusal."""
        lines: list[tuple[str, str]] = []  # (object name, text)
        if f.error:
            lines.append(("previewError", self.tr("Will not import: {0}").format(f.error)))
        report = f.report
        if report is not None and report.session:
            lines.append(("previewSession", self.tr("Session taken: {0}").format(report.session)))
        if report is not None and report.orders:
            excluded = report.orders.get("excluded", {})
            reasons = {
                UNPAID: self.tr("unpaid or cancelled"),
                NOT_LIVE: self.tr("not from the live room (流量体裁)"),
                OUTSIDE_WINDOW: self.tr("outside the stream's time"),
            }
            left = [
                self.tr("{0} {1}").format(formatting.count(n), reasons.get(reason, reason))
                for reason, n in excluded.items() if n  # type: ignore[union-attr]
            ]
            text = self.tr("Orders counted: {0} lines.").format(formatting.count(report.orders.get("counted")))
            if left:
                text += " " + self.tr("Left out: {0}.").format(", ".join(left))
            lines.append(("previewOrders", text))
        if report is not None and report.unused_columns:
            names = ", ".join(column for _sheet, column in report.unused_columns)
            lines.append(("previewUnused", self.tr("Not used (no figure reads them): {0}").format(names)))
        for name, text in lines:
            label = QLabel(text)
            label.setObjectName(name)
            label.setWordWrap(True)
            if name == "previewError":
                label.setStyleSheet("font-weight: 600;")
            layout.addWidget(label)
        if f.matching_stream is not None:
            stream_id, title, start = f.matching_stream
            button = QPushButton(self.tr("Import into “{0}” ({1}) instead").format(title, formatting.date_time(start)))
            button.setObjectName("switchStreamButton")
            button.clicked.connect(lambda _=False, sid=stream_id: self._switch(sid))
            layout.addWidget(button)

    def _switch(self, stream_id: int) -> None:
        self.switch_to_stream = stream_id
        self.reject()

    def _table_name(self, table: str) -> str:
        return {
            "trend": self.tr("per-minute trend"),
            "products": self.tr("products"),
            "channels": self.tr("channels"),
            "orders": self.tr("orders"),
        }.get(table, table)

    def set_field(self, file_key: str, header: str, field: str | None) -> None:
        """Set a column's field in every table of a file that has this header (used by tests and scripts)."""
        for (key, _sheet, _table, h), combo in self.combos.items():
            if key == file_key and h == header:
                combo.setCurrentIndex(max(0, combo.findData(field)) if field else 0)

    def mapping_overrides(self) -> dict[str, dict[str, str | None]]:
        """{file key: {header: field or None}} for the columns the user changed."""
        result: dict[str, dict[str, str | None]] = {}
        for key, combo in self.combos.items():
            chosen = combo.currentData()
            if chosen != self._detected[key]:
                result.setdefault(key[0], {})[key[3]] = chosen
        return result
