"""Báo cáo: pick a document, type its parts, preview, print, save as PDF, Word or Excel."""

from __future__ import annotations

import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import ReportText
from ...services import DOCUMENT_KINDS, PLAN_DOCUMENTS, NoPlanError, render_document, user_message
from ..document_pane import DocumentPane
from ..draft_controls import DraftControls
from ..pdf_view import print_with_dialog, render_pages
from ..report_text_form import ReportTextForm
from ..widgets import ask
from ..worker import run_in_thread
from .base import Page

FILE_NAMES = {"plan": "Ke-hoach", "mid_year": "Bao-cao-6-thang", "year": "Bao-cao-nam",
              "action_month": "Bao-cao-Thang-hanh-dong", "q1": "Bao-cao-quy-I", "q2": "Bao-cao-quy-II",
              "q3": "Bao-cao-quy-III", "q4": "Bao-cao-quy-IV", "nine_month": "Bao-cao-9-thang",
              "action_month_plan": "Ke-hoach-Thang-hanh-dong"}


PLAN_NOTE = "Kế hoạch được in từ trang Kế hoạch, Chỉ tiêu và Nhiệm vụ."
AM_PLAN_NOTE = ("Kế hoạch Tháng hành động riêng được sửa ở trang Kế hoạch (chọn “Kế hoạch Tháng hành động” ở "
                "đầu trang).")


def _render_job(data, margins, out):
    render_document(data, out, margins)
    return str(out), render_pages(str(out), dpi=110)  # sharp when zoomed in; fitted to the pane


