"""Chỉ tiêu: targets grouped by objective; values typed straight into the grid, judged live."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
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
    QPushButton,
    QTableView,
)

from ...domain.measures import COMPUTED, MEASURES, measure_words
from ...domain.model import ACTIVITY_TYPES, OBJECTIVES, Target
from ...domain.numbers import fmt_num, fmt_quantity, parse_vn_number
from ...domain.rules import MET, NOT_MET, code_error, parse_achieved, target_errors, target_verdict
from ...domain.summary import target_order
from ...domain.text import clean
from ...services import ValidationError
from ..operations import changes
from ..widgets import ErrorLabel, NumberEdit, ParagraphEdit, UnitCombo, ask, save_cancel
from .base import Page

COLS = ["Mã", "Mục tiêu", "Chỉ tiêu", "Kế hoạch", "6 tháng", "Cả năm", "Đánh giá 6 tháng", "Đánh giá cả năm"]
MID, YEAR = 4, 5
VERDICT_COLOURS = {MET: QColor("#e8f5e9"), NOT_MET: QColor("#ffebee")}


def plan_text(t: Target) -> str:
    if t.kind == "qualitative":
        return "Đạt (định tính)"
    return ("≥ " if t.comparison == ">=" else "≤ ") + fmt_quantity(t.target, t.unit)


class TargetsModel(QAbstractTableModel):
    error = Signal(str)

    def __init__(self, save, parent=None):
        super().__init__(parent)
        self.save = save  # save(Target) -> None, raising ValidationError
        self.targets: list[Target] = []
        self.measured: dict[str, dict[str, float]] = {}  # values counted from the activities

    def set_targets(self, targets):
        self.beginResetModel()
        self.targets = sorted(targets, key=target_order)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.targets)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLS)

    def headerData(self, s, o, role=Qt.ItemDataRole.DisplayRole):
        if o == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLS[s]
        return None

    def flags(self, index):
        f = super().flags(index)
        t = self.targets[index.row()]
        if index.column() == YEAR or (index.column() == MID and t.kind == "numeric"):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def _value(self, t: Target, col: int) -> str:
        if t.kind == "qualitative":
            if col == MID:
                return ""
            return "" if t.achieved is None else ("Đạt" if t.achieved else "Không đạt")
        v = t.actual_mid_year if col == MID else t.actual
        if v is None:
            counted = self.measured.get(t.code, {}).get("actual_mid_year" if col == MID else "actual")
            return f"{fmt_num(counted)} {COMPUTED}" if counted is not None else ""
        return fmt_num(v)

    def judged(self, t: Target) -> Target:
        """The target with the values counted from the activities where none was typed."""
        counted = {k: v for k, v in self.measured.get(t.code, {}).items() if getattr(t, k) is None}
        return dataclasses.replace(t, **counted) if counted else t

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t = self.targets[index.row()]
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if c == 0:
                return t.code
            if c == 1:
                return OBJECTIVES[t.objective].split(":")[0]
            if c == 2:
                return t.text
            if c == 3:
                return plan_text(t)
            if c in (MID, YEAR):
                # the editor starts from what was typed: a counted value is not typed over by accident
                return self._value(t, c) if role == Qt.ItemDataRole.DisplayRole else self._typed(t, c)
            if c == 6:
                return target_verdict(self.judged(t), "mid_year") if t.kind == "numeric" else ""
            if c == 7:
                return target_verdict(self.judged(t), "year")
        if role == Qt.ItemDataRole.ToolTipRole:
            if c == 2:
                return t.text + (f"\nGhi chú: {t.note}" if t.note else "")
            if c in (MID, YEAR):
                if t.measure and t.kind == "numeric":
                    return (f"Tự tính từ danh sách hoạt động ({measure_words(t.measure)}). "
                            "Gõ số để ghi đè; xóa số đã gõ để quay về số tự tính.")
                return ("Gõ Đạt hoặc Không đạt" if t.kind == "qualitative" else
                        "Gõ số, dùng dấu phẩy cho phần thập phân, ví dụ 26,05")
        if role == Qt.ItemDataRole.BackgroundRole and c in (6, 7):
            v = self.data(index)
            colour = VERDICT_COLOURS.get(v)
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (3, MID, YEAR, 6, 7):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _typed(self, t: Target, col: int) -> str:
        if t.kind == "qualitative":
            return self._value(t, col)
        v = t.actual_mid_year if col == MID else t.actual
        return fmt_num(v) if v is not None else ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        t = self.targets[index.row()]
        text = (value or "").strip()
        if t.kind == "qualitative":
            try:
                new = dataclasses.replace(t, achieved=parse_achieved(text))
            except ValueError as exc:
                self.error.emit(f"Chỉ tiêu {t.code}: {exc}")
                return False
        else:
            try:  # "50%" is 50 for a target counted in %
                number = parse_vn_number(text, percent="%" in (t.unit or ""))
            except ValueError as exc:
                self.error.emit(f"Chỉ tiêu {t.code}: {exc}")
                return False
            key = "actual_mid_year" if index.column() == MID else "actual"
            new = dataclasses.replace(t, **{key: number})
        try:
            self.save(new)
        except ValidationError as exc:
            self.error.emit("; ".join(exc.messages))
            return False
        self.targets[index.row()] = new
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLS) - 1))
        self.error.emit("")
        return True


class TargetDialog(QDialog):
    def __init__(self, parent, units: dict[str, str], existing_codes: set[str], target: Target | None = None,
                 year: int | None = None):
        super().__init__(parent)
        self.year = year
        self.setWindowTitle("Sửa chỉ tiêu" if target else "Thêm chỉ tiêu")
        self.setMinimumWidth(620)
        self.existing = existing_codes
        self.target = target
        self.figures_dropped = False  # another strategy target chosen in place of the one edited
        self.code = QLineEdit()
        self.objective = QComboBox()
        for k, v in OBJECTIVES.items():
            self.objective.addItem(v, k)
        self.text = ParagraphEdit()
        self.kind = QComboBox()
        self.kind.addItem("Định lượng (có số)", "numeric")
        self.kind.addItem("Định tính (đạt / không đạt)", "qualitative")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("%, lần, tin bài/quý...")
        self.comparison = QComboBox()
        self.comparison.addItem("≥ (từ ... trở lên)", ">=")
        self.comparison.addItem("≤ (không vượt quá ...)", "<=")
        self.value = NumberEdit(placeholder="ví dụ 60%, 60 hoặc 1,7", percent=True)
        self.baseline = NumberEdit(placeholder="năm trước (nếu có)", percent=True)
        self.lead = UnitCombo(units)
        self.note = QLineEdit()
        # a target counted from the activities instead of typed
        self.measure = QComboBox()
        self.measure.addItem("Không: gõ số liệu bằng tay", None)
        for key, (label, _unit) in MEASURES.items():
            self.measure.addItem(label, key)
        self.measure_type = QComboBox()
        self.measure_type.addItem("mọi loại hoạt động", None)
        for key, label in ACTIVITY_TYPES.items():
            self.measure_type.addItem(label, key)
        measure_row = QHBoxLayout()
        measure_row.addWidget(self.measure, 3)
        measure_row.addWidget(self.measure_type, 2)
        self.err = ErrorLabel()
        self.from_strategy = QPushButton("Chọn từ Chiến lược quốc gia...")
        self.from_strategy.setToolTip("Lấy nguyên văn một chỉ tiêu của Chiến lược quốc gia về bình đẳng giới "
                                      "2021 - 2030 (Nghị quyết 28/NQ-CP)")
        self.from_strategy.clicked.connect(self._pick_from_strategy)
        form = QFormLayout(self)
        form.addRow("Mã *", self.code)
        form.addRow("", self.from_strategy)
        form.addRow("Mục tiêu", self.objective)
        form.addRow("Nội dung chỉ tiêu *", self.text)
        form.addRow("Loại", self.kind)
        form.addRow("Đơn vị tính", self.unit)
        form.addRow("So sánh", self.comparison)
        form.addRow("Giá trị kế hoạch", self.value)
        form.addRow("Giá trị năm trước", self.baseline)
        form.addRow("Tự tính từ hoạt động", measure_row)
        form.addRow("Đơn vị chủ trì", self.lead)
        form.addRow("Ghi chú", self.note)
        form.addRow(self.err)
        form.addRow(save_cancel(self, self._accept))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if target:
            self.code.setText(target.code)
            self.code.setReadOnly(True)
            self.objective.setCurrentIndex(self.objective.findData(target.objective))
            self.text.setText(target.text)
            self.kind.setCurrentIndex(self.kind.findData(target.kind))
            self.unit.setText(target.unit or "")
            if target.comparison:
                self.comparison.setCurrentIndex(self.comparison.findData(target.comparison))
            self.value.setText(fmt_num(target.target) if target.target is not None else "")
            self.baseline.setText(fmt_num(target.baseline) if target.baseline is not None else "")
            self.lead.set_code(target.lead)
            self.note.setText(target.note or "")
            if target.measure:
                self.measure.setCurrentIndex(max(0, self.measure.findData(target.measure.get("what"))))
                self.measure_type.setCurrentIndex(max(0, self.measure_type.findData(target.measure.get("activity_type"))))
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self._kind_changed()

    def _pick_from_strategy(self, *_):
        from ..strategy_picker import StrategyPicker

        picker = StrategyPicker(self)
        if not picker.exec() or picker.chosen is None:
            return
        e = picker.chosen
        self.objective.setCurrentIndex(self.objective.findData(e.objective))
        self.text.setText(e.text)
        self.kind.setCurrentIndex(self.kind.findData("numeric"))
        self.unit.setText(e.unit)
        self.comparison.setCurrentIndex(self.comparison.findData(e.comparison))
        self.measure.setCurrentIndex(0)  # the strategy's figures are reported, not counted from activities
        value = e.value_for(self.year) if self.year else None
        self.value.setText(fmt_num(value) if value is not None else "")
        notes = []
        # Another target in place of the one being edited: its figures were the old target's.
        self.figures_dropped = self.target is not None and e.text != self.target.text and any(
            v is not None for v in (self.target.baseline, self.target.actual_mid_year, self.target.actual))
        if self.target is not None and e.text != self.target.text:
            self.baseline.setText("")
        if self.figures_dropped:
            notes.append("Đã chọn chỉ tiêu khác: số liệu năm trước, 6 tháng và cả năm của chỉ tiêu cũ sẽ được xóa "
                         "khi bấm Lưu.")
        if value is None:  # a target of several parts: the commune says which figure it aims at
            self.value.setFocus()
            notes.append("Chỉ tiêu này gồm nhiều vế: hãy gõ giá trị kế hoạch của địa phương.")
        self.err.show_error(" ".join(notes) or None)

    def _kind_changed(self, *_):
        numeric = self.kind.currentData() == "numeric"
        for w in (self.unit, self.comparison, self.value, self.baseline, self.measure):
            w.setEnabled(numeric)
        self.measure_type.setEnabled(numeric and self.measure.currentData() is not None)

    def _measure_changed(self, *_):
        what = self.measure.currentData()
        self.measure_type.setEnabled(what is not None)
        if what and not self.unit.text().strip():
            self.unit.setText(MEASURES[what][1])

    def result_target(self) -> Target | None:
        code = clean(self.code.text()) or ""
        numeric = self.kind.currentData() == "numeric"
        try:
            value = self.value.value() if numeric else None
            base = self.baseline.value() if numeric else None
        except ValueError as exc:
            self.err.show_error(str(exc))
            return None
        if numeric and not clean(self.unit.text()) and "%" in self.value.text() + self.baseline.text():
            self.unit.setText("%")  # 60% typed: the target is counted in %
        old = self.target or Target(code, "")
        t = dataclasses.replace(old, code=code, text=clean(self.text.text()) or "", kind=self.kind.currentData(),
                                objective=self.objective.currentData(),
                                unit=clean(self.unit.text()) if numeric else None,
                                comparison=self.comparison.currentData() if numeric else None,
                                target=value, baseline=base, lead=self.lead.code(), note=clean(self.note.text()),
                                actual=old.actual if numeric and not self.figures_dropped else None,
                                actual_mid_year=old.actual_mid_year if numeric and not self.figures_dropped else None,
                                achieved=None if numeric else old.achieved,
                                measure={"what": self.measure.currentData(),
                                         "activity_type": self.measure_type.currentData()}
                                if numeric and self.measure.currentData() else None)
        problem = code_error(code, self.existing if self.target is None else set())
        if problem:
            self.err.show_error(problem)
            return None
        errs = target_errors(t)
        if errs:
            self.err.show_error("; ".join(errs.values()))
            return None
        return t

    def _accept(self):
        if self.result_target() is not None:
            self.accept()


class TargetsPage(Page):
    title = "Chỉ tiêu"

    def __init__(self, ctx):
        super().__init__(ctx)
        hint = QLabel("Gõ số liệu 6 tháng và cả năm thẳng vào bảng (ví dụ 26,05); đánh giá Đạt / Không đạt "
                      "cập nhật ngay. Chỉ tiêu định tính: gõ “Đạt” hoặc “Không đạt”.")
        hint.setWordWrap(True)
        self.outer.addWidget(hint)
        self.model = TargetsModel(self._save)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, w in ((0, 70), (1, 90), (3, 150), (4, 80), (5, 80), (6, 120), (7, 120)):
            self.table.setColumnWidth(col, w)
        self.outer.addWidget(self.table, 1)
        self.message = ErrorLabel()
        self.outer.addWidget(self.message)
        self.model.error.connect(self.message.show_error)
        self.add_btn, self.edit_btn, self.del_btn = self.action_bar(
            ("Thêm chỉ tiêu", self.add), ("Sửa chỉ tiêu", self.edit), ("Xóa chỉ tiêu", self.delete))
        self.model.dataChanged.connect(self._summarise)

    def _save(self, t: Target):
        """A value typed in the grid (the model shows a refusal under the grid itself)."""
        self.ctx.ws.save_target(self.ctx.year, t)
        self._summarise()
        # Other pages (the dashboard) reload; this grid, the initiator, already shows the new value.
        self.ctx.announce(changes("targets"), initiator=self)

    def refresh(self):
        plan = self.ctx.plan()
        self.message.show_error(None)  # a message about another year's figure is not about these
        self.model.measured = self.ctx.ws.measured_targets(self.ctx.year) if plan else {}
        self.model.set_targets(plan.targets if plan else [])
        for b in (self.add_btn, self.edit_btn, self.del_btn):
            b.setEnabled(plan is not None)
        self.table.resizeRowsToContents()
        self._summarise()

    def _summarise(self, *_):
        if self.ctx.plan() is None:  # say why the list is empty and where to start
            self.summary.setText(f"Năm {self.ctx.year} chưa có kế hoạch: tạo kế hoạch ở trang Kế hoạch, rồi thêm "
                                 "chỉ tiêu ở đây.")
            return
        ts = [self.model.judged(t) for t in self.model.targets]
        met = sum(1 for t in ts if target_verdict(t) == MET)
        self.summary.setText(f"{len(ts)} chỉ tiêu · đạt {met} · không đạt "
                             f"{sum(1 for t in ts if target_verdict(t) == NOT_MET)}")

    def _current(self) -> Target | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.say_choose_a_row()
        return self.model.targets[rows[0].row()] if rows else None

    def add(self):
        dlg = TargetDialog(self, self.ctx.units(active_only=True), {t.code for t in self.model.targets},
                           year=self.ctx.year)
        if dlg.exec():
            self._commit(dlg.result_target())

    def edit(self):
        t = self._current()
        if t:
            dlg = TargetDialog(self, self.ctx.units(), set(), t, year=self.ctx.year)
            if dlg.exec():
                self._commit(dlg.result_target())

    def _commit(self, t):
        self.op(lambda: self.ctx.ws.save_target(self.ctx.year, t), "targets", title="Không lưu được chỉ tiêu")

    def delete(self):
        t = self._current()
        if t and ask(self, "Xóa chỉ tiêu", f"Xóa chỉ tiêu {t.code}: {t.text}?"):
            self.op(lambda: self.ctx.ws.delete_target(self.ctx.year, t.code), "targets", "tasks",
                    title="Không xóa được chỉ tiêu", undo=True)
