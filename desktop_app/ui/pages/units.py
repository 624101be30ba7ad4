"""Đơn vị: add, rename, deactivate; a unit in use can only be deactivated, never deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
)

from ...domain.model import UNIT_KINDS, Unit
from ...domain.rules import unit_errors
from ...domain.text import clean, sort_key
from ..operations import REFUSED
from ..widgets import ErrorLabel, ask, save_cancel, show_error
from .base import Page


class UnitDialog(QDialog):
    def __init__(self, parent, existing: set[str], unit: Unit | None = None):
        super().__init__(parent)
        self.setWindowTitle("Sửa đơn vị" if unit else "Thêm đơn vị")
        self.setMinimumWidth(480)
        self.existing, self.unit = existing, unit
        self.code = QLineEdit(unit.code if unit else "")
        self.code.setReadOnly(unit is not None)
        self.code.setPlaceholderText("ví dụ HLHPN")
        self.name = QLineEdit(unit.name if unit else "")
        self.kind = QComboBox()
        for k, v in UNIT_KINDS.items():
            self.kind.addItem(v, k)
        if unit:
            self.kind.setCurrentIndex(self.kind.findData(unit.kind))
        self.err = {"code": ErrorLabel(lines=2), "name": ErrorLabel(lines=1)}
        self.checked = False  # errors show from the first press of Lưu on
        form = QFormLayout(self)
        form.addRow("Mã *", self.code)
        form.addRow("", self.err["code"])
        form.addRow("Tên đơn vị *", self.name)
        form.addRow("", self.err["name"])
        form.addRow("Loại", self.kind)
        form.addRow(save_cancel(self, self._accept))
        self.code.textChanged.connect(self.revalidate)
        self.name.textChanged.connect(self.revalidate)

    def result_unit(self) -> Unit:
        return Unit(clean(self.code.text()) or "", clean(self.name.text()) or "", self.kind.currentData(),
                    self.unit.active if self.unit else True)

    def revalidate(self, *_) -> dict[str, str]:
        errs = unit_errors(self.result_unit(), self.existing if self.unit is None else set())
        if self.checked:
            for key, label in self.err.items():
                label.show_error(errs.get(key))
        return errs

    def _accept(self):
        self.checked = True
        errs = self.revalidate()
        if errs:
            (self.code if "code" in errs else self.name).setFocus()
            return
        self.accept()


class UnitsPage(Page):
    title = "Đơn vị"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.model = QStandardItemModel(0, 4)
        self.model.setHorizontalHeaderLabels(["Mã", "Tên đơn vị", "Loại", "Trạng thái"])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(2, 170)
        self.table.setColumnWidth(3, 150)
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.list_keys(self.table, self.edit, self.delete)
        self.outer.addWidget(self.table, 1)
        self.add_btn, self.edit_btn, self.toggle_btn, self.del_btn = self.action_bar(
            ("Thêm đơn vị", self.add), ("Đổi tên", self.edit), ("Ngừng / dùng lại", self.toggle),
            ("Xóa", self.delete))
        self.units: list[Unit] = []

    def refresh(self):
        # by name in Vietnamese order, as in every list the officer picks a unit from
        self.units = sorted(self.ctx.ws.units(), key=lambda u: sort_key(u.name))
        self.model.setRowCount(0)
        for u in self.units:
            items = [QStandardItem(u.code), QStandardItem(u.name), QStandardItem(UNIT_KINDS.get(u.kind, u.kind)),
                     QStandardItem("Đang hoạt động" if u.active else "Ngừng sử dụng")]
            if not u.active:
                for it in items:
                    it.setForeground(QBrush(QColor("#888888")))
            items[0].setData(u.code, Qt.ItemDataRole.UserRole)
            self.model.appendRow(items)
        self.summary.setText(f"{len(self.units)} đơn vị, {sum(u.active for u in self.units)} đang hoạt động. "
                             "Đơn vị đã được dùng chỉ có thể ngừng sử dụng, không xóa được.")

    def _current(self) -> Unit | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.say_choose_a_row()
        return self.units[rows[0].row()] if rows else None

    def add(self):
        dlg = UnitDialog(self, {u.code for u in self.units})
        if dlg.exec():
            if self.op(lambda: self.ctx.ws.save_unit(dlg.result_unit()), "units",
                       title="Không lưu được đơn vị") is not REFUSED:
                self.select(dlg.result_unit().code)

    def select(self, code: str) -> None:
        """Select and scroll to a unit (the one just saved)."""
        for row, u in enumerate(self.units):
            if u.code == code:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

    def edit(self):
        u = self._current()
        if u:
            dlg = UnitDialog(self, set(), u)
            if dlg.exec():
                if self.op(lambda: self.ctx.ws.save_unit(dlg.result_unit()), "units",
                           title="Không lưu được đơn vị") is not REFUSED:
                    self.select(u.code)

    def toggle(self):
        u = self._current()
        if u:
            u.active = not u.active
            self.op(lambda: self.ctx.ws.save_unit(u), "units", title="Không lưu được đơn vị")

    def delete(self):
        u = self._current()
        if not u:
            return
        used = self.ctx.ws.unit_usage(u.code)
        if used:
            show_error(self, "Không xóa được đơn vị",
                       f"Đơn vị “{u.name}” đã được dùng {used} lần trong chỉ tiêu, nhiệm vụ hoặc hoạt động. "
                       "Hãy bấm “Ngừng / dùng lại” để ngừng sử dụng đơn vị này thay vì xóa.")
            return
        if ask(self, "Xóa đơn vị", f"Xóa đơn vị “{u.name}”?"):
            self.op(lambda: self.ctx.ws.delete_unit(u.code), "units", title="Không xóa được đơn vị", undo=True)
