"""Translated names for product roles, qualification states and the pool's warning flags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ROLES = ["traffic", "profit", "image", "welfare"]
QUALIFICATIONS = ["ok", "pending", "missing"]
STATES = ["below_margin_floor", "below_safety_stock", "short_for_lineups", "missing_qualification", "low_click_rate"]



def product_role_label(value: str) -> str:
    return {
        "traffic": QCoreApplication.translate("ProductLabels", "Traffic"),
        "profit": QCoreApplication.translate("ProductLabels", "Profit"),
        "image": QCoreApplication.translate("ProductLabels", "Image"),
        "welfare": QCoreApplication.translate("ProductLabels", "Welfare"),
    }.get(value, value)


def qualification_label(value: str) -> str:
    return {"ok": QCoreApplication.translate("ProductLabels", "On file"), "pending": QCoreApplication.translate("ProductLabels", "Pending"), "missing": QCoreApplication.translate("ProductLabels", "Missing")}.get(value, value)


def flag_label(value: str) -> str:
    """Short name of a warning, for the table's flag column."""
    return {
        "below_margin_floor": QCoreApplication.translate("ProductLabels", "Low margin"),
        "below_safety_stock": QCoreApplication.translate("ProductLabels", "Below stock line"),
        "short_for_lineups": QCoreApplication.translate("ProductLabels", "Short for lineups"),
        "missing_qualification": QCoreApplication.translate("ProductLabels", "No quality report"),
        "low_click_rate": QCoreApplication.translate("ProductLabels", "Low click rate"),
    }.get(value, value)


def state_label(value: str) -> str:
    """Name of a state filter."""
    return {
        "below_margin_floor": QCoreApplication.translate("ProductLabels", "Below margin floor"),
        "below_safety_stock": QCoreApplication.translate("ProductLabels", "Below stock line"),
        "short_for_lineups": QCoreApplication.translate("ProductLabels", "Short for upcoming lineups"),
        "missing_qualification": QCoreApplication.translate("ProductLabels", "Missing qualification"),
        "low_click_rate": QCoreApplication.translate("ProductLabels", "Elimination candidate (click rate < 3%)"),
    }.get(value, value)
