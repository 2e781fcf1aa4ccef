"""Risky words underlined as the user types, using a compiled compliance TermSet (cached by the tab).

Errors get a red wave, warnings an amber wave, notes a grey dotted line. The checker counts Python
characters while Qt counts UTF-16 units, so positions are converted (an emoji before a word counts two).
"""

from __future__ import annotations

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat

from livedesk.services.compliance import TermSet, check_text, legal_rules
from livedesk.ui import theme
from livedesk.ui.script.labels import category_label, severity_label

_STYLES = {  # severity → (underline, theme colour of the line, background)
    "error": (QTextCharFormat.UnderlineStyle.WaveUnderline, "bad", "bad_bg"),
    "warning": (QTextCharFormat.UnderlineStyle.WaveUnderline, "warn", "warn_bg"),
    "note": (QTextCharFormat.UnderlineStyle.DotLine, "muted", None),
}


def utf16_index(text: str, index: int) -> int:
    """The Qt position of Python index `index` in `text`."""
    if text.isascii() or max(text[:index], default="\0") < "\U00010000":
        return index
    return index + sum(1 for c in text[:index] if c >= "\U00010000")


class ComplianceHighlighter(QSyntaxHighlighter):
    def __init__(self, document, terms: TermSet | None = None):
        super().__init__(document)
        self.terms = terms
        self.formats: dict[str, QTextCharFormat] = {}
        self._set_colours()
        theme.notifier().changed.connect(self._theme_changed)

    @property
    def format(self) -> QTextCharFormat:
        return self.formats["error"]

    def _set_colours(self) -> None:
        for severity, (underline, line, background) in _STYLES.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(underline)
            fmt.setUnderlineColor(theme.color(line))
            if background:
                fmt.setBackground(theme.color(background))
            self.formats[severity] = fmt

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
        rules = legal_rules()
        for finding in check_text(text, self.terms):
            fmt = QTextCharFormat(self.formats.get(finding.severity, self.formats["error"]))
            tip = f"{finding.term}：{category_label(finding.category)} · {severity_label(finding.severity)}"
            if finding.suggestion:
                tip += f"\n→ {finding.suggestion}"
            if finding.rule in rules:
                tip += f"\n{rules[finding.rule].source}"
            fmt.setToolTip(tip)
            start = utf16_index(text, finding.start)
            self.setFormat(start, utf16_index(text, finding.end) - start, fmt)

    def highlighted_terms(self, severities: tuple[str, ...] = ("error", "warning", "note")) -> list[str]:
        """The words marked in the document (for tests and the status line)."""
        wanted = {(self.formats[s].underlineStyle(), self.formats[s].underlineColor().name()) for s in severities}
        found: list[str] = []
        block = self.document().begin()
        while block.isValid():
            for r in block.layout().formats():
                if (r.format.underlineStyle(), r.format.underlineColor().name()) in wanted:
                    found.append(_utf16_slice(block.text(), r.start, r.length))
            block = block.next()
        return found


def _utf16_slice(text: str, start: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[start * 2:(start + length) * 2].decode("utf-16-le")
