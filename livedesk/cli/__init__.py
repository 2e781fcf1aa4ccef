"""The command line: each module adds its subcommands with a `register(subparsers)` function."""

from __future__ import annotations

import argparse


def register_all(subparsers: argparse._SubParsersAction) -> None:
    from livedesk.cli import backup, demo, products, review, screenshot, script, streams

    for module in (demo, streams, screenshot, products, backup, review, script):
        module.register(subparsers)
