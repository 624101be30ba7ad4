"""Start-up: `window shown after N ms` of the program's --self-test against a bare PySide6
window shown the same way, on the same machine (run with a display or offscreen)."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
sys.path.insert(0, %r)
from desktop_app.startclock import process_age_ms
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 760); w.show()
def first():
    print(f"window shown after {process_age_ms():.0f} ms", flush=True); app.quit()
QTimer.singleShot(0, first)
app.exec()
"""


def prepared_db() -> Path:
    """The usual start: the user's database already exists (the demo data, imported once)."""
    import tempfile

    path = Path(tempfile.mkdtemp()) / "du-lieu.db"
    subprocess.run([sys.executable, "-m", "desktop_app", "import", str(ROOT / "resources/demo/demo.json"),
                    "--db", str(path)], cwd=ROOT, check=True, capture_output=True)
    return path


def shown_ms(cmd) -> float:
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=os.environ | {"BDG_DATA_DIR": "/tmp/bdg-bench-start"}).stdout
    return float(re.search(r"window shown after (\d+) ms", out).group(1))


def main(runs: int = 5):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    exe = sys.argv[1] if len(sys.argv) > 1 else None
    db = prepared_db()
    app_cmd = ([exe] if exe else [sys.executable, "-m", "desktop_app"]) + ["--self-test", "--db", str(db)]
    bare = statistics.median(shown_ms([sys.executable, "-c", BARE % str(ROOT)]) for _ in range(runs))
    prog = statistics.median(shown_ms(app_cmd) for _ in range(runs))
    print(f"bare PySide6 window: {bare:.0f} ms; program: {prog:.0f} ms; ratio {prog / bare:.2f} (goal <= 2.5)")


if __name__ == "__main__":
    main()
