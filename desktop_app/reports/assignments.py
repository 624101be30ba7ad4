"""Section IV of a plan (Tổ chức thực hiện), written the way commune plans write it: the desk that
leads the plan first, then the other government units, schools and others; then "Đề nghị ..." to
the Mặt trận and the mass organisations, which the Ủy ban asks rather than orders; villages last.
Each unit's duties are sentences built from the task texts: what it leads as typed, what it joins
as "Phối hợp với <lead> ...", never a doubled verb and never a unit partnering itself."""

from __future__ import annotations

import re
from collections import defaultdict

from ..domain.model import Task
from ..domain.numbers import fmt_date
from ..domain.summary import natural_key
from ..domain.text import sort_key
from . import blocks as B
from .common import lower_first, upper_first

# Unit kinds in the order their paragraphs come; mass organisations are asked ("Đề nghị").
KIND_ORDER = {"government": 0, "other": 1, "school": 2, "mass_org": 3, "village": 4}
_LEADING_VERB = re.compile(r"^(chủ trì,?\s+(?:và\s+)?)", re.IGNORECASE)
_JOIN = "phối hợp với "


def _sentence(text: str) -> str:
    text = text.strip().rstrip(";,.")
    return upper_first(text) + "."


_PLACE_TAIL = re.compile(r"\s+(?:xã|phường|thị trấn|đặc khu|huyện|quận|tỉnh)$", re.IGNORECASE)
_GENERIC = {"bộ", "phòng", "ban", "trường", "thôn", "tổ", "hội", "đoàn", "trạm", "công", "cơ", "các"}


def name_forms(name: str) -> list[str]:
    """How a task text may name a unit: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'Mặt trận Tổ
    quốc Việt Nam', 'Mặt trận'."""
    forms = [name]
    core = _PLACE_TAIL.sub("", re.sub(r"^(?:ủy|uỷ) ban\s+", "", name, flags=re.IGNORECASE))
    if core != name:
        forms.append(core)
    words = core.split()
    if len(words) > 2 and words[0].lower() not in _GENERIC:
        forms.append(" ".join(words[:2]))
    return forms


def _without(text: str, name: str) -> str:
    """The task text with the unit itself taken out of the list of units it opens with."""
    head, sep, tail = text.partition(";")
    for form in name_forms(name):
        for pat in (rf",\s*{re.escape(form)}(?=[\s,;.]|$)", rf"^{re.escape(form)},\s*"):
            new = re.sub(pat, "", head, count=1, flags=re.IGNORECASE)
            if new != head:
                return new + sep + tail
    return text


def lead_duty(t: Task) -> str:
    text = t.content.strip().rstrip(";,.")
    if t.due:
        text += f" (hoàn thành trước ngày {fmt_date(t.due)})"
    return _sentence(text)


def partner_duty(t: Task, unit_name: str, lead_name: str) -> str:
    """What a partner does in a task another unit leads, as its own sentence."""
    text = _LEADING_VERB.sub("", t.content.strip())
    low = text.lower()
    if low.startswith(_JOIN):
        rest = text[len(_JOIN):]
        for form in name_forms(unit_name):
            after = rest[len(form):]
            if rest.lower().startswith(form.lower()) and not after.lstrip().startswith(","):
                # "Phối hợp với trường X tổ chức ..." said to trường X: it works with the lead.
                return _sentence(f"Phối hợp với {lead_name}{after}")
        return _sentence(f"Cùng {lead_name} phối hợp với {_without(rest, unit_name)}")
    if low.startswith("phối hợp "):
        return _sentence(f"Cùng {lead_name} {lower_first(text)}")
    return _sentence(f"Phối hợp với {lead_name} {lower_first(_without(text, unit_name))}")


def plan_lead(tasks: list[Task], kinds: dict[str, str]) -> str | None:
    """The unit that leads the plan: the government desk leading most tasks."""
    count = defaultdict(int)
    for t in tasks:
        count[t.lead] += 1
    if not count:
        return None
    gov = [c for c in count if kinds.get(c) == "government"] or list(count)
    return max(gov, key=lambda c: (count[c], -tasks.index(next(t for t in tasks if t.lead == c))))


def organisation_blocks(tasks: list[Task], units: dict[str, str], kinds: dict[str, str]) -> list:
    tasks = sorted(tasks, key=lambda t: natural_key(t.code))
    if not tasks:
        return []
    leads: dict[str, list[Task]] = defaultdict(list)
    joins: dict[str, list[Task]] = defaultdict(list)
    for t in tasks:
        leads[t.lead].append(t)
        for p in dict.fromkeys(t.partners):
            if p != t.lead:
                joins[p].append(t)
    involved = set(leads) | set(joins)
    first = plan_lead(tasks, kinds)

    def order(code):
        return (code != first, KIND_ORDER.get(kinds.get(code, "other"), 1), -len(leads.get(code, [])),
                sort_key(units.get(code, code)))

    def duties(code) -> list[str]:
        name = units.get(code, code)
        out = [lead_duty(t) for t in leads.get(code, [])]
        out += [partner_duty(t, name, units.get(t.lead, t.lead)) for t in joins.get(code, [])]
        return out

    blocks: list = []
    n = 0
    ordered = sorted(involved, key=order)
    # The Mặt trận, which the mass organisations belong to, is named first among them.
    asked = sorted((c for c in ordered if kinds.get(c) == "mass_org"),
                   key=lambda c: "mặt trận" not in units.get(c, c).lower())
    for code in ordered:
        if code in asked:
            if code != asked[0]:
                continue
            n += 1
            names = [units.get(c, c) for c in asked]
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
            blocks.append(B.Para(f"{n}. Đề nghị {joined}", "h2"))
            for c in asked:
                if len(asked) > 1:
                    blocks.append(B.Para(units.get(c, c), "h3"))
                blocks += [B.Para(f"- {d}") for d in duties(c)]
            continue
        n += 1
        blocks.append(B.Para(f"{n}. {units.get(code, code)}", "h2"))
        blocks += [B.Para(f"- {d}") for d in duties(code)]
    return blocks
