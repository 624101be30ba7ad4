"""The plan (Kế hoạch): every part of the stored plan, in the order of domain.md."""

from __future__ import annotations

from collections import defaultdict

from ..domain.model import OBJECTIVES, Plan
from ..domain.numbers import fmt_date, fmt_int, fmt_num
from ..domain.summary import natural_key
from ..domain.text import sort_key
from . import blocks as B
from .common import date_line, date_words, lower_first, number_line, office_short

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def target_sentence(t) -> str:
    if t.kind == "numeric" and t.target is not None:
        unit = t.unit or ""
        value = fmt_num(t.target) + ("" if unit in ("", "%") else " ") + unit
        if t.comparison == "<=":
            return f"{t.text}: không vượt quá {value}."
        return f"{t.text}: đạt từ {value} trở lên."
    return t.text.rstrip(".") + "."


def build_plan(data) -> B.Document:
    f = data.figures
    plan: Plan = f.annual or f.action_plan
    office = data.office
    units = data.units
    doc_title = "KẾ HOẠCH"
    blocks: list = [
        B.Header(office, number_line(plan.number, "KH-UBND"), date_line(office, plan.issued_on, plan.year)),
        B.Title(doc_title, plan.title),
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
    blocks.append(B.Para(f"{next(sec)}. MỤC ĐÍCH, YÊU CẦU", "h1"))
    blocks.append(B.Para("1. Mục đích", "h2"))
    blocks += [B.Para(f"- {x}") for x in plan.purposes] or [B.Para("- (Chưa nhập mục đích.)")]
    blocks.append(B.Para("2. Yêu cầu", "h2"))
    blocks += [B.Para(f"- {x}") for x in plan.requirements] or [B.Para("- (Chưa nhập yêu cầu.)")]

    if plan.targets:
        blocks.append(B.Para(f"{next(sec)}. CHỈ TIÊU", "h1"))
        groups = defaultdict(list)
        for t in plan.targets:
            groups[t.objective].append(t)
        order = sorted(groups, key=lambda o: 7 if o is None else o)
        for i, obj in enumerate(order, 1):
            blocks.append(B.Para(f"{i}. {OBJECTIVES[obj]}", "h2"))
            for t in sorted(groups[obj], key=lambda t: natural_key(t.code)):
                blocks.append(B.Para(f"- {target_sentence(t)}"))

    blocks.append(B.Para(f"{next(sec)}. NỘI DUNG HOẠT ĐỘNG", "h1"))
    for i, c in enumerate(plan.contents, 1):
        blocks.append(B.Para(f"{i}. {c.heading}", "h2"))
        blocks += [B.Para(f"- {x}") for x in c.items]
    if plan.action_month_theme or plan.kind == "action_month":
        s, e = plan.action_month_start.split("-"), plan.action_month_end.split("-")
        text = (f"Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
                f"năm {plan.year} được tổ chức từ ngày {s[1]}/{s[0]} đến ngày {e[1]}/{e[0]}/{plan.year}")
        if plan.action_month_theme:
            text += f" với chủ đề “{plan.action_month_theme}”"
        blocks.append(B.Para(text + "."))

    blocks.append(B.Para(f"{next(sec)}. TỔ CHỨC THỰC HIỆN", "h1"))
    leads, partners = defaultdict(list), defaultdict(list)
    for t in sorted(plan.tasks, key=lambda t: natural_key(t.code)):
        leads[t.lead].append(t)
        for p in t.partners:
            partners[p].append(t)
    involved = sorted(set(leads) | set(partners), key=lambda c: (-len(leads.get(c, [])), sort_key(units.get(c, c))))
    for i, code in enumerate(involved, 1):
        name = units.get(code, code)
        parts = []
        if leads.get(code):
            parts.append("Chủ trì: " + "; ".join(
                lower_first(t.content).rstrip(".") + (f" (hoàn thành trước {fmt_date(t.due)})" if t.due else "")
                for t in leads[code]))
        if partners.get(code):
            parts.append("Phối hợp: " + "; ".join(lower_first(t.content).rstrip(".") for t in partners[code]))
        blocks.append(B.Para(". ".join(parts) + ".", bold_lead=f"{i}. {name}: "))

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
    blocks.append(B.Closing(plan.recipients, plan.signer))

    if plan.tasks:
        blocks.append(B.PageBreak())
        blocks.append(B.Para("PHỤ LỤC", "center"))
        blocks.append(B.Para("PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH", "center"))
        ref = f"(Kèm theo Kế hoạch số {plan.number}" if plan.number else "(Kèm theo Kế hoạch"
        ref += f" {date_words(plan.issued_on)}" if plan.issued_on else f" năm {plan.year}"
        blocks.append(B.Para(ref + f" của {issuer})", "note"))
        rows = []
        for i, t in enumerate(sorted(plan.tasks, key=lambda t: natural_key(t.code)), 1):
            rows.append([str(i), t.content, units.get(t.lead, t.lead),
                         ", ".join(units.get(p, p) for p in t.partners), fmt_date(t.due)])
        blocks.append(B.Table(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
                              rows, [6, 44, 17, 22, 12], ["C", "L", "L", "L", "C"]))
    return B.Document(title=f"Kế hoạch {plan.title}", blocks=blocks)
