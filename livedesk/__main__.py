import os
import sys

# A windowed build on Windows (console=False) starts with no stdout/stderr; printing must not crash it.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process

from livedesk.app import exit_without_teardown, main  # noqa: E402

_code = main()
if "PySide6.QtCore" not in sys.modules:  # a command without Qt: its files are closed, nothing left to tear down
    exit_without_teardown(_code)
raise SystemExit(_code)
