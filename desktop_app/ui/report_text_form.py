"""The parts of a report the officer types (number, date, the narrative parts, recipients,
signer), one form for the reports page and the consolidated-report page. It stores itself a
moment after typing stops (a power cut costs a sentence at most): `save_soon` fires then."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from ..domain.model import ReportText
from ..domain.text import clean
from .widgets import DateEdit, LinesEdit, SignerFields

PART_LABELS = (("situation", "Đặc điểm tình hình"), ("strengths", "Ưu điểm"),
               ("limitations", "Tồn tại, hạn chế"), ("causes", "Nguyên nhân"),
               ("directions", "Phương hướng kỳ tới"), ("recommendations", "Kiến nghị, đề xuất"))


class ReportTextForm(QWidget):
    save_soon = Signal()  # typing stopped 1.5 s ago: store what is typed

    def __init__(self, number_hint: str, part_height: int = 110, parent=None):
        super().__init__(parent)
        self.number = QLineEdit()
        self.number.setPlaceholderText(number_hint)
        self.issued = DateEdit(optional=True, label="ngày của văn bản")
        self.parts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout(self)
        # each label over its box: the boxes take the pane's whole width for whole paragraphs
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Số, ký hiệu", self.number)
        form.addRow("Ngày", self.issued)
        for key, label in PART_LABELS:
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setMinimumHeight(part_height)
            self.parts[key] = w
            form.addRow(label, w)
        self.recipients = LinesEdit(placeholder="Mỗi dòng một nơi nhận")
        self.recipients.setMaximumHeight(90)
        form.addRow("Nơi nhận", self.recipients)
        self.signer = SignerFields(form, ("Thẩm quyền ký", "Ký thay", "Chức vụ", "Người ký"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1500)
        self._timer.timeout.connect(self.save_soon)
        for w in (*self.parts.values(), self.recipients):
            w.textChanged.connect(self._timer.start)
        for w in (self.number, self.signer.authority, self.signer.on_behalf, self.signer.title, self.signer.name):
            w.textEdited.connect(self._timer.start)
        self.issued.dateChanged.connect(self._timer.start)

    def stop_timer(self) -> None:
        self._timer.stop()

    def show_text(self, t: ReportText) -> None:
        self.number.setText(t.number or "")
        self.issued.set_value(t.issued_on)
        for key, w in self.parts.items():
            w.setPlainText(getattr(t, key) or "")
        self.recipients.set_lines(t.recipients)
        self.signer.set_signer(t.signer)

    def text(self, shown: ReportText | None, year: int, period: str) -> ReportText:
        """What the form holds, for the report it was loaded for (`shown`)."""
        return ReportText(
            year=shown.year if shown else year, period=shown.period if shown else period,
            number=clean(self.number.text()),
            # a date being typed, or not a real one, leaves the stored date as it was
            issued_on=shown.issued_on if (shown and self.issued.error()) else self.issued.value(),
            recipients=self.recipients.lines(), signer=self.signer.signer(),
            **{k: clean(w.toPlainText()) for k, w in self.parts.items()})
