"""Lays out a Document as a Decree 30 PDF with ReportLab platypus."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.decree30 import DEFAULT_MARGINS
from . import blocks as B
from . import charts
from .common import issuing_body_lines, recipient_lines
from .fonts import font_name, register
from .layout import PAD_X, column_widths

BODY_SIZE = 14


def _styles() -> dict[str, ParagraphStyle]:
    fam = register()
    base = ParagraphStyle("body", fontName=fam, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.25,
                          alignment=TA_JUSTIFY, firstLineIndent=10 * mm,  # Decree 30: 1-1.27 cm
                          spaceBefore=0, spaceAfter=6)
    return {
        "body": base,
        "item": ParagraphStyle("item", parent=base),
        "h1": ParagraphStyle("h1", parent=base, fontName=font_name("Bold"), firstLineIndent=10 * mm,
                             spaceBefore=6, keepWithNext=1, alignment=TA_LEFT),
        "h2": ParagraphStyle("h2", parent=base, fontName=font_name("Bold"), keepWithNext=1,
                             alignment=TA_JUSTIFY),
        "h3": ParagraphStyle("h3", parent=base, fontName=font_name("BoldItalic"), keepWithNext=1),
        "plain": ParagraphStyle("plain", parent=base, firstLineIndent=0),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER, firstLineIndent=0,
                                 fontName=font_name("Bold"), keepWithNext=1),
        "note": ParagraphStyle("note", parent=base, alignment=TA_CENTER, firstLineIndent=0,
                               fontName=font_name("Italic")),
        "cell": ParagraphStyle("cell", fontName=fam, fontSize=11, leading=13, alignment=TA_LEFT),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


class HeaderBlock(Flowable):
    """The two-column header: issuing body with its rule and number; motto with its rule and
    the place and date. Drawn directly so the rules sit exactly under their lines."""

    def __init__(self, header: B.Header, width: float):
        super().__init__()
        self.h = header
        self.width = width
        self.left_w = width * 0.38
        self.right_w = width - self.left_w
        self._lines = self._layout()
        self.height = max(sum(x[3] for x in col) for col in self._lines) + 4

    def _layout(self):
        reg, bold, ital = font_name("Regular"), font_name("Bold"), font_name("Italic")
        left, right = [], []  # (text, font, size, advance, rule_after)

        def add(col, text, font, size, width, rule=None):
            # simpleSplit folds no-break spaces (the blanks left for handwriting): only wrap
            # lines that do not fit.
            if stringWidth(text, font, size) <= width - 4:
                lines = [text]
            else:
                lines = simpleSplit(text, font, size, width - 4)
            for i, line in enumerate(lines):
                col.append((line, font, size, size * 1.2, rule if i == len(lines) - 1 else None))

        office = self.h.office
        if office.parent_body:
            add(left, office.parent_body.upper(), reg, 13, self.left_w)
        lines = issuing_body_lines(office)
        for i, line in enumerate(lines):
            add(left, line, bold, 13, self.left_w, rule="short" if i == len(lines) - 1 else None)
        left.append(("", reg, 13, 6, None))
        add(left, self.h.number, reg, 13, self.left_w)
        add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 13, self.right_w)
        add(right, "Độc lập - Tự do - Hạnh phúc", bold, 14, self.right_w, rule="full")
        right.append(("", reg, 13, 6, None))
        add(right, self.h.date_line, ital, 14, self.right_w)
        return left, right

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        c = self.canv
        for col, x0, w in ((self._lines[0], 0, self.left_w), (self._lines[1], self.left_w, self.right_w)):
            y = self.height
            cx = x0 + w / 2
            for text, font, size, adv, rule in col:
                y -= adv
                if text:
                    c.setFont(font, size)
                    c.drawCentredString(cx, y + 0.2 * size, text)
                if rule:
                    tw = stringWidth(text, font, size)
                    rw = tw * 0.4 if rule == "short" else tw
                    c.setLineWidth(0.6)
                    c.line(cx - rw / 2, y - 1.5, cx + rw / 2, y - 1.5)
                    y -= 4


class CenteredRule(Flowable):
    def __init__(self, width_pt: float):
        super().__init__()
        self.rule_w = width_pt

    def wrap(self, aw, ah):
        self._aw = aw
        return aw, 8

    def draw(self):
        self.canv.setLineWidth(0.6)
        x = (self._aw - self.rule_w) / 2
        self.canv.line(x, 6, x + self.rule_w, 6)


@dataclass
class TableLook:
    """How a PagedTable's cells are drawn."""

    regular: str
    bold: str
    size: float
    leading: float
    aligns: list[str]  # per column: L | C | R
    grid: float = 0.5


