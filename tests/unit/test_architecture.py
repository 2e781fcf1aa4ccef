"""What the command line loads when a person runs it.

The import direction (ui and cli above rendering, above services, above models; no Qt below rendering;
no SQLAlchemy in the ui) is checked statically by `lint-imports` in .ci/run (pyproject's
`[tool.importlinter]`). This runs the commands end to end, which a static check cannot: their
handlers import lazily, so only running them shows what they load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

RUN_COMMANDS = """
import contextlib, io, json, sys
from livedesk.app import main

def run(*args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--db", URL, *args])
    return code, out.getvalue()

codes = {"demo": run("demo")[0]}
code, out = run("streams", "list", "--json")
codes["streams list"] = code
stream = next(s["id"] for s in json.loads(out) if s["status"] == "reviewed")
codes["products list"] = run("products", "list", "--json")[0]
code, out = run("review", "show", "--stream", str(stream), "--json")
codes["review show"] = code
gmv = json.loads(out)["gmv"]
codes["script check"] = run("script", "check", "--stream", str(stream), "--json")[0]
qt = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6")})
print(json.dumps({"codes": codes, "qt": qt, "gmv": gmv}), file=sys.stderr)
"""


def run_python(code: str, tmp_path) -> dict:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = dict(os.environ, LIVEDESK_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-c", f"URL = {url!r}\n{code}"], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_reading_and_checking_commands_never_load_qt(tmp_path):
    report = run_python(RUN_COMMANDS, tmp_path)
    assert report["codes"] == {
        "demo": 0, "streams list": 0, "products list": 0, "review show": 0, "script check": 0,
    }
    assert report["gmv"] > 0  # the reviewed demo stream was really read
    assert report["qt"] == []


WRITE_FILES = """
import contextlib, io, json, sys
from livedesk.app import main

def run(*args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--db", URL, *args])
    return code, out.getvalue()

run("demo")
stream = next(s["id"] for s in json.loads(run("streams", "list", "--json")[1]) if s["status"] == "reviewed")
folder = URL.rsplit("/", 1)[0].removeprefix("sqlite:///")
codes = {
    "report pdf": run("report", "--stream", str(stream), "--out", folder + "/r.pdf")[0],
    "period xlsx": run("report", "--period", "month", "--out", folder + "/m.xlsx")[0],
    "script pdf": run("script", "export", "--stream", str(stream), "--out", folder + "/s.pdf")[0],
}
loaded = sorted(m for m in sys.modules if m.startswith(("livedesk.ui", "pyqtgraph")))
print(json.dumps({"codes": codes, "loaded": loaded}), file=sys.stderr)
"""


def test_writing_reports_and_the_script_pdf_loads_no_ui(tmp_path):
    report = run_python(WRITE_FILES, tmp_path)
    assert report["codes"] == {"report pdf": 0, "period xlsx": 0, "script pdf": 0}
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "m.xlsx").read_bytes().startswith(b"PK")
    assert report["loaded"] == []  # livedesk.rendering paints without the window's code or pyqtgraph
