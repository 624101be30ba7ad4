"""A small bar chart painted with QPainter (no chart module needed in the executable)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

COLORS = [QColor("#2e7d32"), QColor("#c62828"), QColor("#9e9e9e"), QColor("#1565c0")]


class StackedBars(QWidget):
    """Horizontal stacked bars: one row per category, one segment per series."""

    MAX_ROW = 34  # one objective alone is a bar, not a block filling the box

    def __init__(self, parent=None, empty_text: str = ""):
        super().__init__(parent)
        self.empty_text = empty_text  # said in the box when there is nothing to draw
        self.categories: list[str] = []
        self.series: list[tuple[str, list[int]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, categories, series):
        self.categories, self.series = list(categories), list(series)
        self.updateGeometry()
        self.update()

    def sizeHint(self):
        return QSize(420, 40 + 26 * max(1, len(self.categories)))

    def minimumSizeHint(self):
        return QSize(300, 40 + 22 * max(1, len(self.categories)))

    def row_height(self) -> float:
        return min(self.MAX_ROW, (self.height() - 30) / max(1, len(self.categories)))

    def paintEvent(self, _):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        if not self.categories:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(QRectF(self.rect()).adjusted(12, 12, -12, -12),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            p.end()
            return
        label_w = max([fm.horizontalAdvance(c) for c in self.categories] + [40]) + 12
        w = self.width() - label_w - 16
        totals = [sum(s[1][i] for s in self.series) for i in range(len(self.categories))]
        top = max(totals + [1])
        row_h = self.row_height()
        for i, cat in enumerate(self.categories):
            y = i * row_h + 2
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, label_w - 8, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, cat)
            x = label_w
            for j, (_, vals) in enumerate(self.series):
                seg = w * vals[i] / top
                if seg > 0:
                    p.fillRect(QRectF(x, y + row_h * 0.18, seg, row_h * 0.64), COLORS[j % len(COLORS)])
                    if seg > fm.horizontalAdvance(str(vals[i])) + 4:
                        p.setPen(Qt.GlobalColor.white)
                        p.drawText(QRectF(x, y, seg, row_h), Qt.AlignmentFlag.AlignCenter, str(vals[i]))
                x += seg
        # legend, under the bars
        x = label_w
        y = row_h * len(self.categories) + 8
        for j, (name, _) in enumerate(self.series):
            p.fillRect(QRectF(x, y + 4, 12, 12), COLORS[j % len(COLORS)])
            p.setPen(self.palette().text().color())
            p.drawText(int(x + 16), int(y + 15), name)
            x += fm.horizontalAdvance(name) + 40
        p.end()
