"""Lịch sử thay đổi: who changed what and when; one record's versions side by side; an earlier
version put back (which is itself recorded)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.history import FIELD_NAMES, HIDDEN_FIELDS, KIND_NAMES, changed_fields, shown_value
from ..operations import REFUSED
from ..widgets import DateEdit, ask
from .base import Page

CHANGED = QColor("#fff3c4")  # a field that differs from the version before it
SHOWN = 500  # entries listed at once (the filters narrow them)


class HistoryPage(Page):
    title = "Lịch sử thay đổi"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.entries = []
        self.versions = []

        filters = QHBoxLayout()
        self.since = DateEdit(optional=True)
        self.until = DateEdit(optional=True)
        self.person = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem("Tất cả", None)
        for key, name in KIND_NAMES.items():
            self.kind.addItem(name[:1].upper() + name[1:], key)
        for label, w in (("Từ ngày", self.since), ("Đến ngày", self.until), ("Người thay đổi", self.person),
                         ("Loại dữ liệu", self.kind)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addStretch(1)
        self.outer.addLayout(filters)
        for w in (self.since, self.until):
            w.dateChanged.connect(lambda *_: self.fill())
        for w in (self.person, self.kind):
            w.currentIndexChanged.connect(lambda *_: self.fill())

        self.list = QTableWidget(0, 4)
        self.list.setHorizontalHeaderLabels(["Thời gian", "Người thay đổi", "Thao tác", "Bản ghi"])
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        head = self.list.horizontalHeader()
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 120), (1, 170), (2, 230)):
            self.list.setColumnWidth(col, width)
        self.list.itemSelectionChanged.connect(self.show_versions)

        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        self.versions_note = QLabel("Chọn một dòng để xem các phiên bản của bản ghi đó.")
        self.versions_note.setWordWrap(True)
        ll.addWidget(self.versions_note)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        ll.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.summary = QLabel()
        bar.addWidget(self.summary, 1)
        self.put_back_btn = QPushButton("Đưa phiên bản đã chọn trở lại")
        self.put_back_btn.setEnabled(False)
        self.put_back_btn.clicked.connect(self.put_back)
        self.table.itemSelectionChanged.connect(
            lambda: self.put_back_btn.setEnabled(self._chosen_version() is not None))
        bar.addWidget(self.put_back_btn)
        ll.addLayout(bar)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.outer.addWidget(split, 1)

    # ---- the list ----------------------------------------------------------------------
    def refresh(self):
        chosen = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem("Tất cả", None)
        for name in self.ctx.ws.history_people():
            self.person.addItem(name, name)
        self.person.setCurrentIndex(max(0, self.person.findData(chosen)))
        self.person.blockSignals(False)
        self.fill()

    def fill(self):
        self.entries = self.ctx.ws.history(limit=SHOWN, since=self.since.value(), until=self.until.value(),
                                           person=self.person.currentData(), kind=self.kind.currentData())
        self.list.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            for col, text in enumerate((e.when, e.who, e.what, e.which)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.list.setItem(row, col, item)
        self.summary.setText(f"{len(self.entries)} thay đổi" + (" (mới nhất)" if len(self.entries) == SHOWN else ""))
        self.show_versions()

    # ---- one record's versions -----------------------------------------------------------
    def show_versions(self):
        row = self.list.currentRow()
        selected = self.list.selectionModel().hasSelection()
        e = self.entries[row] if selected and 0 <= row < len(self.entries) else None
        self.versions = self.ctx.ws.record_versions(e.id) if e else []
        self.table.clear()
        self.put_back_btn.setEnabled(False)
        if e is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.versions_note.setText("Chọn một dòng để xem các phiên bản của bản ghi đó.")
            return
        if not self.versions:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.versions_note.setText(f"{e.what}: {e.which}.")
            return
        self.versions_note.setText(
            f"Các phiên bản của {KIND_NAMES.get(e.kind, e.kind)} {e.which}, cũ trước mới sau; ô tô màu là chỗ "
            "khác phiên bản liền trước. Chọn một cột rồi bấm “Đưa phiên bản đã chọn trở lại”.")
        fields = []
        for v in self.versions:
            for k in v.row or {}:
                if k not in fields and k not in HIDDEN_FIELDS:
                    fields.append(k)
        self.table.setColumnCount(len(self.versions))
        self.table.setRowCount(len(fields))
        self.table.setHorizontalHeaderLabels([v.title for v in self.versions])
        self.table.setVerticalHeaderLabels([FIELD_NAMES.get(k, k) for k in fields])
        bold = QFont()
        bold.setBold(True)
        previous = None
        for col, v in enumerate(self.versions):
            differs = changed_fields(previous, v.row) if col else set()
            for r, k in enumerate(fields):
                text = "(không có)" if v.row is None else shown_value(k, v.row.get(k))
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if k in differs:
                    item.setBackground(QBrush(CHANGED))
                    item.setFont(bold)
                self.table.setItem(r, col, item)
            previous = v.row
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _chosen_version(self):
        cols = {i.column() for i in self.table.selectedIndexes()}
        if len(cols) != 1:
            return None
        col = cols.pop()
        if col >= len(self.versions) or col == len(self.versions) - 1 and self._is_current(col):
            return None  # the newest version is what is stored now
        return self.versions[col]

    def _is_current(self, col: int) -> bool:
        return self.versions[col].side == "after"

    def put_back(self):
        v = self._chosen_version()
        if v is None:
            return
        what = "xóa bản ghi này" if v.row is None else f"đưa bản ghi về phiên bản “{v.title}”"
        if not ask(self, "Đưa phiên bản cũ trở lại",
                   f"Bạn muốn {what}? Thay đổi này cũng được ghi vào lịch sử và có thể đưa lại như cũ."):
            return
        if self.op(lambda: self.ctx.ws.put_back_version(v.entry.id, v.side), "everything",
                   title="Không đưa lại được") is REFUSED:
            return
        self.refresh()
        self.list.selectRow(0)

