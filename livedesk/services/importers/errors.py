"""Errors an import can raise, in words a user understands."""

from __future__ import annotations

from dataclasses import dataclass, field

from livedesk.services.errors import UserError
from livedesk.services.messages import translate


@dataclass(frozen=True)
class CellProblem:
    """One bad value: where it is, what it holds and why it is refused."""

    row: int | None  # 1-based row number as the user sees it in Excel, None for the whole file
    column: str | None  # the header as written in the file
    value: str
    reason: str
    sheet: str | None = None

    def describe(self, file_name: str | None = None) -> str:
        where = []
        if file_name:
            where.append(file_name)
        if self.sheet:
            where.append(translate("Messages", "sheet {0}").format(self.sheet))
        if self.row is not None:
            where.append(translate("Messages", "row {0}").format(self.row))
        if self.column:
            where.append(translate("Messages", "column {0}").format(self.column))
        value = self.value if len(self.value or "") <= 80 else self.value[:80] + "…"  # never echo a 5 MB cell
        shown = " " + translate("Messages", "value {0}:").format(repr(value)) if value not in ("", None) else ""
        return f"{', '.join(where)}:{shown} {self.reason}"


@dataclass
class ImportFailed(UserError):
    """The file cannot be imported; nothing was written.

    `message` says what is wrong and what to do; `problems` lists every bad cell.
    """

    file_name: str
    message: str
    problems: list[CellProblem] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{self.file_name}: {self.message}"]
        lines += [f"  - {p.describe()}" for p in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append("  … " + translate("Messages", "and {0} more").format(len(self.problems) - 200))
        return "\n".join(lines)
