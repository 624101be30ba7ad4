"""Tổng quan: where the year stands, at a glance."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ...domain.model import OBJECTIVES
from ...domain.numbers import fmt_date, fmt_int, fmt_percent
from ...domain.rules import MET, NO_DATA, NOT_MET
from ...services import DOCUMENT_KINDS
from ..charts import StackedBars
from .base import Page


class Card(QFrame):
    def __init__(self, caption: str):
        super().__init__()
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        self.value = QLabel("-")
        self.value.setObjectName("cardValue")
        self.first_caption = caption
        self.caption = QLabel(caption)
        self.caption.setObjectName("cardCaption")
        self.caption.setWordWrap(True)
        lay.addWidget(self.value)
        lay.addWidget(self.caption)

    def clear(self) -> None:
        """No figure: the card says what it counts, nothing of another year."""
        self.set("-", self.first_caption)

    def set(self, value: str, caption: str | None = None):
        self.value.setText(value)
        if caption is not None:
            self.caption.setText(caption)


class DashboardPage(Page):
    title = "Tổng quan"
    go = Signal(str)  # ask the main window for an action: "new_activity", "report", "plan"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.outer.addWidget(self.note)
        self.chain_note = QLabel()  # who has sent their figures (units; offices below)
        self.chain_note.setObjectName("chainNote")
        self.chain_note.setWordWrap(True)
        self.outer.addWidget(self.chain_note)
        cards = QGridLayout()
        self.c_acts = Card("hoạt động trong năm")
        self.c_people = Card("lượt người tham gia")
        self.c_targets = Card("chỉ tiêu đạt")
        self.c_overdue = Card("nhiệm vụ quá hạn")
        self.c_am = Card("ngày đến Tháng hành động")
        self.c_money = Card("đồng kinh phí đã chi")
        for i, c in enumerate((self.c_acts, self.c_people, self.c_targets, self.c_overdue, self.c_am, self.c_money)):
            cards.addWidget(c, 0, i)
        self.outer.addLayout(cards)

        mid = QHBoxLayout()
        box = QGroupBox("Chỉ tiêu theo mục tiêu")
        bl = QVBoxLayout(box)
        self.chart = StackedBars(empty_text="Chưa có chỉ tiêu nào. Vào trang Chỉ tiêu để thêm chỉ tiêu của năm; "
                                            "cuối kỳ gõ số đạt được để biết chỉ tiêu nào đạt.")
        bl.addWidget(self.chart)
        mid.addWidget(box, 3)
        right = QVBoxLayout()
        ob = QGroupBox("Nhiệm vụ quá hạn")
        ol = QVBoxLayout(ob)
        self.overdue = QListWidget()
        ol.addWidget(self.overdue)
        db = QGroupBox("Hạn báo cáo sắp tới")
        dl = QVBoxLayout(db)
        self.deadlines = QListWidget()
        self.deadlines.setWordWrap(True)
        self.overdue.setWordWrap(True)
        dl.addWidget(self.deadlines)
        # a deadline naming a report opens that report (double click or Enter)
        self.deadlines.itemActivated.connect(self._open_deadline_report)
        right.addWidget(ob)
        right.addWidget(db)
        mid.addLayout(right, 2)
        self.outer.addLayout(mid, 1)

        actions = QHBoxLayout()
        for text, key in (("Thêm hoạt động (Ctrl+N)", "new_activity"), ("In báo cáo năm", "report"),
                          ("Xem kế hoạch", "plan"), ("Nhập số liệu chỉ tiêu", "targets")):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, k=key: self.go.emit(k))
            actions.addWidget(b)
        actions.addStretch(1)
        self.outer.addLayout(actions)

    def refresh(self):
        year = self.ctx.year
        today = dt.date.today()
        self.chain_note.setText(self.ctx.ws.chain_line(year))
        self.chain_note.setVisible(bool(self.chain_note.text()))
        first_steps = "" if self.ctx.ws.office() else (
            "Bước đầu tiên: vào trang Cài đặt nhập tên cơ quan, địa danh và người ký (in ở đầu mọi văn bản). ")
        if not self.ctx.ws.has_plan(year):
            self.note.setText(first_steps + (
                f"Năm {year}: số liệu các cơ quan cấp dưới và báo cáo tổng hợp ở trang Tổng hợp (cơ quan tổng hợp "
                "không cần kế hoạch riêng; nếu có, tạo ở trang Kế hoạch)." if self.ctx.ws.consolidates() else
                f"Năm {year} chưa có kế hoạch. Vào trang Kế hoạch để tạo mới hoặc sao chép kế hoạch năm trước. "
                "Trợ giúp → Hướng dẫn sử dụng (F1) nói các bước của cả năm."))
            # every caption too: none may keep another year's figures
            for c in (self.c_acts, self.c_people, self.c_targets, self.c_overdue, self.c_am, self.c_money):
                c.clear()
            self.chart.set_data([], [])
            self.overdue.clear()
            self.deadlines.clear()
            return
        d = self.ctx.ws.dashboard(year, today)
        f = d["figures"]
        plan = f.main_plan
        self.note.setText(f"{plan.title}" + (f" · Chủ đề Tháng hành động: “{plan.action_month_theme}”"
                                             if plan.action_month_theme else ""))
        t = f.totals
        share = fmt_percent(t.participants_female, t.participants_total) or "0%"
        self.c_acts.set(fmt_int(t.activities), "hoạt động trong năm" + last_year(f, "activities"))
        self.c_people.set(fmt_int(t.participants_total),
                          f"lượt người tham gia, nữ {share}" + last_year(f, "participants_total"))
        vc = f.verdict_counts
        self.c_targets.set(f"{vc[MET]}/{len(f.target_rows)}",
                           f"chỉ tiêu đạt · {vc[NOT_MET]} không đạt · {vc[NO_DATA]} chưa có số liệu")
        self.c_overdue.set(fmt_int(len(f.overdue)))
        days = d["days_to_action_month"]
        s, e = f.window
        if days > 0:
            self.c_am.set(fmt_int(days), f"ngày đến Tháng hành động ({fmt_date(s)})")
        elif today <= e:
            self.c_am.set("Đang diễn ra", f"Tháng hành động {fmt_date(s)} - {fmt_date(e)}: {f.action_month.activities} hoạt động")
        else:
            self.c_am.set("Đã kết thúc", f"Tháng hành động: {f.action_month.activities} hoạt động")
        self.c_money.set(fmt_int(t.budget_vnd))
        objs = sorted(f.verdicts_by_objective, key=lambda o: 7 if o is None else o)
        self.chart.set_data([OBJECTIVES[o].split(":")[0] for o in objs],
                            [(v, [f.verdicts_by_objective[o].get(v, 0) for o in objs]) for v in (MET, NOT_MET, NO_DATA)])
        units = self.ctx.units()
        self.overdue.clear()
        for task in f.overdue:
            self.overdue.addItem(f"{task.code} · hạn {fmt_date(task.due)} · {units.get(task.lead, task.lead)}: {task.content}")
        if not f.overdue:
            self.overdue.addItem("Không có nhiệm vụ quá hạn.")
        self.deadlines.clear()
        for dl, kind in list(zip(d["deadlines"], d["deadline_kinds"]))[:6]:
            left = (dl.due - today).days
            item = QListWidgetItem(f"{fmt_date(dl.due)} (còn {left} ngày) · {dl.label}" + (f" → {dl.to}" if dl.to else ""))
            if kind:
                item.setData(Qt.ItemDataRole.UserRole, kind)
                item.setToolTip(f"Nhấp đúp để mở {DOCUMENT_KINDS[kind]}")
            self.deadlines.addItem(item)
        if not d["deadlines"]:
            self.deadlines.addItem("Không còn hạn báo cáo nào trong năm.")

    def _open_deadline_report(self, item):
        kind = item.data(Qt.ItemDataRole.UserRole)
        if kind:
            self.go.emit(f"report:{kind}")


def last_year(f, field: str) -> str:
    """' · năm 2024: 12 (+3)': the same figure of the previous year, when the database holds it."""
    if f.previous is None:
        return ""
    before, now = getattr(f.previous.totals, field), getattr(f.totals, field)
    d = now - before
    return f" · năm {f.year - 1}: {fmt_int(before)} ({'+' if d > 0 else ''}{fmt_int(d)})"
