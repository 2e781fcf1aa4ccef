"""The script tab's side panel: the selected segment's host lines (话术) with its findings, the compliance
findings of the whole script, and the rehearsals with planned against actual times."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livedesk.services import scripts, timeline
from livedesk.ui.script.highlighter import ComplianceHighlighter
from livedesk.ui.widgets.rows_model import RowsTableModel


class ScriptSidePanel(QTabWidget):
    """Segment · Compliance · Rehearsals (its strings translate in this context)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scriptSide")
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(4, 4, 4, 4)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.detail_title.setWordWrap(True)
        details_layout.addWidget(self.detail_title)
        details_layout.addWidget(QLabel(self.tr("Host lines (话术)")))
        self.host_edit = QPlainTextEdit()
        self.host_edit.setObjectName("hostLinesEditor")
        self.host_edit.setPlaceholderText(self.tr("What the host says in this segment…"))
        self.highlighter = ComplianceHighlighter(self.host_edit.document())
        details_layout.addWidget(self.host_edit, 3)
        self.detail_findings = QLabel()
        self.detail_findings.setObjectName("detailFindings")
        self.detail_findings.setWordWrap(True)
        details_layout.addWidget(self.detail_findings)
        self.addTab(details, self.tr("Segment"))

        self.findings_model = RowsTableModel([self.tr("Segment"), self.tr("Field"), self.tr("Term"),
                                              self.tr("Risk category"), self.tr("Severity"), self.tr("Suggestion")],
                                             parent=self)
        self.findings_view = QTableView()
        self.findings_view.setObjectName("findingsTable")
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_view.verticalHeader().hide()
        self.findings_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate([150, 80, 70, 110, 70]):
            self.findings_view.setColumnWidth(column, width)
        self.addTab(self.findings_view, self.tr("Compliance"))

        self.rehearsals_model = RowsTableModel([self.tr("Rehearsal"), self.tr("Segment"), self.tr("Planned time"),
                                                self.tr("Actual"), self.tr("Difference")], parent=self)
        self.rehearsals_view = QTableView()
        self.rehearsals_view.setObjectName("rehearsalsTable")
        self.rehearsals_view.setModel(self.rehearsals_model)
        self.rehearsals_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rehearsals_view.verticalHeader().hide()
        self.rehearsals_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.addTab(self.rehearsals_view, self.tr("Rehearsals"))

    def show_rehearsals(self, reports: list[scripts.RehearsalReport]) -> None:
        rows, bad = [], set()
        for n, report in enumerate(reports):
            label = self.tr("#{0} · {1}").format(len(reports) - n, report.started_at.astimezone().strftime("%m-%d %H:%M"))
            state = "" if report.finished_at else self.tr(" (not finished)")
            if report.finished_at and report.partial:
                state = self.tr(" (partial: {0} of {1} segments)").format(report.rehearsed_count, report.segment_count)
            whole = self.tr("Rehearsed segments") if report.partial else self.tr("Whole script")
            rows.append([label + state, whole, timeline.clock(report.planned_seconds),
                         timeline.clock(report.actual_seconds),
                         _signed(report.actual_seconds - report.planned_seconds)])
            for r in report.rows:
                if r.difference is not None and r.difference > 0:
                    bad.add(len(rows))
                rows.append(["", r.title, timeline.clock(r.planned_seconds),
                             "—" if r.actual_seconds is None else timeline.clock(r.actual_seconds),
                             "" if r.difference is None else _signed(r.difference)])
        self.rehearsals_model.set_rows(rows, bad_rows=bad)
        self.setTabText(2, self.tr("Rehearsals (%n)", "", len(reports)))


def _signed(seconds: float) -> str:
    return ("+" if seconds > 0 else "") + timeline.clock(seconds)
