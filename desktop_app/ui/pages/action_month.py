"""Tháng hành động: this year's Action Month, its activities and running figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain.model import ACTIVITY_TYPES
from ...domain.numbers import fmt_date, fmt_int, fmt_percent
from ..activity_model import ActivityTableModel
from .base import Page
from .dashboard import Card


class ActionMonthPage(Page):
    title = "Tháng hành động"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setObjectName("theme")
        self.outer.addWidget(self.heading)
        cards = QHBoxLayout()
        self.c_acts = Card("hoạt động")
        self.c_people = Card("lượt người tham gia")
        self.c_women = Card("lượt nữ tham gia")
        self.c_money = Card("đồng kinh phí")
        for c in (self.c_acts, self.c_people, self.c_women, self.c_money):
            cards.addWidget(c)
        self.outer.addLayout(cards)
        self.empty = QLabel()  # what to do while the month has no activities yet
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #7a4b00; background: #fff8e1; padding: 6px;")
        self.empty.hide()
        self.outer.addWidget(self.empty)
        body = QHBoxLayout()
        box = QGroupBox("Theo loại hoạt động")
        bl = QVBoxLayout(box)
        self.by_type = QTableWidget(0, 4)
        self.by_type.setHorizontalHeaderLabels(["Loại", "Số hoạt động", "Tổng số", "Nữ"])
        self.by_type.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.by_type.verticalHeader().setVisible(False)
        self.by_type.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for col, w in ((1, 95), (2, 80), (3, 70)):
            self.by_type.setColumnWidth(col, w)
        bl.addWidget(self.by_type)
        body.addWidget(box, 4)
        lbox = QGroupBox("Các hoạt động trong Tháng hành động")
        ll = QVBoxLayout(lbox)
        self.model = ActivityTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, w in ((0, 88), (2, 120), (3, 150), (5, 62), (6, 52), (7, 52)):
            self.table.setColumnWidth(col, w)
        for col in (4, 8):
            self.table.hideColumn(col)
        ll.addWidget(self.table)
        body.addWidget(lbox, 7)
        self.outer.addLayout(body, 1)

    def refresh(self):
        year = self.ctx.year
        if not self.ctx.ws.has_plan(year):
            self.heading.setText(f"Năm {year} chưa có kế hoạch.")
            self.empty.setText("Tạo kế hoạch năm ở trang Kế hoạch: ngày bắt đầu và kết thúc Tháng hành động "
                               "(thường 15/11 - 15/12) được ghi trong kế hoạch.")
            self.empty.show()
            self.model.set_rows([], {})
            self.by_type.setRowCount(0)
            for c in (self.c_acts, self.c_people, self.c_women, self.c_money):
                c.set("-")
            return
        f = self.ctx.ws.figures(year)
        s, e = f.window
        plan = f.main_plan
        theme = f" · Chủ đề: “{plan.action_month_theme}”" if plan.action_month_theme else ""
        self.heading.setText(f"Tháng hành động năm {year}: {fmt_date(s)} - {fmt_date(e)}{theme}")
        t = f.action_month
        self.c_acts.set(fmt_int(t.activities))
        self.c_people.set(fmt_int(t.participants_total))
        self.c_women.set(fmt_int(t.participants_female),
                         f"lượt nữ tham gia ({fmt_percent(t.participants_female, t.participants_total) or '0%'})")
        self.c_money.set(fmt_int(t.budget_vnd))
        self.empty.setVisible(t.activities == 0)
        self.empty.setText(f"Chưa có hoạt động nào trong Tháng hành động ({fmt_date(s)} - {fmt_date(e)}). "
                           "Nhập hoạt động ở trang Hoạt động (Ctrl+N) với ngày tổ chức trong khoảng này; "
                           "số liệu ở đây tự cộng.")
        rows = [(ACTIVITY_TYPES[k], v) for k, v in f.action_month_by_type.items() if v.activities]
        self.by_type.setRowCount(len(rows))
        for r, (label, v) in enumerate(rows):
            for c, text in enumerate((label, fmt_int(v.activities), fmt_int(v.participants_total),
                                      fmt_int(v.participants_female))):
                it = QTableWidgetItem(text)
                if c:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.by_type.setItem(r, c, it)
        self.model.filters["window"] = (s.isoformat(), e.isoformat())
        self.model.set_rows(self.ctx.ws.activity_list_rows(year), self.ctx.units())
