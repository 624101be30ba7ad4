"""Tổng hợp: the level above receives the packages of the offices below (several files or a whole
folder, e.g. a USB stick), sees who has sent, and prints the consolidated report."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import ReportText
from ...domain.text import clean
from ...services import (
    SUMMARY_DOCUMENTS,
    NoPlanError,
    StoreError,
    ValidationError,
    describe_received,
    user_message,
)
from ..document_pane import DocumentPane
from ..operations import changes, run_op, run_op_in_background, workspace_job
from ..pdf_view import print_with_dialog, render_pages
from ..report_text_form import ReportTextForm
from ..widgets import ErrorLabel, ask, save_cancel, show_error
from ..worker import run_in_thread
from .base import Page
from .unit_reports import when_text

FILE_NAMES = {"summary": "Bao-cao-tong-hop", "summary_mid_year": "Bao-cao-tong-hop-6-thang"}


def _summary_job(db_path, year, kind, out):
    workspace_job(db_path, "build_summary", year, kind, out)
    return str(out), render_pages(str(out), dpi=80)


class OfficeDialog(QDialog):
    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle("Thêm cơ quan cấp dưới")
        self.setMinimumWidth(480)
        self.name, self.code, self.province = QLineEdit(), QLineEdit(), QLineEdit()
        self.name.setPlaceholderText("Ủy ban nhân dân xã ...")
        self.code.setPlaceholderText("mã đơn vị hành chính, ví dụ 16279")
        self.err = ErrorLabel()
        form = QFormLayout(self)
        form.addRow("Tên cơ quan *", self.name)
        form.addRow("Mã", self.code)
        form.addRow("Tỉnh, thành phố", self.province)
        form.addRow(self.err)
        form.addRow(save_cancel(self, self._accept))

    def _accept(self):
        if not clean(self.name.text()):
            self.err.show_error("Tên cơ quan không được để trống")
            return
        self.accept()


class ConsolidationPage(Page):
    title = "Tổng hợp"
    preview_ready = Signal(int)
    received = Signal(list)  # the outcome of a receive, for the window's status bar and tests

    def __init__(self, ctx):
        super().__init__(ctx)
        self.kind = "summary"
        self.loaded_text: ReportText | None = None
        self.pdf_path: str | None = None
        self._tmpdir = tempfile.TemporaryDirectory(prefix="bdg-tong-hop-")
        self.overview = QLabel()
        self.overview.setWordWrap(True)
        self.overview.setObjectName("chainOverview")
        self.outer.addWidget(self.overview)
        self.tabs = QTabWidget()
        self.outer.addWidget(self.tabs, 1)
        self._offices_tab()
        self._report_tab()

    # ---- offices: who has sent --------------------------------------------------------------
    def _offices_tab(self):
        w = QWidget()
        lay = QVBoxLayout(w)
        self.model = QStandardItemModel(0, 4)
        self.model.setHorizontalHeaderLabels(["Cơ quan", "Mã", "Tỉnh, thành phố", "Số liệu năm"])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 150)
        self.table.setColumnWidth(3, 190)
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.receive_btn = QPushButton("Nhận gói dữ liệu...")
        self.folder_btn = QPushButton("Nhận cả thư mục...")
        self.add_btn = QPushButton("Thêm cơ quan...")
        self.list_btn = QPushButton("Nhập danh sách từ Excel...")
        self.forget_btn = QPushButton("Xóa cơ quan")
        for b in (self.receive_btn, self.folder_btn, self.add_btn, self.list_btn, self.forget_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        lay.addWidget(self.progress)
        self.result = QListWidget()
        self.result.setWordWrap(True)
        self.result.setMaximumHeight(150)
        self.result.hide()
        lay.addWidget(self.result)
        self.receive_btn.clicked.connect(lambda: self.receive_files())
        self.folder_btn.clicked.connect(lambda: self.receive_folder())
        self.add_btn.clicked.connect(self.add_office)
        self.list_btn.clicked.connect(lambda: self.import_office_list())
        self.forget_btn.clicked.connect(self.forget_office)
        self.tabs.addTab(w, "Cơ quan cấp dưới")

    def refresh(self):
        year = self.ctx.year
        self.status = self.ctx.ws.office_status(year)
        self.model.setRowCount(0)
        for s in self.status:
            sent = s.received_at is not None
            items = [QStandardItem(s.office.name), QStandardItem(s.office.code or ""),
                     QStandardItem(s.office.province or ""),
                     QStandardItem(f"đã nhận {when_text(s.received_at)}" if sent else "Chưa gửi báo cáo")]
            if not sent:
                items[3].setForeground(QBrush(QColor("#b00020")))
            items[0].setData(s.office.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(items)
        sent = sum(1 for s in self.status if s.received_at is not None)
        missing = [s.office.name for s in self.status if s.received_at is None]
        text = f"Năm {year}: đã nhận số liệu của {sent}/{len(self.status)} cơ quan."
        if missing:
            text += f" Chưa gửi ({len(missing)}): " + ", ".join(missing[:8]) + (", ..." if len(missing) > 8 else "") + "."
        if not self.status:
            text = ("Chưa có cơ quan cấp dưới nào. Bấm “Nhận gói dữ liệu...” để nhận các tệp .json các xã gửi lên, "
                    "hoặc “Thêm cơ quan...” để ghi danh sách các cơ quan phải báo cáo.")
        self.overview.setText(text)
        self._load_text()
        self.preview.set_pages([])
        self.preview.set_message(f"Bấm “Xem trước” để dựng báo cáo tổng hợp năm {year}." if self.status else
                                 f"Chưa nhận được số liệu năm {year}: nhận gói ở thẻ “Cơ quan cấp dưới”.")
        self.pdf_path = None
        # With offices known and none sent, the report still lists who has not sent (to chase them).
        for b in self.doc_buttons:
            b.setEnabled(bool(self.status))
        self.info.setText("" if sent else (
            f"Chưa có cơ quan nào gửi số liệu năm {year}: báo cáo tổng hợp chỉ nêu danh sách cơ quan chưa gửi."
            if self.status else f"Chưa nhận được số liệu năm {year} của cơ quan nào: chưa có gì để tổng hợp."))

    def _selected_office(self):
        rows = self.table.selectionModel().selectedRows()
        return self.status[rows[0].row()].office if rows else None

    def receive_files(self, paths: list[str] | None = None):
        if paths is None:
            start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            paths, _ = QFileDialog.getOpenFileNames(self, "Chọn các gói dữ liệu của cấp dưới", start,
                                                    "Gói dữ liệu (*.json)")
        if paths:
            self._receive([str(p) for p in paths])

    def receive_folder(self, folder: str | None = None):
        if folder is None:
            start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục chứa các gói dữ liệu (ví dụ USB)", start)
        if not folder:
            return
        paths = self.ctx.ws.package_files_in(folder)
        if not paths:
            show_error(self, "Không có gói dữ liệu", f"Thư mục {folder} không có tệp .json nào.")
            return
        self._receive([str(p) for p in paths])

    def _receive(self, paths: list[str]):
        def done(results):
            self.show_results(results)
            self.received.emit(results)
            # Figures of another year than the one shown: offer to go there, or the page would
            # seem to say nothing came.
            years = sorted({y for r in results if r.taken for y in r.years})
            if years and self.ctx.year not in years and ask(
                    self, "Số liệu năm khác", f"Các gói vừa nhận là số liệu năm {', '.join(map(str, years))}, "
                    f"không phải năm {self.ctx.year} đang xem. Chuyển sang năm {years[-1]}?"):
                self.ctx.set_year(years[-1])

        def failed(exc):
            show_error(self, "Không nhận được", (str(exc) if isinstance(exc, StoreError) else user_message(exc)
                                                 or f"{type(exc).__name__}: {exc}") + "\n\nDữ liệu không thay đổi.")
            self.received.emit([])

        run_op_in_background(self, self.ctx, workspace_job, self.ctx.ws.path, "receive_files", paths,
                             kinds=("received",), label=f"Đang nhận {len(paths)} gói dữ liệu...",
                             on_done=done, on_failed=failed)

    def show_results(self, results):
        self.result.clear()
        taken = sum(r.taken for r in results)
        head = QListWidgetItem(f"Đã nhận {taken}/{len(results)} tệp."
                               + ("" if taken == len(results) else " Các tệp không nhận không làm thay đổi gì; "
                                  "hãy gửi lỗi cho cơ quan đó để sửa rồi gửi lại."))
        self.result.addItem(head)
        for r in results:
            item = QListWidgetItem(describe_received(r) if r.taken else f"{Path(r.file).name}: không nhận")
            if not r.taken:
                item.setForeground(QBrush(QColor("#b00020")))
            self.result.addItem(item)
            for line in r.errors:
                sub = QListWidgetItem("    " + line)
                sub.setForeground(QBrush(QColor("#b00020")))
                self.result.addItem(sub)
        self.result.show()

    def add_office(self):
        dlg = OfficeDialog(self)
        if not dlg.exec():
            return
        new = run_op(self, self.ctx, lambda: self.ctx.ws.add_office(dlg.name.text(), dlg.code.text(),
                                                                     dlg.province.text()),
                     kinds=("received",), title="Không thêm được")
        if new is False:
            show_error(self, "Đã có cơ quan này", "Cơ quan này đã có trong danh sách.")

    def import_office_list(self, path: str | None = None):
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Danh sách cơ quan (Excel: cột Mã, cột Tên)",
                                                  str(Path.home()), "Bảng tính Excel (*.xlsx)")
        if not path:
            return
        try:
            added = self.ctx.ws.import_office_list(path)
        except ValidationError as exc:
            show_error(self, "Danh sách bị từ chối", "Không thêm cơ quan nào. Hãy sửa các chỗ sau:", exc.messages)
            return
        except StoreError as exc:
            show_error(self, "Không đọc được danh sách", str(exc))
            return
        self.ctx.announce(changes("received"))
        self.overview.setText(self.overview.text() + f" Đã thêm {added} cơ quan từ danh sách.")

    def forget_office(self):
        office = self._selected_office()
        if office and ask(self, "Xóa cơ quan", f"Xóa “{office.name}” và mọi số liệu đã nhận của cơ quan này?"):
            run_op(self, self.ctx, lambda: self.ctx.ws.forget_office(office.id), kinds=("received",),
                   title="Không xóa được")

    # ---- the consolidated report -------------------------------------------------------------
    def _report_tab(self):
        self.kinds = QListWidget()
        for k, v in SUMMARY_DOCUMENTS.items():
            it = QListWidgetItem(v)
            it.setData(Qt.ItemDataRole.UserRole, k)
            self.kinds.addItem(it)
        self.kinds.setMaximumHeight(56)
        self.kinds.setCurrentRow(0)
        form_w = self.text_form = ReportTextForm("ví dụ 120/BC-SNV (để trống để ghi tay)", part_height=80)
        f = self.text_form
        self.number, self.issued, self.parts, self.recipients, self.signer = (
            f.number, f.issued, f.parts, f.recipients, f.signer)
        box = QGroupBox("Phần cán bộ nhập (tự lưu khi gõ; số liệu tự tổng hợp)")
        bl = QVBoxLayout(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_w)
        bl.addWidget(scroll)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.kinds)
        ll.addWidget(box, 1)

        right = self.pane = DocumentPane("In...")
        p = self.pane
        self.preview, self.preview_btn, self.print_btn, self.pdf_btn, self.docx_btn, self.xlsx_btn = (
            p.preview, p.preview_btn, p.print_btn, p.pdf_btn, p.docx_btn, p.xlsx_btn)
        self.doc_buttons, self.doc_progress, self.message, self.info = p.doc_buttons, p.progress, p.message, p.info
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.tabs.addTab(split, "Báo cáo tổng hợp")

        self.kinds.currentRowChanged.connect(self._kind_changed)
        self.text_form.save_soon.connect(lambda: self.has_unsaved() and self.save_text())
        self.preview_btn.clicked.connect(lambda: self.build_preview())
        self.print_btn.clicked.connect(self.print_document)
        for b, suffix in ((self.pdf_btn, "pdf"), (self.docx_btn, "docx"), (self.xlsx_btn, "xlsx")):
            b.clicked.connect(lambda _=False, s=suffix: self.save_as(s))

    def _kind_changed(self, row):
        if self.has_unsaved():
            self.save_text()
        self.kind = self.kinds.item(row).data(Qt.ItemDataRole.UserRole)
        self.preview.set_pages([])
        self.pdf_path = None
        self._load_text()

    def _load_text(self):
        t = self.ctx.ws.summary_text(self.ctx.year, self.kind)
        self.loaded_text = t
        self.text_form.show_text(t)
        self.text_form.signer.suggest(self.ctx.ws.office())
        self.loaded_text = self.form_text()  # as the form reads it back

    def form_text(self) -> ReportText:
        return self.text_form.text(self.loaded_text, self.ctx.year, self.kind)

    def has_unsaved(self) -> bool:
        return self.loaded_text is not None and self.form_text() != self.loaded_text

    def save_pending(self) -> bool:
        self.save_text()
        return True

    def flush(self) -> None:
        self.text_form.stop_timer()
        if self.has_unsaved():
            self.save_text()

    def save_text(self):
        if self.loaded_text is None:
            return
        t = self.form_text()
        self.ctx.ws.save_report_text(t)
        self.loaded_text = t

    def _busy(self, on: bool):
        self.pane.busy(on)

    def _doc_failed(self, exc, tb=""):
        self._busy(False)
        if isinstance(exc, NoPlanError):
            self.message.show_error(str(exc))
        elif isinstance(exc, OSError):
            self.message.show_error(f"Không lưu được tệp: {user_message(exc) or exc}. Nếu tệp đang mở trong "
                                    "Word, Excel hoặc trình xem PDF, hãy đóng tệp rồi lưu lại, hoặc chọn tên khác.")
        else:
            self.message.show_error(f"Không tạo được báo cáo: {user_message(exc) or exc}")

    def build_preview(self, then=None):
        self.flush()
        out = Path(self._tmpdir.name) / f"{FILE_NAMES[self.kind]}-{self.ctx.year}.pdf"
        self._busy(True)
        self.message.show_error(None)

        def done(result):
            self._busy(False)
            self.pdf_path, images = result
            self.preview.set_pages(images)
            self.info.setText(f"{SUMMARY_DOCUMENTS[self.kind]} ({self.ctx.year}): {len(images)} trang.")
            self.preview_ready.emit(len(images))
            if then:
                then()

        run_in_thread(_summary_job, self.ctx.ws.path, self.ctx.year, self.kind, out, on_done=done,
                      on_error=self._doc_failed)

    def print_document(self):
        if not self.pdf_path:
            self.build_preview(then=self.print_document)
            return
        print_with_dialog(self, self.pdf_path, "In báo cáo tổng hợp")

    def save_as(self, suffix: str, path: str | None = None):
        if not path:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            name = f"{FILE_NAMES[self.kind]}-{self.ctx.year}.{suffix}"
            filt = {"pdf": "PDF (*.pdf)", "docx": "Word (*.docx)", "xlsx": "Excel (*.xlsx)"}[suffix]
            path, _ = QFileDialog.getSaveFileName(self, "Lưu báo cáo tổng hợp", str(Path(folder) / name), filt)
            if not path:
                return
            if not path.lower().endswith("." + suffix):
                path += "." + suffix
        self.flush()
        self._busy(True)

        def done(out):
            self._busy(False)
            self.message.show_error(None)
            self.info.setText(f"Đã lưu {out}")

        run_in_thread(workspace_job, self.ctx.ws.path, "build_summary", self.ctx.year, self.kind, path,
                      on_done=done, on_error=self._doc_failed)
