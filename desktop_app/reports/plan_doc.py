"""The plan (Kế hoạch): every part of the stored plan, in the order of domain.md."""

from __future__ import annotations

from collections import defaultdict

from ..domain.issuer import signer_or_standard
from ..domain.model import OBJECTIVES, Plan
from ..domain.numbers import fmt_date, fmt_int, fmt_quantity
from ..domain.summary import natural_key
from . import blocks as B
from .assignments import organisation_blocks
from .common import NBSP, date_line, date_words, keep_last_words, lower_first, number_line, office_short

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def target_sentence(t, worded: frozenset[str] = frozenset()) -> str:
    """'<wording>: đạt từ 60% trở lên.' A wording of the national strategy states its own
    figures and is printed as the resolution words it (its value is in the evaluation table)."""
    if t.kind == "numeric" and t.target is not None and t.text not in worded:
        value = fmt_quantity(t.target, t.unit)
        if t.comparison == "<=":
            return f"{t.text}: không vượt quá {value}."
        return f"{t.text}: đạt từ {value} trở lên."
    return t.text.rstrip(".") + "."


def build_plan(data) -> B.Document:
    f = data.figures
    plan: Plan = f.action_plan if data.kind == "action_month_plan" else (f.annual or f.action_plan)
    office = data.office
    units = data.units
    doc_title = "KẾ HOẠCH"
    blocks: list = [
        B.Header(office, number_line(plan.number, "KH", office), date_line(office, plan.issued_on, plan.year)),
        B.Title(doc_title, keep_last_words(plan.title)),
    ]
    # Opening paragraph citing the legal bases.
    bases = plan.legal_bases
    issuer = office.name
    if len(bases) == 1:
        blocks.append(B.Para(f"Thực hiện {bases[0].rstrip('.;')}, {issuer} ban hành "
                             f"Kế hoạch {lower_first(plan.title)} như sau:"))
    else:
        for b in bases:
            blocks.append(B.Para(f"Căn cứ {b.rstrip('.;')};"))
        blocks.append(B.Para(f"{issuer} ban hành Kế hoạch {lower_first(plan.title)} như sau:"))

    sec = iter(ROMAN)
    # An empty part is left out and the rest renumbered: nothing the program says to the
    # officer ("chưa nhập ...") goes into a signed document.
    aims = [(label, items) for label, items in (("Mục đích", plan.purposes), ("Yêu cầu", plan.requirements))
            if items]
    if aims:
        blocks.append(B.Para(f"{next(sec)}. {', '.join(a[0] for a in aims).upper()}", "h1"))
        for i, (label, items) in enumerate(aims, 1):
            if len(aims) > 1:
                blocks.append(B.Para(f"{i}. {label}", "h2"))
            blocks += [B.Para(f"- {x}") for x in items]

    if plan.targets:
        blocks.append(B.Para(f"{next(sec)}. CHỈ TIÊU", "h1"))
        groups = defaultdict(list)
        for t in plan.targets:
            groups[t.objective].append(t)
        order = sorted(groups, key=lambda o: 7 if o is None else o)
        for i, obj in enumerate(order, 1):
            blocks.append(B.Para(f"{i}. {OBJECTIVES[obj]}", "h2"))
            for t in sorted(groups[obj], key=lambda t: natural_key(t.code)):
                blocks.append(B.Para(f"- {target_sentence(t, data.worded_targets)}"))

    theme_text = None
    if plan.action_month_theme or plan.kind == "action_month":
        s, e = plan.action_month_start.split("-"), plan.action_month_end.split("-")
        theme_text = (f"Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
                      f"năm {plan.year} được tổ chức từ ngày {s[1]}/{s[0]} đến ngày {e[1]}/{e[0]}/{plan.year}")
        if plan.action_month_theme:
            theme_text += f" với chủ đề “{plan.action_month_theme}”"
    if plan.contents or theme_text:
        blocks.append(B.Para(f"{next(sec)}. NỘI DUNG HOẠT ĐỘNG", "h1"))
        # In the Action Month's own plan, the month's dates and theme open its contents; in the
        # year's plan they close them.
        opening = plan.kind == "action_month"
        if theme_text and opening:
            blocks.append(B.Para(theme_text + "."))
        for i, c in enumerate(plan.contents, 1):
            blocks.append(B.Para(f"{i}. {c.heading}", "h2"))
            blocks += [B.Para(f"- {x}") for x in c.items]
        if theme_text and not opening:
            blocks.append(B.Para(theme_text + "."))

    duties = organisation_blocks(plan.tasks, units, getattr(data, "unit_kinds", {}) or {})
    if duties:
        blocks.append(B.Para(f"{next(sec)}. TỔ CHỨC THỰC HIỆN", "h1"))
        blocks += duties

    blocks.append(B.Para(f"{next(sec)}. KINH PHÍ", "h1"))
    if plan.budget_text:
        blocks.append(B.Para(plan.budget_text))
    if plan.budget_planned_vnd:
        blocks.append(B.Para(f"Tổng kinh phí dự kiến: {fmt_int(plan.budget_planned_vnd)} đồng."))
    if not plan.budget_text and not plan.budget_planned_vnd:
        blocks.append(B.Para("Kinh phí thực hiện từ dự toán ngân sách được giao và các nguồn hợp pháp khác."))

    blocks.append(B.Para(f"{next(sec)}. CHẾ ĐỘ BÁO CÁO", "h1"))
    for d in sorted(plan.deadlines, key=lambda d: d.due):
        to = f", gửi {d.to}" if d.to else ""
        blocks.append(B.Para(f"- {d.label}: trước {date_words(d.due)}{to}."))
    if not plan.deadlines:
        blocks.append(B.Para("Các cơ quan, đơn vị báo cáo kết quả thực hiện theo yêu cầu."))

    blocks.append(B.Para(
        f"Trên đây là Kế hoạch {lower_first(plan.title)} của {issuer}. Đề nghị các cơ quan, đơn vị "
        f"nghiêm túc triển khai thực hiện; trong quá trình thực hiện nếu có khó khăn, vướng mắc, "
        f"kịp thời báo cáo về {office_short(office)} để xem xét, giải quyết./."))
    blocks.append(B.Closing(plan.recipients,
                            signer_or_standard(office, plan.signer, getattr(data, "default_signer", None))))

    if plan.tasks:
        blocks.append(B.PageBreak())
        blocks.append(B.Para("PHỤ LỤC", "center"))
        blocks.append(B.Para("PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH", "center"))
        # Blanks left for the number and the date, as in the header, to be filled in by hand.
        ref = "(Kèm theo Kế hoạch số " + number_line(plan.number, "KH", office).removeprefix("Số:").lstrip(" ")
        gap = NBSP * 6
        ref += f" {date_words(plan.issued_on)}" if plan.issued_on else f" ngày{gap}tháng{gap}năm {plan.year}"
        blocks.append(B.Para(ref + f" của {issuer})", "note"))
        rows = []
        for i, t in enumerate(sorted(plan.tasks, key=lambda t: natural_key(t.code)), 1):
            rows.append([str(i), t.content, units.get(t.lead, t.lead),
                         ", ".join(units.get(p, p) for p in t.partners), fmt_date(t.due)])
        blocks.append(B.Table(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
                              rows, [6, 44, 17, 22, 12], ["C", "L", "L", "L", "C"], sheet="Phân công"))
    return B.Document(title=f"Kế hoạch {plan.title}", blocks=blocks)