class PagedTable(Flowable):
    """A table laid out one page at a time and drawn straight onto the canvas.

    Cells are plain strings wrapped once with simpleSplit (not Paragraphs), so each row's height
    is known before layout; a page's part is drawn as one text object plus its rules. A platypus
    Table per page costs a text object, a width and a state save per cell, which for the
    appendix of a big year is most of the time spent on the whole report."""

    # A table whose first part would hold fewer rows than this starts on the next page.
    MIN_ROWS = 2

    def __init__(self, header_row, header_h, rows, heights, col_widths, look: TableLook, row_styles=None,
                 caption=None):
        super().__init__()
        self.hAlign = "CENTER"  # as wide as the text between the margins, like the paragraphs' frame
        self.caption = caption  # a Paragraph above the first part: never parted from its table
        self.header_row = header_row  # Paragraphs
        self.header_h = header_h
        self.rows = rows
        self.heights = heights
        self.col_widths = col_widths
        self.look = look
        self.row_styles = row_styles or {}

    def _caption_h(self, aw):
        if self.caption is None:
            return 0.0
        return self.caption.wrap(aw, 10_000)[1] + self.caption.style.spaceAfter

    def wrap(self, aw, ah):
        self._aw = aw
        return sum(self.col_widths), self._caption_h(aw) + self.header_h + sum(self.heights)

    def _part(self, start, end, caption=None):
        return PagedTable(self.header_row, self.header_h, self.rows[start:end], self.heights[start:end],
                          self.col_widths, self.look,
                          {i - start: v for i, v in self.row_styles.items() if start <= i < end}, caption)

    def split(self, aw, ah):
        # The table starts where the text ends and goes on over the next pages, its header row
        # repeated; only when too little of it fits here does it start on the next page.
        room = ah - self.header_h - self._caption_h(aw)
        n, used = 0, 0.0
        while n < len(self.rows) and used + self.heights[n] <= room:
            used += self.heights[n]
            n += 1
        if n < min(self.MIN_ROWS, len(self.rows)):
            return []
        if 0 < len(self.rows) - n < self.MIN_ROWS:  # nor does its last part hold a row alone
            n = max(self.MIN_ROWS, len(self.rows) - self.MIN_ROWS)
            if n >= len(self.rows) or n < self.MIN_ROWS:
                return []
        while n < len(self.rows) and n > 1 and self.row_styles.get(n - 1) == "span":
            n -= 1  # a group's heading row goes over with the group's rows
        if n == len(self.rows):
            return [self]
        return [self._part(0, n, self.caption), self._part(n, len(self.rows))]

    def drawOn(self, canvas, x, y, _sW=0):
        body_h = self.header_h + sum(self.heights)
        if self.caption is not None:
            aw = getattr(self, "_aw", sum(self.col_widths))
            self.caption.wrap(aw, 10_000)
            self.caption.drawOn(canvas, x, y + body_h + self.caption.style.spaceAfter, _sW)
        self._draw(canvas, self._hAlignAdjust(x, _sW), y + body_h)

    def _draw(self, c, x0, top):
        look = self.look
        widths = self.col_widths
        total_w = sum(widths)
        edges = [x0]
        for w in widths:
            edges.append(edges[-1] + w)
        c.saveState()
        # header: bold centred Paragraphs, each centred vertically in its cell
        for p, left, w in zip(self.header_row, edges, widths):
            _, h = p.wrap(w - 2 * PAD_X, 10_000)
            p.drawOn(c, left + PAD_X, top - self.header_h / 2 - h / 2)
        # the rows' backgrounds (group rows), then their text as one text object
        ys = [top - self.header_h]
        for h in self.heights:
            ys.append(ys[-1] - h)
        for i, kind in self.row_styles.items():
            if kind == "span":
                c.setFillColor(colors.Color(0.93, 0.93, 0.93))
                c.rect(x0, ys[i + 1], total_w, self.heights[i], stroke=0, fill=1)
        c.setFillColor(colors.black)
        text = c.beginText()
        size, leading = look.size, look.leading
        current = None
        for i, row in enumerate(self.rows):
            kind = self.row_styles.get(i)
            font = look.bold if kind in ("span", "bold") else look.regular
            if font != current:
                text.setFont(font, size, leading)
                current = font
            mid = (ys[i] + ys[i + 1]) / 2
            cells = [(row[0], x0, total_w, "L")] if kind == "span" else zip(row, edges, widths, look.aligns)
            for value, left, w, align in cells:
                if not value:
                    continue
                lines = value.split("\n")
                # baseline of the first line: the block of lines centred on the row's middle
                base = mid + (len(lines) * leading) / 2 - leading + (leading - size) / 2 + size * 0.22
                for k, line in enumerate(lines):
                    if align == "L":
                        tx = left + PAD_X
                    else:
                        lw = stringWidth(line, font, size)
                        tx = left + w - PAD_X - lw if align == "R" else left + (w - lw) / 2
                    text.setTextOrigin(tx, base - k * leading)
                    text.textOut(line)
        c.drawText(text)
        # rules: every row's bottom across the table, column rules except through group rows
        c.setLineWidth(look.grid)
        c.setStrokeColor(colors.black)
        path = c.beginPath()
        for yy in [top] + ys:
            path.moveTo(x0, yy)
            path.lineTo(x0 + total_w, yy)
        bottom = ys[-1]
        for k, xx in enumerate(edges):
            if k in (0, len(edges) - 1) or not self.row_styles:
                path.moveTo(xx, top)
                path.lineTo(xx, bottom)
                continue
            path.moveTo(xx, top)
            path.lineTo(xx, ys[0])
            for i in range(len(self.rows)):
                if self.row_styles.get(i) != "span":
                    path.moveTo(xx, ys[i])
                    path.lineTo(xx, ys[i + 1])
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()


