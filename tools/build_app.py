"""Build the one-folder app with PyInstaller and check that it starts.

    uv run python -m tools.build_app                   → dist/LiveDesk/ (LiveDesk + livedesk-cli)
    uv run python -m tools.build_app --dist D --work W
    uv run python -m tools.build_app --no-check        skip the smoke test

Run it on the OS you build for (Windows, macOS or Linux): PyInstaller does not cross-compile. The icons
(resources/icons) and the compiled translations (resources/translations/*.qm) are committed; regenerate
them first with `python -m tools.make_icons` and `python -m tools.i18n` after changing the SVG or strings.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = [
    ROOT / "resources" / "icons" / "livedesk.ico",
    ROOT / "resources" / "icons" / "livedesk.icns",
    ROOT / "resources" / "translations" / "livedesk_zh_CN.qm",
    ROOT / "resources" / "translations" / "livedesk_en.qm",
    ROOT / "resources" / "wordlists" / "compliance_zh.json",
]


def executable(dist: Path, name: str) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / "LiveDesk" / f"{name}{suffix}"


def build(dist: Path, work: Path) -> None:
    missing = [str(p.relative_to(ROOT)) for p in REQUIRED if not p.exists()]
    if missing:
        raise SystemExit(f"missing before the build: {', '.join(missing)} (see this script's docstring)")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--distpath", str(dist), "--workpath", str(work)],
        check=True, cwd=ROOT,
    )


def smoke_test(dist: Path) -> None:
    """The built program prints its version and renders the five tabs offscreen on demo data."""
    cli = executable(dist, "livedesk-cli")
    with tempfile.TemporaryDirectory(prefix="livedesk-build-check-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIVEDESK_HOME": str(Path(tmp) / "home")}
        version = subprocess.run([str(cli), "--version"], check=True, capture_output=True, text=True, env=env)
        print(version.stdout.strip())
        shots = Path(tmp) / "shots"
        subprocess.run([str(cli), "--demo", "screenshot", "--out", str(shots)], check=True, capture_output=True, env=env)
        pngs = sorted(p.name for p in shots.glob("*.png"))
        if len(pngs) != 5:
            raise SystemExit(f"the built app wrote {len(pngs)} screenshots, expected 5: {pngs}")
    print(f"OK: {dist / 'LiveDesk'} starts and renders every tab")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-check", action="store_true", help="do not start the built app")
    args = parser.parse_args(argv)
    build(args.dist.resolve(), args.work.resolve())
    if not args.no_check:
        smoke_test(args.dist.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
