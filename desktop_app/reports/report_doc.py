"""The 6-month, year-end and Action Month reports (Báo cáo): figures computed, parts typed."""

from __future__ import annotations

from ..domain.issuer import signer_or_standard
from ..domain.model import ACTIVITY_TYPES, BUDGET_SOURCES, OBJECTIVES, TASK_STATUSES
from ..domain.numbers import fmt_date, fmt_int, fmt_percent, fmt_quantity
from ..domain.rules import FIRST_HALF, LATEST, MET, NO_DATA, NOT_MET
from ..domain.summary import Totals
from ..domain.text import sort_key
from . import blocks as B
from .common import NBSP, date_line, date_words, keep_last_words, number_line, office_short
from .period_sections import (
    COMPUTED_MARK,
    NEXT,
    comparison_blocks,
    computed_note,
    money_table,
    period_words,
    subject,
    ytd_blocks,
)

EMPTY = "............................................................................................................"


def participants_sentence(t: Totals, what: str) -> str:
    if not t.activities:
        return f"Chưa ghi nhận hoạt động nào {what}."
    s = (f"{what[:1].upper() + what[1:]}, các cơ quan, đơn vị đã tổ chức {fmt_int(t.activities)} hoạt động với "
         f"{fmt_int(t.participants_total)} lượt người tham gia, trong đó nữ {fmt_int(t.participants_female)} "
         f"lượt ({fmt_percent(t.participants_female, t.participants_total) or '0%'}), nam "
         f"{fmt_int(t.participants_male)} lượt")
    if t.participants_ethnic_minority:
        s += f", người dân tộc thiểu số {fmt_int(t.participants_ethnic_minority)} lượt"
    s += "."
    mats = []
    for n, label in ((t.leaflets, "tờ rơi"), (t.posters_banners, "pa nô, áp phích, băng rôn"),
                     (t.articles, "tin, bài"), (t.broadcasts, "lượt phát thanh")):
        if n:
            mats.append(f"{fmt_int(n)} {label}")
    if mats:
        s += " Đã phát hành, thực hiện " + ", ".join(mats) + "."
    if t.budget_vnd:
        s += f" Tổng kinh phí {fmt_int(t.budget_vnd)} đồng."
    return s


def _type_row(label: str, t: Totals) -> list:
    # Each kind of material its own figure: leaflets and banners, articles and broadcasts are
    # not the same unit and are never added together.
    return [label, t.activities, t.participants_total, t.participants_female, t.participants_male,
            t.leaflets, t.posters_banners, t.articles, t.broadcasts, t.budget_vnd]


def by_type_table(by_type: dict[str, Totals], caption: str, only_used=False, sheet=None) -> B.Table:
    rows, total = [], Totals()
    for key, label in ACTIVITY_TYPES.items():
        t = by_type.get(key) or Totals()
        if only_used and not t.activities:
            continue
        rows.append(_type_row(label, t))
        for f in total.__dataclass_fields__:
            setattr(total, f, getattr(total, f) + getattr(t, f))
    rows.append(_type_row("Tổng cộng", total))
    return B.Table(["Loại hoạt động", "Số hoạt động", "Tổng số người", "Nữ", "Nam",
                    "Tờ rơi", "Pa nô, áp phích", "Tin, bài", "Phát thanh", "Kinh phí (đồng)"],
                   rows, [22, 9, 9, 8, 8, 8, 9, 7, 9, 13], ["L"] + ["R"] * 9,
                   total_row=True, caption=caption, font_size=10, sheet=sheet)


def target_value(t, v) -> str:
    if t.kind == "qualitative":
        return ""
    return fmt_quantity(v, t.unit)


QUALITATIVE_PLAN = "Hoàn thành"


def qualitative_result(t) -> str:
    if t.achieved is None:
        return "-"
    return "Đã hoàn thành" if t.achieved else "Chưa hoàn thành"


