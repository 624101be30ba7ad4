"""Hoạt động: the list with search and filters, and the form to add, edit, copy or delete."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from ...domain.model import ACTIVITY_TYPES
from ...domain.numbers import fmt_int
from ...domain.rules import action_month_window
from ..activity_dialog import ActivityDialog
from ..activity_model import FEMALE, TOTAL, ActivityTableModel
from ..operations import changes
from ..widgets import DateEdit, UnitFilter, ask, show_error
from .base import Page


class ActivitiesPage(Page):
    title = "Hoạt động"
    import_sheet_requested = Signal()  # the window imports (it settles unsaved edits first)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.model = ActivityTableModel(self)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm theo tên, địa điểm, đơn vị... (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox()
        self.type_filter.addItem("Mọi loại", None)
        for k, v in ACTIVITY_TYPES.items():
            self.type_filter.addItem(v, k)
        self.unit_filter = UnitFilter()
        self.unit_filter.setMinimumWidth(180)
        self.date_from = DateEdit(optional=True)
        self.date_to = DateEdit(optional=True)
        self.am_only = QCheckBox("Chỉ Tháng hành động")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.type_filter, 1)
        filters.addWidget(self.unit_filter, 1)
        filters.addWidget(QLabel("Từ"))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("đến"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.am_only)
        self.outer.addLayout(filters)
        # When the list is empty, why, and the way out.
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #7a4b00; background: #fff8e1; padding: 6px;")
        self.clear_btn = QPushButton("Bỏ lọc")
        self.clear_btn.clicked.connect(self.clear_filters)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.empty_hint, 1)
        hint_row.addWidget(self.clear_btn)
        self.hint_box = QWidget()
        self.hint_box.setLayout(hint_row)
        hint_row.setContentsMargins(0, 0, 0, 0)
        self.hint_box.hide()
        self.outer.addWidget(self.hint_box)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, w in ((0, 90), (2, 130), (3, 190), (4, 150), (5, 70), (6, 60), (7, 60), (8, 110)):
            self.table.setColumnWidth(col, w)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.list_keys(self.table, self.edit_selected, self.delete_selected)
        self.outer.addWidget(self.table, 1)

        self.add_btn, self.edit_btn, self.dup_btn, self.del_btn, self.sheet_btn = self.action_bar(
            ("Thêm hoạt động", self.add), ("Sửa", self.edit_selected),
            ("Nhân bản", self.duplicate_selected), ("Xóa", self.delete_selected),
            ("Nhập từ Excel...", self.import_sheet_requested.emit))
        self.sheet_btn.setToolTip("Bảng tính có cột như tệp Excel do chương trình xuất (Báo cáo → Lưu Excel): "
                                  "dòng có Mã là hoạt động sẵn có thì được cập nhật, dòng khác được thêm mới.")
        self.add_btn.setToolTip("Ctrl+N")
        self.search.textChanged.connect(self.apply_filters)
        self.type_filter.currentIndexChanged.connect(self.apply_filters)
        self.unit_filter.currentIndexChanged.connect(self.apply_filters)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)
        self.am_only.toggled.connect(self.apply_filters)
        self.model.modelReset.connect(self.update_summary)

    def refresh(self):
        units = self.ctx.units()
        self.unit_filter.set_units(units)
        self.model.set_rows(self.ctx.ws.activity_list_rows(self.ctx.year), units)
        self.apply_filters()
        has_plan = self.ctx.plan() is not None
        self.add_btn.setEnabled(has_plan)
        self.add_btn.setToolTip("Ctrl+N" if has_plan else f"Năm {self.ctx.year} chưa có kế hoạch: hãy tạo ở trang Kế hoạch")

    def apply_filters(self, *_):
        window = None
        if self.am_only.isChecked():
            plan = self.ctx.plan() or self.ctx.plan("action_month")
            if plan:
                s, e = action_month_window(plan)
                window = (s.isoformat(), e.isoformat())
        d0, d1 = self.date_from.value(), self.date_to.value()
        self.model.set_filters(text=self.search.text(), type=self.type_filter.currentData(),
                               unit=self.unit_filter.currentData(),
                               date_from=d0.isoformat() if d0 else None,
                               date_to=d1.isoformat() if d1 else None, window=window)

    def update_summary(self, *_):
        n = self.model.rowCount()
        total = female = 0
        for row in self.model.visible_rows():
            total += row[TOTAL] or 0
            female += row[FEMALE] or 0
        self.summary.setText(f"Đang hiển thị {fmt_int(n)}/{fmt_int(self.model.total_count())} hoạt động · "
                             f"{fmt_int(total)} lượt người tham gia, trong đó nữ {fmt_int(female)}")
        hint = self.empty_reason() if n == 0 else None
        self.hint_box.setVisible(bool(hint))
        self.empty_hint.setText(hint or "")
        self.clear_btn.setVisible(self.model.total_count() > 0)

    def empty_reason(self) -> str:
        """Why the list shows nothing, in words, and what to do."""
        if self.model.total_count() == 0:
            return (f"Năm {self.ctx.year} chưa có hoạt động nào. Bấm “Thêm hoạt động” (Ctrl+N) để nhập phiếu "
                    "đầu tiên, hoặc “Nhập từ Excel...” nếu đã có bảng tính.")
        active = []
        if self.type_filter.currentData():
            active.append(f"loại “{self.type_filter.currentText()}”")
        if self.unit_filter.currentData():
            active.append(f"đơn vị “{self.unit_filter.currentText()}”")
        if self.date_from.value():
            active.append(f"từ ngày {self.date_from.text()}")
        if self.date_to.value():
            active.append(f"đến ngày {self.date_to.text()}")
        if self.am_only.isChecked():
            active.append("chỉ Tháng hành động")
        text = self.search.text().strip()
        what = f"khớp “{text}”" if text else "thỏa bộ lọc"
        reason = f"Không có hoạt động nào {what}"
        if active:
            reason += " với " + ", ".join(active)
        reason += f" trong {fmt_int(self.model.total_count())} hoạt động của năm {self.ctx.year}."
        if text:
            reason += " Tìm không cần dấu, không phân biệt chữ hoa (“dong tam” tìm được “Đồng Tâm”): hãy thử ít chữ hơn."
        return reason + " Bấm “Bỏ lọc” để xem lại tất cả."

    def focus_search(self):
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[str]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in sorted(rows)]

    def _dialog(self, activity=None, duplicate=False) -> ActivityDialog:
        plan = self.ctx.plan()
        tasks = [(t.code, t.content) for t in plan.tasks] if plan else []
        return ActivityDialog(self, self.ctx.year, self.ctx.units(active_only=True) | (
            {activity.organizer: self.ctx.units().get(activity.organizer, activity.organizer)}
            if activity and activity.organizer else {}), tasks,
            save=lambda a: self.ctx.ws.save_activity(a, self.ctx.year), activity=activity,
            duplicate=duplicate)

    def add(self):
        if self.ctx.plan() is None:
            show_error(self, "Chưa có kế hoạch", f"Năm {self.ctx.year} chưa có kế hoạch. Hãy tạo kế hoạch ở trang Kế hoạch trước.")
            return None
        dlg = self._dialog()
        dlg.exec()
        if dlg.saved_ids:  # the form saved (and showed any refusal) itself
            self.ctx.announce(changes("activities"))
            self.select(dlg.saved_ids[-1])
        return dlg

    def select(self, activity_id: str) -> None:
        """Select and scroll to an activity (the one just saved); if the filters hide it, they
        are cleared so that it can be seen."""
        self.ensure_fresh()
        row = self.model.row_of(activity_id)
        if row is None:
            self.clear_filters()
            row = self.model.row_of(activity_id)
        if row is None:
            return
        self.table.clearSelection()
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 1), QAbstractItemView.ScrollHint.PositionAtCenter)

    def clear_filters(self) -> None:
        for w in (self.search, self.type_filter, self.unit_filter, self.date_from, self.date_to, self.am_only):
            w.blockSignals(True)
        self.search.clear()
        self.type_filter.setCurrentIndex(0)
        self.unit_filter.setCurrentIndex(0)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self.am_only.setChecked(False)
        for w in (self.search, self.type_filter, self.unit_filter, self.date_from, self.date_to, self.am_only):
            w.blockSignals(False)
        self.apply_filters()

    def edit_selected(self):
        ids = self.selected_ids()
        if not ids:
            self.say_choose_a_row()
            return
        a = self.ctx.ws.activity(ids[0])
        dlg = self._dialog(a)
        if dlg.exec() and dlg.saved_ids:
            self.ctx.announce(changes("activities"))
            self.select(dlg.saved_ids[-1])

    def duplicate_selected(self):
        ids = self.selected_ids()
        if not ids:
            self.say_choose_a_row()
            return
        a = dataclasses.replace(self.ctx.ws.activity(ids[0]), id=None)
        dlg = self._dialog(a, duplicate=True)
        dlg.exec()
        if dlg.saved_ids:
            self.ctx.announce(changes("activities"))
            self.select(dlg.saved_ids[-1])

    def delete_selected(self):
        ids = self.selected_ids()
        if not ids:
            self.say_choose_a_row()
            return
        what = "hoạt động đã chọn" if len(ids) == 1 else f"{len(ids)} hoạt động đã chọn"
        if not ask(self, "Xóa hoạt động", f"Xóa {what}?\n(Lỡ tay: Sửa → Hoàn tác, Ctrl+Z, lấy lại ngay.)"):
            return
        self.op(lambda: self.ctx.ws.delete_activities(ids), "activities", title="Không xóa được hoạt động",
                undo=True)

