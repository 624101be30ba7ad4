"""Lays out a Document as a Word file (python-docx) with the same page, header and tables,
so the officer can edit before signing."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as NewDocx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from ..domain.decree30 import DEFAULT_MARGINS
from . import blocks as B
from . import charts
from .common import issuing_body_lines, recipient_lines
from .fonts import word_font_name
from .layout import PAD_X, column_widths

ALIGN = {"L": WD_ALIGN_PARAGRAPH.LEFT, "C": WD_ALIGN_PARAGRAPH.CENTER, "R": WD_ALIGN_PARAGRAPH.RIGHT}


def _font(run, size=14, bold=False, italic=False):
    run.font.name = word_font_name()
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    _all_scripts(run._element.get_or_add_rPr())


def _all_scripts(rpr):
    """Name the font for every script slot, so Word never substitutes one for Vietnamese."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), word_font_name())


def _cell_style(doc, size: float):
    """One paragraph style per table font size: formatting every run separately is slow."""
    from docx.enum.style import WD_STYLE_TYPE

    name = f"Ô bảng {size:g}"
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.name = word_font_name()
        style.font.size = Pt(size)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.first_line_indent = Pt(0)
        _all_scripts(style.element.get_or_add_rPr())
        return style


def _para(container, text="", size=14, bold=False, italic=False, align=None, indent=True,
          after=6, before=0, keep_next=False):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    fmt.line_spacing = 1.15
    if indent:
        fmt.first_line_indent = Mm(10)
    fmt.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.keep_with_next = keep_next
    if text:
        _font(p.add_run(text), size, bold, italic)
    return p


# w:pPr's children that the schema puts after w:pBdr
_PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                   "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                   "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                   "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                   "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _bottom_border(paragraph):
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    # in the place the schema gives it among the paragraph's properties
    ppr.insert_element_before(borders, *_PPR_AFTER_PBDR)


# w:tblPr's children in the order the schema requires (Word refuses a file that mixes them up).
_TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
                "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"]


def _put_in_tblpr(tbl_pr, el):
    name = el.tag.split("}")[1]
    later = set(_TBLPR_ORDER[_TBLPR_ORDER.index(name) + 1:])
    for child in tbl_pr:
        if child.tag.split("}")[1] in later:
            child.addprevious(el)
            return
    tbl_pr.append(el)


def _no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    _put_in_tblpr(tbl_pr, borders)


def _set_widths(table, widths, cells=True):
    """Word and LibreOffice read the grid columns, not only the cells: set both (a long
    table's cells get their widths as they are made: row.cells is slow)."""
    table.autofit = False
    for col, w in zip(table.columns, widths):
        col.width = w
    if cells:
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = w


