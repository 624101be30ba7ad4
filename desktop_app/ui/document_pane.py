"""The right half of a page that prints a document: the buttons (preview, print, save as PDF,
Word, Excel), a busy bar, the reason when something failed, a line on what is shown with the
zoom, and the page preview. The reports page and the consolidated-report page share it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from .pdf_view import PdfPreview
from .widgets import ErrorLabel


class DocumentPane(QWidget):
    def __init__(self, print_label: str = "In...", folder_button: bool = False, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.preview_btn = QPushButton("Xem trước")
        self.print_btn = QPushButton(print_label)
        self.pdf_btn = QPushButton("Lưu PDF")
        self.docx_btn = QPushButton("Lưu Word")
        self.xlsx_btn = QPushButton("Lưu Excel")
        self.doc_buttons = (self.preview_btn, self.print_btn, self.pdf_btn, self.docx_btn, self.xlsx_btn)
        self.folder_btn = QPushButton("Mở thư mục") if folder_button else None
        for b in (*self.doc_buttons, *([self.folder_btn] if self.folder_btn else [])):
            buttons.addWidget(b)
        if self.folder_btn:
            self.folder_btn.setEnabled(False)  # until something is saved
        buttons.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.message = ErrorLabel()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.preview = PdfPreview()
        lay.addLayout(buttons)
        lay.addWidget(self.progress)
        lay.addWidget(self.message)
        info_row = QHBoxLayout()  # what is shown, and how big
        info_row.addWidget(self.info, 1)
        info_row.addWidget(self.preview.zoom_bar(), 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(info_row)
        lay.addWidget(self.preview, 1)

    def busy(self, on: bool) -> None:
        """A document is being made: the bar moves and the buttons wait."""
        self.progress.setVisible(on)
        for b in self.doc_buttons:
            b.setEnabled(not on)
