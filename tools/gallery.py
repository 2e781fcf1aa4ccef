"""Regenerate the screenshot gallery (docs/gallery) that the READMEs and the user guides embed.

    uv run python -m tools.gallery                     → docs/gallery/en/*.png and docs/gallery/zh_CN/*.png
    uv run python -m tools.gallery --lang zh_CN        one language only
    uv run python -m tools.gallery --out DIR --theme dark

Each language is rendered by `livedesk --demo screenshot` in its own process (a fresh demo database, Qt
offscreen, 1440×900), with LIVEDESK_HOME in a throwaway folder so your own data and settings are untouched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "zh_CN")


def render(language: str, out: Path, theme: str, home: Path) -> list[Path]:
    """Write one PNG per tab into out/language; returns the files written."""
    folder = out / language
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIVEDESK_HOME": str(home)}
    env.pop("LIVEDESK_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "livedesk", "--demo", "screenshot", "--out", str(folder), "--lang", language,
         "--theme", theme],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the {language} screenshots failed (exit {done.returncode}):\n{done.stderr}")
    return [Path(line) for line in done.stdout.splitlines() if line.endswith(".png")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.gallery", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery", help="default: docs/gallery")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="a language (default: both)")
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="livedesk-gallery-"))
    try:
        for language in args.lang or LANGUAGES:
            for path in render(language, args.out, args.theme, home):
                print(path)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
