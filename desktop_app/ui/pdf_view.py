"""Showing and printing the PDF: the PDF is the document; pages are rasterised by PDFium."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


def render_pages(pdf_path: str, dpi: float = 96) -> list[QImage]:
    """Every page as a QImage (safe to call off the GUI thread)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_path)
    images = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            img = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                         QImage.Format.Format_RGB888).copy()  # copy: the buffer dies with the bitmap
            images.append(img)
            bitmap.close()
            page.close()
    finally:
        doc.close()
    return images


class PdfPreview(QScrollArea):
    """The pages one under the other, like a print preview."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.inner = QWidget()
        self.lay = QVBoxLayout(self.inner)
        self.lay.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.inner)
        self.inner.setStyleSheet("background: #8a8a8a;")
        self.pages: list[QLabel] = []

    def set_pages(self, images: list[QImage]) -> None:
        for lab in self.pages:
            lab.deleteLater()
        self.pages = []
        for img in images:
            lab = QLabel()
            lab.setPixmap(QPixmap.fromImage(img))
            lab.setStyleSheet("background: white; border: 1px solid #444;")
            self.lay.addWidget(lab)
            self.pages.append(lab)

    def page_count(self) -> int:
        return len(self.pages)


def print_pdf(pdf_path: str, printer) -> None:
    """Paint each page onto the printer at its resolution, fitted to the printable page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_path)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Không mở được máy in")
    try:
        dpi = min(printer.resolution(), 300)
        for i in range(len(doc)):
            if i:
                printer.newPage()
            page = doc[i]
            bmp = page.render(scale=dpi / 72, rev_byteorder=True)
            img = QImage(bmp.buffer, bmp.width, bmp.height, bmp.stride, QImage.Format.Format_RGB888)
            rect = painter.viewport()
            size = img.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(rect.x(), rect.y(), size.width(), size.height())
            painter.setWindow(img.rect())
            painter.drawImage(0, 0, img)
            painter.setViewport(rect)
            bmp.close()
            page.close()
    finally:
        painter.end()
        doc.close()
