"""The consolidated report (báo cáo tổng hợp) of the level above: the receiving office's Decree 30
frame, the offices that sent and those that did not, a row per office with a totals row, and the
figures summed over offices. PDF and Word through the shared blocks; Excel as one table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.consolidation import Consolidated
from ..domain.issuer import signer_or_standard
from ..domain.model import BUDGET_SOURCES, OBJECTIVES, Office, ReportText
from ..domain.numbers import fmt_date, fmt_int, fmt_percent
from ..domain.rules import MET, NO_DATA, NOT_MET
from ..fileio import write_atomic
from . import blocks as B
from .common import date_line, number_line, office_short
from .report_doc import EMPTY, by_type_table, participants_sentence

SUBJECTS = {
    "summary": "Tổng hợp kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm {y}",
    "summary_mid_year": ("Tổng hợp kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ "
                         "6 tháng đầu năm {y}"),
}
# The per-office table: (header, width). The Excel copy has the same columns.
OFFICE_COLUMNS = [
    ("Cơ quan", 46), ("Số hoạt động", 11), ("Tổng số người tham gia", 14), ("Nữ", 12), ("Nam", 12),
    ("Hoạt động Tháng hành động", 12), ("Chỉ tiêu đạt", 9), ("Chỉ tiêu không đạt", 10),
    ("Chỉ tiêu chưa có số liệu", 10), ("Kinh phí (đồng)", 19),
]


@dataclass
class SummaryData:
    kind: str  # summary | summary_mid_year
    office: Office
    consolidated: Consolidated
    text: ReportText


def office_rows(c: Consolidated) -> tuple[list[list[int | str]], list[int | str]]:
    """One row of numbers per office that sent, and the totals row (the column sums)."""
    rows = []
    for r in c.rows:
        f = r.figures
        v = f.verdict_counts
        rows.append([r.office.name, f.totals.activities, f.totals.participants_total,
                     f.totals.participants_female, f.totals.participants_male, f.action_month.activities,
                     v[MET], v[NOT_MET], v[NO_DATA], f.totals.budget_vnd])
    totals = ["Tổng cộng"] + [sum(row[i] for row in rows) for i in range(1, len(OFFICE_COLUMNS))]
    return rows, totals


def _em(text: str) -> float:
    """Width of a line of text in em, measured in the bold face of the document's font (an upper
    bound for the regular face)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from .fonts import font_name, register

    register()
    return stringWidth(text, font_name("Bold"), 1)


def fitted(header: list[str], rows: list[list[str]], width_mm: float, pad_pt: float = 10,
           sizes=(10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7)) -> tuple[list[float], float]:
    """Column widths (in points) and the largest font size at which every cell stays on one line
    (headers may wrap between words): an office's name or a total split over two lines cannot
    be read back from the text, nor read easily by a person."""
    need = []
    for i, h in enumerate(header):
        cells = [_em(str(r[i])) for r in rows if i < len(r)]
        words = [_em(w) for w in h.split()]
        need.append(max(cells + words + [1.0]))
    avail = width_mm * 72 / 25.4
    for size in sizes:
        widths = [n * size + pad_pt for n in need]
        if sum(widths) <= avail:
            spare = (avail - sum(widths)) / len(widths)
            return [w + spare for w in widths], size
    return [n * sizes[-1] + pad_pt for n in need], sizes[-1]


def _fit(table: B.Table, width_mm: float) -> B.Table:
    table.widths, table.font_size = fitted(table.header, table.rows, width_mm)
    return table


