"""Translated names for product roles, qualification states and the pool's warning flags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ROLES = ["traffic", "profit", "image", "welfare"]
QUALIFICATIONS = ["ok", "pending", "missing"]
STATES = ["below_margin_floor", "below_safety_stock", "short_for_lineups", "missing_qualification", "low_click_rate"]
ROLE_COLOURS = {"traffic": "#2563eb", "profit": "#059669", "image": "#7c3aed", "welfare": "#d97706"}


def _t(text: str) -> str:
    return QCoreApplication.translate("ProductLabels", text)


def product_role_label(value: str) -> str:
    return {
        "traffic": _t("Traffic"),
        "profit": _t("Profit"),
        "image": _t("Image"),
        "welfare": _t("Welfare"),
    }.get(value, value)


def qualification_label(value: str) -> str:
    return {"ok": _t("On file"), "pending": _t("Pending"), "missing": _t("Missing")}.get(value, value)


def flag_label(value: str) -> str:
    """Short name of a warning, for the table's flag column."""
    return {
        "below_margin_floor": _t("Low margin"),
        "below_safety_stock": _t("Below stock line"),
        "short_for_lineups": _t("Short for lineups"),
        "missing_qualification": _t("No quality report"),
        "low_click_rate": _t("Low click rate"),
    }.get(value, value)


def state_label(value: str) -> str:
    """Name of a state filter."""
    return {
        "below_margin_floor": _t("Below margin floor"),
        "below_safety_stock": _t("Below stock line"),
        "short_for_lineups": _t("Short for upcoming lineups"),
        "missing_qualification": _t("Missing qualification"),
        "low_click_rate": _t("Elimination candidate (click rate < 3%)"),
    }.get(value, value)
