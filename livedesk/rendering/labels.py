"""Words and figures shared by the window and the files it writes (segment types, durations)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def segment_kind_label(value: str) -> str:
    """A segment type (SegmentKind value) in the app's language."""
    return {
        "opening": QCoreApplication.translate("ScriptLabels", "Opening"),
        "gather": QCoreApplication.translate("ScriptLabels", "Gather"),
        "retain": QCoreApplication.translate("ScriptLabels", "Retain"),
        "pitch": QCoreApplication.translate("ScriptLabels", "Product pitch"),
        "proof": QCoreApplication.translate("ScriptLabels", "Proof/demo"),
        "interaction": QCoreApplication.translate("ScriptLabels", "Interaction"),
        "welfare": QCoreApplication.translate("ScriptLabels", "Welfare drop"),
        "closing_push": QCoreApplication.translate("ScriptLabels", "Closing push"),
        "encore": QCoreApplication.translate("ScriptLabels", "Encore"),
        "wrap_up": QCoreApplication.translate("ScriptLabels", "Wrap-up"),
    }.get(value, value)


def mmss(seconds: int) -> str:
    """A duration as m:ss (minutes may exceed 59)."""
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def minutes_text(value: int) -> str:
    """A length in minutes: 2小时05分 / 45分钟 in Chinese, 2h 05m / 45 min otherwise."""
    hours, rest = divmod(value, 60)
    if QLocale().language() == QLocale.Language.Chinese:
        return f"{hours}小时{rest:02d}分" if hours else f"{rest}分钟"
    return f"{hours}h {rest:02d}m" if hours else f"{rest} min"
