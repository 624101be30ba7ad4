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
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import APP_NAME, __version__
from ..domain.errors import ValidationError
from ..i18n import use_vietnamese
from .help import show_guide

# The services, the store and the flows are imported when first used, not here: the window is
# shown before the database is opened, and every module loaded first delays it.

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
    ("unit_reports", "Số liệu đơn vị", "unit_reports.UnitReportsPage"),
    ("consolidation", "Tổng hợp", "consolidation.ConsolidationPage"),
    ("settings", "Cài đặt", "settings.SettingsPage"),
    ("history", "Lịch sử thay đổi", "history.HistoryPage"),
]
# Shown only to an office that gathers offices below (province, district) or has received from one.
CHAIN_PAGE = "consolidation"
KEYS = [p[0] for p in PAGES]


def _page_class(key: str):
    module, cls = dict((k, m) for k, _, m in PAGES)[key].split(".")
    return getattr(importlib.import_module(f"{__package__}.pages.{module}"), cls)


class LazyPages(dict):
    """key -> page, building a page the first time it is asked for."""

    def __init__(self, window):
        super().__init__()
        self.window = window

    def __missing__(self, key):
        page = self.window._build_page(key)
        self[key] = page
        return page


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
            self._first_size()
        if ws is not None:
            self.attach(ws, year)

    def _first_size(self) -> None:
        """Maximized, over a normal size of 1280x760 or, when that does not fit (a 1366x768
        screen less its taskbar), of the whole work area (what "Restore Down" gives)."""
        width, height = 1280, 760
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        frame_w, frame_h = 16, 40  # borders and title bar
        if area is not None and (area.width() < width + frame_w or area.height() < height + frame_h):
            width, height = area.width() - frame_w, area.height() - frame_h
        self.resize(width, height)  # (a resize ends the maximized state: first)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def attach(self, ws, year: int | None = None) -> None:
        """Bring in the open database: the pages can now be built."""
        from .context import AppContext

        self.ws = ws
        years = ws.years()
        this_year = dt.date.today().year
        year = year or (this_year if this_year in years else (years[-1] if years else this_year))
        self.ctx = AppContext(ws, year)
        self._show_office()
        self._fill_years()
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.ctx.year_changed.connect(self._year_changed)
        self.ctx.data_changed.connect(self._fill_years)
        self.ctx.undo_changed.connect(self._undo_changed)
        self.ctx.data_changed.connect(self._chain_page_shown)
        self.ctx.changed.connect(lambda changes, _who: "office" in changes.kinds and self._show_office())
        self._chain_page_shown()
        self.menuBar().setEnabled(True)
        self.nav.setEnabled(True)
        self.status_db.setText(str(ws.path))
        self.statusBar().showMessage(f"Phiên bản {__version__}. Dữ liệu được lưu ngay sau mỗi thao tác.", 8000)
        last = self.settings.value("window/page", "dashboard")
        self.nav.setCurrentRow(KEYS.index(last) if last in KEYS else 0)
        self._show_row(self.nav.currentRow())

    def _show_office(self) -> None:
        office = self.ws.office()
        self.setWindowTitle(f"{APP_NAME} - {office.name if office else 'chưa có thông tin cơ quan'}")

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
            self._action(m, title, lambda _=False, r=i: self.nav.setCurrentRow(r), f"Ctrl+{i + 1}" if i < 9 else None)

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
        elif key == "unit_reports":
            page.import_sheet_requested.connect(self.import_activity_sheet)
        return page

    def _chain_page_shown(self):
        self.nav.item(KEYS.index(CHAIN_PAGE)).setHidden(not self.ws.consolidates())

    def _show_row(self, row):
        if self.ctx is None or row < 0:
            return
        self.pages[KEYS[row]]  # noqa: B018 - builds the page on first use
        self.stack.setCurrentIndex(row)

    def _fill_years(self):
        received = set(self.ws.received_years())  # the level above works on the years it received
        years = set(self.ws.years()) | {dt.date.today().year, self.ctx.year} | received
        if self.ws.years():
            years.add(max(self.ws.years()) + 1)
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in sorted(years):
            has = y in self.ws.years()
            note = "" if has else " (số liệu cấp dưới)" if y in received else " (chưa có kế hoạch)"
            self.year_box.addItem(f"{y}{note}", y)
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
        elif key.startswith("report:"):  # a deadline of the plan: the report it asks for
            self._show_report(key.split(":", 1)[1])
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
        """Ctrl+P prints the document on screen: the consolidated report on the Tổng hợp page,
        else the one chosen on the Báo cáo page."""
        if KEYS[self.nav.currentRow()] == CHAIN_PAGE:
            self.pages[CHAIN_PAGE].print_document()
            return
        page = self.go_to("reports")
        page.print_document()

    def about(self):
        box = QMessageBox(QMessageBox.Icon.Information, "Giới thiệu",
                          f"<b>{APP_NAME}</b> {__version__}<br>Quản lý kế hoạch, nhiệm vụ, hoạt động và báo cáo công "
                          "tác bình đẳng giới và vì sự tiến bộ của phụ nữ, từ xã, phường đến tỉnh."
                          f"<br><br>Tệp dữ liệu: {self.ws.path}", QMessageBox.StandardButton.Close, self)
        box.button(QMessageBox.StandardButton.Close).setText("Đóng")
        box.exec()

    # ---- flows: one module each in ui/flows --------------------------------------------
    def import_package(self, path: str | None = None):
        from .flows import imports

        imports.import_package(self, path)

    def import_activity_sheet(self, path: str | None = None):
        from .flows import imports

        imports.import_activity_sheet(self, path)

    def export_package(self):
        from .flows import imports

        imports.export_package(self)

    def backup_now(self):
        from .flows import backups

        return backups.backup_now(self)

    def restore(self, chosen: Path | None = None):
        from .flows import backups

        backups.restore(self, chosen)

    def settle_unsaved(self, before: str) -> bool:
        from .flows import unsaved

        return unsaved.settle_unsaved(self, before)

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
            from .widgets import show_error

            show_error(self, "Không hoàn tác được", "\n".join(exc.messages))
            return
        self.statusBar().showMessage(f"Đã hoàn tác: {u.label}.", 8000)

    # ---- closing -----------------------------------------------------------------------
    def closeEvent(self, event):
        if not self.settle_unsaved("thoát"):
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.nav.currentRow() >= 0:
            self.settings.setValue("window/page", KEYS[self.nav.currentRow()])
        self.settings.sync()
        event.accept()
