"""The OCR engine: RapidOCR on ONNX Runtime with the PP-OCR Chinese models its wheel ships (nothing downloads).

Tuned for a dashboard on a shared laptop: one thread, no upscaling of the grabbed region (PP-OCR's default
scales the short side up to 736 px, five times the work for a strip of tiles), no text-direction classifier
(a dashboard is never upside down), and recognition of one line at a time padded to 160 px (REC_SHAPE). The engine
loads in about a second, so a process keeps one.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from livedesk.services.capture.mapping import TextBox
from livedesk.services.errors import UserError
from livedesk.services.messages import translate

_ENGINE: Any = None
_LOCK = threading.Lock()
# PNG, JPEG, BMP, WebP, GIF: what a screenshot is saved as
_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"BM", b"RIFF", b"GIF8")
# Recognition pads every text line to at least REC_SHAPE's width (at 48 px high), and a batch to its widest line.
# PP-OCR's 320 pads a short figure such as "1,234" to three times its width, and a batch of 6 pads a figure to the
# label beside it: 160 px one line at a time reads the same text on the test dashboards for half the CPU.
REC_SHAPE = [3, 48, 160]
REC_BATCH = 1


class UnreadableImage(UserError):
    """Not an image OCR can open (a text file, a truncated download, an empty file)."""


def engine() -> Any:
    """The process's OCR engine, loaded on first use."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            from rapidocr_onnxruntime import RapidOCR

            _ENGINE = RapidOCR(
                det_limit_type="max", use_cls=False, print_verbose=False,
                intra_op_num_threads=1, inter_op_num_threads=1, rec_img_shape=REC_SHAPE, rec_batch_num=REC_BATCH,
            )  # fmt: skip
        return _ENGINE


def warm_up() -> dict[str, int]:
    """Load the engine and run it once on a few digits (ONNX Runtime plans its memory on the first run, which
    would otherwise slow the first real reading). Returns how long each step took, in ms."""
    started = time.perf_counter()
    import cv2
    import numpy as np
    import rapidocr_onnxruntime  # noqa: F401  # timed apart from the sessions it creates

    imported = time.perf_counter()
    run = engine()
    loaded = time.perf_counter()
    image = np.full((48, 200, 3), 255, np.uint8)
    cv2.putText(image, "1,234", (10, 36), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2)
    run(image)
    done = time.perf_counter()
    return {"imports": _ms(imported - started), "sessions": _ms(loaded - imported), "first_run": _ms(done - loaded)}


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def decode(data: bytes, name: str = "") -> Any:
    """The image as the engine's array (BGR), or UnreadableImage naming the file."""
    import cv2
    import numpy as np

    image = None
    if data[:4].startswith(_SIGNATURES):
        image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None or image.size == 0:
        raise UnreadableImage(
            translate("Messages", "{0} is not an image LiveDesk can read: save the screenshot as PNG or JPEG and try again.")
            .format(name or translate("Messages", "The capture"))
        )
    return image


def recognise(data: bytes, name: str = "") -> list[TextBox]:
    """The text boxes in an image (PNG or JPEG bytes), top to bottom."""
    image = decode(data, name)
    result, _elapsed = engine()(image)
    boxes = [TextBox.from_quad(quad, str(text), float(score)) for quad, text, score in result or ()]
    return sorted(boxes, key=lambda b: (b.top, b.left))
