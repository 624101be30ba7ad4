"""The main window: navigation, year selector, menus with the usual shortcuts, status bar."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..i18n import use_vietnamese
from ..services import PackageFileError, StoreError, ValidationError, user_message
from .help import show_guide
from .worker import run_in_thread

# key, title, module.Class. The window is shown before the database and the pages' modules are
# loaded (start-up speed): a page is imported and built the first time it is opened.
PAGES = [
    ("dashboard", "Tổng quan", "dashboard.DashboardPage"),
    ("plan", "Kế hoạch", "plan.PlanPage"),
    ("targets", "Chỉ tiêu", "targets.TargetsPage"),
    ("tasks", "Nhiệm vụ", "tasks.TasksPage"),
    ("activities", "Hoạt động", "activities.ActivitiesPage"),
    ("action_month", "Tháng hành động", "action_month.ActionMonthPage"),
    ("reports", "Báo cáo", "reports.ReportsPage"),
    ("units", "Đơn vị", "units.UnitsPage"),
    ("settings", "Cài đặt", "settings.SettingsPage"),
]
KEYS = [p[0] for p in PAGES]


def _page_class(key: str):
    module, cls = dict((k, m) for k, _, m in PAGES)[key].split(".")
    return getattr(importlib.import_module(f"{__package__}.pages.{module}"), cls)


def _workspace_job(db_path, operation: str, *args):
    """A Workspace operation off the GUI thread."""
    from ..services import Workspace

    ws = Workspace(db_path)  # its own connection: SQLite connections stay in their thread
    try:
        return getattr(ws, operation)(*args)
    finally:
        ws.close()


class MessagesDialog(QDialog):
    """The importer's messages in a readable list."""

    def __init__(self, parent, title: str, intro: str, lines: list[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 420)
        lay = QVBoxLayout(self)
        lab = QLabel(intro)
        lab.setWordWrap(True)
        lay.addWidget(lab)
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long reasons (a list of allowed values) stay readable
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.addItems(lines)
        lay.addWidget(self.list, 1)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bb.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)


class LazyPages(dict):
    """key -> page, building a page the first time it is asked for."""

    def __init__(self, window):
        super().__init__()
        self.window = window

    def __missing__(self, key):
        page = self.window._build_page(key)
        self[key] = page
        return page


class RestoreDialog(QDialog):
    """Pick a backup to go back to; the newest is at the top."""

    def __init__(self, parent, backups):
        super().__init__(parent)
        self.setWindowTitle("Khôi phục từ bản sao lưu")
        self.resize(560, 420)
        self.backups = backups
        lay = QVBoxLayout(self)
        lab = QLabel("Chọn thời điểm muốn quay về. Dữ liệu hiện tại được sao lưu trước khi khôi phục, "
                     "nên có thể quay lại nếu chọn nhầm.")
        lab.setWordWrap(True)
        lay.addWidget(lab)
        self.list = QListWidget()
        for stamp, path in backups:
            self.list.addItem(f"{stamp:%d/%m/%Y %H:%M:%S}  ({path.stat().st_size // 1024} KB)")
        if backups:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem("Chưa có bản sao lưu nào.")
        lay.addWidget(self.list, 1)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.button(QDialogButtonBox.StandardButton.Ok).setText("Khôi phục")
        bb.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(backups))
        bb.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)

    def chosen(self):
        row = self.list.currentRow()
        return self.backups[row][1] if self.backups and row >= 0 else None


