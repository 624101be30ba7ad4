"""Starting the GUI: the database, the main window, backups, and the --self-test run."""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path

from .startclock import process_age_ms, process_ages_ms  # noqa: F401  (the self-test's start figure)


def _qt_settings(data_dir: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(data_dir / "giao-dien.ini"), QSettings.Format.IniFormat)


def make_app(argv=None):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Bình đẳng giới")
    app.setOrganizationName("BinhDangGioi")
    from .i18n import use_vietnamese
    from .resources import resource

    use_vietnamese(app)  # Qt's own menus and buttons, month and day names, weeks from Monday

    qss = Path(__file__).parent / "ui" / "style.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    icon = resource("icons", "app.png")
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_gui(db: str | None = None, demo: bool = False, self_test: bool = False) -> int:
    """Show the window first, then open the database (the first database work, and the
    imports it needs, happen after the window is up)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from .onefile import close_splash, sweep_after_start
    from .paths import data_dir, default_db_path
    from .ui.main_window import MainWindow

    app = make_app()
    explicit = bool(db)
    db_path = Path(db) if db else default_db_path()
    instance = None
    if not self_test and not demo:
        from .ui.single_instance import SingleInstance

        instance = SingleInstance(db_path)
        if not instance.acquire():
            close_splash()
            if not instance.reached_running:
                QMessageBox.information(
                    None, "Chương trình đang mở",
                    "Chương trình đang được mở với tệp dữ liệu này (có thể bởi người dùng khác trên máy). "
                    "Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại.")
            return 0  # the running program was asked to come to the front
    if not self_test:
        install_excepthook()
    else:
        def fail(kind, exc, tb):  # any error during the self-test fails it at once
            traceback.print_exception(kind, exc, tb)
            state["code"] = 1
            app.exit(1)

        sys.excepthook = fail
    state = {"code": 0, "ws": None}
    # The demo and the self-test work in a folder of their own, removed at the end: they leave
    # nothing in the temp folder and never touch the real user's window settings.
    scratch = tempfile.TemporaryDirectory(prefix="bdg-demo-", ignore_cleanup_errors=True) \
        if (demo or self_test) else None
    folder = Path(scratch.name) if scratch else (db_path.parent if explicit else data_dir())
    win = MainWindow(None, _qt_settings(folder))
    if instance is not None:
        instance.activate.connect(lambda: (win.showNormal(), win.raise_(), win.activateWindow()))
    win.show()

    def first_pass():
        close_splash()
        if self_test:
            launched, own = process_ages_ms()
            print(f"window shown after {launched:.0f} ms", flush=True)
            if launched - own >= 1:
                print(f"of which the one-file bootloader unpacking: {launched - own:.0f} ms", flush=True)
            removed = sweep_after_start()  # at once: the self-test ends before a thread would
            print(f"stale unpacked folders removed: {len(removed)}", flush=True)
        else:
            import threading

            threading.Thread(target=sweep_after_start, name="mei-sweep", daemon=True).start()

    def open_data():
        from .services import StoreError, Workspace, create_demo_database

        path = db_path
        try:
            if demo or (self_test and not explicit):
                path = create_demo_database(scratch.name)
            elif not self_test and not _recover_if_damaged(path):
                state["code"] = 2
                win.close()
                return
            state["ws"] = Workspace(path)
        except StoreError as exc:
            state["code"] = 2 if not self_test else 1
            if self_test:
                print(str(exc), file=sys.stderr)
            else:
                QMessageBox.critical(win, "Không mở được dữ liệu", str(exc))
            win.close()
            app.quit()
            return
        win.attach(state["ws"])
        if self_test:
            QTimer.singleShot(0, lambda: _self_test(app, win, state))
        else:
            # The first backup waits until the user is working: start-up stays fast.
            QTimer.singleShot(1500, lambda: _backup_quietly(state["ws"], win))
            timer = QTimer(win)
            timer.timeout.connect(lambda: _backup_quietly(state["ws"], win))
            timer.start(30 * 60 * 1000)

    QTimer.singleShot(0, first_pass)
    QTimer.singleShot(0, open_data)
    code = app.exec()
    ws = state["ws"]
    if ws is not None:
        if not self_test:
            _backup_quietly(ws, None)
        ws.close()
    if instance is not None:
        instance.release()
    if scratch is not None:
        del win
        scratch.cleanup()
    return state["code"] if state["code"] else code


def _recover_if_damaged(db_path: Path) -> bool:
    """At start: a damaged database is said so, and the newest good backup is offered."""
    from PySide6.QtWidgets import QMessageBox

    from .services import database_is_damaged, newest_good_backup, replace_with_backup

    if not database_is_damaged(db_path):
        return True
    backup = newest_good_backup(db_path)
    if backup is None:
        QMessageBox.critical(None, "Tệp dữ liệu bị hỏng",
                             f"Tệp dữ liệu {db_path} bị hỏng và chưa có bản sao lưu tốt nào. "
                             "Hãy nhờ cán bộ tin học kiểm tra tệp, hoặc chạy chương trình với tệp dữ liệu khác.")
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, "Tệp dữ liệu bị hỏng",
                      f"Tệp dữ liệu {db_path.name} bị hỏng (có thể do mất điện hoặc ổ đĩa lỗi).\n\n"
                      f"Khôi phục từ bản sao lưu gần nhất còn tốt ({backup.name})? Tệp hỏng được giữ lại "
                      "bên cạnh, đổi tên có chữ “hong”.",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText("Khôi phục")
    box.button(QMessageBox.StandardButton.No).setText("Thoát")
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    replace_with_backup(db_path, backup)
    return True


def install_excepthook() -> None:
    """No error closes the program: the user hears what to do, and a bug is written to a log."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .paths import data_dir
    from .store.errors import user_message

    def hook(kind, exc, tb):
        text = "".join(traceback.format_exception(kind, exc, tb))
        msg = user_message(exc)
        parent = QApplication.activeWindow()
        if msg:
            QMessageBox.warning(parent, "Chưa thực hiện được", msg + "\n\nNhững gì đã nhập trên màn hình vẫn còn; "
                                "hãy khắc phục rồi thử lại.")
            return
        try:
            log = data_dir() / "loi.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError:
            log = None
        QMessageBox.critical(parent, "Lỗi của chương trình",
                             "Chương trình gặp lỗi ngoài dự kiến; dữ liệu đã lưu không bị ảnh hưởng."
                             + (f" Chi tiết đã ghi vào {log}." if log else ""))

    sys.excepthook = hook


