"""Showing and printing the PDF: the PDF is the document; pages are rasterised by PDFium."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget


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
    """The pages one under the other, like a print preview: fitted to the pane's width, zoomed
    with −/+ or Ctrl+wheel."""

    ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0)  # of the width that fits

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.inner = QWidget()
        self.lay = QVBoxLayout(self.inner)
        self.lay.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.inner)
        self.inner.setStyleSheet("background: #8a8a8a;")
        self.pages: list[QLabel] = []
        self.images: list[QImage] = []
        self.zoom = 1.0
        self._refit = QTimer(self)  # a resize refits once it stops, not at every pixel
        self._refit.setSingleShot(True)
        self._refit.setInterval(60)
        self._refit.timeout.connect(self._scale)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: white; font-size: 14px; padding: 40px;")
        self.lay.addWidget(self.placeholder)

    def zoom_bar(self) -> QWidget:
        """−, the zoom, + and “Vừa chiều rộng”, for the page's button row."""
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.zoom_out_btn, self.zoom_in_btn = QToolButton(), QToolButton()
        self.zoom_out_btn.setText("−")
        self.zoom_in_btn.setText("+")
        self.zoom_out_btn.setToolTip("Thu nhỏ (Ctrl + lăn chuột)")
        self.zoom_in_btn.setToolTip("Phóng to (Ctrl + lăn chuột)")
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("200%") + 6)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_btn = QToolButton()
        self.fit_btn.setText("Vừa chiều rộng")
        self.zoom_out_btn.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in_btn.clicked.connect(lambda: self.step_zoom(1))
        self.fit_btn.clicked.connect(lambda: self.set_zoom(1.0))
        for w in (self.zoom_out_btn, self.zoom_label, self.zoom_in_btn, self.fit_btn):
            row.addWidget(w)
        self._show_zoom()
        return bar

    def set_message(self, text: str) -> None:
        """Said in the pane while there are no pages (being built, nothing to show)."""
        self.placeholder.setText(text)
        self.placeholder.setVisible(bool(text) and not self.pages)

    def set_pages(self, images: list[QImage]) -> None:
        for lab in self.pages:
            lab.deleteLater()
        self.pages = []
        self.images = list(images)
        for _ in images:
            lab = QLabel()
            lab.setStyleSheet("background: white; border: 1px solid #444;")
            self.lay.addWidget(lab)
            self.pages.append(lab)
        self.placeholder.setVisible(not self.pages and bool(self.placeholder.text()))
        self._scale()

    def page_count(self) -> int:
        return len(self.pages)

    def fit_width(self) -> int:
        """Page width that fills the pane (less its margins and the scroll bar)."""
        m = self.lay.contentsMargins()
        return max(200, self.viewport().width() - m.left() - m.right() - 4)

    def page_width(self) -> int:
        return int(self.fit_width() * self.zoom)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(self.ZOOMS[0], min(self.ZOOMS[-1], zoom))
        self._scale()

    def step_zoom(self, direction: int) -> None:
        bigger = [z for z in self.ZOOMS if z > self.zoom + 1e-6]
        smaller = [z for z in self.ZOOMS if z < self.zoom - 1e-6]
        if direction > 0 and bigger:
            self.set_zoom(bigger[0])
        elif direction < 0 and smaller:
            self.set_zoom(smaller[-1])

    def _scale(self) -> None:
        width = self.page_width()
        for lab, img in zip(self.pages, self.images):
            lab.setPixmap(QPixmap.fromImage(img.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)))
        self._show_zoom()

    def _show_zoom(self) -> None:
        if hasattr(self, "zoom_label"):
            self.zoom_label.setText(f"{round(self.zoom * 100)}%")
            self.zoom_out_btn.setEnabled(self.zoom > self.ZOOMS[0] + 1e-6)
            self.zoom_in_btn.setEnabled(self.zoom < self.ZOOMS[-1] - 1e-6)

    def resizeEvent(self, e):
        super().resizeEvent(e)
        if self.images:
            self._refit.start()

    def wheelEvent(self, e):
        if e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.step_zoom(1 if e.angleDelta().y() > 0 else -1)
            e.accept()
            return
        super().wheelEvent(e)


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


def print_with_dialog(parent, pdf_path: str, title: str) -> bool:
    """Ask for the printer (A4, full page) and print the document; True when it was sent. A
    printer that fails is said so, with what to do."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from .widgets import show_error

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dlg = QPrintDialog(printer, parent)
    dlg.setWindowTitle(title)
    if not dlg.exec():
        return False
    try:
        print_pdf(pdf_path, printer)
    except OSError as exc:
        show_error(parent, "Không in được", f"{exc}. Hãy kiểm tra máy in rồi thử lại, hoặc lưu PDF để in sau.")
        return False
    return True
