"""A list to pick a name from, with an explicit "New…" entry: no free typing, so a typo cannot create a phantom."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QInputDialog, QWidget

_NEW = "\x00new"  # item data of the "New…" entry; no real name starts with NUL


def same_name(a: str, b: str) -> bool:
    """Names that differ only in case or spaces are the same account or person."""
    return "".join(a.split()).casefold() == "".join(b.split()).casefold()


class PickOrNewCombo(QComboBox):
    """Pick one of `names` (or none), or choose `new_text` to be asked for a new name.

    A new name that matches an existing one but for case or spaces picks the existing one instead.
    `ask(title, label)` returns the typed name or None; tests replace it.
    """

    name_added = Signal(str)  # a name typed through "New…" that was not in the list

    def __init__(
        self,
        names: Sequence[str],
        current: str,
        none_text: str,
        new_text: str,
        ask_title: str,
        ask_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ask_title, self.ask_label = ask_title, ask_label
        self.ask: Callable[[str, str], str | None] = self._ask_with_dialog
        self.addItem(none_text, "")
        for name in dict.fromkeys(n.strip() for n in names if n.strip()):
            self.addItem(name, name)
        self.insertSeparator(self.count())
        self.addItem(new_text, _NEW)
        self._previous = 0
        self.set_text(current)
        self.activated.connect(self._picked)

    def text(self) -> str:
        """The chosen name; "" for none."""
        value = self.currentData()
        return "" if value in (None, _NEW) else str(value)

    def names(self) -> list[str]:
        return [self.itemData(i) for i in range(self.count()) if self.itemData(i) not in (None, "", _NEW)]

    def set_text(self, name: str) -> None:
        """Select `name`, adding it to the list when it is not there (e.g. a stream's stored account)."""
        name = (name or "").strip()
        if not name:
            self.setCurrentIndex(0)
        else:
            self.setCurrentIndex(self._index_of(name))
        self._previous = self.currentIndex()

    def add_name(self, name: str) -> None:
        """Offer a name that was added elsewhere (another row's "New…") without selecting it."""
        if name.strip() and not any(same_name(name, n) for n in self.names()):
            self.insertItem(self._new_index() - 1, name.strip(), name.strip())

    def _index_of(self, name: str) -> int:
        for i in range(self.count()):
            value = self.itemData(i)
            if value not in (None, "", _NEW) and same_name(str(value), name):
                return i
        self.insertItem(self._new_index() - 1, name, name)  # before the separator
        return self._new_index() - 2

    def _new_index(self) -> int:
        return self.findData(_NEW)

    def _picked(self, index: int) -> None:
        if self.itemData(index) != _NEW:
            self._previous = index
            return
        name = (self.ask(self.ask_title, self.ask_label) or "").strip()
        if name:
            known = any(same_name(name, n) for n in self.names())
            self.set_text(name)
            if not known:
                self.name_added.emit(name)
        else:
            self.setCurrentIndex(self._previous)

    def _ask_with_dialog(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None


__all__ = ["PickOrNewCombo", "same_name"]
