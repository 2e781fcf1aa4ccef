"""The OCR process: reads images on stdin, writes the text boxes as JSON lines on stdout, at low priority.

Run as `python -m livedesk.services.capture.worker`, or as `LiveDesk --capture-worker` in a frozen build
(livedesk.app hands that flag here before anything else loads). Kept out of the GUI process so a second of
OCR never blocks the window and its memory goes when the reader is no longer wanted (livedesk/ui/live/capture.py
starts it ahead of Start and ends it after ten idle minutes or when the stream goes off air).

Protocol, one request at a time:
  request  = 4-byte big-endian length N, then N bytes of JSON {"id": int, "size": M}, then M bytes of image
  response = one line of JSON: {"id", "ok": true, "boxes": [{"text", "box", "score"}], "ms"}
             or {"id", "ok": false, "error": message}
The first line, before any request, is {"ready": true, "ms": model load time, "phases": {"imports", "sessions",
"first_run"} in ms, "main_at": time.monotonic() when main() began} (the parent compares main_at with when it
started the process: the clock is the system's on Linux, Windows and macOS). EOF on stdin ends the process.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import time
from typing import BinaryIO

WORKER_FLAG = "--capture-worker"
_MAIN_AT: float | None = None  # time.monotonic() when main() began: the end of the interpreter's start-up
BELOW_NORMAL_PRIORITY_CLASS = 0x00004000


def lower_priority() -> None:
    """Below normal on Windows, nice 10 elsewhere: the console and the streaming software come first."""
    try:
        if sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
        else:
            os.nice(10)
    except (OSError, AttributeError):  # a sandbox that refuses: OCR still runs, only at normal priority
        pass


def _read_exact(stream: BinaryIO, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def encode_request(request_id: int, image: bytes) -> bytes:
    header = json.dumps({"id": request_id, "size": len(image)}).encode()
    return struct.pack(">I", len(header)) + header + image


def _reply(out: BinaryIO, message: dict[str, object]) -> None:
    out.write(json.dumps(message, ensure_ascii=False).encode() + b"\n")
    out.flush()


def serve(inp: BinaryIO, out: BinaryIO) -> int:
    started = time.perf_counter()
    from livedesk.services.capture import ocr
    from livedesk.services.errors import UserError

    own_imports = round((time.perf_counter() - started) * 1000)
    phases = ocr.warm_up()
    phases["imports"] += own_imports  # LiveDesk's text-box mapping, then OpenCV, ONNX Runtime, RapidOCR
    _reply(out, {"ready": True, "ms": round((time.perf_counter() - started) * 1000), "phases": phases,
                 "main_at": _MAIN_AT})
    while True:
        size = _read_exact(inp, 4)
        if size is None:
            return 0
        header = _read_exact(inp, struct.unpack(">I", size)[0])
        if header is None:
            return 0
        request = json.loads(header)
        image = _read_exact(inp, int(request["size"]))
        if image is None:
            return 0
        started = time.perf_counter()
        try:
            boxes = ocr.recognise(image)
        except UserError as exc:
            _reply(out, {"id": request["id"], "ok": False, "error": str(exc)})
            continue
        except Exception as exc:  # a bug in the engine: said, and the next capture tries again
            _reply(out, {"id": request["id"], "ok": False, "error": f"{type(exc).__name__}: {exc}"})
            continue
        _reply(out, {"id": request["id"], "ok": True, "boxes": [b.as_json() for b in boxes],
                     "ms": round((time.perf_counter() - started) * 1000)})


def main() -> int:
    global _MAIN_AT
    _MAIN_AT = time.monotonic()
    lower_priority()
    # The pipes are file descriptors 0 and 1, read and written directly: a frozen windowed LiveDesk.exe starts
    # with no sys.stdout object (livedesk/__main__.py swaps in devnull) although the parent handed it pipes.
    if sys.platform == "win32":
        import msvcrt

        for fd in (0, 1):
            msvcrt.setmode(fd, os.O_BINARY)  # type: ignore[attr-defined]  # no \n → \r\n in the protocol
    with open(0, "rb", buffering=0, closefd=False) as inp, open(1, "wb", closefd=False) as out:
        return serve(inp, out)


def command() -> list[str]:
    """The program and arguments that start a worker (this interpreter, or the frozen app itself)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "livedesk.services.capture.worker"]


if __name__ == "__main__":
    sys.exit(main())