def plan_value(t) -> str:
    if t.kind == "qualitative":
        return QUALITATIVE_PLAN
    sign = "≥ " if t.comparison == ">=" else "≤ "
    return sign + target_value(t, t.target)


def build_report(data) -> B.Document:
    f = data.figures
    kind = data.kind
    office = data.office
    units = data.units
    text = data.text
    y = f.year
    plan = f.main_plan
    words = period_words(kind, y)
    blocks: list = [
        B.Header(office, number_line(text.number, "BC", office), date_line(office, text.issued_on, y)),
        B.Title("BÁO CÁO", keep_last_words(subject(kind, y))),
    ]
    if text.situation:
        blocks.append(B.Para(text.situation))

    # I. Leadership: which plans were issued, how many tasks to how many units.
    blocks.append(B.Para("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI", "h1"))
    for p in (f.annual, f.action_plan):
        if not p:
            continue
        ref = "Kế hoạch số " + number_line(p.number, "KH", office).removeprefix("Số: ") if p.number else "Kế hoạch"
        when = f" {date_words(p.issued_on)}" if p.issued_on else ""
        blocks.append(B.Para(f"{office_short(office)} đã ban hành {ref}{when} về {p.title[:1].lower() + p.title[1:]}."))
    leads = {t.lead for t in f.tasks}
    partners = {p for t in f.tasks for p in t.partners} - leads
    if f.tasks:
        blocks.append(B.Para(
            f"Kế hoạch giao {fmt_int(len(f.tasks))} nhiệm vụ cho {fmt_int(len(leads))} đơn vị chủ trì"
            + (f", {fmt_int(len(partners))} đơn vị khác phối hợp" if partners else "") + "."))

    blocks.append(B.Para("II. KẾT QUẢ THỰC HIỆN", "h1"))
    n = iter(range(1, 20))
    if kind != "action_month":
        blocks.append(B.Para(f"{next(n)}. Các hoạt động đã tổ chức", "h2"))
        blocks.append(B.Para(participants_sentence(f.totals, words)))
        blocks.append(by_type_table(f.by_type, "Hoạt động theo loại", sheet="Theo loại"))
        used = [k for k in ACTIVITY_TYPES if f.by_type[k].activities]
        if used:
            blocks.append(B.Chart(
                "participants_by_type", "Số lượt người tham gia theo loại hoạt động",
                [ACTIVITY_TYPES[k] for k in used],
                [("Nữ", [f.by_type[k].participants_female for k in used]),
                 ("Nam", [f.by_type[k].participants_male for k in used])]))
        blocks += ytd_blocks(f, kind) + comparison_blocks(f, kind)

    if kind in ("year", "action_month", "q4"):  # the periods that hold the Action Month
        blocks.append(B.Para(f"{next(n)}. Tháng hành động vì bình đẳng giới", "h2"))
        s, e = f.window
        theme = plan.action_month_theme if plan else None
        line = f"Tháng hành động năm {y} được tổ chức từ ngày {fmt_date(s)} đến ngày {fmt_date(e)}"
        line += f" với chủ đề “{theme}”." if theme else "."
        blocks.append(B.Para(line))
        blocks.append(B.Para(participants_sentence(f.action_month, "trong Tháng hành động")))
        if f.action_month.activities:
            blocks.append(by_type_table(f.action_month_by_type, "Hoạt động trong Tháng hành động",
                                        only_used=True, sheet="Tháng hành động"))

    if kind != "action_month":
        blocks.append(B.Para(f"{next(n)}. Kết quả thực hiện nhiệm vụ", "h2"))
        done = f.tasks_by_status.get("done", 0)
        blocks.append(B.Para(
            f"Trong số {fmt_int(len(f.tasks))} nhiệm vụ: hoàn thành {fmt_int(done)}, đang thực hiện "
            f"{fmt_int(f.tasks_by_status.get('in_progress', 0))}, chưa thực hiện "
            f"{fmt_int(f.tasks_by_status.get('not_started', 0))}"
            + (f", hủy bỏ {fmt_int(f.tasks_by_status['cancelled'])}" if f.tasks_by_status.get("cancelled") else "")
            + "."))
        rows = []
        for code in sorted(f.tasks_by_unit, key=lambda c: sort_key(units.get(c, c))):
            c = f.tasks_by_unit[code]
            rows.append([units.get(code, code), sum(c.values())] + [c.get(s, 0) for s in TASK_STATUSES])
        if rows:
            rows.append(["Tổng cộng", len(f.tasks)] + [f.tasks_by_status.get(s, 0) for s in TASK_STATUSES])
            blocks.append(B.Table(["Đơn vị chủ trì", "Số nhiệm vụ"] + list(TASK_STATUSES.values()),
                                  rows, [34, 11, 13, 13, 13, 11], ["L", "R", "R", "R", "R", "R"],
                                  total_row=True, caption="Nhiệm vụ theo đơn vị chủ trì", font_size=10.5,
                                  sheet="Nhiệm vụ theo đơn vị"))
        if f.overdue:
            as_of = f" (tính đến ngày {fmt_date(f.overdue_as_of)})" if f.overdue_as_of else ""
            blocks.append(B.Para(f"Các nhiệm vụ quá hạn chưa hoàn thành{as_of}:"))
            for t in f.overdue:
                blocks.append(B.Para(f"- {t.code}: {t.content} (đơn vị chủ trì: {units.get(t.lead, t.lead)}; "
                                     f"hạn {fmt_date(t.due)}; {TASK_STATUSES[t.status].lower()})."))

        blocks.append(B.Para(f"{next(n)}. Kết quả thực hiện các chỉ tiêu", "h2"))
        vc = f.verdict_counts
        total_t = len(f.target_rows)
        blocks.append(B.Para(
            f"Trong {fmt_int(total_t)} chỉ tiêu của kế hoạch: {fmt_int(vc[MET])} chỉ tiêu đạt, "
            f"{fmt_int(vc[NOT_MET])} chỉ tiêu không đạt, {fmt_int(vc[NO_DATA])} chỉ tiêu chưa có số liệu"
            + (" (đánh giá theo số liệu 6 tháng)." if kind in FIRST_HALF else ".")))
        rows, groups, current = [], set(), object()
        for i, r in enumerate(f.target_rows, 1):
            if r.objective != current:
                current = r.objective
                groups.add(len(rows))
                rows.append([OBJECTIVES[r.objective]])
            t = r.target
            star = lambda field, r=r: COMPUTED_MARK if field in r.computed else ""  # noqa: E731
            if t.kind == "qualitative":
                # The requirement is that it be done; the result goes under the period reported.
                mid, whole = ((qualitative_result(t), "") if kind in FIRST_HALF
                              else ("", qualitative_result(t)))
            else:
                mid = target_value(t, t.actual_mid_year) + star("actual_mid_year")
                whole = target_value(t, t.actual) + star("actual") if kind in ("year", *LATEST) else ""
            rows.append([i, t.text, plan_value(t), mid, whole, r.verdict])
        if rows:
            later = "Cả năm" if kind == "year" else "Mới nhất"
            blocks.append(B.Table(["STT", "Chỉ tiêu", "Kế hoạch", "6 tháng", later, "Đánh giá"],
                                  rows, [6, 46, 13, 11, 11, 13], ["C", "L", "C", "C", "C", "C"],
                                  group_rows=groups, caption="Kết quả thực hiện chỉ tiêu",
                                  font_size=10.5, sheet="Chỉ tiêu"))
            blocks += computed_note(f.target_rows)
            objs = sorted(f.verdicts_by_objective, key=lambda o: 7 if o is None else o)
            blocks.append(B.Chart(
                "targets_by_objective", "Số chỉ tiêu đạt, không đạt, chưa có số liệu theo mục tiêu",
                [OBJECTIVES[o] for o in objs],
                [(v, [f.verdicts_by_objective[o].get(v, 0) for o in objs]) for v in (MET, NOT_MET, NO_DATA)]))

    blocks.append(B.Para(f"{next(n)}. Kinh phí thực hiện", "h2"))
    money = f.money_by_source if kind != "action_month" else _money(f.action_activities)
    spent = sum(money.values())
    line = f"Tổng kinh phí đã chi {words}: {fmt_int(spent)} đồng"
    if plan and plan.budget_planned_vnd and kind != "action_month":
        line += f", bằng {fmt_percent(spent, plan.budget_planned_vnd)} kinh phí dự kiến ({fmt_int(plan.budget_planned_vnd)} đồng)"
    blocks.append(B.Para(line + "."))
    blocks.append(money_table(money, plan.budget_by_source if plan and kind != "action_month" else {}))

    blocks.append(B.Para("III. ĐÁNH GIÁ CHUNG", "h1"))
    for label, value in (("1. Ưu điểm", text.strengths), ("2. Tồn tại, hạn chế", text.limitations),
                         ("3. Nguyên nhân", text.causes)):
        blocks.append(B.Para(label, "h2"))
        blocks += _paras(value)
    nxt = {"year": "NĂM TỚI", "mid_year": "6 THÁNG CUỐI NĂM", "action_month": "THỜI GIAN TỚI", **NEXT}[kind]
    blocks.append(B.Para(f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {nxt}", "h1"))
    blocks += _paras(text.directions)
    blocks.append(B.Para("V. KIẾN NGHỊ, ĐỀ XUẤT", "h1"))
    blocks += _paras(text.recommendations)
    said = subject(kind, y)
    blocks.append(B.Para(f"Trên đây là báo cáo {said[:1].lower() + said[1:]} của {office_short(office)}./."))
    recipients = text.recipients or (plan.recipients if plan else [])
    blocks.append(B.Closing(recipients, signer_or_standard(
        office, text.signer, plan.signer if plan else None, getattr(data, "default_signer", None))))

    acts = f.activities if kind != "action_month" else f.action_activities
    if acts:
        blocks.append(B.PageBreak())
        blocks.append(B.Para("PHỤ LỤC", "center"))
        blocks.append(B.Para(f"DANH SÁCH CÁC HOẠT ĐỘNG {words.upper()}", "center"))
        # the report's number and date, or the same blanks as its header, to be filled in by hand
        gap = NBSP * 6
        ref = "(Kèm theo Báo cáo số " + number_line(text.number, "BC", office).removeprefix("Số:").lstrip(" ")
        ref += f" {date_words(text.issued_on)}" if text.issued_on else f" ngày{gap}tháng{gap}năm {y}"
        blocks.append(B.Para(f"{ref} của {office_short(office)})", "note"))
        rows = [[i, fmt_date(a.start), a.title, units.get(a.organizer, a.organizer or ""),
                 a.participants_total or 0, a.participants_female or 0, a.participants_male or 0,
                 a.budget_vnd or 0]
                for i, a in enumerate(acts, 1)]
        blocks.append(B.Table(["STT", "Ngày", "Tên hoạt động", "Đơn vị tổ chức", "Tổng số", "Nữ", "Nam",
                               "Kinh phí (đồng)"], rows, [6, 13, 34, 18, 8, 7, 7, 12],
                              ["C", "C", "L", "L", "R", "R", "R", "R"], font_size=9.5))
    return B.Document(title=subject(kind, y), blocks=blocks)


def _money(activities) -> dict:
    out = {k: 0 for k in BUDGET_SOURCES}
    for a in activities:
        out[a.budget_source if a.budget_source in out else None] += a.budget_vnd or 0
    return out


def _paras(value: str | None) -> list:
    if not value:
        return [B.Para(EMPTY, "plain")]
    return [B.Para(line.strip()) for line in value.splitlines() if line.strip()]
