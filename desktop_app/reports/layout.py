"""Layout rules both copies of a document follow (PDF and Word): column widths in which no
number, date or word of a header is broken inside a cell."""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

from . import blocks as B
from .fonts import font_name, register

PAD_X = 4  # points each side of a cell's text (the Word copy sets the same cell margins)
# Numbers, dates, percentages and short codes: one unbreakable piece each.
_WHOLE = re.compile(r"^[\d.,/%≥≤+\-\s]*$")


def _needed(text: str, font: str, size: float, whole: bool) -> float:
    if not text:
        return 0.0
    if whole:
        return stringWidth(text, font, size)
    return max(stringWidth(w, font, size) for w in text.split())


def column_widths(t: B.Table, width: float) -> list[float]:
    """The table's relative widths scaled to `width` points, then each column widened to hold
    its longest unbreakable piece (a header word, a whole number or date), the room taken from
    columns that have some to spare."""
    register()
    reg, bold = font_name("Regular"), font_name("Bold")
    size = t.font_size
    total = sum(t.widths)
    cols = [width * w / total for w in t.widths]
    need = []
    for c in range(len(t.header)):
        n = _needed(t.header[c], bold, size, False)
        for i, row in enumerate(t.rows):
            if i in t.group_rows or c >= len(row):
                continue
            v = row[c]
            text = B.cell_text(v)
            if isinstance(v, str) and not _WHOLE.match(text):
                continue  # running text wraps between words
            font = bold if (t.total_row and i == len(t.rows) - 1) else reg
            n = max(n, _needed(text, font, size, True))
        need.append(n + 2 * PAD_X + 1.5)
    if sum(need) >= width:  # cannot satisfy all: keep the proportions
        return cols
    short = sum(max(0.0, n - w) for n, w in zip(need, cols))
    if short <= 0:
        return cols
    spare = [max(0.0, w - n) for n, w in zip(need, cols)]
    room = sum(spare)
    return [max(n, w) if n > w else w - short * s / room for n, w, s in zip(need, cols, spare)]
