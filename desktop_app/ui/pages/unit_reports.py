"""Số liệu đơn vị: a form per unit to fill in, and which units have sent theirs for the year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from ...domain.numbers import fmt_date
from ...services import NoPlanError, ValidationError, user_message
from ..widgets import ErrorLabel, UnitChecklist, save_cancel, show_error, when_text
from .base import Page


class FormsDialog(QDialog):
    """Choose the units and the year; one form each is written into a folder chosen next."""

    def __init__(self, parent, units: dict[str, str], year: int):
        super().__init__(parent)
        self.setWindowTitle("Tạo phiếu số liệu cho đơn vị")
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Năm:"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        row.addWidget(self.year)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(QLabel("Đơn vị nhận phiếu (mỗi đơn vị một tệp Excel mang tên đơn vị):"))
        self.units = UnitChecklist(units)
        self.units.setMaximumHeight(320)
        self.units.set_codes(units)
        lay.addWidget(self.units, 1)
        pick = QHBoxLayout()
        for text, codes in (("Chọn tất cả", list(units)), ("Bỏ chọn", [])):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, c=codes: self.units.set_codes(c))
            pick.addWidget(b)
        pick.addStretch(1)
        lay.addLayout(pick)
        self.err = ErrorLabel()
        lay.addWidget(self.err)
        bb = save_cancel(self, self._accept)
        bb.button(QDialogButtonBox.StandardButton.Save).setText("Tạo phiếu...")
        lay.addWidget(bb)

    def _accept(self):
        if not self.units.codes():
            self.err.show_error("Hãy chọn ít nhất một đơn vị.")
            return
        self.accept()


class UnitReportsPage(Page):
    title = "Số liệu đơn vị"
    import_sheet_requested = Signal()  # a filled form, through the window's Excel import

    def __init__(self, ctx):
        super().__init__(ctx)
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.outer.addWidget(self.deadlines)
        self.model = QStandardItemModel(0, 4)
        self.model.setHorizontalHeaderLabels(["Đơn vị", "Đã gửi số liệu", "Số hoạt động", "Tệp"])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(2, 110)
        self.table.setColumnWidth(3, 260)
        self.outer.addWidget(self.table, 1)
        self.forms_btn, self.import_btn = self.action_bar(
            ("Tạo phiếu cho đơn vị...", self.make_forms), ("Nhập phiếu đã điền...", self.import_sheet_requested.emit))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.outer.addWidget(self.message)
        self.status = []

    def refresh(self):
        year = self.ctx.year
        self.status = self.ctx.ws.unit_status(year)
        self.model.setRowCount(0)
        for s in self.status:
            sent = s.received_at is not None
            items = [QStandardItem(s.unit.name), QStandardItem(when_text(s.received_at) if sent else "Chưa gửi"),
                     QStandardItem("" if s.rows is None else str(s.rows)), QStandardItem(s.file_name or "")]
            if not sent:
                items[1].setForeground(QBrush(QColor("#b00020")))
            items[0].setData(s.unit.code, Qt.ItemDataRole.UserRole)
            self.model.appendRow(items)
        missing = sum(1 for s in self.status if s.received_at is None)
        self.summary.setText(f"Năm {year}: {len(self.status) - missing}/{len(self.status)} đơn vị đã gửi số liệu"
                             + (f"; {missing} đơn vị chưa gửi số liệu." if missing else "."))
        dl = self.ctx.ws.report_deadlines(year)
        self.deadlines.setText(
            ("Hạn báo cáo theo kế hoạch: " + "; ".join(f"{d.label} {fmt_date(d.due)}" for d in dl) + ".")
            if dl else f"Kế hoạch năm {year} chưa ghi hạn báo cáo.")
        self.forms_btn.setEnabled(self.ctx.ws.has_plan(year))
        self.import_btn.setEnabled(self.ctx.ws.has_plan(year))

    def make_forms(self, folder: str | None = None):
        dlg = FormsDialog(self, self.ctx.units(active_only=True), self.ctx.year)
        if not dlg.exec():
            return None
        year, codes = dlg.year.value(), dlg.units.codes()
        if not folder:
            start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu các phiếu", start)
        if not folder:
            return None
        try:
            written = self.ctx.ws.write_unit_forms(year, codes, folder)
        except (NoPlanError, ValidationError, OSError) as exc:
            text = ("\n".join(exc.messages) if isinstance(exc, ValidationError)
                    else str(exc) if isinstance(exc, NoPlanError) else (user_message(exc, folder) or str(exc)))
            show_error(self, "Không tạo được phiếu", text)
            return None
        self.message.setText(f"Đã tạo {len(written)} phiếu năm {year} trong thư mục {Path(folder)}. "
                             "Gửi mỗi đơn vị tệp mang tên đơn vị; khi nhận lại, bấm “Nhập phiếu đã điền...”.")
        return written