def _backup_quietly(ws, win) -> None:
    from .services import auto_backup
    from .store.errors import StoreError

    try:
        path = auto_backup(ws)
        if path and win is not None:
            win.statusBar().showMessage(f"Đã sao lưu dữ liệu: {path.name}", 5000)
    except (StoreError, OSError) as exc:
        if win is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(win, "Sao lưu không thành công", str(exc))


def _check_vietnamese() -> None:
    """The build carries Qt's words in Vietnamese and the Vietnamese calendar names."""
    from PySide6.QtCore import QCoreApplication, QLocale

    words = QCoreApplication.translate("QLineEdit", "Select All"), QCoreApplication.translate("QPlatformTheme", "Cancel")
    month = QLocale().standaloneMonthName(3)
    if words != ("Chọn tất cả", "Hủy") or month != "Tháng 3" or QLocale().firstDayOfWeek().name != "Monday":
        raise RuntimeError(f"thiếu tiếng Việt của Qt: {words}, {month}")
    print(f"Vietnamese: {words[0]} / {words[1]} / {month}", flush=True)


def _self_test(app, win, state) -> None:
    """Open every page once, build the year-end report preview, then exit (0 ok, 1 error)."""
    from PySide6.QtCore import QEventLoop, QTimer

    ws = state["ws"]
    state["code"] = 1
    try:
        _check_vietnamese()
        for i in range(win.nav.count()):
            win.nav.setCurrentRow(i)
            app.processEvents()
        reports = win.go_to("reports")
        years = ws.years()
        if not years:
            raise RuntimeError("cơ sở dữ liệu chưa có kế hoạch nào để dựng báo cáo")
        win.ctx.set_year(years[-1])
        app.processEvents()
        loop = QEventLoop()
        pages = {}
        reports.preview_ready.connect(lambda n: (pages.setdefault("n", n), loop.quit()))
        reports.failed.connect(lambda t: (pages.setdefault("error", t), loop.quit()))
        QTimer.singleShot(120_000, loop.quit)
        from .services import DOCUMENT_KINDS

        reports.kinds.setCurrentRow(list(DOCUMENT_KINDS).index("year"))
        reports.build_preview()
        loop.exec()
        if "n" not in pages:
            raise RuntimeError(pages.get("error", "không dựng được bản xem trước báo cáo năm"))
        print(f"year report preview: {pages['n']} pages", flush=True)
        from .services import strategy_targets

        print(f"national strategy targets: {len(strategy_targets())}", flush=True)  # the catalogue is bundled
        print("self-test ok", flush=True)
        state["code"] = 0
    except Exception:
        traceback.print_exc()
        state["code"] = 1
    finally:
        win.close()
        app.quit()
