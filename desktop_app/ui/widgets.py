"""Small widgets the pages share: Vietnamese date and number fields, a list-of-lines editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
)

from ..domain.numbers import DATE_EXAMPLE, parse_vn_date, parse_vn_number
from ..domain.text import clean, fold, units_by_name


def to_qdate(d: dt.date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else QDate()


def from_qdate(q: QDate) -> dt.date | None:
    if not q or not q.isValid():
        return None
    return dt.date(q.year(), q.month(), q.day())


def _calendar_icon() -> QIcon:
    """A small calendar page, drawn (no image file to ship)."""
    pm = QPixmap(16, 16)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setPen(QColor("#3d5a80"))
    p.drawRect(1, 2, 13, 12)
    p.fillRect(1, 2, 14, 4, QColor("#3d5a80"))
    for x in (4, 7, 10):
        for y in (8, 11):
            p.fillRect(x, y, 2, 2, QColor("#3d5a80"))
    p.end()
    return QIcon(pm)


class DateEdit(QLineEdit):
    """A date typed as in Excel (15/3/2025, 15-3-2025, 15.3.2025, 15032025...) or picked from a
    calendar (the button at the right, F4 or Alt+Down). Shown as dd/mm/yyyy once the field is
    left. A date that does not exist is refused with its reason, never turned into another
    one; an optional field may stay blank.

    A QLineEdit rather than a QDateEdit: QDateEdit types into one section at a time, so
    "15/03/2025" typed from its first section became 15/01/2025 without a word."""

    dateChanged = Signal(QDate)
    FORMAT = "%d/%m/%Y"

    def __init__(self, optional: bool = False, parent=None, label: str = "ngày"):
        super().__init__(parent)
        self.optional = optional
        self.label = label
        self.default_year: int | None = None  # for "15/3" typed without a year
        self._last: dt.date | None = None
        self._popup: QCalendarWidget | None = None
        self._fresh = self._select_on_click = False
        self.setPlaceholderText("ngày/tháng/năm")
        self.setToolTip("Gõ ngày/tháng/năm (ví dụ 15/03/2025, 15/3/2025, 15-3-2025, 15032025) "
                        "hoặc bấm biểu tượng lịch (F4)")
        self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip("Chọn ngày trên lịch (F4)")
        self.calendar_action.triggered.connect(self.show_calendar)
        if optional:
            self.setClearButtonEnabled(True)
        fm = self.fontMetrics()  # room for the date or the hint, the calendar and the clear buttons
        self.setMinimumWidth(max(fm.horizontalAdvance("00/00/00000"), fm.horizontalAdvance(self.placeholderText()))
                             + (52 if optional else 32))
        self.textChanged.connect(self._text_changed)
        self.editingFinished.connect(self._finished)

    # ---- reading and writing ------------------------------------------------------------
    def _parse(self) -> dt.date | None:
        return parse_vn_date(self.text(), self.default_year)

    def value(self) -> dt.date | None:
        """The date in the field; None when it is blank or not a real date (see `error`)."""
        try:
            return self._parse()
        except ValueError:
            return None

    def error(self) -> str | None:
        """Why the field cannot be saved as it stands, in Vietnamese; None when it can."""
        try:
            d = self._parse()
        except ValueError as exc:
            return f"{self.label[:1].upper()}{self.label[1:]} {exc}"
        if d is None and not self.optional:
            return f"Chưa nhập {self.label} (ngày/tháng/năm, {DATE_EXAMPLE})"
        return None

    def set_value(self, d: dt.date | None) -> None:
        if d is None and not self.optional:
            d = dt.date.today()
        self.setText(d.strftime(self.FORMAT) if d else "")
        self.mark_error(False)
        self._fresh = True

    # The QDateEdit calls, for code and tests written against it.
    def date(self) -> QDate:
        return to_qdate(self.value())

    def setDate(self, q: QDate) -> None:
        self.set_value(from_qdate(q))

    def lineEdit(self) -> QLineEdit:
        return self

    # ---- typing -------------------------------------------------------------------------
    # As in an Excel cell: a date that was just entered (by Tab, a click or the calendar) is
    # replaced by the first digit typed, whatever part of it is selected; clicking once more
    # places the cursor to change one digit.
    def focusInEvent(self, e):
        super().focusInEvent(e)
        if e.reason() != Qt.FocusReason.PopupFocusReason:
            self._fresh = True
            self._select_on_click = e.reason() == Qt.FocusReason.MouseFocusReason

    def mousePressEvent(self, e):
        super().mousePressEvent(e)
        if self._select_on_click and e.button() == Qt.MouseButton.LeftButton:
            self.selectAll()
        else:
            self._fresh = False
        self._select_on_click = False

    def mouseReleaseEvent(self, e):
        if not self.hasSelectedText() or self.selectedText() != self.text():
            self._fresh = False
        super().mouseReleaseEvent(e)

    def keyPressEvent(self, e):
        alt = e.modifiers() & Qt.KeyboardModifier.AltModifier
        if e.key() == Qt.Key.Key_F4 or (alt and e.key() == Qt.Key.Key_Down):
            self.show_calendar()
            return
        text = e.text()
        if text[:1].isdigit() and self._is_whole_date() and (
                self._fresh or (not self.hasSelectedText()
                                and self.cursorPosition() in (0, len(self.text())))):
            # a whole date has no room for another digit at either end: a new date starts
            self.selectAll()
        self._fresh = False
        super().keyPressEvent(e)

    def _is_whole_date(self) -> bool:
        d = self.value()
        return d is not None and self.text().strip() == d.strftime(self.FORMAT)

    def _text_changed(self, _text: str) -> None:
        if self.property("invalid") and not self.error():
            self.mark_error(False)
        d = self.value()
        if d != self._last:
            self._last = d
            self.dateChanged.emit(to_qdate(d))

    def _finished(self) -> None:
        d = self.value()
        if d is not None and self.text() != d.strftime(self.FORMAT):
            self.setText(d.strftime(self.FORMAT))  # 15-3-2025 is shown as 15/03/2025
        self.mark_error(bool(self.error()) and bool(self.text().strip()))

    def mark_error(self, on: bool) -> None:
        """A red frame while the field holds something that is not a date."""
        if bool(self.property("invalid")) != on:
            self.setProperty("invalid", on)
            self.style().unpolish(self)
            self.style().polish(self)

    # ---- the calendar -------------------------------------------------------------------
    def show_calendar(self) -> None:
        if self._popup is None:
            self._popup = QCalendarWidget(self)
            self._popup.setWindowFlags(Qt.WindowType.Popup)
            self._popup.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self._popup.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self._popup.setGridVisible(True)
            self._popup.clicked.connect(self._picked)
            self._popup.activated.connect(self._picked)
        start = self.value() or dt.date.today()  # a blank field opens on today
        self._popup.setSelectedDate(to_qdate(start))
        self._popup.setCurrentPage(start.year, start.month)
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._popup.show()
        self._popup.setFocus()

    @property
    def calendar(self) -> QCalendarWidget | None:
        return self._popup

    def _picked(self, q: QDate) -> None:
        self._popup.hide()
        self.set_value(from_qdate(q))
        self.setFocus()
        self.editingFinished.emit()


class MonthDayEdit(DateEdit):
    """A day of the year without its year (dd/mm), e.g. the Action Month's first day."""

    FORMAT = "%d/%m"

    def __init__(self, parent=None, label: str = "ngày"):
        super().__init__(False, parent, label)
        self.setPlaceholderText("ngày/tháng")
        self.setToolTip("Gõ ngày/tháng (ví dụ 15/11) hoặc bấm biểu tượng lịch (F4)")

    def mmdd(self) -> str | None:
        d = self.value()
        return f"{d.month:02d}-{d.day:02d}" if d else None

    def set_mmdd(self, year: int, mmdd: str) -> None:
        self.default_year = year
        m, d = mmdd.split("-")
        self.set_value(dt.date(year, int(m), int(d)))