def build_summary(data: SummaryData, width_mm: float = 165) -> B.Document:
    c, office, text, kind = data.consolidated, data.office, data.text, data.kind
    y = c.year
    period_words = f"năm {y}" if kind == "summary" else f"6 tháng đầu năm {y}"
    blocks: list = [
        B.Header(office, number_line(text.number, "BC", office), date_line(office, text.issued_on, y)),
        B.Title("BÁO CÁO", SUBJECTS[kind].format(y=y)),
    ]
    if text.situation:
        blocks += _paras(text.situation)

    blocks.append(B.Para("I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO", "h1"))
    known, sent = len(c.known), len(c.rows)
    if sent:
        blocks.append(B.Para(
            f"{office_short(office)} đã nhận báo cáo, số liệu {period_words} của {fmt_int(sent)}/{fmt_int(known)} "
            f"cơ quan, đơn vị ({fmt_percent(sent, known) or '0%'})."))
    else:
        blocks.append(B.Para(f"Đến nay, {office_short(office)} chưa nhận được báo cáo, số liệu {period_words} của "
                             f"cơ quan, đơn vị nào (0/{fmt_int(known)})."))
    if c.missing:
        blocks.append(B.Para(f"Còn {fmt_int(len(c.missing))} cơ quan, đơn vị chưa gửi báo cáo:"))
        for o in c.missing:
            blocks.append(B.Para(f"- {o.name}" + (f" (mã {o.code})" if o.code else "") + ": chưa gửi báo cáo.", "item"))
    else:
        blocks.append(B.Para("Tất cả các cơ quan, đơn vị đã gửi báo cáo."))

    blocks.append(B.Para("II. KẾT QUẢ THỰC HIỆN", "h1"))
    if sent:
        blocks += _results(c, kind, period_words, width_mm)
    else:  # nothing to sum yet: no tables of zeros, the report says so and lists who is awaited
        blocks.append(B.Para(f"Chưa có cơ quan, đơn vị nào gửi báo cáo, số liệu {period_words}; kết quả sẽ được "
                             "tổng hợp khi nhận được báo cáo."))
    blocks += _closing_parts(text, kind, period_words, office)
    blocks += _appendix(c, period_words, office)
    return B.Document(title=SUBJECTS[kind].format(y=y), blocks=blocks)


def _results(c, kind: str, period_words: str, width_mm: float) -> list:
    """Part II: the summed figures, their tables, targets and money."""
    blocks: list = []
    sent = len(c.rows)
    n = iter(range(1, 20))
    blocks.append(B.Para(f"{next(n)}. Các hoạt động đã tổ chức", "h2"))
    blocks.append(B.Para(participants_sentence(c.totals, period_words)))
    rows, totals = office_rows(c)
    # No STT column: the office's name needs the room to stay on one line.
    shown = [[r[0]] + [fmt_int(x) for x in r[1:]] for r in rows]
    shown.append([totals[0]] + [fmt_int(x) for x in totals[1:]])
    header = ["Cơ quan", "Số hoạt động", "Tổng số người", "Nữ", "Nam", "Hoạt động Tháng hành động",
              "Đạt", "Không đạt", "Chưa có số liệu", "Kinh phí (đồng)"]
    widths, size = fitted(header, shown, width_mm)
    blocks.append(B.Table(
        header, shown, widths, ["L"] + ["R"] * 9, total_row=True, font_size=size,
        caption="Bảng 1. Kết quả theo cơ quan, đơn vị (chỉ tiêu: số chỉ tiêu đạt, không đạt, chưa có số liệu)"))
    blocks.append(_fit(by_type_table(c.by_type, "Bảng 2. Hoạt động theo loại (tổng hợp)"), width_mm))

    if kind == "summary":
        blocks.append(B.Para(f"{next(n)}. Tháng hành động vì bình đẳng giới", "h2"))
        blocks.append(B.Para(participants_sentence(c.action_month, "trong Tháng hành động")))
        if c.action_month.activities:
            blocks.append(_fit(by_type_table(c.action_month_by_type, "Bảng 3. Hoạt động trong Tháng hành động (tổng hợp)",
                                             only_used=True), width_mm))

    blocks.append(B.Para(f"{next(n)}. Kết quả thực hiện các chỉ tiêu", "h2"))
    v = c.verdicts
    blocks.append(B.Para(
        f"Tổng hợp chỉ tiêu của {fmt_int(sent)} cơ quan, đơn vị: {fmt_int(v[MET])} chỉ tiêu đạt, "
        f"{fmt_int(v[NOT_MET])} chỉ tiêu không đạt, {fmt_int(v[NO_DATA])} chỉ tiêu chưa có số liệu"
        + (" (đánh giá theo số liệu 6 tháng)." if kind == "summary_mid_year" else ".")))
    objs = sorted(c.verdicts_by_objective, key=lambda o: 7 if o is None else o)
    if objs:
        rows_o = [[OBJECTIVES[o]] + [fmt_int(c.verdicts_by_objective[o].get(k, 0)) for k in (MET, NOT_MET, NO_DATA)]
                  for o in objs]
        rows_o.append(["Tổng cộng"] + [fmt_int(v[k]) for k in (MET, NOT_MET, NO_DATA)])
        blocks.append(B.Table(["Mục tiêu", "Đạt", "Không đạt", "Chưa có số liệu"], rows_o,
                              [58, 12, 14, 16], ["L", "R", "R", "R"], total_row=True, font_size=10.5,
                              caption="Bảng 4. Số chỉ tiêu đạt, không đạt, chưa có số liệu theo mục tiêu"))

    blocks.append(B.Para(f"{next(n)}. Kinh phí thực hiện", "h2"))
    spent = sum(c.money_by_source.values())
    blocks.append(B.Para(f"Tổng kinh phí các cơ quan, đơn vị đã chi {period_words}: {fmt_int(spent)} đồng."))
    money_rows = [[BUDGET_SOURCES[k], fmt_int(x)] for k, x in c.money_by_source.items() if x]
    money_rows.append(["Tổng cộng", fmt_int(spent)])
    blocks.append(B.Table(["Nguồn kinh phí", "Số tiền (đồng)"], money_rows, [60, 30], ["L", "R"],
                          total_row=True, caption="Bảng 5. Kinh phí theo nguồn"))
    return blocks


