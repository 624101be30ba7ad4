"""Screenshots of every page of the real window (run under Xvfb) and of the printed documents.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots.py 1366x768
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(size: str = "1366x768", out_dir: str | None = None) -> None:
    w, h = map(int, size.split("x"))
    out = Path(out_dir or ROOT / "docs" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("BDG_DATA_DIR", tempfile.mkdtemp())
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from desktop_app.app import _qt_settings, make_app
    from desktop_app.services import Workspace, create_demo_database
    from desktop_app.ui.main_window import PAGES, MainWindow

    make_app()
    db = create_demo_database()
    ws = Workspace(db)
    win = MainWindow(ws, _qt_settings(Path(db).parent))
    win.setGeometry(0, 0, w, h - 30)
    win.showMaximized()

    def wait(ms):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    wait(400)
    for i, (key, _, _) in enumerate(PAGES):
        win.nav.setCurrentRow(i)
        if key == "reports":
            page = win.go_to("reports")
            page.build_preview()
            loop = QEventLoop()
            page.preview_ready.connect(loop.quit)
            QTimer.singleShot(30000, loop.quit)
            loop.exec()
        wait(300)
        shot = QGuiApplication.primaryScreen().grabWindow(0) if os.environ.get("DISPLAY") else win.grab()
        shot.save(str(out / f"{w}x{h}-{i + 1:02d}-{key}.png"))
    # the activity form
    page = win.go_to("activities")
    QTimer.singleShot(500, lambda: _shoot_dialog(out, w, h))
    page.add()
    win.close()
    ws.close()


def _shoot_dialog(out, w, h):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QDialog

    dlg = QApplication.activeModalWidget()
    if dlg is None:
        return
    dlg.title.setText("Tập huấn kiến thức về giới cho cán bộ thôn")
    dlg.total.setText("40")
    dlg.female.setText("45")
    QApplication.processEvents()
    shot = QGuiApplication.primaryScreen().grabWindow(0) if os.environ.get("DISPLAY") else dlg.grab()
    shot.save(str(out / f"{w}x{h}-10-activity-form.png"))
    QDialog.done(dlg, 0)  # the base class: close without the form's "discard?" question


if __name__ == "__main__":
    main(*sys.argv[1:])
