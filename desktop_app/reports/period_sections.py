"""The parts of a report that put its period in context: the quarter beside the figures from
1 January, and this year beside the previous one. Built here so the report's own layout
(`report_doc`) only places them."""

from __future__ import annotations

from ..domain.model import ACTIVITY_TYPES, BUDGET_SOURCES
from ..domain.numbers import fmt_date, fmt_int, fmt_percent
from ..domain.summary import QUARTERS, Figures, Totals
from . import blocks as B

ROMAN = {"q1": "I", "q2": "II", "q3": "III", "q4": "IV"}
SUBJECT = "Kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ {words}"
# What section IV looks ahead to, after each quarterly report.
NEXT = {"q1": "QUÝ II", "q2": "QUÝ III", "q3": "QUÝ IV", "q4": "NĂM TỚI", "nine_month": "QUÝ IV"}


def period_words(kind: str, year: int) -> str:
    """'quý III năm 2025', '9 tháng đầu năm 2025', ..."""
    if kind in QUARTERS:
        return f"quý {ROMAN[kind]} năm {year}"
    return {"year": f"năm {year}", "mid_year": f"6 tháng đầu năm {year}",
            "nine_month": f"9 tháng đầu năm {year}",
            "action_month": f"Tháng hành động năm {year}"}[kind]


def subject(kind: str, year: int) -> str:
    if kind == "action_month":
        return ("Kết quả tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
                f"trên cơ sở giới năm {year}")
    return SUBJECT.format(words=period_words(kind, year))


def ytd_blocks(f: Figures, kind: str) -> list:
    """A quarter's report: the figures from 1 January to the quarter's end beside its own."""
    if kind not in QUARTERS:
        return []
    y = f.ytd_totals
    since = f"Lũy kế từ ngày 01/01/{f.year} đến ngày {fmt_date(f.last_day)}"
    if y.activities:
        line = (f"{since}, đã tổ chức {fmt_int(y.activities)} hoạt động với {fmt_int(y.participants_total)} "
                f"lượt người tham gia, trong đó nữ {fmt_int(y.participants_female)} lượt"
                f" ({fmt_percent(y.participants_female, y.participants_total) or '0%'}); "
                f"kinh phí {fmt_int(y.budget_vnd)} đồng.")
    else:
        line = f"{since}, chưa ghi nhận hoạt động nào."
    rows, q_total, y_total = [], Totals(), Totals()
    for key, label in ACTIVITY_TYPES.items():
        q, t = f.by_type.get(key) or Totals(), f.ytd_by_type.get(key) or Totals()
        if not t.activities:
            continue
        rows.append([label, *_three(q), *_three(t)])
        _sum(q_total, q)
        _sum(y_total, t)
    rows.append(["Tổng cộng", *_three(q_total), *_three(y_total)])
    q = ROMAN[kind]
    table = B.Table(
        ["Loại hoạt động", f"Hoạt động quý {q}", f"Người tham gia quý {q}", f"Nữ quý {q}",
         "Hoạt động lũy kế", "Người tham gia lũy kế", "Nữ lũy kế"],
        rows, [26, 12, 13, 11, 12, 13, 11], ["L", "R", "R", "R", "R", "R", "R"], total_row=True,
        caption=f"Quý {q} và lũy kế từ đầu năm đến ngày {fmt_date(f.last_day)}", font_size=10.5,
        sheet="Lũy kế")
    return [B.Para(line), table]


def _three(t: Totals) -> list[int]:
    return [t.activities, t.participants_total, t.participants_female]


def _sum(into: Totals, t: Totals) -> None:
    for name in into.__dataclass_fields__:
        setattr(into, name, getattr(into, name) + getattr(t, name))


def change(now: int, before: int) -> str:
    """'+4', '-3', '0': the change from last year, signed."""
    d = now - before
    return ("+" if d > 0 else "") + fmt_int(d) if d else "0"


def comparison_blocks(f: Figures, kind: str) -> list:
    """This year beside the same months of the previous year (year and 6-month reports)."""
    p = f.previous
    if p is None or kind not in ("year", "mid_year"):
        return []
    y0, y1 = f.year - 1, f.year
    rows = [
        ("Số hoạt động", p.totals.activities, f.totals.activities),
        ("Lượt người tham gia", p.totals.participants_total, f.totals.participants_total),
        ("Trong đó nữ", p.totals.participants_female, f.totals.participants_female),
    ]
    if kind == "year":  # the Action Month lies in the second half of the year
        rows += [
            ("Hoạt động trong Tháng hành động", p.action_month.activities, f.action_month.activities),
            ("Lượt người tham gia Tháng hành động", p.action_month.participants_total,
             f.action_month.participants_total),
        ]
    what = "năm" if kind == "year" else "6 tháng đầu năm"
    body = [[label, a, b, change(b, a), fmt_percent(b, a) or "-"] for label, a, b in rows]
    t = f.totals
    line = (f"So với {what} {y0} ({fmt_int(p.totals.activities)} hoạt động, "
            f"{fmt_int(p.totals.participants_total)} lượt người tham gia), số hoạt động "
            + _moved(t.activities - p.totals.activities, "hoạt động")
            + ", số lượt người tham gia "
            + _moved(t.participants_total - p.totals.participants_total, "lượt") + ".")
    table = B.Table(["Nội dung", f"{what.capitalize()} {y0}", f"{what.capitalize()} {y1}",
                     "Tăng (+), giảm (-)", f"Tỷ lệ so với {y0}"],
                    body, [40, 15, 15, 15, 15], ["L", "R", "R", "R", "R"],
                    caption=f"So sánh với {what} {y0}", font_size=10.5, sheet="So với năm trước")
    return [B.Para(line), table]


def _moved(d: int, unit: str) -> str:
    if d > 0:
        return f"tăng {fmt_int(d)} {unit}"
    if d < 0:
        return f"giảm {fmt_int(-d)} {unit}"
    return "không thay đổi"


COMPUTED_MARK = "*"


def computed_note(rows) -> list:
    """Under the targets table: which values the program counted from the activities."""
    if not any(r.computed for r in rows):
        return []
    return [B.Para(f"({COMPUTED_MARK}) Số liệu tính tự động từ danh sách hoạt động.", "note")]


def money_table(spent: dict, planned: dict) -> B.Table:
    """Money by source: what was spent; beside what the plan set aside, when it says so."""
    if not any(planned.values()):
        rows = [[BUDGET_SOURCES[k], v] for k, v in spent.items() if v]
        rows.append(["Tổng cộng", sum(spent.values())])
        return B.Table(["Nguồn kinh phí", "Số tiền (đồng)"], rows, [60, 30], ["L", "R"], total_row=True,
                       caption="Kinh phí theo nguồn", sheet="Kinh phí")
    rows = []
    for key, label in BUDGET_SOURCES.items():
        p, s = planned.get(key) or 0, spent.get(key) or 0
        if p or s:
            rows.append([label, p, s, fmt_percent(s, p) or "-"])
    tp, ts = sum(v or 0 for v in planned.values()), sum(spent.values())
    rows.append(["Tổng cộng", tp, ts, fmt_percent(ts, tp) or "-"])
    return B.Table(["Nguồn kinh phí", "Dự kiến (đồng)", "Đã chi (đồng)", "Tỷ lệ đã chi"], rows,
                   [40, 20, 20, 14], ["L", "R", "R", "R"], total_row=True,
                   caption="Kinh phí dự kiến và đã chi theo nguồn", sheet="Kinh phí")
