"""The facts a draft may state, taken from the report's own figures (`summary.Figures`).

Each fact is a number, a date or a name as the report's tables hold it; a list fact is a list of
dicts. Nothing here is wording: the sentences are in the part modules.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import ACTIVITY_TYPES, OBJECTIVES, TASK_STATUSES
from ..numbers import date_words, fmt_percent, fmt_quantity
from ..rules import MET, NO_DATA, NOT_MET, period_value
from ..summary import Figures, Totals
from ..text import lower_first, office_short, sort_key
from . import words


def _share(part: int, whole: int) -> str:
    return fmt_percent(part, whole) if whole else ""


def _clip(text: str) -> str:
    return " ".join((text or "").split()).rstrip(".;:").strip()


def _totals(f: Figures, scope: str) -> tuple[Totals, dict[str, Totals], list]:
    if scope == "action_month":
        return f.action_month, f.action_month_by_type, f.action_activities
    return f.totals, f.by_type, f.activities


def _activity_facts(t: Totals, by_type: dict[str, Totals]) -> dict:
    facts = {
        "activities": t.activities, "participants": t.participants_total,
        "female": t.participants_female, "male": t.participants_male,
        "female_share": _share(t.participants_female, t.participants_total),
        "ethnic": t.participants_ethnic_minority, "no_activities": t.activities == 0,
    }
    # The forms most used (the table lists them all): held more than once; "other" names no form.
    used = sorted(((v.activities, k) for k, v in by_type.items() if v.activities > 1 and k != "other"),
                  key=lambda x: -x[0])
    facts["top_types"] = [{"label": lower_first(ACTIVITY_TYPES.get(k, k)), "count": n} for n, k in used[:3]]
    return facts


def _changes(now: Totals, before: Totals) -> tuple[list, list]:
    """What rose and what fell since the period compared with, as both reports print it."""
    ups, downs = [], []
    raw = {
        "activities": (before.activities, now.activities),
        "participants": (before.participants_total, now.participants_total),
        "female_share": (before.participants_female / before.participants_total if before.participants_total else None,
                         now.participants_female / now.participants_total if now.participants_total else None),
    }
    shown = {
        "activities": (before.activities, now.activities),
        "participants": (before.participants_total, now.participants_total),
        "female_share": (_share(before.participants_female, before.participants_total),
                         _share(now.participants_female, now.participants_total)),
    }
    for what, key in words.CHANGES:
        b, a = raw[key]
        if b is None or a is None or shown[key][0] == shown[key][1] or not b:
            continue
        item = {"what": what, "before": shown[key][0], "after": shown[key][1]}
        (ups if a > b else downs).append(item)
    return ups, downs


def _objective(objective: int | None) -> str:
    """'Mục tiêu 1 (Chính trị)' from the table's group row 'Mục tiêu 1: Chính trị'."""
    label = OBJECTIVES[objective]
    head, sep, rest = label.partition(": ")
    return f"{head} ({rest})" if sep else label


def _target_item(row, period: str, units: dict) -> dict:
    t = row.target
    item = {"code": t.code, "text": _clip(t.text), "text_lower": lower_first(_clip(t.text)), "objective": _objective(row.objective),
            "lead": units.get(t.lead, t.lead) if t.lead else None}
    if t.kind != "qualitative":
        item["value"] = fmt_quantity(period_value(t, period), t.unit)  # the value the report shows
        if t.target is not None and t.comparison in words.PLAN_VALUE:
            item["plan"] = words.PLAN_VALUE[t.comparison].format(v=fmt_quantity(t.target, t.unit))
        if item["value"] == "-":
            del item["value"]
    return item


def _unit_list(codes, units: dict) -> list[dict]:
    names = {units.get(c, c) for c in codes if c}
    return [{"unit": n} for n in sorted(names, key=sort_key)]