def _closing_parts(text, kind: str, period_words: str, office) -> list:
    """Parts III-V as typed by the officer, the closing sentence, Nơi nhận and the signature."""
    blocks: list = []
    blocks.append(B.Para("III. ĐÁNH GIÁ CHUNG", "h1"))
    for label, value in (("1. Ưu điểm", text.strengths), ("2. Tồn tại, hạn chế", text.limitations),
                         ("3. Nguyên nhân", text.causes)):
        blocks.append(B.Para(label, "h2"))
        blocks += _paras(value)
    nxt = "NĂM TỚI" if kind == "summary" else "6 THÁNG CUỐI NĂM"
    blocks.append(B.Para(f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {nxt}", "h1"))
    blocks += _paras(text.directions)
    blocks.append(B.Para("V. KIẾN NGHỊ, ĐỀ XUẤT", "h1"))
    blocks += _paras(text.recommendations)
    blocks.append(B.Para(f"Trên đây là báo cáo tổng hợp kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ "
                         f"của phụ nữ {period_words} của {office_short(office)}./."))
    blocks.append(B.Closing(text.recipients or ["Lưu: VT"], signer_or_standard(office, text.signer)))
    return blocks


def _appendix(c, period_words: str, office) -> list:
    """Every known office and the day its report came in."""
    blocks: list = [B.PageBreak()]
    blocks.append(B.Para("PHỤ LỤC", "center"))
    blocks.append(B.Para("DANH SÁCH CƠ QUAN, ĐƠN VỊ VÀ NGÀY NHẬN BÁO CÁO", "center"))
    blocks.append(B.Para(f"(Kèm theo Báo cáo tổng hợp {period_words} của {office_short(office)})", "note"))
    received = {r.office.id: r.received_at for r in c.rows}
    listing = []
    for i, o in enumerate(c.known, 1):
        when = received.get(o.id)
        listing.append([str(i), o.name, o.code or "", fmt_date(_day(when)) if when else "Chưa gửi báo cáo"])
    blocks.append(B.Table(["STT", "Cơ quan, đơn vị", "Mã", "Ngày nhận báo cáo"], listing, [7, 60, 12, 21],
                          ["C", "L", "C", "C"], font_size=10))
    return blocks


def _day(iso: str):
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(iso).date()
    except (TypeError, ValueError):
        return None


def _paras(value: str | None) -> list:
    if not value:
        return [B.Para(EMPTY, "plain")]
    return [B.Para(line.strip()) for line in value.splitlines() if line.strip()]


def write_summary(data: SummaryData, out: str | Path, margins: dict | None = None) -> Path:
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        return write_atomic(out, lambda p: _write_xlsx(data, p))
    margins = dict(margins or {})
    doc = build_summary(data, 210 - margins.get("margin_left", 30) - margins.get("margin_right", 15))
    doc.margins_mm = margins
    if suffix == ".docx":
        from .docx_render import render_docx

        return write_atomic(out, lambda p: render_docx(doc, p))
    from .pdf_render import render_pdf

    return write_atomic(out, lambda p: render_pdf(doc, p))


def _write_xlsx(data: SummaryData, path: Path) -> None:
    """The per-office table as numbers on the first sheet (header in row 1, a row per office
    that sent, then "Tổng cộng"); the other tables on the sheets after it."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from .xlsx_export import INT_FMT, _sheet, save_workbook

    c = data.consolidated
    rows, totals = office_rows(c)
    wb = Workbook()
    ws = _sheet(wb, "Tổng hợp", [h for h, _ in OFFICE_COLUMNS], rows + [totals], [w for _, w in OFFICE_COLUMNS],
                {i: INT_FMT for i in range(2, len(OFFICE_COLUMNS) + 1)}, first=True)
    ws.auto_filter.ref = None  # a filter would hide the totals row's meaning when sorting
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True, name="Times New Roman", size=12)
    received = {r.office.id: r.received_at for r in c.rows}
    _sheet(wb, "Cơ quan", ["Cơ quan", "Mã", "Tỉnh", "Đã gửi", "Ngày nhận"],
           [[o.name, o.code, o.province, "Có" if o.id in received else "Chưa gửi báo cáo",
             _day(received[o.id]) if o.id in received else None] for o in c.known],
           [46, 12, 20, 18, 14], {5: "DD/MM/YYYY"})
    if c.rows:  # nothing sent yet: no sheets of zeros to be read as figures reported
        _figure_sheets(wb, c)
    from .unit_form import texts_stay_text

    for sheet in wb.worksheets:
        texts_stay_text(sheet)
    save_workbook(wb, path)


def _figure_sheets(wb, c) -> None:
    """The summed figures by activity type and money by source, each ending in Tổng cộng."""
    from ..domain.model import ACTIVITY_TYPES
    from .xlsx_export import INT_FMT, _sheet

    by_type = [[label, c.by_type[k].activities, c.by_type[k].participants_total, c.by_type[k].participants_female,
                c.by_type[k].participants_male, c.action_month_by_type[k].activities, c.by_type[k].budget_vnd or 0]
               for k, label in ACTIVITY_TYPES.items()]
    _sheet(wb, "Theo loại hoạt động", ["Loại hoạt động", "Số hoạt động", "Tổng số người", "Nữ", "Nam",
                                        "Hoạt động Tháng hành động", "Kinh phí (đồng)"],
           by_type + [_totals(by_type)], [28, 12, 14, 12, 12, 14, 18], {i: INT_FMT for i in range(2, 8)},
           total_row=True)
    # money with no source is a row only when there is some (as the PDF's table)
    money = [[BUDGET_SOURCES[k], x or 0] for k, x in c.money_by_source.items() if k is not None or x]
    _sheet(wb, "Kinh phí theo nguồn", ["Nguồn kinh phí", "Số tiền (đồng)"], money + [_totals(money)], [30, 18],
           {2: INT_FMT}, total_row=True)


def _totals(rows: list[list]) -> list:
    """The "Tổng cộng" row: each numeric column summed (equal to the column, as in the PDF)."""
    return ["Tổng cộng"] + [sum(r[i] or 0 for r in rows) for i in range(1, len(rows[0]))] if rows else ["Tổng cộng"]
