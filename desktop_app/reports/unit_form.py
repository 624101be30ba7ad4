"""A unit's form (phiếu số liệu): an .xlsx the unit fills in with its activities of the year.

It opens in Excel with the unit's name and code, the year, the tasks the unit leads or joins,
a short instruction, then the activity table under the exported "Hoạt động" sheet's headers,
with drop-down lists and cells formatted for dates and numbers. The importer finds the table by
its header row and the unit by the "Mã đơn vị:" cell above it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain.activity_fields import BY_NAME, FORM_ORDER, HEADERS
from ..domain.model import ACTIVITY_TYPES, BUDGET_SOURCES, Deadline, Office, Task, Unit
from ..domain.numbers import fmt_date
from ..domain.text import safe_file_name, sort_key
from ..fileio import write_atomic
from .xlsx_export import DATE_FMT, INT_FMT

# (header as on the exported sheet, width, kind): kind says how a cell is checked and formatted.
# Headers come from the one table of activity fields; the widths are the form's own.
_WIDTHS = {"title": 42, "type": 20, "start": 13, "end": 13, "location": 22, "organizer": 24, "partners": 24,
           "task": 11, "participants_ethnic_minority": 10, "participants_total": 10, "budget_vnd": 14,
           "budget_source": 20, "notes": 24}
_FORM_KIND = {"count0": "count", "money": "count", "units": "text"}  # partners are typed as names
FORM_COLUMNS = [(HEADERS[n], _WIDTHS.get(n, 9), _FORM_KIND.get(BY_NAME[n].kind, BY_NAME[n].kind))
                for n in FORM_ORDER]
BLANK_ROWS = 200  # rows made ready for typing (formats and lists); more can be added below
LISTS_SHEET = "Danh mục"


@dataclass
class FormData:
    year: int
    unit: Unit
    office: Office | None
    tasks: list[Task] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)
    task_codes: list[str] = field(default_factory=list)


def form_file_name(unit_name: str, year: int) -> str:
    """'Hội Liên hiệp Phụ nữ xã - phiếu số liệu 2025.xlsx', safe on Windows."""
    return f"{safe_file_name(unit_name)} - phiếu số liệu {year}.xlsx"


def write_unit_form(data: FormData, out: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Hoạt động"
    font = "Times New Roman"
    bold = Font(name=font, size=12, bold=True)
    plain = Font(name=font, size=12)
    wrap = Alignment(wrap_text=True, vertical="top")

    def line(label: str | None, value=None, *, merge_value=True, font_=plain, height=None):
        ws.append([label, value])
        r = ws.max_row
        ws.cell(r, 1).font = bold if label else font_
        ws.cell(r, 2).font = font_
        ws.cell(r, 2).alignment = Alignment(horizontal="left", wrap_text=True, vertical="top")
        if merge_value:
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=8)
        if height:
            ws.row_dimensions[r].height = height
        return r

    def para(text: str, height: float, font_=plain):
        ws.append([text])
        r = ws.max_row
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)  # what a screen shows
        ws.cell(r, 1).font = font_
        ws.cell(r, 1).alignment = wrap
        ws.row_dimensions[r].height = height
        return r

    office = data.office
    para(f"PHIẾU SỐ LIỆU HOẠT ĐỘNG BÌNH ĐẲNG GIỚI NĂM {data.year}", 22, Font(name=font, size=14, bold=True))
    line("Đơn vị:", data.unit.name, font_=bold)
    # The importer reads these two cells back: the unit fills empty organisers, the year is checked.
    line("Mã đơn vị:", data.unit.code, merge_value=False)
    line("Năm:", data.year, merge_value=False)
    if office:
        line("Gửi về:", office.name)
    if data.deadlines:
        line("Hạn gửi:", "; ".join(f"{d.label}: {fmt_date(d.due)}" for d in sorted(data.deadlines, key=lambda d: d.due)),
             height=16 * (1 + len(data.deadlines) // 2))
    if data.tasks:
        line("Nhiệm vụ của đơn vị:", None, merge_value=False)
        for t in data.tasks:
            role = "chủ trì" if t.lead == data.unit.code else "phối hợp"
            due = f"; hạn {fmt_date(t.due)}" if t.due else ""
            text = f"{t.code}: {t.content} ({role}{due})"
            line(None, text, height=16 * (1 + len(text) // 120))
    else:
        line("Nhiệm vụ của đơn vị:", "Kế hoạch năm không giao nhiệm vụ riêng cho đơn vị; ghi mọi hoạt động đơn vị đã tổ chức.")
    para("Hướng dẫn: mỗi hoạt động ghi một dòng trong bảng dưới đây, từ dòng đầu tiên dưới tiêu đề. "
         "Ngày ghi ngày/tháng/năm (ví dụ 20/11/" + str(data.year) + "). “Loại” và “Nguồn kinh phí” chọn trong "
         "danh sách (bấm vào ô, chọn mũi tên). Để trống “Đơn vị tổ chức” nếu chính đơn vị mình tổ chức. "
         "Số nữ cộng số nam không quá tổng số người. “Nhiệm vụ” ghi mã nhiệm vụ ở trên (nếu có). "
         "Không đổi tên các cột. Làm xong, lưu tệp và gửi lại cho " + (office.name if office else "cấp xã") + ".",
         84)
    ws.append([])

    ws.append([h for h, _, _ in FORM_COLUMNS])
    head = ws.max_row
    thin = Side(style="thin")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for c, (_, width, _) in enumerate(FORM_COLUMNS, 1):
        cell = ws.cell(head, c)
        cell.font = bold
        cell.fill = fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[head].height = 34
    first, last = head + 1, head + BLANK_ROWS

    # Lists for the drop-downs, on a hidden sheet (names can hold commas, which an inline list cannot).
    lists = wb.create_sheet(LISTS_SHEET)
    columns = {
        "type": list(ACTIVITY_TYPES.values()),
        "source": [v for k, v in BUDGET_SOURCES.items() if k],
        "unit": sorted(data.units.values(), key=sort_key),
        "task": list(data.task_codes),
    }
    refs = {}
    for i, (kind, values) in enumerate(columns.items(), 1):
        for r, v in enumerate(values, 1):
            lists.cell(r, i, v)
        if values:
            col = get_column_letter(i)
            refs[kind] = f"'{LISTS_SHEET}'!${col}$1:${col}${len(values)}"
    lists.sheet_state = "hidden"

    for c, (header, _, kind) in enumerate(FORM_COLUMNS, 1):
        col = get_column_letter(c)
        rng = f"{col}{first}:{col}{last}"
        if kind in refs:
            dv = DataValidation(type="list", formula1=refs[kind], allow_blank=True,
                                showErrorMessage=kind in ("type", "source"),
                                errorTitle=header, error=f"Hãy chọn “{header}” trong danh sách.")
        elif kind == "date":
            dv = DataValidation(type="date", operator="between",
                                formula1=f"DATE({data.year},1,1)", formula2=f"DATE({data.year},12,31)",
                                allow_blank=True, showErrorMessage=True, errorTitle=header,
                                error=f"Ghi một ngày trong năm {data.year}, dạng ngày/tháng/năm.")
        elif kind == "count":
            dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                allow_blank=True, showErrorMessage=True, errorTitle=header,
                                error="Ghi một số nguyên không âm.")
        else:
            dv = None
        if dv is not None:
            dv.promptTitle = header
            ws.add_data_validation(dv)
            dv.add(rng)
        fmt = DATE_FMT if kind == "date" else INT_FMT if kind == "count" else "@"
        for r in range(first, last + 1):
            cell = ws.cell(r, c)
            cell.number_format = fmt
            cell.border = border
            cell.font = plain
            if kind == "text":
                cell.alignment = Alignment(wrap_text=True, vertical="top")

    ws.freeze_panes = ws.cell(first, 2)
    ws.print_title_rows = f"{head}:{head}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for sheet in wb.worksheets:
        texts_stay_text(sheet)
    return write_atomic(out, lambda p: wb.save(str(p)))


def texts_stay_text(ws) -> None:
    """Every cell written here holds typed text or a number, never a formula: a unit or office
    name that starts with "=" is shown as typed and never evaluated by Excel or LibreOffice."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