class MainWindow(QMainWindow):
    def __init__(self, ws, settings: QSettings, year: int | None = None):
        """With ws None the window shows at once and `attach` brings the data after."""
        super().__init__()
        use_vietnamese(QApplication.instance())
        self.ws = None
        self.ctx = None
        self.settings = settings
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(1000, 640)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        # Pages are built the first time they are opened: the window appears sooner.
        self.pages = LazyPages(self)
        for key, title, _ in PAGES:
            self.stack.addWidget(QWidget())
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.year_box = QComboBox()
        self.year_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "2027 (chưa có kế hoạch)"
        tb = self.addToolBar("Năm")
        tb.setObjectName("yearbar")
        tb.setMovable(False)
        tb.addWidget(QLabel("  Năm làm việc: "))
        tb.addWidget(self.year_box)

        self._menus()
        self.menuBar().setEnabled(False)
        self.nav.setEnabled(False)
        self.status_db = QLabel("")
        self.statusBar().addPermanentWidget(self.status_db)
        self.statusBar().showMessage("Đang mở dữ liệu...")

        geom = settings.value("window/geometry")
        if geom is not None:
            self.restoreGeometry(geom)
        else:  # first start: the whole screen (a 1366x768 screen leaves no room to spare)
            self.setWindowState(Qt.WindowState.WindowMaximized)
        if ws is not None:
            self.attach(ws, year)

    def attach(self, ws, year: int | None = None) -> None:
        """Bring in the open database: the pages can now be built."""
        from .context import AppContext

        self.ws = ws
        years = ws.years()
        this_year = dt.date.today().year
        year = year or (this_year if this_year in years else (years[-1] if years else this_year))
        self.ctx = AppContext(ws, year)
        office = ws.office()
        self.setWindowTitle(f"{APP_NAME} - {office.name if office else 'chưa có thông tin cơ quan'}")
        self._fill_years()
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.ctx.year_changed.connect(self._year_changed)
        self.ctx.data_changed.connect(self._fill_years)
        self.ctx.undo_changed.connect(self._undo_changed)
        self.menuBar().setEnabled(True)
        self.nav.setEnabled(True)
        self.status_db.setText(str(ws.path))
        self.statusBar().showMessage(f"Phiên bản {__version__}. Dữ liệu được lưu ngay sau mỗi thao tác.", 8000)
        last = self.settings.value("window/page", "dashboard")
        self.nav.setCurrentRow(KEYS.index(last) if last in KEYS else 0)
        self._show_row(self.nav.currentRow())

    # ---- menus -------------------------------------------------------------------------
    def _action(self, menu, text, slot, shortcut=None):
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        # triggered(bool checked) would land in the slot's first parameter (a path, a choice):
        # the slot is called with no arguments, whatever the signal carries.
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        return act

    def _menus(self):
        mb = self.menuBar()
        m = mb.addMenu("&Tệp")
        self._action(m, "Nhập gói dữ liệu...", self.import_package, "Ctrl+I")
        self._action(m, "Xuất gói dữ liệu...", self.export_package, "Ctrl+E")
        m.addSeparator()
        self._action(m, "Sao lưu ngay", self.backup_now)
        self._action(m, "Khôi phục từ bản sao lưu...", self.restore)
        m.addSeparator()
        self._action(m, "Thoát", self.close, QKeySequence.StandardKey.Quit)
        m = mb.addMenu("&Sửa")
        self.undo_action = self._action(m, "Hoàn tác", self.undo_last_delete, QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        m = mb.addMenu("&Hoạt động")
        self.new_activity_action = self._action(m, "Thêm hoạt động", self.new_activity, QKeySequence.StandardKey.New)
        self._action(m, "Tìm hoạt động", self.find, QKeySequence.StandardKey.Find)
        self._action(m, "Nhập hoạt động từ Excel...", self.import_activity_sheet)
        m = mb.addMenu("&Báo cáo")
        self._action(m, "In văn bản...", self.print_document, QKeySequence.StandardKey.Print)
        self._action(m, "Xem trước báo cáo năm", lambda: self._show_report("year"))
        m = mb.addMenu("Trợ &giúp")
        self.help_action = self._action(m, "Hướng dẫn sử dụng", lambda: show_guide(self), "F1")
        self._action(m, "Giới thiệu", self.about)
        m = mb.addMenu("&Xem")
        for i, (_, title, _) in enumerate(PAGES):
            self._action(m, title, lambda _=False, r=i: self.nav.setCurrentRow(r), f"Ctrl+{i + 1}")

    def _build_page(self, key):
        row = KEYS.index(key)
        page = _page_class(key)(self.ctx)
        old = self.stack.widget(row)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.insertWidget(row, page)
        if key == "dashboard":
            page.go.connect(self._dashboard_action)
        elif key == "activities":
            page.import_sheet_requested.connect(self.import_activity_sheet)
        elif key == "reports":
            page.status_message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        return page

    def _show_row(self, row):
        if self.ctx is None or row < 0:
            return
        self.pages[KEYS[row]]  # noqa: B018 - builds the page on first use
        self.stack.setCurrentIndex(row)

    def _fill_years(self):
        years = set(self.ws.years()) | {dt.date.today().year, self.ctx.year}
        if self.ws.years():
            years.add(max(self.ws.years()) + 1)
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in sorted(years):
            has = y in self.ws.years()
            self.year_box.addItem(f"{y}" + ("" if has else " (chưa có kế hoạch)"), y)
        self.year_box.setCurrentIndex(self.year_box.findData(self.ctx.year))
        self.year_box.blockSignals(False)

    def _year_chosen(self, _index):
        year = self.year_box.currentData()
        if year == self.ctx.year:
            return
        if not self.settle_unsaved(f"chuyển sang năm {year}"):
            self.year_box.blockSignals(True)
            self.year_box.setCurrentIndex(self.year_box.findData(self.ctx.year))
            self.year_box.blockSignals(False)
            return
        self.ctx.set_year(year)

    def _year_changed(self, year):
        self._fill_years()
        self.statusBar().showMessage(f"Đang làm việc với năm {year}", 4000)

    def go_to(self, key: str):
        self.nav.setCurrentRow(KEYS.index(key))
        page = self.pages[key]
        page.ensure_fresh()  # a page asked for by name is wanted with its data now
        return page

    def _dashboard_action(self, key):
        if key == "new_activity":
            self.new_activity()
        elif key == "report":
            self._show_report("year")
        else:
            self.go_to(key)

    def new_activity(self):
        return self.go_to("activities").add()

    def find(self):
        self.go_to("activities").focus_search()

    def _show_report(self, kind):
        page = self.go_to("reports")
        from ..services import DOCUMENT_KINDS

        page.kinds.setCurrentRow(list(DOCUMENT_KINDS).index(kind))
        page.build_preview()

    def print_document(self):
        page = self.go_to("reports")
        page.print_document()

    def about(self):
        QMessageBox.about(self, "Giới thiệu", f"<b>{APP_NAME}</b> {__version__}<br>Quản lý kế hoạch, nhiệm vụ, "
                          "hoạt động và báo cáo công tác bình đẳng giới và vì sự tiến bộ của phụ nữ cấp xã."
                          f"<br><br>Tệp dữ liệu: {self.ws.path}")

    # ---- packages ----------------------------------------------------------------------
    def import_package(self, path: str | None = None):
        if not self.settle_unsaved("nhập dữ liệu"):
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Chọn gói dữ liệu", str(Path.home()), "Gói dữ liệu (*.json)")
        if not path:
            return
        progress = QProgressDialog("Đang nhập dữ liệu...", None, 0, 0, self)
        progress.setWindowTitle("Nhập gói dữ liệu")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setCancelButton(None)

        def done(counts):
            progress.close()
            self.ctx.replaced()
            self.statusBar().showMessage(
                f"Đã nhập {counts['plans']} kế hoạch, {counts['activities']} hoạt động, {counts['units']} đơn vị.", 10000)
            self.last_import = ("ok", counts)

        def failed(exc, tb):
            progress.close()
            self._show_refusal("Gói dữ liệu", "tệp", exc, unreadable=(PackageFileError, StoreError))

        run_in_thread(_workspace_job, self.ws.path, "import_file", path, on_done=done, on_error=failed)

    def import_activity_sheet(self, path: str | None = None):
        """Activities from an Excel sheet laid out like the exported one, into the chosen year."""
        if not self.settle_unsaved("nhập hoạt động"):
            return
        year = self.ctx.year
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, f"Chọn bảng tính hoạt động năm {year}", str(Path.home()), "Bảng tính Excel (*.xlsx)")
        if not path:
            return
        self.statusBar().showMessage("Đang đọc bảng tính...")

        def done(counts):
            self.ctx.replaced()
            self.statusBar().showMessage(
                f"Đã nhập từ Excel vào năm {year}: thêm {counts['added']}, cập nhật {counts['updated']} hoạt động.", 15000)
            self.last_import = ("ok", counts)

        def failed(exc, tb):
            self.statusBar().clearMessage()
            self._show_refusal("Bảng tính", "bảng tính", exc, unreadable=(StoreError,))

        run_in_thread(_workspace_job, self.ws.path, "import_activity_sheet", path, year, on_done=done,
                      on_error=failed)

    def _show_refusal(self, what: str, where: str, exc, unreadable: tuple) -> None:
        """An import that stored nothing: every reason in a readable list."""
        unchanged = "dữ liệu trong chương trình không thay đổi."
        if isinstance(exc, ValidationError):
            lines = exc.messages
            intro = (f"{what} bị từ chối vì có {len(lines)} lỗi; {unchanged} "
                     f"Hãy sửa các chỗ sau trong {where} rồi nhập lại:")
        elif isinstance(exc, unreadable):
            lines, intro = [str(exc)], f"Không đọc được {what.lower()}; {unchanged}"
        else:
            lines = [user_message(exc) or f"{type(exc).__name__}: {exc}"]
            intro = f"Không nhập được {what.lower()}; {unchanged}"
        self.last_import = ("refused", lines)
        self.messages_dialog = MessagesDialog(self, f"{what} bị từ chối", intro, lines)
        self.messages_dialog.open()

    def export_package(self):
        default = str(Path.home() / f"goi-du-lieu-{self.ctx.year}.json")
        path, _ = QFileDialog.getSaveFileName(self, "Xuất gói dữ liệu", default, "Gói dữ liệu (*.json)")
        if not path:
            return
        try:
            self.ws.export_json(path)
        except (ValidationError, OSError) as exc:
            msg = "\n".join(exc.messages) if isinstance(exc, ValidationError) else (user_message(exc, path) or str(exc))
            QMessageBox.warning(self, "Không xuất được", msg)
            return
        self.statusBar().showMessage(f"Đã xuất {path}", 8000)

    # ---- undo the last deletion ------------------------------------------------------------
    def _undo_changed(self):
        u = self.ctx.last_delete
        self.undo_action.setEnabled(u is not None)
        self.undo_action.setText(f"Hoàn tác: {u.label}" if u else "Hoàn tác")
        if u:
            self.statusBar().showMessage(f"Đã {u.label[0].lower()}{u.label[1:]}. Lỡ tay? Bấm Ctrl+Z để lấy lại.",
                                         15000)

    def undo_last_delete(self):
        if self.ctx is None or self.ctx.last_delete is None:
            return
        try:
            u = self.ctx.undo_last_delete()
        except ValidationError as exc:
            QMessageBox.warning(self, "Không hoàn tác được", "\n".join(exc.messages))
            return
        self.statusBar().showMessage(f"Đã hoàn tác: {u.label}.", 8000)

    # ---- backups -----------------------------------------------------------------------
    def backup_now(self):
        from ..services import backup_now

        try:
            path = backup_now(self.ws)
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self, "Sao lưu không thành công", user_message(exc) or str(exc))
            return None
        self.statusBar().showMessage(f"Đã sao lưu: {path}", 10000)
        return path

    def restore(self, chosen: Path | None = None):
        """Go back to a backup: the one chosen in the dialog (or `chosen`, a path)."""
        from ..services import list_backups, restore_backup

        if not self.settle_unsaved("khôi phục"):
            return
        if not isinstance(chosen, (str, Path)):
            dlg = RestoreDialog(self, list_backups(self.ws))
            if not dlg.exec() or dlg.chosen() is None:
                return
            chosen = dlg.chosen()
        chosen = Path(chosen)
        try:
            safety = restore_backup(self.ws, chosen)
        except (ValidationError, StoreError, OSError) as exc:
            msg = "\n".join(exc.messages) if isinstance(exc, ValidationError) else (user_message(exc) or str(exc))
            QMessageBox.warning(self, "Không khôi phục được", msg + "\n\nDữ liệu hiện tại không thay đổi.")
            return
        self.ctx.replaced()
        self.statusBar().showMessage(
            f"Đã khôi phục {chosen.name}." + (f" Dữ liệu trước đó được lưu ở {safety.name}." if safety else ""), 15000)

    # ---- closing -----------------------------------------------------------------------
    def unsaved_pages(self):
        return [p for p in self.pages.values() if p.has_unsaved()]

    def settle_unsaved(self, before: str) -> bool:
        """Before something that reloads the pages (another year, an import, a restore, closing):
        save or drop the edits not saved yet, as the user says. False: leave everything as it is."""
        for p in self.pages.values():
            p.flush()
        pending = self.unsaved_pages()
        if not pending:
            return True
        names = ", ".join(p.title for p in pending)
        box = QMessageBox(QMessageBox.Icon.Question, "Chưa lưu",
                          f"Trang {names} có nội dung chưa lưu. Lưu trước khi {before}?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Save).setText("Lưu")
        box.button(QMessageBox.StandardButton.Discard).setText("Không lưu")
        box.button(QMessageBox.StandardButton.Cancel).setText("Hủy")
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        for p in pending:
            if answer == QMessageBox.StandardButton.Discard:
                p.discard()
            elif not p.save_pending():  # the page shows why; take the user there
                self.go_to(next(k for k, v in self.pages.items() if v is p))
                return False
        return True

    def closeEvent(self, event):
        if not self.settle_unsaved("thoát"):
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.nav.currentRow() >= 0:
            self.settings.setValue("window/page", KEYS[self.nav.currentRow()])
        self.settings.sync()
        event.accept()
