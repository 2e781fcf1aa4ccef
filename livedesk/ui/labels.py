"""Translated display names for the values the models store (platforms, statuses, roles…)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def platform_label(value: str) -> str:
    return {
        "douyin": _t("Douyin"),
        "kuaishou": _t("Kuaishou"),
        "taobao": _t("Taobao Live"),
        "channels": _t("Channels"),
        "xiaohongshu": _t("Xiaohongshu"),
    }.get(value, value)


def status_label(value: str) -> str:
    return {
        "planned": _t("Planned"),
        "scripted": _t("Scripted"),
        "rehearsed": _t("Rehearsed"),
        "live": _t("Live"),
        "reviewed": _t("Reviewed"),
    }.get(value, value)


def stream_type_label(value: str) -> str:
    return {"daily": _t("Daily"), "special": _t("Special"), "big_promotion": _t("Big promotion")}.get(value, value)


def role_label(value: str) -> str:
    return {
        "host": _t("Host"),
        "co_host": _t("Co-host"),
        "controller": _t("Controller"),
        "service": _t("Customer service"),
        "paid_traffic": _t("Paid traffic"),
        "operator": _t("Operator"),
    }.get(value, value)


PLATFORMS = ["douyin", "kuaishou", "taobao", "channels", "xiaohongshu"]
STATUSES = ["planned", "scripted", "rehearsed", "live", "reviewed"]
STREAM_TYPES = ["daily", "special", "big_promotion"]
ROLES = ["host", "co_host", "controller", "service", "paid_traffic", "operator"]
STATUS_COLOURS = {
    "planned": "#8a8f98",
    "scripted": "#3b82f6",
    "rehearsed": "#8b5cf6",
    "live": "#ef4444",
    "reviewed": "#10b981",
}