class VnNumberValidator(QValidator):
    """Accepts what an officer types: 26,05 or 26.05 or 1.234 (and 50% where a percent is
    allowed); intermediate states allowed."""

    def __init__(self, parent=None, percent: bool = False):
        super().__init__(parent)
        self.percent = percent

    def validate(self, text, pos):
        s = text.strip()
        if self.percent and s.endswith("%"):
            s = s[:-1].strip()
        if not s or s in ("-", "+"):
            return QValidator.State.Intermediate, text, pos
        if s[-1] in ",.":
            return QValidator.State.Intermediate, text, pos
        try:
            parse_vn_number(s, self.percent)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


class NumberEdit(QLineEdit):
    def __init__(self, parent=None, placeholder: str = "", percent: bool = False):
        super().__init__(parent)
        self.setValidator(VnNumberValidator(self, percent))
        self.setPlaceholderText(placeholder)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def set_percent(self, on: bool) -> None:
        self.validator().percent = on

    def value(self) -> float | None:
        return parse_vn_number(self.text(), self.validator().percent)


class UnitCombo(QComboBox):
    """A unit picker with type-ahead on the unit's name (and code)."""

    def __init__(self, units: dict[str, str], optional: bool = True, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.set_units(units, optional)

    def set_units(self, units: dict[str, str], optional: bool = True) -> None:
        current = self.code()
        self.clear()
        if optional:
            self.addItem("", None)
        for code, name in units_by_name(units):
            self.addItem(name, code)
        self.set_code(current)

    def code(self) -> str | None:
        """The unit chosen, or typed: its whole name, or a part only one unit's name holds
        (without marks: "lien hiep" is the Hội Liên hiệp Phụ nữ)."""
        i = self._typed_index()
        return self.itemData(i) if i is not None else None

    def _typed_index(self) -> int | None:
        text = self.currentText().strip()
        if not text:
            return None
        i = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if i >= 0:
            return i
        part = fold(text)
        hits = [j for j in range(self.count()) if self.itemData(j) and part in fold(self.itemText(j))]
        return hits[0] if len(hits) == 1 else None

    def focusOutEvent(self, e):
        super().focusOutEvent(e)
        i = self._typed_index()
        if i is not None and i != self.currentIndex() or (i is not None and self.currentText() != self.itemText(i)):
            self.setCurrentIndex(i)  # the whole name shows what was understood

    def set_code(self, code: str | None) -> None:
        i = self.findData(code) if code else 0
        self.setCurrentIndex(max(i, 0))


class UnitChecklist(QListWidget):
    """Several units at once (partners): a checkable list."""

    changed = Signal()

    def __init__(self, units: dict[str, str], parent=None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for code, name in units_by_name(units):
            it = QListWidgetItem(name)
            it.setData(Qt.ItemDataRole.UserRole, code)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(it)
        self.itemChanged.connect(lambda _: self.changed.emit())
        self.setMaximumHeight(130)

    def codes(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_codes(self, codes) -> None:
        codes = set(codes or [])
        for i in range(self.count()):
            it = self.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in codes
                             else Qt.CheckState.Unchecked)


class LinesEdit(QPlainTextEdit):
    """A list of texts, one per line (legal bases, purposes, recipients...)."""

    def __init__(self, parent=None, placeholder: str = ""):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)

    def lines(self) -> list[str]:
        return [c for c in (clean(x) for x in self.toPlainText().splitlines()) if c]

    def set_lines(self, lines) -> None:
        self.setPlainText("\n".join(lines or []))


class ParagraphEdit(QPlainTextEdit):
    """One paragraph (a target's wording, up to a few hundred characters) wrapped over a few
    lines so that it can be read whole; Enter does not break it (Enter is the dialog's)."""

    def __init__(self, parent=None, lines: int = 3, placeholder: str = ""):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        margin = 2 * (self.frameWidth() + self.document().documentMargin())
        self.setFixedHeight(int(self.fontMetrics().lineSpacing() * lines + margin + 6))

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source):
        if source.hasText():  # text pasted from Word in several lines becomes one paragraph
            self.insertPlainText(" ".join(source.text().split()))

    def text(self) -> str:
        return " ".join(self.toPlainText().split())

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.Start)


