"""Lays out a Document as a Decree 30 PDF with ReportLab platypus."""

from __future__ import annotations

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

from . import blocks as B
from . import charts
from .fonts import font_name, register
from .layout import PAD_X, column_widths

BODY_SIZE = 14
DEFAULT_MARGINS = {"margin_top": 20, "margin_bottom": 20, "margin_left": 30, "margin_right": 15}


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
        name = office.name.strip()
        prefix = "Ủy ban nhân dân"
        if name.lower().startswith(prefix.lower()) and len(name) > len(prefix) + 1:
            add(left, prefix.upper(), bold, 13, self.left_w)
            add(left, name[len(prefix):].strip().upper(), bold, 13, self.left_w, rule="short")
        else:
            add(left, name.upper(), bold, 13, self.left_w, rule="short")
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


class PagedTable(Flowable):
    """A long table laid out one page at a time.

    Cells are plain strings wrapped once with simpleSplit (not Paragraphs), each row's height
    is known before layout, and each page gets its own small Table with the header row: one
    giant Table is quadratic, and Paragraph cells are wrapped again on every split."""

    # A table whose first part would hold fewer rows than this starts on the next page.
    MIN_ROWS = 2

    def __init__(self, header_row, header_h, rows, heights, col_widths, style_cmds, row_styles=None,
                 caption=None):
        super().__init__()
        self.caption = caption  # a Paragraph above the first part: never parted from its table
        self.header_row = header_row
        self.header_h = header_h
        self.rows = rows
        self.heights = heights
        self.col_widths = col_widths
        self.style_cmds = style_cmds
        self.row_styles = row_styles or {}

    def _caption_h(self, aw):
        if self.caption is None:
            return 0.0
        return self.caption.wrap(aw, 10_000)[1] + self.caption.style.spaceAfter

    def wrap(self, aw, ah):
        self._aw = aw
        return sum(self.col_widths), self._caption_h(aw) + self.header_h + sum(self.heights)

    def _table(self, start, end):
        data = [self.header_row] + self.rows[start:end]
        cmds = list(self.style_cmds)
        for i in range(start, end):
            kind = self.row_styles.get(i)
            r = i - start + 1
            if kind == "span":
                cmds += [("SPAN", (0, r), (-1, r)), ("FONTNAME", (0, r), (-1, r), font_name("Bold")),
                         ("BACKGROUND", (0, r), (-1, r), colors.Color(0.93, 0.93, 0.93)),
                         ("ALIGN", (0, r), (-1, r), "LEFT")]
            elif kind == "bold":
                cmds += [("FONTNAME", (0, r), (-1, r), font_name("Bold"))]
        t = Table(data, colWidths=self.col_widths, rowHeights=[self.header_h] + self.heights[start:end])
        t.setStyle(TableStyle(cmds))
        return t

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
        head = [self.caption] if self.caption is not None else []
        if n == len(self.rows):
            return head + [self._table(0, n)]
        rest = PagedTable(self.header_row, self.header_h, self.rows[n:], self.heights[n:], self.col_widths,
                          self.style_cmds, {i - n: v for i, v in self.row_styles.items() if i >= n})
        return head + [self._table(0, n), rest]

    def drawOn(self, canvas, x, y, _sW=0):
        t = self._table(0, len(self.rows))
        _, h = t.wrapOn(canvas, sum(self.col_widths), 1e6)
        t.drawOn(canvas, x, y, _sW)
        if self.caption is not None:
            aw = getattr(self, "_aw", sum(self.col_widths))
            _, ch = self.caption.wrap(aw, 10_000)
            self.caption.drawOn(canvas, x, y + h + self.caption.style.spaceAfter, _sW)


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
            if text and stringWidth(text, font, size) > w - 2 * PAD_X:
                lines = simpleSplit(text, font, size, w - 2 * PAD_X)
                n_lines = max(n_lines, len(lines))
                text = "\n".join(lines)
            cells.append(text)
        rows.append(cells)
        heights.append(n_lines * leading + PAD_TOP + PAD_BOTTOM + 1)
        if font == bold:
            row_styles[i] = "bold"
    amap = {"L": "LEFT", "C": "CENTER", "R": "RIGHT"}
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), reg), ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), leading),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
    ] + [("ALIGN", (c, 1), (c, -1), amap[a]) for c, a in enumerate(aligns)]
    return PagedTable(header_row, header_h, rows, heights, col_w, cmds, row_styles, caption)


def _closing(c: B.Closing, width: float) -> Flowable:
    reg, bold = font_name("Regular"), font_name("Bold")
    left_w, right_w = width * 0.45, width * 0.55
    lab = ParagraphStyle("nn", fontName=font_name("BoldItalic"), fontSize=12, leading=14)
    rec = ParagraphStyle("rc", fontName=reg, fontSize=11, leading=13)
    sig = ParagraphStyle("sg", fontName=bold, fontSize=14, leading=17, alignment=TA_CENTER)
    left = [Paragraph("Nơi nhận:", lab)]
    items = list(c.recipients)
    if not any(x.lower().startswith("lưu") for x in items):
        items.append("Lưu: VT")
    for i, x in enumerate(items):
        end = "." if i == len(items) - 1 else ";"
        left.append(Paragraph(escape("- " + x.rstrip(";.") + end), rec))
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
