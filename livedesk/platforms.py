"""The platforms a stream runs on: a plain enum, so the command line names them without loading the models."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    DOUYIN = "douyin"
    KUAISHOU = "kuaishou"
    TAOBAO = "taobao"
    CHANNELS = "channels"
    XIAOHONGSHU = "xiaohongshu"
