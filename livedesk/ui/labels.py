"""Translated display names for the values the models store (platforms, statuses, roles…)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def platform_label(value: str) -> str:
    return {
        "douyin": QCoreApplication.translate("Labels", "Douyin"),
        "kuaishou": QCoreApplication.translate("Labels", "Kuaishou"),
        "taobao": QCoreApplication.translate("Labels", "Taobao Live"),
        "channels": QCoreApplication.translate("Labels", "Channels"),
        "xiaohongshu": QCoreApplication.translate("Labels", "Xiaohongshu"),
    }.get(value, value)


def status_label(value: str) -> str:
    return {
        "planned": QCoreApplication.translate("Labels", "Planned"),
        "scripted": QCoreApplication.translate("Labels", "Scripted"),
        "rehearsed": QCoreApplication.translate("Labels", "Rehearsed"),
        "live": QCoreApplication.translate("Labels", "Live"),
        "reviewed": QCoreApplication.translate("Labels", "Reviewed"),
    }.get(value, value)


def stream_type_label(value: str) -> str:
    return {"daily": QCoreApplication.translate("Labels", "Daily"), "special": QCoreApplication.translate("Labels", "Special"), "big_promotion": QCoreApplication.translate("Labels", "Big promotion")}.get(value, value)


def role_label(value: str) -> str:
    return {
        "host": QCoreApplication.translate("Labels", "Host"),
        "co_host": QCoreApplication.translate("Labels", "Co-host"),
        "controller": QCoreApplication.translate("Labels", "Controller"),
        "service": QCoreApplication.translate("Labels", "Customer service"),
        "paid_traffic": QCoreApplication.translate("Labels", "Paid traffic"),
        "operator": QCoreApplication.translate("Labels", "Operator"),
    }.get(value, value)


def incident_kind_label(kind: str) -> str:
    return {
        "network_drop": QCoreApplication.translate("LiveIncidents", "Network drop"),
        "device_fault": QCoreApplication.translate("LiveIncidents", "Device fault"),
        "banned_word": QCoreApplication.translate("LiveIncidents", "Banned word said"),
        "negative_comments": QCoreApplication.translate("LiveIncidents", "Negative-comment flood"),
        "price_questioned": QCoreApplication.translate("LiveIncidents", "Price questioned"),
        "out_of_stock": QCoreApplication.translate("LiveIncidents", "Out of stock"),
        "host_mistake": QCoreApplication.translate("LiveIncidents", "Host mistake"),
        "other": QCoreApplication.translate("LiveIncidents", "Other"),
    }.get(kind, kind)


PLATFORMS = ["douyin", "kuaishou", "taobao", "channels", "xiaohongshu"]
STATUSES = ["planned", "scripted", "rehearsed", "live", "reviewed"]
STREAM_TYPES = ["daily", "special", "big_promotion"]
ROLES = ["host", "co_host", "controller", "service", "paid_traffic", "operator"]
# Status colours are the theme's: livedesk.ui.theme.status_colour(status).