PAD_TOP, PAD_BOTTOM = 2, 3


def _table(t: B.Table, width: float, st, caption=None) -> Flowable:
    col_w = column_widths(t, width)
    size = t.font_size
    leading = size * 1.18
    reg, bold = font_name("Regular"), font_name("Bold")
    head = ParagraphStyle("h", parent=st["cell"], fontName=bold, fontSize=size, leading=leading,
                          alignment=TA_CENTER)
    header_row = [_p(h, head) for h in t.header]
    header_h = max(p.wrap(w - 2 * PAD_X, 10_000)[1] for p, w in zip(header_row, col_w)) + PAD_TOP + PAD_BOTTOM + 2
    aligns = t.align or ["L"] * len(t.header)
    rows, heights, row_styles = [], [], {}
    last = len(t.rows) - 1
    widths: dict[tuple[str, str], float] = {}  # many cells repeat (units, dates, small numbers)
    for i, r in enumerate(t.rows):
        if i in t.group_rows:
            lines = simpleSplit(str(r[0]), bold, size, width - 2 * PAD_X)
            rows.append(["\n".join(lines)] + [""] * (len(t.header) - 1))
            heights.append(len(lines) * leading + PAD_TOP + PAD_BOTTOM + 1)
            row_styles[i] = "span"
            continue
        font = bold if (t.total_row and i == last) else reg
        cells, n_lines = [], 1
        for v, w in zip(r, col_w):
            text = B.cell_text(v)
            if text:
                tw = widths.get((text, font))
                if tw is None:
                    tw = widths[(text, font)] = stringWidth(text, font, size)
                if tw > w - 2 * PAD_X:
                    lines = simpleSplit(text, font, size, w - 2 * PAD_X)
                    n_lines = max(n_lines, len(lines))
                    text = "\n".join(lines)
            cells.append(text)
        rows.append(cells)
        heights.append(n_lines * leading + PAD_TOP + PAD_BOTTOM + 1)
        if font == bold:
            row_styles[i] = "bold"
    look = TableLook(reg, bold, size, leading, aligns)
    return PagedTable(header_row, header_h, rows, heights, col_w, look, row_styles, caption)