def when_text(iso: str | None) -> str:
    """A stored ISO time as an officer reads it: 05/01/2026 09:30."""
    import datetime as dt

    if not iso:
        return ""
    try:
        return f"{dt.datetime.fromisoformat(iso):%d/%m/%Y %H:%M}"
    except ValueError:
        return iso


class ErrorLabel(QLabel):
    """The reason a field is refused, shown next to it in red.

    With `lines`, the label keeps that many lines of room even when empty, so fields below
    do not move when a message comes or goes (a click aimed at a field lands on it)."""

    def __init__(self, parent=None, lines: int = 0):
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.reserved = lines > 0
        if self.reserved:
            # A fixed height: a wrapped label would otherwise ask the layout for more room when
            # its text comes, and push the fields below (one line stays one line).
            self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 4)
            self.setWordWrap(lines > 1)
            self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        else:
            self.hide()

    def show_error(self, text: str | None) -> None:
        self.setText(text or "")
        self.setToolTip(text or "")  # the whole message, should a fixed line cut it
        if not self.reserved:
            self.setVisible(bool(text))

    def has_error(self) -> bool:
        return bool(self.text())


def save_cancel(dialog, on_save) -> QDialogButtonBox:
    """Lưu / Hủy buttons (Qt has no Vietnamese translation of its standard ones)."""
    bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    bb.button(QDialogButtonBox.StandardButton.Save).setText("Lưu")
    bb.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
    bb.accepted.connect(on_save)
    bb.rejected.connect(dialog.reject)
    return bb


