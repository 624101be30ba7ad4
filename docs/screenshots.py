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
    from PySide6.QtCore import QEventLoop, QPoint, QTimer
    from PySide6.QtGui import QContextMenuEvent, QGuiApplication
    from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

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
        if key == "reports":  # the preview comes by itself
            page = win.go_to("reports")
            loop = QEventLoop()
            page.preview_ready.connect(loop.quit)
            QTimer.singleShot(30000, loop.quit)
            loop.exec()
        wait(300)
        shot = QGuiApplication.primaryScreen().grabWindow(0) if os.environ.get("DISPLAY") else win.grab()
        shot.save(str(out / f"{w}x{h}-{i + 1:02d}-{key}.png"))
    counter = iter(range(len(PAGES) + 1, 100))  # dialogs numbered after the pages

    def shoot(name, widget=None):
        name = f"{next(counter):02d}-{name}"
        QApplication.processEvents()
        wait(250)
        shot = (QGuiApplication.primaryScreen().grabWindow(0) if os.environ.get("DISPLAY")
                else (widget or win).grab())
        shot.save(str(out / f"{w}x{h}-{name}.png"))

    def modal(name, open_fn, prep=None):
        """Open a dialog, arrange it as a person would have it, take it, close it."""
        def take():
            dlg = QApplication.activeModalWidget()
            if dlg is None:
                return
            if prep:
                prep(dlg)
            shoot(name, dlg)
            for _ in range(3):  # the form, and a popup it may have open
                top = QApplication.activePopupWidget()
                if top is not None:
                    top.close()
            QDialog.done(dlg, 0)  # the base class: close without the form's "discard?" question
        QTimer.singleShot(700, take)
        open_fn()

    def activity_errors(dlg):
        dlg.title.setText("Tập huấn kiến thức về giới cho cán bộ thôn")
        dlg.total.setText("40")
        dlg.female.setText("45")
        dlg.start.setText("31/02/2026")
        dlg.save_btn.click()  # refused: each reason under its field

    def calendar(dlg):
        dlg.end.setFocus()
        dlg.end.show_calendar()

    def task_errors(dlg):
        dlg.code.clear()
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    def unit_errors(dlg):
        dlg.code.setText("Thôn 3")
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    def strategy_target(dlg):
        """The national strategy's catalogue, searched; the chosen target then fills the form."""
        def take_picker():
            picker = QApplication.activeModalWidget()
            if picker is None or picker is dlg:
                return
            picker.search.setText("lao dong nu")
            shoot("strategy-picker", picker)
            picker._accept()
        dlg.code.setText("MT2.9")
        QTimer.singleShot(700, take_picker)
        dlg.from_strategy.click()

    targets = win.go_to("targets")
    modal("target-form", targets.add, strategy_target)
    acts = win.go_to("activities")
    modal("activity-form", acts.add, activity_errors)
    modal("activity-calendar", acts.add, calendar)
    acts.search.setText("dong tam khong co")
    shoot("search-nothing-found")
    acts.search.setText("dong tam")
    acts.search.setFocus()
    QApplication.sendEvent(acts.search, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10),
                                                          acts.search.mapToGlobal(QPoint(10, 10))))
    shoot("text-menu")
    menu = QApplication.activePopupWidget()
    if menu is not None:
        menu.close()
    tasks = win.go_to("tasks")
    modal("task-form", tasks.add, task_errors)
    units = win.go_to("units")
    modal("unit-form", units.add, unit_errors)
    modal("guide", lambda: win.help_action.trigger())
    win.close()
    ws.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
