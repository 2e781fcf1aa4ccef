import os
import sys

# A windowed build on Windows (console=False) starts with no stdout/stderr; printing must not crash it.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process

from livedesk.app import main  # noqa: E402

raise SystemExit(main())
