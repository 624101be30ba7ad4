"""Small widgets the pages share: Vietnamese date and number fields, a list-of-lines editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.numbers import parse_vn_number
from ..domain.text import clean, units_by_name


def to_qdate(d: dt.date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else QDate()


def from_qdate(q: QDate) -> dt.date | None:
    if not q or not q.isValid():
        return None
    return dt.date(q.year(), q.month(), q.day())


class DateEdit(QDateEdit):
    """dd/MM/yyyy with a calendar; an optional one can be empty (shown blank)."""

    def __init__(self, optional: bool = False, parent=None):
        super().__init__(parent)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.optional = optional
        self.setMinimumDate(QDate(2000, 1, 1))
        if optional:
            self.setSpecialValueText(" ")  # the minimum date stands for "no date"
        self.setMinimumWidth(120)

    def value(self) -> dt.date | None:
        if self.optional and self.date() == self.minimumDate():
            return None
        return from_qdate(self.date())

    def set_value(self, d: dt.date | None) -> None:
        self.setDate(to_qdate(d) if d else (self.minimumDate() if self.optional else QDate.currentDate()))


class VnNumberValidator(QValidator):
    """Accepts what an officer types: 26,05 or 26.05 or 1.234; intermediate states allowed."""

    def validate(self, text, pos):
        s = text.strip()
        if not s or s in ("-", "+"):
            return QValidator.State.Intermediate, text, pos
        if s[-1] in ",.":
            return QValidator.State.Intermediate, text, pos
        try:
            parse_vn_number(s)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


class NumberEdit(QLineEdit):
    def __init__(self, parent=None, placeholder: str = ""):
        super().__init__(parent)
        self.setValidator(VnNumberValidator(self))
        self.setPlaceholderText(placeholder)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value(self) -> float | None:
        return parse_vn_number(self.text())


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
        text = self.currentText().strip()
        if not text:
            return None
        i = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.itemData(i) if i >= 0 else self.currentData()

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


class ErrorLabel(QLabel):
    """The reason a field is refused, shown next to it in red."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


def save_cancel(dialog, on_save) -> QDialogButtonBox:
    """Lưu / Hủy buttons (Qt has no Vietnamese translation of its standard ones)."""
    bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    bb.button(QDialogButtonBox.StandardButton.Save).setText("Lưu")
    bb.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
    bb.accepted.connect(on_save)
    bb.rejected.connect(dialog.reject)
    return bb


def field_row(widget: QWidget, error: ErrorLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    lay.addWidget(error)
    return box



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