class ReportsPage(Page):
    title = "Báo cáo"
    preview_ready = Signal(int)  # page count, for the self-test and tests
    status_message = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.kind = "year"
        self.loaded_text: ReportText | None = None
        self.pdf_path: str | None = None
        self.last_folder: str | None = None
        self._tmpdir = tempfile.TemporaryDirectory(prefix="bdg-xem-truoc-")

        self.kinds = QListWidget()
        for k, v in DOCUMENT_KINDS.items():
            it = QListWidgetItem(v)
            it.setData(Qt.ItemDataRole.UserRole, k)
            self.kinds.addItem(it)
        # the nine documents side by side in rows (not one per line): the typed parts keep the room
        self.kinds.setFlow(QListView.Flow.LeftToRight)
        self.kinds.setWrapping(True)
        self.kinds.setResizeMode(QListView.ResizeMode.Adjust)
        self.kinds.setGridSize(QSize(170, 22))
        self.kinds.setMaximumHeight(80)
        self.kinds.setCurrentRow(list(DOCUMENT_KINDS).index("year"))

        form_w = self.text_form = ReportTextForm("ví dụ 120 hoặc 120/BC-UBND (để trống để ghi tay)")
        f = self.text_form  # its fields by name, as the drafting controls and tests reach them
        self.number, self.issued, self.parts, self.recipients, self.signer = (
            f.number, f.issued, f.parts, f.recipients, f.signer)
        self.text_box = QGroupBox("Phần cán bộ nhập (tự lưu khi gõ; số liệu tự tính)")
        tb = QVBoxLayout(self.text_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_w)
        tb.addWidget(scroll)
        self.drafting = DraftControls(self)  # "Soạn nháp từ số liệu"
        tb.addWidget(self.drafting)
        self.save_text_btn = QPushButton("Lưu nội dung")
        tb.addWidget(self.save_text_btn)
        self.plan_note = QLabel(PLAN_NOTE)
        self.plan_note.setWordWrap(True)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel("Văn bản:"))
        ll.addWidget(self.kinds)
        ll.addWidget(self.plan_note)
        ll.addWidget(self.text_box, 1)

        right = self.pane = DocumentPane("In... (Ctrl+P)", folder_button=True)
        p = self.pane  # its parts by name, as the page's code and the tests reach them
        self.preview, self.preview_btn, self.print_btn, self.pdf_btn, self.docx_btn, self.xlsx_btn = (
            p.preview, p.preview_btn, p.print_btn, p.pdf_btn, p.docx_btn, p.xlsx_btn)
        self.folder_btn, self.progress, self.message, self.info = p.folder_btn, p.progress, p.message, p.info

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([10_000, 10_000])  # half each: paragraphs to write, the page fitted beside
        self.outer.addWidget(split, 1)

        self.kinds.currentRowChanged.connect(self._kind_changed)
        # The preview follows the chosen document and year by itself, built in the background.
        self._generation = 0
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(self._auto_preview)
        # Typed parts are stored a moment after typing stops: a power cut costs a sentence at most.
        self.text_form.save_soon.connect(lambda: self.has_unsaved() and self.save_text(auto=True))
        self.save_text_btn.clicked.connect(self.save_text)
        self.preview_btn.clicked.connect(self.build_preview)
        self.print_btn.clicked.connect(self.print_document)
        self.pdf_btn.clicked.connect(lambda: self.save_as("pdf"))
        self.docx_btn.clicked.connect(lambda: self.save_as("docx"))
        self.xlsx_btn.clicked.connect(self.save_xlsx)
        self.folder_btn.clicked.connect(self.open_folder)

    # ---- typed parts -------------------------------------------------------------------
    def _kind_changed(self, row):
        if self.has_unsaved():
            self.save_text()
        self.kind = self.kinds.item(row).data(Qt.ItemDataRole.UserRole)
        self.preview.set_pages([])
        self.pdf_path = None
        self.info.setText("")
        self._load_text()
        self._preview_soon()

    def _preview_soon(self):
        if self.ctx.ws.has_plan(self.ctx.year):
            self.preview.set_message("Đang dựng bản xem trước...")
            self._preview_timer.start()

    def _auto_preview(self):
        if self.isVisible():
            self.build_preview(auto=True)

    def refresh(self):
        self._load_text()
        self.preview.set_pages([])
        self.pdf_path = None
        has_plan = self.ctx.ws.has_plan(self.ctx.year)
        for b in (self.preview_btn, self.print_btn, self.pdf_btn, self.docx_btn, self.xlsx_btn):
            b.setEnabled(has_plan)
        self.info.setText("" if has_plan else f"Năm {self.ctx.year} chưa có kế hoạch: chưa có gì để in.")
        self.preview.set_message("" if has_plan else f"Năm {self.ctx.year} chưa có kế hoạch: chưa có gì để xem.")
        self._preview_soon()

    def _load_text(self):
        is_plan = self.kind in PLAN_DOCUMENTS
        self.text_box.setVisible(not is_plan)
        self.plan_note.setVisible(is_plan)
        self.plan_note.setText(AM_PLAN_NOTE if self.kind == "action_month_plan" else PLAN_NOTE)
        if is_plan:
            self.loaded_text = None
            return
        t = self.ctx.ws.report_text(self.ctx.year, self.kind)
        self.loaded_text = t
        self.text_form.show_text(t)
        self.text_form.signer.suggest(self.ctx.ws.office())

    def form_text(self) -> ReportText:
        # the form belongs to the year and document it was loaded for
        return self.text_form.text(self.loaded_text, self.ctx.year, self.kind)

    def has_unsaved(self) -> bool:
        return self.loaded_text is not None and self.kind not in PLAN_DOCUMENTS and self.form_text() != self.loaded_text

    def save_pending(self) -> bool:
        self.save_text()
        return True

    def flush(self) -> None:
        self.text_form.stop_timer()
        if self.has_unsaved():
            self.save_text(auto=True)

    def save_text(self, auto: bool = False):
        if self.kind in PLAN_DOCUMENTS or self.loaded_text is None:
            return
        t = self.form_text()
        problem = self.issued.error()
        self.issued.mark_error(bool(problem))
        self.message.show_error(problem and problem + " (ngày cũ được giữ cho đến khi sửa)")
        self.ctx.ws.save_report_text(t)
        self.loaded_text = t
        self.status_message.emit("Đã tự lưu nội dung báo cáo." if auto else "Đã lưu nội dung báo cáo.")
        if auto:
            self._preview_soon()  # the preview shows what was typed

    # ---- documents ---------------------------------------------------------------------
    def _data(self, auto: bool = False):
        if self.has_unsaved():
            self.save_text(auto=auto)
        try:
            return self.ctx.ws.document_data(self.ctx.year, self.kind), self.ctx.ws.page_settings()
        except NoPlanError as exc:
            self.message.show_error(str(exc))
            self.failed.emit(str(exc))
            return None

    def _busy(self, on: bool):
        self.pane.busy(on)

    def build_preview(self, then=None, auto: bool = False):
        got = self._data(auto)
        if not got:
            return
        data, margins = got
        out = Path(self._tmpdir.name) / f"{FILE_NAMES[self.kind]}-{self.ctx.year}.pdf"
        self._busy(True)
        self.message.show_error(None)
        self._preview_timer.stop()
        self._generation += 1
        generation = self._generation
        # read now: the data may be closed by the time the pages come back
        gaps = self.ctx.ws.document_gaps(self.ctx.year, self.kind)

        def done(result):
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # the page is gone, or a newer preview is on its way
            self._busy(False)
            self.pdf_path, images = result
            self.preview.set_pages(images)
            info = f"{DOCUMENT_KINDS[self.kind]} ({self.ctx.year}): {len(images)} trang."
            # what is missing, in short ("Chưa có người ký"), each on its own line
            self.info.setText(info + "".join("\n• " + g.split(":")[0] + "." for g in gaps))
            self.preview_ready.emit(len(images))
            if then:
                then()

        run_in_thread(_render_job, data, margins, out, on_done=done, on_error=self._failed)

    def _failed(self, exc, tb):
        if not shiboken6.isValid(self):
            return
        self._busy(False)
        self.message.show_error(f"Không tạo được văn bản: {exc}")
        self.failed.emit(f"{exc}\n{tb}")

    def print_document(self):
        # What is not filled in prints as a blank or is left out: say so before paper is used.
        gaps = self.ctx.ws.document_gaps(self.ctx.year, self.kind)
        if gaps and not ask(self, "Văn bản còn thiếu", "Văn bản còn thiếu:\n- " + "\n- ".join(gaps)
                            + "\n\nVẫn in văn bản này?"):
            return
        self._print()

    def _print(self):
        if not self.pdf_path:
            self.build_preview(then=self._print)
            return
        if print_with_dialog(self, self.pdf_path, "In văn bản"):
            self.status_message.emit("Đã gửi văn bản tới máy in.")

    def _ask_path(self, suffix: str, filt: str) -> str | None:
        folder = self.last_folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{FILE_NAMES[self.kind]}-{self.ctx.year}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, "Lưu văn bản", str(Path(folder) / name), filt)
        if not path:
            return None
        if not path.lower().endswith("." + suffix):
            path += "." + suffix
        return path

    def save_as(self, suffix: str, path: str | None = None):
        path = path or self._ask_path(suffix, "PDF (*.pdf)" if suffix == "pdf" else "Word (*.docx)")
        if not path:
            return
        got = self._data()
        if not got:
            return
        data, margins = got
        self._busy(True)

        def done(out):
            self._busy(False)
            self._saved(out)

        run_in_thread(render_document, data, path, margins, on_done=done, on_error=self._save_failed)

    def save_xlsx(self, path: str | None = None):
        path = path or self._ask_path("xlsx", "Excel (*.xlsx)")
        if not path:
            return
        try:
            out = self.ctx.ws.export_xlsx(path, self.ctx.year)
        except (NoPlanError, OSError) as exc:
            self._save_failed(exc, "")
            return
        self._saved(out)

    def _saved(self, out):
        self.last_folder = str(Path(out).parent)
        self.folder_btn.setEnabled(True)
        self.message.show_error(None)
        self.info.setText(f"Đã lưu {out}")
        self.status_message.emit(f"Đã lưu {out}")

    def _save_failed(self, exc, tb):
        self._busy(False)
        reason = (user_message(exc) or str(exc)) if isinstance(exc, OSError) else str(exc)
        self.message.show_error(f"Không lưu được tệp: {reason}. Nếu tệp đang mở trong Word hoặc trình xem PDF, "
                                "hãy đóng tệp rồi lưu lại, hoặc chọn tên khác.")

    def open_folder(self):
        if self.last_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.last_folder))