def build(f: Figures, spec, office, units: dict[str, str], previous: Figures | None = None,
          previous_year: int | None = None) -> dict:
    """All facts of one report. `spec` is the report kind's module (see `kinds`)."""
    topics = spec.TOPICS
    period = spec.PERIOD.format(year=f.year)
    # The year is a name, not a quantity: 2026, never 2.026.
    facts: dict = {"year": str(f.year), "period": period,
                   "office": office_short(office)}

    # The plan the report answers to: the Action Month's own plan for its report.
    plan = (f.action_plan or f.annual) if spec.SCOPE == "action_month" else (f.annual or f.action_plan)
    if plan:
        facts["plan_number"] = plan.number
        facts["plan_date"] = date_words(plan.issued_on) if plan.issued_on else None
        facts["plan_title"] = lower_first(_clip(plan.title))
        facts["theme"] = plan.action_month_theme

    t, by_type, acts = _totals(f, spec.SCOPE)
    facts.update(_activity_facts(t, by_type))

    if previous is not None and "comparison" in topics:
        pt, _, _ = _totals(previous, spec.SCOPE)
        facts["previous_period"] = spec.PREVIOUS.format(year=previous_year or f.year - 1)
        facts["increases"], facts["decreases"] = _changes(t, pt)

    if "action_month" in topics:
        am = f.action_month
        facts.update({"am_start": f.window[0], "am_end": f.window[1], "am_activities": am.activities,
                      "am_participants": am.participants_total, "am_female": am.participants_female,
                      "am_female_share": _share(am.participants_female, am.participants_total)})

    if "tasks" in topics:
        s = f.tasks_by_status
        facts.update({"tasks_total": len(f.tasks), "tasks_done": s.get("done", 0),
                      "tasks_in_progress": s.get("in_progress", 0), "tasks_not_started": s.get("not_started", 0)})
        by_unit: dict[str, list] = defaultdict(list)
        for task in f.overdue:
            by_unit[task.lead].append({"code": task.code, "content": lower_first(_clip(task.content)), "due": task.due,
                                       "status": TASK_STATUSES[task.status].lower(),
                                       "unit": units.get(task.lead, task.lead)})
        facts["overdue_by_unit"] = [{"unit": units.get(c, c), "tasks": by_unit[c]}
                                    for c in sorted(by_unit, key=lambda c: sort_key(units.get(c, c)))]
        facts["overdue"] = [task for g in facts["overdue_by_unit"] for task in g["tasks"]]
        facts["overdue_units"] = _unit_list(by_unit, units)

    if "targets" in topics:
        vc = f.verdict_counts
        facts.update({"targets_total": len(f.target_rows), "targets_met": vc[MET],
                      "targets_not_met": vc[NOT_MET], "targets_no_data": vc[NO_DATA]})
        met_groups: dict = {}
        for row in f.target_rows:
            if row.verdict == MET:
                met_groups.setdefault(row.objective, []).append(_target_item(row, f.period, units))
        facts["met_by_objective"] = [{"objective": _objective(o), "targets": items} for o, items in met_groups.items()]
        facts["not_met"] = [_target_item(r, f.period, units) for r in f.target_rows if r.verdict == NOT_MET]
        no_data = [r for r in f.target_rows if r.verdict == NO_DATA]
        facts["no_data"] = [_target_item(r, f.period, units) for r in no_data]
        facts["no_data_units"] = _unit_list((r.target.lead for r in no_data), units)

    if "units" in topics:
        active = {a.organizer for a in acts} | {p for a in acts for p in a.partners}
        facts["units_without_activity"] = _unit_list({task.lead for task in f.tasks} - active, units)

    if "money" in topics:
        facts["spent"] = t.budget_vnd
        planned = plan.budget_planned_vnd if plan else None
        if "money_plan" in topics and planned:
            facts["planned"] = planned
            facts["spent_share"] = _share(t.budget_vnd, planned)
            facts["over_budget"] = t.budget_vnd > planned

    facts["all_met"] = not (facts.get("not_met") or facts.get("overdue") or facts.get("no_activities"))
    return facts
