"""Risky words underlined as the user types, using a compiled compliance TermSet (cached by the tab)."""

from __future__ import annotations

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat

from livedesk.services.compliance import TermSet, check_text
from livedesk.ui import theme


class ComplianceHighlighter(QSyntaxHighlighter):
    def __init__(self, document, terms: TermSet | None = None):
        super().__init__(document)
        self.terms = terms
        self.format = QTextCharFormat()
        self.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._set_colours()
        theme.notifier().changed.connect(self._theme_changed)

    def _set_colours(self) -> None:
        self.format.setUnderlineColor(theme.color("bad"))
        self.format.setBackground(theme.color("bad_bg"))

    def _theme_changed(self) -> None:
        self._set_colours()
        if self.terms is not None:
            self.rehighlight()

    def set_terms(self, terms: TermSet | None) -> None:
        self.terms = terms
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        if self.terms is None or not text:
            return
        for finding in check_text(text, self.terms):
            fmt = QTextCharFormat(self.format)
            fmt.setToolTip(f"{finding.term} → {finding.suggestion}" if finding.suggestion else finding.term)
            self.setFormat(finding.start, finding.end - finding.start, fmt)

    def highlighted_terms(self) -> list[str]:
        """The words marked in the document (for tests and the status line)."""
        found: list[str] = []
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            for r in layout.formats():
                if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                    found.append(block.text()[r.start:r.start + r.length])
            block = block.next()
        return found
