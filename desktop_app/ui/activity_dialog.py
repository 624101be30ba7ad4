"""The activity form: one paper form typed in, checked as you type."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ..domain.model import ACTIVITY_TYPES, BUDGET_SOURCES, Activity
from ..domain.rules import activity_errors
from ..domain.text import clean
from ..services import ValidationError, user_message
from .widgets import DateEdit, ErrorLabel, NumberEdit, UnitChecklist, UnitCombo

PRIVACY_NOTE = ("Chỉ ghi số lượng và mô tả hoạt động. Không ghi họ tên, địa chỉ hay thông tin "
                "cá nhân của nạn nhân hoặc người gây bạo lực.")


class CountEdit(QLineEdit):
    """A count that may be left empty (not known)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setValidator(QIntValidator(0, 10_000_000, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMaximumWidth(110)

    def value(self) -> int | None:
        t = self.text().strip()
        return int(t) if t else None

    def set_value(self, v: int | None) -> None:
        self.setText("" if v is None else str(v))


class ActivityDialog(QDialog):
    def __init__(self, parent, year: int, units: dict[str, str], tasks: list[tuple[str, str]],
                 save: Callable[[Activity], str], activity: Activity | None = None,
                 duplicate: bool = False):
        super().__init__(parent)
        self.year = year
        self.save_fn = save
        self.saved_ids: list[str] = []
        self.original = activity
        self.editing_id = activity.id if (activity and not duplicate) else None
        title = "Sửa hoạt động" if self.editing_id else "Thêm hoạt động"
        self.setWindowTitle(f"{title} - năm {year}")
        self.setMinimumWidth(760)

        self.title = QLineEdit()
        self.title.setPlaceholderText("Ví dụ: Tập huấn kiến thức về giới cho cán bộ thôn")
        self.type = QComboBox()
        for k, v in ACTIVITY_TYPES.items():
            self.type.addItem(v, k)
        self.start = DateEdit(label="ngày tổ chức")
        self.end = DateEdit(optional=True, label="ngày kết thúc")
        self.start.default_year = self.end.default_year = year
        self.location = QLineEdit()
        self.organizer = UnitCombo(units)
        self.partners = UnitChecklist(units)
        self.task = QComboBox()
        self.task.addItem("(không gắn với nhiệm vụ)", None)
        for code, content in tasks:
            short = content if len(content) < 80 else content[:77] + "..."
            self.task.addItem(f"{code} - {short}", code)
        self.total = CountEdit()
        self.female = CountEdit()
        self.male = CountEdit()
        self.ethnic = CountEdit()
        self.leaflets, self.posters, self.articles, self.broadcasts = (QSpinBox() for _ in range(4))
        for s in (self.leaflets, self.posters, self.articles, self.broadcasts):
            s.setRange(0, 10_000_000)
            s.setGroupSeparatorShown(True)
        self.outputs_other = QLineEdit()
        self.budget = NumberEdit(placeholder="đồng")
        self.source = QComboBox()
        self.source.setPlaceholderText("Chọn nguồn kinh phí")  # no choice made for the officer
        for k, v in BUDGET_SOURCES.items():
            self.source.addItem(v, k)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.notes.setTabChangesFocus(True)

        self.err = {k: ErrorLabel(lines=2 if k == "dates" else 1)
                    for k in ("title", "dates", "participants", "budget_vnd")}
        # Which error label, and which field to put the cursor in, for each checked field.
        self.err_place = {"title": "title", "start": "dates", "end": "dates",
                          "participants_total": "participants", "participants_female": "participants",
                          "participants_male": "participants", "participants_ethnic_minority": "participants",
                          "budget_vnd": "budget_vnd"}
        self.fields = {"title": self.title, "start": self.start, "end": self.end,
                       "participants_total": self.total, "participants_female": self.female,
                       "participants_male": self.male, "participants_ethnic_minority": self.ethnic,
                       "budget_vnd": self.budget}
        self.touched: set[str] = set()  # errors show once a field is left, or Save is pressed
        form = QFormLayout()
        form.addRow("Tên hoạt động *", self.title)
        form.addRow("", self.err["title"])
        form.addRow("Loại hoạt động", self.type)
        # each date on its own row, as wide as a date: both whole in the form's column
        for label, w, hint in (("Ngày tổ chức *", self.start, ""),
                               ("Đến ngày", self.end, "(nếu nhiều ngày)")):
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(w)
            if hint:
                note = QLabel(hint)
                note.setStyleSheet("color: #666666;")
                row.addWidget(note)
            row.addStretch(1)
            form.addRow(label, row)
        form.addRow("", self.err["dates"])
        form.addRow("Địa điểm", self.location)
        form.addRow("Đơn vị tổ chức", self.organizer)
        form.addRow("Đơn vị phối hợp", self.partners)
        form.addRow("Thuộc nhiệm vụ", self.task)

        people = QGroupBox("Người tham gia")
        g = QGridLayout(people)
        for col, (label, w, _key) in enumerate((("Tổng số *", self.total, "participants_total"),
                                               ("Nữ", self.female, "participants_female"),
                                               ("Nam", self.male, "participants_male"),
                                               ("Dân tộc thiểu số", self.ethnic, "participants_ethnic_minority"))):
            g.addWidget(QLabel(label), 0, col)
            g.addWidget(w, 1, col)
        g.addWidget(self.err["participants"], 2, 0, 1, 4)

        mats = QGroupBox("Sản phẩm truyền thông và kinh phí")
        m = QGridLayout(mats)
        for col, (label, w) in enumerate((("Tờ rơi", self.leaflets), ("Pa nô, băng rôn", self.posters),
                                          ("Tin, bài", self.articles), ("Lượt phát thanh", self.broadcasts))):
            m.addWidget(QLabel(label), 0, col)
            m.addWidget(w, 1, col)
        m.addWidget(QLabel("Sản phẩm khác"), 2, 0)
        m.addWidget(self.outputs_other, 2, 1, 1, 3)
        m.addWidget(QLabel("Kinh phí (đồng)"), 3, 0)
        m.addWidget(self.budget, 3, 1)
        m.addWidget(QLabel("Nguồn kinh phí"), 4, 0)
        m.addWidget(self.source, 4, 1, 1, 3)
        m.addWidget(self.err["budget_vnd"], 5, 0, 1, 4)

        privacy = QLabel("⚠ " + PRIVACY_NOTE)
        privacy.setWordWrap(True)
        privacy.setStyleSheet("color: #7a4b00;")
        notes_box = QVBoxLayout()
        notes_box.addWidget(QLabel("Ghi chú"))
        notes_box.addWidget(self.notes)
        notes_box.addWidget(privacy)

        self.buttons = QDialogButtonBox()
        self.save_btn = self.buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_new_btn = QPushButton("Lưu và thêm mới")
        self.save_new_btn.setToolTip("Lưu rồi mở ngay phiếu trống cho hoạt động tiếp theo (Ctrl+Enter)")
        self.save_new_btn.setShortcut("Ctrl+Return")
        if not self.editing_id:
            self.buttons.addButton(self.save_new_btn, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_btn.setDefault(True)
        self.status = QLabel()
        self.status.setStyleSheet("color: #1b5e20;")

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)  # spare height below the form, not between its rows
        right = QVBoxLayout()
        right.addWidget(people)
        right.addWidget(mats)
        right.addLayout(notes_box)
        right.addStretch(1)
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)

        self.save_btn.clicked.connect(self._save_close)
        self.save_new_btn.clicked.connect(self._save_new)
        self.buttons.rejected.connect(self.reject)
        for w in self.fields.values():
            w.textChanged.connect(self.revalidate)
            w.installEventFilter(self)

        self._fill(activity, keep_id=not duplicate)
        self.revalidate()
        self.title.setFocus()

    def _fill(self, a: Activity | None, keep_id=True) -> None:
        today = dt.date.today()
        default_day = today if today.year == self.year else dt.date(self.year, 1, 1)
        a = a or Activity(title="", type="communication", start=default_day)
        self.title.setText(a.title)
        self.type.setCurrentIndex(max(0, self.type.findData(a.type)))
        self.start.set_value(a.start)
        self.end.set_value(a.end)
        self.location.setText(a.location or "")
        self.organizer.set_code(a.organizer)
        self.partners.set_codes(a.partners)
        self.task.setCurrentIndex(max(0, self.task.findData(a.task)))
        self.total.set_value(a.participants_total if self.original or a.participants_total else None)
        self.female.set_value(a.participants_female)
        self.male.set_value(a.participants_male)
        self.ethnic.set_value(a.participants_ethnic_minority)
        self.leaflets.setValue(a.leaflets)
        self.posters.setValue(a.posters_banners)
        self.articles.setValue(a.articles)
        self.broadcasts.setValue(a.broadcasts)
        self.outputs_other.setText(a.outputs_other or "")
        self.budget.setText("" if a.budget_vnd is None else f"{a.budget_vnd:,}".replace(",", "."))
        self.source.setCurrentIndex(self.source.findData(a.budget_source) if a.budget_source else -1)
        self.notes.setPlainText(a.notes or "")

    def activity(self) -> Activity:
        try:
            budget = self.budget.value()
        except ValueError:
            budget = None
        return Activity(
            id=self.editing_id, title=clean(self.title.text()) or "", type=self.type.currentData(),
            start=self.start.value(), end=self.end.value(), location=clean(self.location.text()),
            organizer=self.organizer.code(), partners=self.partners.codes(),
            task=self.task.currentData(), participants_total=self.total.value() or 0,
            participants_female=self.female.value(), participants_male=self.male.value(),
            participants_ethnic_minority=self.ethnic.value(), leaflets=self.leaflets.value(),
            posters_banners=self.posters.value(), articles=self.articles.value(),
            broadcasts=self.broadcasts.value(), outputs_other=clean(self.outputs_other.text()),
            budget_vnd=int(round(budget)) if budget is not None else None,
            budget_source=self.source.currentData() if budget else None,
            notes=clean(self.notes.toPlainText()),
        )

    def errors(self) -> dict[str, str]:
        a = self.activity()
        # A date that is blank or not a real date is named by its own field.
        probe = a if a.start else dataclasses.replace(a, start=dt.date(self.year, 1, 1), end=None)
        errs = activity_errors(probe, plan_year=self.year)
        if a.start is None:
            errs.pop("start", None)
        for key, w in (("start", self.start), ("end", self.end)):
            if w.error():
                errs[key] = w.error()
        if self.total.value() is None:
            errs.setdefault("participants_total", "Hãy nhập tổng số người tham gia (0 nếu không có)")
        try:
            self.budget.value()
        except ValueError as exc:
            errs["budget_vnd"] = str(exc)
        return errs

    def showEvent(self, event):
        super().showEvent(event)
        self.activateWindow()  # the keyboard goes to the form, not the window behind it

    def eventFilter(self, obj, event):
        # Leaving a field (not for the calendar popup) shows what is wrong with it; an empty
        # count never sends editingFinished, hence focus-out.
        if (event.type() == QEvent.Type.FocusOut and event.reason() != Qt.FocusReason.PopupFocusReason
                and self.isVisible()):
            for key, w in self.fields.items():
                if w is obj:
                    self.touched.add(key)
                    self.revalidate()
        return super().eventFilter(obj, event)

    def revalidate(self, *_, show_all: bool = False) -> dict[str, str]:
        """Check the whole form; show the errors of the fields already left (all with
        `show_all`), each in its place under the field."""
        errs = self.errors()
        shown: dict[str, list[str]] = {}
        for key, msg in errs.items():
            if show_all or key in self.touched:
                shown.setdefault(self.err_place[key], []).append(msg)
        for place, label in self.err.items():
            label.show_error("; ".join(shown.get(place, [])) or None)
        for key in ("start", "end"):
            self.fields[key].mark_error(key in errs and (show_all or key in self.touched))
        return errs

    def _save(self) -> bool:
        self.touched.update(self.fields)  # from now on every error shows as it comes and goes
        errs = self.revalidate()
        if errs:
            first = next(k for k in self.fields if k in errs)
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            self.fields[first].selectAll()
            return False
        try:
            new_id = self.save_fn(self.activity())
        except ValidationError as exc:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText("; ".join(exc.messages))
            return False
        except Exception as exc:  # the database refused the write: keep the form as typed
            msg = user_message(exc)
            if msg is None:
                raise
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText("Chưa lưu được: " + msg)
            return False
        self.saved_ids.append(new_id)
        return True

    def _save_close(self) -> None:
        if self._save():
            self.accept()

    def _save_new(self) -> None:
        if not self._save():
            return
        last = self.activity()
        # Keep what a stack of forms from one event usually shares; clear the rest.
        blank = Activity(title="", type=last.type, start=last.start, location=last.location,
                         organizer=last.organizer, task=last.task, participants_total=0)
        self.editing_id = None
        self._fill(blank)
        self.total.set_value(None)
        self.status.setStyleSheet("color: #1b5e20;")
        self.status.setText(f"Đã lưu {len(self.saved_ids)} hoạt động. Nhập hoạt động tiếp theo.")
        self.touched.clear()
        self.revalidate()
        self.title.setFocus()

    def done(self, r):  # closing with typed but unsaved data asks first
        if r == QDialog.DialogCode.Rejected and self._dirty():
            from .widgets import ask

            if not ask(self, "Bỏ phiếu đang nhập?", "Phiếu hoạt động chưa được lưu. Bỏ những gì đã nhập?"):
                return
        super().done(r)

    def _dirty(self) -> bool:
        return bool(self.title.text().strip() and not self.saved_ids and (
            self.original is None or dataclasses.replace(self.activity(), id=None)
            != dataclasses.replace(self.original, id=None, plan_year=None, plan_kind="annual")))
