"""Kế hoạch: every part of the year's plan, and copying a plan to the next year."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import BUDGET_SOURCES, PLAN_KINDS, ContentSection, Deadline, Plan
from ...domain.numbers import fmt_int, parse_vn_number
from ...domain.text import clean
from ...services import ValidationError
from ..operations import REFUSED, changes
from ..widgets import DateEdit, ErrorLabel, LinesEdit, MonthDayEdit, NumberEdit, SignerFields, ask
from .base import Page


def contents_to_text(contents: list[ContentSection]) -> str:
    out = []
    for c in contents:
        out.append(c.heading)
        out += [f"- {x}" for x in c.items]
    return "\n".join(out)


def text_to_contents(text: str) -> list[ContentSection]:
    """Headings on their own lines; items start with '-', '+' or '•'."""
    out: list[ContentSection] = []
    for raw in text.splitlines():
        line = clean(raw)
        if not line:
            continue
        if line[0] in "-+•" and out:
            item = clean(line[1:])
            if item:
                out[-1].items.append(item)
        else:
            out.append(ContentSection(line.lstrip("-+• "), []))
    return out

PLANNED_SOURCES = {k: v for k, v in BUDGET_SOURCES.items() if k}  # the sources an activity names


class PlanPage(Page):
    title = "Kế hoạch"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.loaded: Plan | None = None
        self._switching = False  # the plan chooser being set by the program, not the officer
        self._shown_year: int | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        # A year may hold an Action Month plan of its own besides the annual one: which is edited.
        self.which = QComboBox()
        for kind, label in PLAN_KINDS.items():
            self.which.addItem(label, kind)
        self.which.setToolTip("Năm này có kế hoạch Tháng hành động riêng: chọn kế hoạch để xem và sửa")
        self.which.hide()
        self.which.currentIndexChanged.connect(self._which_changed)
        top = QHBoxLayout()
        top.addWidget(self.which)
        top.addWidget(self.status, 1)
        self.outer.addLayout(top)

        self.title_edit = QLineEdit()
        self.number = QLineEdit()
        self.number.setPlaceholderText("ví dụ 45/KH-UBND (để trống để ghi tay)")
        self.issued = DateEdit(optional=True, label="ngày ban hành")
        self.legal = LinesEdit(placeholder="Mỗi dòng một căn cứ, ví dụ: Kế hoạch số 112/KH-UBND ngày 20/02/2026 của UBND tỉnh ...")
        self.purposes = LinesEdit(placeholder="Mỗi dòng một mục đích")
        self.requirements = LinesEdit(placeholder="Mỗi dòng một yêu cầu")
        self.contents = LinesEdit(placeholder="Dòng tiêu đề nội dung, sau đó các dòng bắt đầu bằng dấu - là việc cụ thể")
        self.contents.setMinimumHeight(160)
        self.budget_text = LinesEdit(placeholder="Nguồn kinh phí thực hiện")
        self.budget_text.setMaximumHeight(70)
        self.budget = NumberEdit(placeholder="đồng")
        # planned money by source, printed beside what was spent in the reports
        self.budget_sources = {k: NumberEdit(placeholder="đồng") for k in PLANNED_SOURCES}
        self.am_start = MonthDayEdit(label="ngày bắt đầu Tháng hành động")
        self.am_end = MonthDayEdit(label="ngày kết thúc Tháng hành động")
        self.theme = QLineEdit()
        self.deadlines = QTableWidget(0, 3)
        self.deadlines.setHorizontalHeaderLabels(["Báo cáo", "Hạn", "Gửi"])
        self.deadlines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.deadlines.setColumnWidth(1, 130)
        self.deadlines.setColumnWidth(2, 220)
        self.deadlines.setMinimumHeight(120)
        add_dl, del_dl = QPushButton("Thêm hạn"), QPushButton("Xóa hạn đã chọn")
        add_dl.clicked.connect(lambda: self._add_deadline(None))
        del_dl.clicked.connect(lambda: self.deadlines.removeRow(self.deadlines.currentRow()))
        self.recipients = LinesEdit(placeholder="Mỗi dòng một nơi nhận; dòng cuối: Lưu: VT, ...")
        self.err = ErrorLabel()

        form_w = QWidget()
        col = QVBoxLayout(form_w)
        g1 = QGroupBox("Văn bản")
        f1 = QFormLayout(g1)
        f1.addRow("Trích yếu (tên kế hoạch) *", self.title_edit)
        row = QHBoxLayout()
        row.addWidget(self.number, 2)
        row.addWidget(QLabel("Ngày ban hành"))
        row.addWidget(self.issued)
        f1.addRow("Số, ký hiệu", row)
        f1.addRow("Căn cứ", self.legal)
        col.addWidget(g1)
        g2 = QGroupBox("Mục đích, yêu cầu")
        f2 = QFormLayout(g2)
        f2.addRow("Mục đích", self.purposes)
        f2.addRow("Yêu cầu", self.requirements)
        col.addWidget(g2)
        g3 = QGroupBox("Nội dung hoạt động (chỉ tiêu nhập ở trang Chỉ tiêu)")
        f3 = QVBoxLayout(g3)
        f3.addWidget(self.contents)
        col.addWidget(g3)
        g4 = QGroupBox("Tháng hành động, kinh phí, báo cáo")
        f4 = QFormLayout(g4)
        am = QHBoxLayout()
        am.addWidget(QLabel("từ"))
        am.addWidget(self.am_start)
        am.addWidget(QLabel("đến"))
        am.addWidget(self.am_end)
        am.addStretch(1)
        f4.addRow("Tháng hành động", am)
        f4.addRow("Chủ đề năm", self.theme)
        f4.addRow("Kinh phí", self.budget_text)
        f4.addRow("Tổng dự kiến (đồng)", self.budget)
        by_source = QHBoxLayout()
        for key, label in PLANNED_SOURCES.items():
            by_source.addWidget(QLabel(label))
            by_source.addWidget(self.budget_sources[key], 1)
        f4.addRow("Dự kiến theo nguồn", by_source)
        f4.addRow("Hạn báo cáo", self.deadlines)
        dl_row = QHBoxLayout()
        dl_row.addWidget(add_dl)
        dl_row.addWidget(del_dl)
        dl_row.addStretch(1)
        f4.addRow("", dl_row)
        col.addWidget(g4)
        g5 = QGroupBox("Nơi nhận và người ký")
        f5 = QFormLayout(g5)
        f5.addRow("Nơi nhận", self.recipients)
        self.signer = SignerFields(f5)
        col.addWidget(g5)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_w)
        self.outer.addWidget(scroll, 1)
        self.outer.addWidget(self.err)

        bar = QHBoxLayout()
        self.create_btn = QPushButton("Tạo kế hoạch năm này")
        self.copy_btn = QPushButton("Sao chép sang năm sau")
        self.copy_btn.setToolTip("Tạo kế hoạch năm sau từ kế hoạch này: giữ nội dung, xóa số liệu chỉ tiêu, "
                                 "đặt lại nhiệm vụ, lùi các ngày sang năm sau")
        self.revert_btn = QPushButton("Hoàn tác")
        self.save_btn = QPushButton("Lưu kế hoạch")
        self.save_btn.setDefault(True)
        bar.addWidget(self.create_btn)
        bar.addWidget(self.copy_btn)
        bar.addStretch(1)
        bar.addWidget(self.revert_btn)
        bar.addWidget(self.save_btn)
        self.outer.addLayout(bar)
        self.save_btn.clicked.connect(self.save)
        self.revert_btn.clicked.connect(self.discard)
        self.copy_btn.clicked.connect(self.copy_forward)
        self.create_btn.clicked.connect(self.create)
        self._draft_banner()
        # What is typed here is kept as a draft 1.5 s after typing stops, so a power cut does
        # not lose it; it is offered back the next time the plan is opened.
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(1500)
        self._draft_timer.timeout.connect(self._keep_draft)
        for w in form_w.findChildren(QLineEdit):
            w.textEdited.connect(self._draft_timer.start)
        for w in form_w.findChildren(QPlainTextEdit):
            w.textChanged.connect(self._draft_timer.start)
        for w in form_w.findChildren(DateEdit):
            w.dateChanged.connect(self._draft_timer.start)
        self.deadlines.itemChanged.connect(self._draft_timer.start)
        self.deadlines.model().rowsRemoved.connect(self._draft_timer.start)

    # ---- drafts ------------------------------------------------------------------------
    def _draft_banner(self):
        self.draft_box = QGroupBox("Bản đang soạn dở")
        lay = QHBoxLayout(self.draft_box)
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.restore_draft_btn = QPushButton("Khôi phục bản đang soạn")
        self.drop_draft_btn = QPushButton("Bỏ bản nháp")
        lay.addWidget(self.draft_label, 1)
        lay.addWidget(self.restore_draft_btn)
        lay.addWidget(self.drop_draft_btn)
        self.outer.insertWidget(2, self.draft_box)  # under the heading and the status line
        self.draft_box.hide()
        self.restore_draft_btn.clicked.connect(self.restore_draft)
        self.drop_draft_btn.clicked.connect(self.drop_draft)

    def _keep_draft(self):
        if self.has_unsaved():
            self.ctx.ws.save_plan_draft(self.form_plan())

    def _offer_draft(self):
        draft = self.ctx.ws.plan_draft(self.ctx.year, self.loaded.kind) if self.loaded else None
        if draft is not None and self._header(draft) == self._header(self.loaded):
            self.ctx.ws.drop_plan_draft(self.ctx.year, self.loaded.kind)  # nothing more than what is stored
            draft = None
        self.draft_box.setVisible(draft is not None)
        if draft is not None:
            self.draft_label.setText("Kế hoạch có nội dung đã gõ nhưng chưa lưu lần trước (có thể do mất điện "
                                     "hoặc tắt máy). Khôi phục để xem lại rồi bấm “Lưu kế hoạch”.")

    @staticmethod
    def _header(plan: Plan) -> Plan:
        return dataclasses.replace(plan, targets=[], tasks=[])

    def restore_draft(self):
        draft = self.ctx.ws.plan_draft(self.ctx.year, self._kind())
        if draft is not None and self.loaded is not None:
            self._fill(dataclasses.replace(draft, targets=self.loaded.targets, tasks=self.loaded.tasks))
        self.draft_box.hide()

    def drop_draft(self):
        self.ctx.ws.drop_plan_draft(self.ctx.year, self._kind())
        self.draft_box.hide()

    def discard(self):
        """Hoàn tác, or "Không lưu": back to what is stored, the draft dropped with the edits."""
        self._draft_timer.stop()
        self.ctx.ws.drop_plan_draft(self.ctx.year, self._kind())
        self.reload()

    def _add_deadline(self, d: Deadline | None):
        r = self.deadlines.rowCount()
        self.deadlines.insertRow(r)
        self.deadlines.setItem(r, 0, QTableWidgetItem(d.label if d else ""))
        due = DateEdit(label="hạn báo cáo")
        due.default_year = self.ctx.year
        due.set_value(d.due if d else dt.date(self.ctx.year, 12, 10))
        due.dateChanged.connect(self._draft_timer.start)
        self.deadlines.setCellWidget(r, 1, due)
        self.deadlines.setItem(r, 2, QTableWidgetItem(d.to or "" if d else ""))

    def _kind(self) -> str:
        return self.which.currentData() if not self.which.isHidden() else "annual"

    def _which_changed(self, *_):
        if self._switching:
            return
        if self.loaded is not None and self.loaded.kind != self._kind() and self.has_unsaved() and not self.save():
            self._set_which(self.loaded.kind)  # what was typed stays on screen with its message
            return
        self.refresh()

    def _set_which(self, kind: str) -> None:
        self._switching = True
        self.which.setCurrentIndex(self.which.findData(kind))
        self._switching = False

    def refresh(self):
        year = self.ctx.year
        has_am = self.ctx.ws.has_plan(year, "action_month")
        self.which.setHidden(not has_am)
        if year != self._shown_year:  # another year: its annual plan, or its only plan
            self._shown_year = year
            self._set_which("action_month" if has_am and not self.ctx.ws.has_plan(year, "annual") else "annual")
        self.loaded = self.ctx.plan(self._kind())
        plan = self.loaded
        has = plan is not None
        self.create_btn.setVisible(not has)
        self.copy_btn.setEnabled(has and plan.kind == "annual")
        self.save_btn.setEnabled(has)
        self.revert_btn.setEnabled(has)
        self.err.show_error(None)
        if not has:
            prev = self.ctx.ws.has_plan(year - 1, "annual")
            self.status.setText(f"Năm {year} chưa có kế hoạch. " + (
                f"Chọn năm {year - 1} rồi bấm “Sao chép sang năm sau”, hoặc tạo kế hoạch trống." if prev
                else "Bấm “Tạo kế hoạch năm này” để bắt đầu."))
            plan = Plan(year, "annual", "")
        elif plan.kind == "action_month":
            self.status.setText(f"Kế hoạch Tháng hành động năm {year}: {len(plan.targets)} chỉ tiêu, "
                                f"{len(plan.tasks)} nhiệm vụ (trang Chỉ tiêu và Nhiệm vụ hiện của kế hoạch năm).")
        else:
            self.status.setText(f"Kế hoạch năm {year}: {len(plan.targets)} chỉ tiêu, {len(plan.tasks)} nhiệm vụ "
                                "(sửa ở trang Chỉ tiêu và Nhiệm vụ).")
        self._fill(plan)
        self._offer_draft()

    def _fill(self, plan: Plan):
        year = plan.year
        self.title_edit.setText(plan.title)
        self.number.setText(plan.number or "")
        self.issued.set_value(plan.issued_on)
        self.legal.set_lines(plan.legal_bases)
        self.purposes.set_lines(plan.purposes)
        self.requirements.set_lines(plan.requirements)
        self.contents.setPlainText(contents_to_text(plan.contents))
        self.budget_text.setPlainText(plan.budget_text or "")
        self.budget.setText(fmt_int(plan.budget_planned_vnd) if plan.budget_planned_vnd else "")
        self.issued.default_year = year
        for key, edit in self.budget_sources.items():
            v = plan.budget_by_source.get(key)
            edit.setText(fmt_int(v) if v is not None else "")
        self.am_start.set_mmdd(year, plan.action_month_start)
        self.am_end.set_mmdd(year, plan.action_month_end)
        self.theme.setText(plan.action_month_theme or "")
        self.deadlines.setRowCount(0)
        for d in plan.deadlines:
            self._add_deadline(d)
        self.recipients.set_lines(plan.recipients)
        self.signer.set_signer(plan.signer)
        self.signer.suggest(self.ctx.ws.office())

    def form_plan(self) -> Plan:
        base = self.loaded or Plan(self.ctx.year, "annual", "")
        deadlines = []
        for r in range(self.deadlines.rowCount()):
            label = clean(self.deadlines.item(r, 0).text() if self.deadlines.item(r, 0) else "")
            due = self.deadlines.cellWidget(r, 1).value()
            to = clean(self.deadlines.item(r, 2).text() if self.deadlines.item(r, 2) else "")
            if label and due:
                deadlines.append(Deadline(label, due, to))
        signer = self.signer.signer()
        try:
            budget = parse_vn_number(self.budget.text())
        except ValueError:
            budget = -1
        by_source = {}
        for key, edit in self.budget_sources.items():
            try:
                v = parse_vn_number(edit.text())
            except ValueError:
                v = -1  # refused by the plan's rules, with their message
            if v is not None:
                by_source[key] = int(v)
        return Plan(
            year=base.year, kind=base.kind, title=clean(self.title_edit.text()) or "",
            number=clean(self.number.text()), issued_on=self.issued.value(),
            legal_bases=self.legal.lines(), purposes=self.purposes.lines(),
            requirements=self.requirements.lines(), contents=text_to_contents(self.contents.toPlainText()),
            budget_text=clean(self.budget_text.toPlainText()),
            budget_planned_vnd=None if budget is None else int(budget), budget_by_source=by_source,
            action_month_start=self.am_start.mmdd(), action_month_end=self.am_end.mmdd(),
            action_month_theme=clean(self.theme.text()), deadlines=deadlines,
            recipients=self.recipients.lines(), signer=signer, targets=base.targets, tasks=base.tasks,
        )

    def has_unsaved(self) -> bool:
        if self.loaded is None:
            return False
        return self.form_plan() != self.loaded

    def save_pending(self) -> bool:
        return self.save()

    def date_errors(self) -> list[str]:
        """Dates typed that are not real dates: the plan is not saved with them."""
        fields = [self.issued, self.am_start, self.am_end] + [
            self.deadlines.cellWidget(r, 1) for r in range(self.deadlines.rowCount())]
        for w in fields:
            w.mark_error(bool(w.error()))
        return [w.error() for w in fields if w.error()]

    def save(self) -> bool:
        problems = self.date_errors()
        if problems:
            self.err.show_error("Chưa lưu được: " + "; ".join(problems))
            return False
        plan = self.form_plan()
        try:
            self.ctx.ws.save_plan_header(plan)
        except ValidationError as exc:
            self.err.show_error("Chưa lưu được: " + "; ".join(exc.messages))
            return False
        self.err.show_error(None)
        self._draft_timer.stop()
        self.ctx.ws.drop_plan_draft(plan.year, plan.kind)
        self.loaded = None  # nothing pending: the refresh that follows shows what was stored
        self.ctx.announce(changes("plan"))
        return True

    def create(self):
        self.op(lambda: self.ctx.ws.create_plan(self.ctx.year), "plan", title="Không tạo được kế hoạch")

    def copy_forward(self):
        year = self.ctx.year
        if self.has_unsaved() and not self.save():
            return
        if not ask(self, "Sao chép kế hoạch", f"Tạo kế hoạch năm {year + 1} từ kế hoạch năm {year}?\n"
                   "Nội dung được giữ; số liệu chỉ tiêu được xóa; nhiệm vụ đặt lại “Chưa thực hiện”; "
                   "các ngày lùi sang năm sau."):
            return
        if self.op(lambda: self.ctx.ws.copy_plan_to_next_year(year), "plan", "targets", "tasks",
                   title="Không sao chép được") is not REFUSED:
            self.ctx.set_year(year + 1)