def _closing(c: B.Closing, width: float) -> Flowable:
    reg, bold = font_name("Regular"), font_name("Bold")
    left_w, right_w = width * 0.45, width * 0.55
    lab = ParagraphStyle("nn", fontName=font_name("BoldItalic"), fontSize=12, leading=14)
    rec = ParagraphStyle("rc", fontName=reg, fontSize=11, leading=13)
    sig = ParagraphStyle("sg", fontName=bold, fontSize=14, leading=17, alignment=TA_CENTER)
    left = [Paragraph("Nơi nhận:", lab)]
    for line in recipient_lines(c.recipients):
        left.append(Paragraph(escape(line), rec))
    # Always printed: with no name set, the room for the signature and seal stays and the name
    # is written by hand under it.
    right = []
    s = c.signer
    for line in (s.authority, s.on_behalf, s.title):
        if line:
            right.append(Paragraph(escape(line.upper()), sig))
    right.append(Spacer(1, 28 * mm))
    right.append(Paragraph(escape(s.name or "") or "&nbsp;", sig))
    t = Table([[left, right]], colWidths=[left_w, right_w])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("FONTNAME", (0, 0), (-1, -1), reg)]))
    return t


def render_pdf(doc: B.Document, out_path) -> None:
    st = _styles()
    m = {**DEFAULT_MARGINS, **(doc.margins_mm or {})}
    page_w, page_h = A4
    width = page_w - (m["margin_left"] + m["margin_right"]) * mm

    def later_pages(canvas, _doc):
        canvas.saveState()
        canvas.setFont(font_name("Regular"), 13)
        canvas.drawCentredString(m["margin_left"] * mm + width / 2,
                                 page_h - m["margin_top"] * mm / 2 - 4, str(canvas.getPageNumber()))
        canvas.restoreState()

    story: list = []
    items = doc.blocks
    for blk in items:
        if isinstance(blk, B.Header):
            story += [HeaderBlock(blk, width), Spacer(1, 8 * mm)]
        elif isinstance(blk, B.Title):
            t = ParagraphStyle("t", parent=st["center"], fontSize=14, leading=17, spaceAfter=0)
            story.append(_p(blk.kind, t))
            story.append(_p(blk.subject, t))
            story.append(CenteredRule(width * 0.22))
            if blk.note:
                story.append(_p(blk.note, st["note"]))
            story.append(Spacer(1, 4 * mm))
        elif isinstance(blk, B.Para):
            text = escape(blk.text)
            if blk.bold_lead:
                text = f"<font name='{font_name('Bold')}'>{escape(blk.bold_lead)}</font>{text}"
            story.append(Paragraph(text, st.get(blk.style, st["body"])))
        elif isinstance(blk, B.Table):
            caption = None
            if blk.caption:
                cap = ParagraphStyle("cap", parent=st["note"], fontSize=12, alignment=TA_CENTER, spaceAfter=3)
                caption = _p(blk.caption, cap)
            story.append(_table(blk, width, st, caption))
            story.append(Spacer(1, 6))
        elif isinstance(blk, B.Chart):
            story.append(KeepTogether([charts.drawing(blk, width), Spacer(1, 6)]))
        elif isinstance(blk, B.Closing):
            # The closing never stands alone at the top of a page: it takes the last paragraph.
            prev = story.pop() if story and isinstance(story[-1], Paragraph) else None
            story.append(KeepTogether(([prev] if prev else []) + [Spacer(1, 4 * mm), _closing(blk, width)]))
        elif isinstance(blk, B.PageBreak):
            story.append(PageBreak())

    pdf = SimpleDocTemplate(
        str(out_path), pagesize=A4, leftMargin=m["margin_left"] * mm,
        rightMargin=m["margin_right"] * mm, topMargin=m["margin_top"] * mm,
        bottomMargin=m["margin_bottom"] * mm, title=doc.title, author="", creator="Bình đẳng giới",
        initialFontName=font_name("Regular"), initialFontSize=BODY_SIZE,
    )
    pdf.build(story, onLaterPages=later_pages)