def _repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row):
    """A row is never cut across two pages, as in the PDF."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.insert(0, el)


def _cell_margins(table, side_pt: float):
    """Cell margins as the PDF's padding, so the same widths hold the same text."""
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for edge, pt in (("top", 1.5), ("left", side_pt), ("bottom", 2), ("right", side_pt)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(pt * 20)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    _put_in_tblpr(tbl_pr, mar)


def _cell_text(cell, text, size=11, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.LEFT, style=None):
    p = cell.paragraphs[0]
    if style is not None:
        p._p.style = style.style_id  # by id: assigning the style object searches all styles
        p.alignment = align
        if text:
            run = p.add_run(text)
            if bold:
                run.bold = True
        return p
    p.paragraph_format.alignment = align
    p.paragraph_format.space_after = Pt(0)
    if text:
        _font(p.add_run(text), size, bold, italic)
    return p


def _rule_paragraph(cell, text, size, bold, rule_width_mm):
    """A centred line of text with a short rule under it (a tiny centred paragraph with a border)."""
    _cell_add(cell, text, size, bold)
    p = cell.add_paragraph()
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(4)
    width = cell.width or Mm(60)
    side = max(0, (width - Mm(rule_width_mm)) // 2)
    p.paragraph_format.left_indent = side
    p.paragraph_format.right_indent = side
    _font(p.add_run(""), 2)
    _bottom_border(p)


def _cell_add(cell, text, size, bold=False, italic=False):
    p = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 and not cell.paragraphs[0].runs else cell.add_paragraph()
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    _font(p.add_run(text), size, bold, italic)
    return p


def _header(doc, h: B.Header, width):
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    t.autofit = False
    left, right = t.rows[0].cells
    _set_widths(t, [int(width * 0.38), int(width * 0.62)])
    _cant_split(t.rows[0])
    office = h.office
    if office.parent_body:
        _cell_add(left, office.parent_body.upper(), 13)
    *upper, last = issuing_body_lines(office)
    for line in upper:
        _cell_add(left, line, 13, True)
    _rule_paragraph(left, last, 13, True, 20)
    _cell_add(left, h.number, 13)
    _cell_add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True)
    _rule_paragraph(right, "Độc lập - Tự do - Hạnh phúc", 14, True, 58)
    _cell_add(right, h.date_line, 14, italic=True)
    _para(doc, "", after=6)


def _table(doc, t: B.Table, width):
    if t.caption:
        _para(doc, t.caption, 12, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
              after=3, keep_next=True)
    table = doc.add_table(rows=1, cols=len(t.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_margins(table, PAD_X)
    # The PDF's column widths: no number, date or header word broken inside a cell.
    widths = [int(Pt(w)) for w in column_widths(t, Emu(width).pt)]
    aligns = t.align or ["L"] * len(t.header)
    for i, text in enumerate(t.header):
        cell = table.rows[0].cells[i]
        cell.width = widths[i]
        _cell_text(cell, text, t.font_size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_header(table.rows[0])
    _cant_split(table.rows[0])
    last = len(t.rows) - 1
    style = _cell_style(doc, t.font_size)
    for r_i, row in enumerate(t.rows):
        new = table.add_row()
        _cant_split(new)
        cells = new.cells
        if r_i in t.group_rows:
            merged = cells[0].merge(cells[-1])
            _cell_text(merged, str(row[0]), bold=True, style=style)
            continue
        bold = t.total_row and r_i == last
        for i, v in enumerate(row):
            cells[i].width = widths[i]
            _cell_text(cells[i], B.cell_text(v), bold=bold, align=ALIGN[aligns[i]], style=style)
    _set_widths(table, widths, cells=False)
    _para(doc, "", after=0)


def _chart(doc, c: B.Chart, width):
    """The PDF's chart as a picture (its figures are in the tables next to it)."""
    p = _para(doc, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    p.add_run().add_picture(io.BytesIO(charts.png(c, Emu(width).pt)), width=width)


def _closing(doc, c: B.Closing, width):
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    left, right = t.rows[0].cells
    _set_widths(t, [int(width * 0.45), int(width * 0.55)])
    p = left.paragraphs[0]
    _font(p.add_run("Nơi nhận:"), 12, True, True)
    for line in recipient_lines(c.recipients):
        q = left.add_paragraph()
        q.paragraph_format.space_after = Pt(0)
        _font(q.add_run(line), 11)
    # Always printed; with no name set the name line is left to be written by hand.
    s = c.signer
    for line in (s.authority, s.on_behalf, s.title):
        if line:
            _cell_add(right, line.upper(), 14, True)
    for _ in range(4):
        _cell_add(right, "", 14)
    _cell_add(right, s.name or "", 14, True)
    _cant_split(t.rows[0])
    # keep the closing on one page
    for cell in (left, right):
        for par in cell.paragraphs:
            par.paragraph_format.keep_with_next = True
            par.paragraph_format.keep_together = True


def _page_numbers_from_page_2(section):
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    _font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def render_docx(doc: B.Document, out_path) -> None:
    m = {**DEFAULT_MARGINS, **(doc.margins_mm or {})}
    d = NewDocx()
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(m["margin_top"]), Mm(m["margin_bottom"])
    sec.left_margin, sec.right_margin = Mm(m["margin_left"]), Mm(m["margin_right"])
    sec.header_distance = Mm(max(5, m["margin_top"] / 2 - 3))
    _page_numbers_from_page_2(sec)
    style = d.styles["Normal"]
    style.font.name = word_font_name()
    style.font.size = Pt(14)
    d.core_properties.title = doc.title
    # python-docx's template names itself as author: the file is the office's, not a library's.
    d.core_properties.author = ""
    d.core_properties.last_modified_by = ""
    d.core_properties.comments = ""
    width = sec.page_width - sec.left_margin - sec.right_margin
    for blk in doc.blocks:
        if isinstance(blk, B.Header):
            _header(d, blk, width)
        elif isinstance(blk, B.Title):
            _para(d, blk.kind, 14, True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0)
            p = _para(d, blk.subject, 14, True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0)
            p.paragraph_format.keep_with_next = True
            rule = _para(d, "", 4, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=10)
            rule.paragraph_format.left_indent = int(width * 0.39)
            rule.paragraph_format.right_indent = int(width * 0.39)
            _bottom_border(rule)
            if blk.note:
                _para(d, blk.note, 14, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        elif isinstance(blk, B.Para):
            bold = blk.style in ("h1", "h2", "center")
            italic = blk.style in ("h3", "note")
            center = blk.style in ("center", "note")
            p = _para(d, "", align=WD_ALIGN_PARAGRAPH.CENTER if center else None,
                      indent=not center and blk.style != "plain", keep_next=blk.style.startswith("h"))
            if blk.bold_lead:
                _font(p.add_run(blk.bold_lead), 14, True)
            _font(p.add_run(blk.text), 14, bold, italic)
        elif isinstance(blk, B.Table):
            _table(d, blk, width)
        elif isinstance(blk, B.Chart):
            _chart(d, blk, width)
        elif isinstance(blk, B.Closing):
            # the closing sentence goes with the signature block, never alone on its page
            if d.paragraphs:
                d.paragraphs[-1].paragraph_format.keep_with_next = True
            _closing(d, blk, width)
        elif isinstance(blk, B.PageBreak):
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # Built in memory, then written: on a full disk the zip writer would otherwise fail while
    # closing and complain again when collected.
    buf = io.BytesIO()
    d.save(buf)
    Path(out_path).write_bytes(buf.getvalue())
