"""A calm, centred message for a view with nothing to show yet, with the next step as a button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from livedesk.ui import theme


class EmptyState(QWidget):
    def __init__(self, title: str, body: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title_label = QLabel(title)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.body_label = QLabel(body)
        self.body_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body_label.setWordWrap(True)
        self.body_label.setMaximumWidth(640)
        theme.set_style(self.body_label, "color: $muted; font-size: 14px;")
        layout.addWidget(self.title_label)
        layout.addSpacing(8)
        # not added with an alignment: a centred word-wrapped label is laid out at one width and drawn at
        # another, and loses its last lines; between two stretches it keeps its height for its width
        self.body_label.setMinimumWidth(280)
        body_row = QHBoxLayout()
        body_row.addStretch(1)
        body_row.addWidget(self.body_label, 100)
        body_row.addStretch(1)
        layout.addLayout(body_row)
        self.buttons = QVBoxLayout()
        layout.addSpacing(16)
        layout.addLayout(self.buttons)
        layout.addStretch(3)

    def add_action(self, text: str, callback: Callable[[], None], name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumWidth(220)
        button.clicked.connect(lambda _checked=False: callback())  # not clicked(bool) into an optional argument
        self.buttons.addWidget(button, alignment=Qt.AlignmentFlag.AlignHCenter)
        return button
