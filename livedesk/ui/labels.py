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


def import_field_label(table: str, field: str) -> str:
    """The name a person reads for a review-import field (the column mapper), never the internal key.

    `table` is "trend", "products", "channels" or "orders": "gmv" is GMV per minute on the trend and a
    product's GMV in the products table. Unknown keys are shown as they are.
    """

    shared = {
        "gmv": QCoreApplication.translate("ImportFields", "GMV"),
        "orders": QCoreApplication.translate("ImportFields", "Orders"),
        "buyers": QCoreApplication.translate("ImportFields", "Buyers"),
        "new_followers": QCoreApplication.translate("ImportFields", "New followers"),
    }
    by_table = {
        "trend": {
            "time": QCoreApplication.translate("ImportFields", "Time"),
            "online": QCoreApplication.translate("ImportFields", "Online viewers"),
            "entries": QCoreApplication.translate("ImportFields", "Entries"),
            "leaves": QCoreApplication.translate("ImportFields", "Leaves"),
            "gmv": QCoreApplication.translate("ImportFields", "GMV per minute"),
            "comments": QCoreApplication.translate("ImportFields", "Comments"),
            "fan_club_joins": QCoreApplication.translate("ImportFields", "Fan-club joins"),
            "ad_spend": QCoreApplication.translate("ImportFields", "Ad spend per minute"),
            "buyers": QCoreApplication.translate("ImportFields", "Buyers per minute"),
        },
        "products": {
            "name": QCoreApplication.translate("ImportFields", "Product name"),
            "product_id": QCoreApplication.translate("ImportFields", "Product ID"),
            "units": QCoreApplication.translate("ImportFields", "Units sold"),
            "exposure_users": QCoreApplication.translate("ImportFields", "Exposure users"),
            "click_users": QCoreApplication.translate("ImportFields", "Click users"),
            "refund_buyers": QCoreApplication.translate("ImportFields", "Refund buyers"),
        },
        "channels": {
            "channel": QCoreApplication.translate("ImportFields", "Traffic channel"),
            "spend": QCoreApplication.translate("ImportFields", "Ad spend"),
            "avg_watch_seconds": QCoreApplication.translate("ImportFields", "Average watch time (s)"),
            "views": QCoreApplication.translate("ImportFields", "Views"),
        },
        "orders": {
            "order_id": QCoreApplication.translate("ImportFields", "Order ID"),
            "sub_order_id": QCoreApplication.translate("ImportFields", "Sub-order ID"),
            "product_name": QCoreApplication.translate("ImportFields", "Product name"),
            "spec": QCoreApplication.translate("ImportFields", "Specification"),
            "quantity": QCoreApplication.translate("ImportFields", "Quantity"),
            "merchant_code": QCoreApplication.translate("ImportFields", "Merchant code"),
            "amount": QCoreApplication.translate("ImportFields", "Amount paid"),
            "submitted_at": QCoreApplication.translate("ImportFields", "Order time"),
            "status": QCoreApplication.translate("ImportFields", "Order status"),
            "after_sale_status": QCoreApplication.translate("ImportFields", "After-sale status"),
            "traffic_source": QCoreApplication.translate("ImportFields", "Traffic source"),
            "cancel_reason": QCoreApplication.translate("ImportFields", "Cancellation reason"),
            "content_type": QCoreApplication.translate("ImportFields", "Content type (流量体裁)"),
        },
    }
    return by_table.get(table, {}).get(field) or shared.get(field) or field
