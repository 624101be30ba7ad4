"""The year's activities, targets and tasks as an Excel workbook (openpyxl), with the report's
tables as sheets of their own: real numbers and dates, a frozen header row, and every sheet set
to print on A4 landscape, one page wide, its header row repeated on every page.

Every text a user typed is written as a plain text cell: a title such as "=1+1" or
"-Tuyên truyền" shows as typed and is never evaluated by Excel or LibreOffice."""

from __future__ import annotations

from pathlib import Path

from ..domain.activity_fields import BY_NAME, HEADERS, SHEET_ORDER
from ..domain.model import ACTIVITY_TYPES, BUDGET_SOURCES, OBJECTIVES, TASK_STATUSES
from ..domain.rules import target_verdict
from ..domain.summary import Figures
from ..fileio import write_atomic
from . import blocks as B

DATE_FMT = "DD/MM/YYYY"
INT_FMT = "#,##0"
WRAP_FROM = 20  # columns at least this wide hold running text: wrap it
# What a spreadsheet might read as the start of a formula: such text also gets Excel's quote
# prefix, so that editing the cell later keeps it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def put(cell, value) -> None:
    """Write a value; text always as a text cell (openpyxl makes any str starting with "=" a
    formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True


LINE_PT = 15.5  # one line of 12 pt Times New Roman


def _lines(text, width: float) -> int:
    """How many lines a text takes in a column `width` characters wide, wrapped at spaces
    (a column width counts digits of the default font: about one Vietnamese letter each)."""
    if not isinstance(text, str) or not text:
        return 1
    room = max(1.0, width * 1.2 - 1)  # Times New Roman is narrower than the digits of Calibri
    lines, used = 1, 0.0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size > room:
            lines, used = lines + 1 + int(size // room), size % room
        else:
            used += (1 if used else 0) + size
    return lines


def _print_setup(ws, title: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.print_title_rows = "1:1"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddHeader.center.text = title
    ws.oddHeader.center.size = 12
    ws.oddFooter.center.text = "Trang &P/&N"


def _sheet(wb, title, header, rows, widths, formats=None, first=False, total_row=False,
           group_rows=(), caption=None, aligns=None):
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    thin = Side(style="thin")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    head_font = Font(bold=True, name="Times New Roman", size=12)
    body_font = Font(name="Times New Roman", size=12)
    bold_font = Font(name="Times New Roman", size=12, bold=True)
    for c, text in enumerate(header, 1):
        cell = ws.cell(row=1, column=c)
        put(cell, text)
        cell.font = head_font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    formats = formats or {}
    wrap = {c for c, w in enumerate(widths, 1) if w >= WRAP_FROM}
    halign = {"L": "left", "C": "center", "R": "right"}
    last = len(rows) - 1
    for i, row in enumerate(rows):
        r = i + 2
        font = bold_font if (total_row and i == last) or i in group_rows else body_font
        if i in group_rows:
            put(ws.cell(row=r, column=1), row[0])
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(header))
            ws.cell(row=r, column=1).font = font
            ws.cell(row=r, column=1).border = border
            continue
        for c, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=c)
            put(cell, value)
            cell.font = font
            cell.border = border
            if c in formats:
                cell.number_format = formats[c]
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.number_format = INT_FMT if float(value).is_integer() else "#,##0.##"
            h = halign.get(aligns[c - 1]) if aligns and c <= len(aligns) else None
            cell.alignment = Alignment(wrap_text=c in wrap, vertical="top", horizontal=h)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    # Row heights from the wrapped text: neither LibreOffice nor a printout grows a row that the
    # file gives no height, and wrapped lines would print over the next row.
    ws.row_dimensions[1].height = LINE_PT * max(_lines(h, w) for h, w in zip(header, widths))
    for i, row in enumerate(rows):
        if i in group_rows:
            continue
        n = max([_lines(v, widths[c]) for c, v in enumerate(row) if c + 1 in wrap and isinstance(v, str)] + [1])
        if n > 1:
            ws.row_dimensions[i + 2].height = LINE_PT * n
    ws.freeze_panes = "A2"
    if not total_row and not group_rows:
        ws.auto_filter.ref = ws.dimensions
    _print_setup(ws, caption or title)
    return ws


def _table_sheet(wb, t: B.Table) -> None:
    """A table of the report as a sheet: the printed table's columns, numbers as numbers."""
    # Excel column widths are in characters: about 1.1 per point of the printed share.
    total = sum(t.widths)
    widths = [max(8.0, round(150 * w / total, 1)) for w in t.widths]
    caption = t.caption or t.sheet
    _sheet(wb, sheet_name(t), t.header, t.rows, widths, total_row=t.total_row,
           group_rows=set(t.group_rows), caption=caption, aligns=t.align)