def show_error(parent, title: str, text: str, details: list[str] | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("Đóng")
    if details:
        box.setDetailedText("\n".join(details))
    box.exec()


def ask(parent, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    # Qt ships no Vietnamese translation for its standard buttons
    box.button(QMessageBox.StandardButton.Yes).setText("Đồng ý")
    box.button(QMessageBox.StandardButton.No).setText("Không")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class SignerFields:
    """The four lines of a signature block, added to a form; one reading and writing of them."""

    def __init__(self, form, labels=("Thẩm quyền", "Ký thay", "Chức vụ", "Họ và tên")):
        self.authority, self.on_behalf, self.title, self.name = (QLineEdit() for _ in range(4))
        self.authority.setPlaceholderText("TM. ỦY BAN NHÂN DÂN")
        self.on_behalf.setPlaceholderText("KT. CHỦ TỊCH")
        self.title.setPlaceholderText("PHÓ CHỦ TỊCH")
        for label, w in zip(labels, (self.authority, self.on_behalf, self.title, self.name)):
            form.addRow(label, w)

    def suggest(self, office) -> None:
        """Examples in the empty boxes fitting the office: a Sở signs "GIÁM ĐỐC", not "CHỦ TỊCH"."""
        from ..domain.issuer import GENERIC_TITLE, standard_signer

        std = standard_signer(office) if office else None
        if std is None or std.title == GENERIC_TITLE:
            return  # no known kind of body: the commune's examples stay
        self.authority.setPlaceholderText(std.authority or "")
        self.on_behalf.setPlaceholderText(f"KT. {std.title}")
        self.title.setPlaceholderText(f"PHÓ {std.title}")

    def set_signer(self, s) -> None:
        self.authority.setText((s and s.authority) or "")
        self.on_behalf.setText((s and s.on_behalf) or "")
        self.title.setText((s and s.title) or "")
        self.name.setText((s and s.name) or "")

    def signer(self):
        """None when neither a name nor a title is typed."""
        from ..domain.model import Signer

        name, title = clean(self.name.text()), clean(self.title.text())
        if not name and not title:
            return None
        return Signer(title=title or "", name=name or "", authority=clean(self.authority.text()),
                      on_behalf=clean(self.on_behalf.text()))


class UnitFilter(QComboBox):
    """'Mọi đơn vị' or one unit; refilling keeps the choice and emits nothing."""

    def set_units(self, units: dict[str, str]) -> None:
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem("Mọi đơn vị", None)
        for code, name in units_by_name(units):
            self.addItem(name, code)
        self.setCurrentIndex(max(0, self.findData(current)))
        self.blockSignals(False)
