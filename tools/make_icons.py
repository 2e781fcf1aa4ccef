"""Render the app icon from resources/icons/livedesk.svg into PNGs, a Windows .ico and a macOS .icns.

    uv run python -m tools.make_icons

Qt draws the SVG (QtSvg ships with PySide6-Essentials); the .ico and .icns containers are written by hand
(both are simple lists of PNG images), so every size is crisp and no extra package is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "icons"
SVG = FOLDER / "livedesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns types that hold PNG data, by pixel size (ic07…ic10 and the icp4…icp6 small sizes).
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"), (512, b"ic09"), (1024, b"ic10"))


def render_png(size: int) -> bytes:
    """The SVG drawn at size×size, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file: a 6-byte header, one 16-byte entry per image, then the PNGs (Windows Vista and later)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = images[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns' + total length, then (type, length, PNG) chunks."""
    chunks = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size] for size, kind in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *(s for s, _ in ICNS_TYPES)})}
    for size in PNG_SIZES:
        (FOLDER / f"livedesk-{size}.png").write_bytes(rendered[size])
    (FOLDER / "livedesk.ico").write_bytes(ico_bytes({s: rendered[s] for s in ICO_SIZES}))
    (FOLDER / "livedesk.icns").write_bytes(icns_bytes(rendered))
    print(f"Wrote {len(PNG_SIZES)} PNGs, livedesk.ico and livedesk.icns to {FOLDER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