def sheet_cell(a, f, units: dict[str, str]):
    """An activity's field as the exported sheet shows it: names for codes, real dates and numbers
    (read back by store/activity_sheet.py)."""
    v = getattr(a, f.name)
    if f.kind == "type":
        return ACTIVITY_TYPES.get(v, v)
    if f.kind == "unit":
        return units.get(v, v)
    if f.kind == "units":
        return ", ".join(units.get(p, p) for p in v)
    if f.kind == "source":
        return BUDGET_SOURCES.get(v) if v else None
    return v


def sheet_name(t: B.Table) -> str:
    """'Bảng 1 - Theo loại': the number the printed report gives the table, then its short name."""
    number = t.caption.split(".")[0] if t.caption and t.caption.startswith("Bảng ") else None
    return (f"{number} - {t.sheet}" if number else t.sheet)[:31]


def write_xlsx(out: str | Path, figures: Figures, units: dict[str, str], tables=()) -> Path:
    """`tables`: the report's tables (blocks.Table with a `sheet` name), each added as a sheet."""
    from openpyxl import Workbook

    wb = Workbook()
    acts = figures.activities
    # The first sheet is the raw list, read back by store/activity_sheet.py: header in row 1.
    _sheet(wb, "Hoạt động",
           [*(HEADERS[n] for n in SHEET_ORDER[:-1]), "Tháng hành động", HEADERS["notes"]],
           [[*(sheet_cell(a, BY_NAME[n], units) for n in SHEET_ORDER[:-1]),
             "Có" if figures.window[0] <= a.start <= figures.window[1] else "", a.notes]
            for a in acts],
           [14, 12, 12, 50, 18, 24, 28, 30, 10, 10, 8, 8, 10, 8, 10, 8, 10, 14, 20, 10, 24],
           {c: DATE_FMT if BY_NAME[n].kind == "date" else INT_FMT
            for c, n in enumerate(SHEET_ORDER, 1) if BY_NAME[n].kind in ("date", "count", "count0", "money")},
           first=True,
           caption="Danh sách các hoạt động")
    _sheet(wb, "Chỉ tiêu",
           ["Mã", "Mục tiêu", "Chỉ tiêu", "Loại", "Đơn vị tính", "So sánh", "Kế hoạch", "Năm trước",
            "6 tháng", "Cả năm", "Đạt (định tính)", "Đánh giá 6 tháng", "Đánh giá cả năm",
            "Đơn vị chủ trì", "Ghi chú"],
           [[r.target.code, OBJECTIVES[r.objective], r.target.text,
             "Định lượng" if r.target.kind == "numeric" else "Định tính", r.target.unit,
             r.target.comparison, r.target.target, r.target.baseline, r.target.actual_mid_year,
             r.target.actual, None if r.target.achieved is None else ("Có" if r.target.achieved else "Không"),
             target_verdict(r.target, "mid_year"), target_verdict(r.target, "year"),
             units.get(r.target.lead, r.target.lead), r.target.note]
            for r in figures.target_rows],
           [10, 36, 60, 12, 14, 8, 10, 10, 10, 10, 12, 16, 16, 28, 24],
           {7: "0.##", 8: "0.##", 9: "0.##", 10: "0.##"}, caption="Các chỉ tiêu")
    _sheet(wb, "Nhiệm vụ",
           ["Mã", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Chỉ tiêu liên quan",
            "Bắt đầu", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành", "Quá hạn", "Kết quả"],
           [[t.code, t.content, units.get(t.lead, t.lead), ", ".join(units.get(p, p) for p in t.partners),
             ", ".join(t.targets), t.start, t.due, TASK_STATUSES.get(t.status, t.status),
             t.completed_on, "Quá hạn" if t in figures.overdue else "", t.result]
            for t in figures.tasks],
           [10, 70, 28, 36, 18, 12, 14, 16, 14, 10, 30],
           {6: DATE_FMT, 7: DATE_FMT, 9: DATE_FMT}, caption="Các nhiệm vụ")
    names = set(wb.sheetnames)
    for t in tables:
        if t.sheet and sheet_name(t) not in names:
            names.add(sheet_name(t))
            _table_sheet(wb, t)
    return write_atomic(out, lambda p: save_workbook(wb, p))


def save_workbook(wb, path) -> None:
    """Built in memory, then written: on a full disk openpyxl's zip writer would otherwise fail
    while closing and complain again when collected."""
    import io
    from pathlib import Path

    buf = io.BytesIO()
    wb.save(buf)
    Path(path).write_bytes(buf.getvalue())
