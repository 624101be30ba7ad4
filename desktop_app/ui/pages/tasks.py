"""Nhiệm vụ: tasks with lead and partner units, dates and status; overdue ones stand out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
)

from ...domain.model import TASK_STATUSES, Task
from ...domain.numbers import fmt_date
from ...domain.rules import code_error, is_overdue, next_code, task_errors
from ...domain.summary import natural_key
from ...domain.text import clean
from ..operations import REFUSED
from ..widgets import DateEdit, ErrorLabel, UnitChecklist, UnitCombo, UnitFilter, ask, save_cancel, show_error
from .base import Page

COLS = ["Mã", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Hạn hoàn thành", "Trạng thái"]


class TasksModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.tasks: list[Task] = []
        self.units: dict[str, str] = {}
        self.today = dt.date.today()

    def set_tasks(self, tasks, units):
        self.beginResetModel()
        self.tasks = sorted(tasks, key=lambda t: natural_key(t.code))
        self.units = units
        self.today = dt.date.today()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.tasks)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLS)

    def headerData(self, s, o, role=Qt.ItemDataRole.DisplayRole):
        if o == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLS[s]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t = self.tasks[index.row()]
        c = index.column()
        overdue = is_overdue(t, self.today)
        if role == Qt.ItemDataRole.DisplayRole:
            return [t.code, t.content, self.units.get(t.lead, t.lead),
                    ", ".join(self.units.get(p, p) for p in t.partners), fmt_date(t.due),
                    TASK_STATUSES.get(t.status, t.status) + (" · QUÁ HẠN" if overdue else "")][c]
        if role == Qt.ItemDataRole.UserRole:
            return t
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(QColor("#ffebee"))
        if role == Qt.ItemDataRole.ForegroundRole and overdue and c in (4, 5):
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and c == 1:
            return t.content + (f"\nKết quả: {t.result}" if t.result else "")
        return None


class TaskFilter(QSortFilterProxyModel):
    unit: str | None = None
    status: str | None = None

    def filterAcceptsRow(self, row, parent):
        t: Task = self.sourceModel().tasks[row]
        if self.unit and self.unit != t.lead and self.unit not in t.partners:
            return False
        if self.status == "overdue":
            return is_overdue(t, self.sourceModel().today)
        if self.status and t.status != self.status:
            return False
        return True


class TaskDialog(QDialog):
    """A task's form; the checks are the domain's (`code_error`, `task_errors`), shown under the
    fields once Lưu is pressed and kept up to date as the officer corrects them."""

    def __init__(self, parent, units, target_codes, existing_codes, task: Task | None = None):
        super().__init__(parent)
        self.setWindowTitle("Sửa nhiệm vụ" if task else "Thêm nhiệm vụ")
        self.setMinimumWidth(640)
        self.task = task
        self.existing = set(existing_codes)
        self.suggested = next_code(self.existing)
        self.code = QLineEdit(task.code if task else self.suggested)  # NV14 after NV13
        self.code.setReadOnly(task is not None)
        self.content = QPlainTextEdit(task.content if task else "")
        self.content.setMaximumHeight(80)
        self.content.setTabChangesFocus(True)
        # No unit chosen for a new task: the first in the list would invite a wrong assignment.
        self.lead = UnitCombo(units, optional=True)
        self.lead.lineEdit().setPlaceholderText("Chọn hoặc gõ tên đơn vị chủ trì")
        self.partners = UnitChecklist(units)
        self.targets = QLineEdit(", ".join(task.targets) if task else "")
        self.targets.setPlaceholderText("Mã chỉ tiêu, cách nhau bởi dấu phẩy: " + ", ".join(sorted(target_codes)[:8]))
        self.target_codes = set(target_codes)
        self.start = DateEdit(optional=True, label="ngày bắt đầu")
        self.due = DateEdit(optional=True, label="hạn hoàn thành")
        self.status = QComboBox()
        for k, v in TASK_STATUSES.items():
            self.status.addItem(v, k)
        self.completed = DateEdit(optional=True, label="ngày hoàn thành")
        self.result = QLineEdit(task.result or "" if task else "")
        self.err = {k: ErrorLabel(lines=1) for k in ("code", "content", "lead", "targets", "dates")}
        self.fields = {"code": self.code, "content": self.content, "lead": self.lead, "targets": self.targets,
                       "start": self.start, "due": self.due, "completed": self.completed}
        self.checked = False  # errors show from the first press of Lưu on
        if task:
            self.lead.set_code(task.lead)
            self.partners.set_codes(task.partners)
            self.start.set_value(task.start)
            self.due.set_value(task.due)
            self.status.setCurrentIndex(self.status.findData(task.status))
            self.completed.set_value(task.completed_on)
        else:
            self.lead.set_code(None)
            self.start.set_value(None)
            self.due.set_value(None)
            self.completed.set_value(None)
        form = QFormLayout(self)
        form.addRow("Mã *", self.code)
        form.addRow("", self.err["code"])
        form.addRow("Nội dung *", self.content)
        form.addRow("", self.err["content"])
        form.addRow("Đơn vị chủ trì *", self.lead)
        form.addRow("", self.err["lead"])
        form.addRow("Đơn vị phối hợp", self.partners)
        form.addRow("Chỉ tiêu liên quan", self.targets)
        form.addRow("", self.err["targets"])
        form.addRow("Bắt đầu", self.start)
        form.addRow("Hạn hoàn thành", self.due)
        form.addRow("Trạng thái", self.status)
        form.addRow("Ngày hoàn thành", self.completed)
        form.addRow("", self.err["dates"])
        form.addRow("Kết quả", self.result)
        form.addRow(save_cancel(self, self._accept))
        for w in (self.code, self.targets, self.start, self.due, self.completed):
            w.textChanged.connect(self.revalidate)
        self.content.textChanged.connect(self.revalidate)
        self.lead.currentTextChanged.connect(self.revalidate)
        (self.content if task else self.code).setFocus()
        self.code.selectAll()  # typing replaces the suggested code

    def result_task(self) -> Task:
        targets = [c.strip() for c in self.targets.text().split(",") if c.strip()]
        status = self.status.currentData()
        completed = self.completed.value()
        if status == "done" and completed is None:
            completed = dt.date.today()
        return Task(code=clean(self.code.text()) or "", content=clean(self.content.toPlainText()) or "",
                    lead=self.lead.code() or "",
                    partners=[p for p in self.partners.codes() if p != self.lead.code()], targets=targets,
                    start=self.start.value(), due=self.due.value(), status=status,
                    completed_on=completed if status == "done" else None, result=clean(self.result.text()))

    def errors(self) -> dict[str, str]:
        t = self.result_task()
        errs = task_errors(t)
        problem = code_error(t.code, self.existing if self.task is None else set(), example=self.suggested)
        if problem:
            errs["code"] = problem
        unknown = [c for c in t.targets if c not in self.target_codes]
        if unknown:
            errs["targets"] = "Không có chỉ tiêu mã: " + ", ".join(unknown)
        for key, w in (("start", self.start), ("due", self.due), ("completed", self.completed)):
            if w.error():
                errs[key] = w.error()
        return errs

    def revalidate(self, *_) -> dict[str, str]:
        errs = self.errors()
        if self.checked:
            place = {"start": "dates", "due": "dates", "completed": "dates"}
            shown: dict[str, list[str]] = {}
            for key, msg in errs.items():
                shown.setdefault(place.get(key, key), []).append(msg)
            for key, label in self.err.items():
                label.show_error("; ".join(shown.get(key, [])) or None)
            for key in ("start", "due", "completed"):
                self.fields[key].mark_error(key in errs)
        return errs

    def _accept(self):
        self.checked = True
        errs = self.revalidate()
        if errs:
            self.fields[next(k for k in self.fields if k in errs)].setFocus()
            return
        self.accept()


class TasksPage(Page):
    title = "Nhiệm vụ"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.model = TasksModel()
        self.proxy = TaskFilter()
        self.proxy.setSourceModel(self.model)
        filters = QHBoxLayout()
        self.unit_filter = UnitFilter()
        self.unit_filter.setMinimumWidth(220)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Mọi trạng thái", None)
        for k, v in TASK_STATUSES.items():
            self.status_filter.addItem(v, k)
        self.status_filter.addItem("Quá hạn", "overdue")
        filters.addWidget(QLabel("Đơn vị:"))
        filters.addWidget(self.unit_filter)
        filters.addWidget(QLabel("Trạng thái:"))
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        self.outer.addLayout(filters)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, w in ((0, 60), (2, 190), (3, 220), (4, 110), (5, 170)):
            self.table.setColumnWidth(col, w)
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.list_keys(self.table, self.edit, self.delete)
        self.outer.addWidget(self.table, 1)
        self.add_btn, self.edit_btn, self.del_btn = self.action_bar(
            ("Thêm nhiệm vụ", self.add), ("Sửa", self.edit), ("Xóa", self.delete))
        self.unit_filter.currentIndexChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)

    def refresh(self):
        units = self.ctx.units()
        plan = self.ctx.plan()
        self.unit_filter.set_units(units)
        self.model.set_tasks(plan.tasks if plan else [], units)
        for b in (self.add_btn, self.edit_btn, self.del_btn):
            b.setEnabled(plan is not None)
        self._filter()

    def _filter(self, *_):
        self.proxy.beginFilterChange()
        self.proxy.unit = self.unit_filter.currentData()
        self.proxy.status = self.status_filter.currentData()
        self.proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.table.resizeRowsToContents()
        if self.ctx.plan() is None:  # say why the list is empty and where to start
            self.summary.setText(f"Năm {self.ctx.year} chưa có kế hoạch: tạo kế hoạch ở trang Kế hoạch, rồi giao "
                                 "nhiệm vụ ở đây.")
            return
        overdue = sum(1 for t in self.model.tasks if is_overdue(t, self.model.today))
        self.summary.setText(f"Hiển thị {self.proxy.rowCount()}/{len(self.model.tasks)} nhiệm vụ · {overdue} quá hạn")

    def _current(self) -> Task | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.say_choose_a_row()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def _dialog(self, task=None):
        plan = self.ctx.plan()
        return TaskDialog(self, self.ctx.units(active_only=task is None) if task is None else self.ctx.units(),
                          [t.code for t in plan.targets], {t.code for t in plan.tasks}, task)

    def _commit(self, task):
        if self.op(lambda: self.ctx.ws.save_task(self.ctx.year, task), "tasks",
                   title="Không lưu được nhiệm vụ") is not REFUSED:
            self.select(task.code)

    def select(self, code: str) -> None:
        """Select and scroll to a task (the one just saved), clearing filters that hide it."""
        rows = [i for i, t in enumerate(self.model.tasks) if t.code == code]
        if not rows:
            return
        index = self.proxy.mapFromSource(self.model.index(rows[0], 0))
        if not index.isValid():
            self.unit_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(rows[0], 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def add(self):
        if self.ctx.plan() is None:
            show_error(self, "Chưa có kế hoạch", f"Năm {self.ctx.year} chưa có kế hoạch. "
                       "Hãy tạo kế hoạch ở trang Kế hoạch trước khi giao nhiệm vụ.")
            return
        dlg = self._dialog()
        if dlg.exec():
            self._commit(dlg.result_task())

    def edit(self):
        t = self._current()
        if t:
            dlg = self._dialog(t)
            if dlg.exec():
                self._commit(dlg.result_task())

    def delete(self):
        t = self._current()
        if t and ask(self, "Xóa nhiệm vụ", f"Xóa nhiệm vụ {t.code}: {t.content}?"):
            self.op(lambda: self.ctx.ws.delete_task(self.ctx.year, t.code), "tasks", "activities",
                    title="Không xóa được nhiệm vụ", undo=True)
