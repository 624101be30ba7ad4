"""The year's activities, targets and tasks as an Excel workbook (openpyxl): real numbers and
dates, a frozen header row and set column widths, for officers who work on in Excel."""

from __future__ import annotations

from pathlib import Path

from ..domain.model import ACTIVITY_TYPES, BUDGET_SOURCES, OBJECTIVES, TASK_STATUSES
from ..domain.rules import target_verdict
from ..domain.summary import Figures
from ..fileio import write_atomic

DATE_FMT = "DD/MM/YYYY"
INT_FMT = "#,##0"


def _sheet(wb, title, header, rows, widths, formats=None, first=False):
    from openpyxl.styles import Alignment, Border, Font, Side

    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(header)
    thin = Side(style="thin")
    for cell in ws[1]:
        cell.font = Font(bold=True, name="Times New Roman", size=12)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for row in rows:
        ws.append(row)
    formats = formats or {}
    for col, fmt in formats.items():
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = fmt
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    return ws


def write_xlsx(out: str | Path, figures: Figures, units: dict[str, str]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    acts = figures.activities
    _sheet(wb, "Hoạt động",
           ["Mã", "Ngày bắt đầu", "Ngày kết thúc", "Tên hoạt động", "Loại", "Địa điểm",
            "Đơn vị tổ chức", "Đơn vị phối hợp", "Nhiệm vụ", "Tổng số người", "Nữ", "Nam",
            "Dân tộc thiểu số", "Tờ rơi", "Pa nô, băng rôn", "Tin bài", "Phát thanh",
            "Kinh phí (đồng)", "Nguồn kinh phí", "Tháng hành động", "Ghi chú"],
           [[a.id, a.start, a.end, a.title, ACTIVITY_TYPES.get(a.type, a.type), a.location,
             units.get(a.organizer, a.organizer), ", ".join(units.get(p, p) for p in a.partners),
             a.task, a.participants_total, a.participants_female, a.participants_male,
             a.participants_ethnic_minority, a.leaflets, a.posters_banners, a.articles,
             a.broadcasts, a.budget_vnd, BUDGET_SOURCES.get(a.budget_source) if a.budget_source else None,
             "Có" if figures.window[0] <= a.start <= figures.window[1] else "", a.notes]
            for a in acts],
           [14, 12, 12, 50, 18, 24, 28, 30, 10, 10, 8, 8, 10, 8, 10, 8, 10, 14, 20, 10, 24],
           {2: DATE_FMT, 3: DATE_FMT, **{c: INT_FMT for c in range(10, 19)}}, first=True)
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
           {7: "0.##", 8: "0.##", 9: "0.##", 10: "0.##"})
    _sheet(wb, "Nhiệm vụ",
           ["Mã", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Chỉ tiêu liên quan",
            "Bắt đầu", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành", "Quá hạn", "Kết quả"],
           [[t.code, t.content, units.get(t.lead, t.lead), ", ".join(units.get(p, p) for p in t.partners),
             ", ".join(t.targets), t.start, t.due, TASK_STATUSES.get(t.status, t.status),
             t.completed_on, "Quá hạn" if t in figures.overdue else "", t.result]
            for t in figures.tasks],
           [10, 70, 28, 36, 18, 12, 14, 16, 14, 10, 30],
           {6: DATE_FMT, 7: DATE_FMT, 9: DATE_FMT})
    return write_atomic(out, lambda p: save_workbook(wb, p))


def save_workbook(wb, path) -> None:
    """Built in memory, then written: on a full disk openpyxl's zip writer would otherwise fail
    while closing and complain again when collected."""
    import io
    from pathlib import Path

    buf = io.BytesIO()
    wb.save(buf)
    Path(path).write_bytes(buf.getvalue())
