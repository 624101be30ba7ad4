"""The figures a report shows, computed from a year's plans and activities (never typed)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .measures import with_measured
from .model import ACTIVITY_TYPES, BUDGET_SOURCES, Activity, Plan, Target, Task
from .rules import MET, NO_DATA, NOT_MET, action_month_window, in_action_month, is_overdue, target_verdict


@dataclass
class Totals:
    activities: int = 0
    participants_total: int = 0
    participants_female: int = 0
    participants_male: int = 0
    participants_ethnic_minority: int = 0
    leaflets: int = 0
    posters_banners: int = 0
    articles: int = 0
    broadcasts: int = 0
    budget_vnd: int = 0

    def add(self, a: Activity) -> None:
        self.activities += 1
        self.participants_total += a.participants_total or 0
        self.participants_female += a.participants_female or 0
        self.participants_male += a.participants_male or 0
        self.participants_ethnic_minority += a.participants_ethnic_minority or 0
        self.leaflets += a.leaflets or 0
        self.posters_banners += a.posters_banners or 0
        self.articles += a.articles or 0
        self.broadcasts += a.broadcasts or 0
        self.budget_vnd += a.budget_vnd or 0


@dataclass
class TargetRow:
    objective: int | None
    target: Target
    verdict: str
    computed: set[str] = field(default_factory=set)  # values counted from the activities


@dataclass
class Figures:
    year: int
    period: str
    cutoff: dt.date | None
    annual: Plan | None
    action_plan: Plan | None
    window: tuple[dt.date, dt.date]
    totals: Totals
    by_type: dict[str, Totals]
    action_month: Totals
    action_month_by_type: dict[str, Totals]
    money_by_source: dict[str | None, int]
    tasks: list[Task]
    tasks_by_status: dict[str, int]
    tasks_by_unit: dict[str, Counter]
    overdue: list[Task]
    target_rows: list[TargetRow]
    verdict_counts: dict[str, int]
    verdicts_by_objective: dict[int | None, Counter]
    activities: list[Activity] = field(default_factory=list)
    action_activities: list[Activity] = field(default_factory=list)
    # From 1 January to the period's last day (a quarter shows them beside its own figures).
    ytd_totals: Totals = field(default_factory=Totals)
    ytd_by_type: dict[str, Totals] = field(default_factory=dict)
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    # The same months of the previous year, when the database holds that year's plan.
    previous: Figures | None = None
    overdue_as_of: dt.date | None = None  # the day overdue tasks were judged against

    @property
    def main_plan(self) -> Plan | None:
        return self.annual or self.action_plan


# The periods a report covers: (first day, last day) as (month, day) of the plan year.
PERIODS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "q1": ((1, 1), (3, 31)),
    "q2": ((4, 1), (6, 30)),
    "q3": ((7, 1), (9, 30)),
    "q4": ((10, 1), (12, 31)),
    "mid_year": ((1, 1), (6, 30)),
    "nine_month": ((1, 1), (9, 30)),
    "year": ((1, 1), (12, 31)),
    "action_month": ((1, 1), (12, 31)),  # counts its window, inside the whole year
}
QUARTERS = ("q1", "q2", "q3", "q4")


def period_days(year: int, period: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period a report of `year` covers."""
    (m1, d1), (m2, d2) = PERIODS.get(period, PERIODS["year"])
    return dt.date(year, m1, d1), dt.date(year, m2, d2)


def target_order(t) -> tuple:
    """Targets by objective (1-6, then local targets without one), then by code."""
    return (7 if t.objective is None else t.objective, natural_key(t.code))


def natural_key(code: str):
    """'T2' before 'T10'."""
    import re

    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", code)]


def period_last_day(year: int, period: str, window: tuple[dt.date, dt.date] | None = None) -> dt.date:
    """The last day of the period a report covers (`PERIODS`: 30/6 for the 6-month report, 31/12
    for the year report, the quarter's last day for a quarterly one); the window's end for the
    Action Month report."""
    if period == "action_month" and window:
        return window[1]
    return period_days(year, period)[1]


def reference_date(year: int, period: str, today: dt.date, report_date: dt.date | None = None,
                   window: tuple[dt.date, dt.date] | None = None) -> dt.date:
    """The day a printed report judges overdue tasks against: the earliest of the report's own
    date (when it has one), the last day of its period and today (exchange-format.md)."""
    days = [period_last_day(year, period, window), today]
    if report_date:
        days.append(report_date)
    return min(days)


def compute(
    year: int,
    plans: list[Plan],
    activities: list[Activity],
    period: str = "year",
    today: dt.date | None = None,
    report_date: dt.date | None = None,
    printed: bool = False,
) -> Figures:
    """Every figure of the plan/6-month/year-end/Action Month report of `year`.

    `activities` are those of the year's plans; each is counted once by id. On screen a task is
    overdue against `today`; in a printed report (`printed`) against `reference_date`.
    """
    today = today or dt.date.today()
    annual = next((p for p in plans if p.kind == "annual" and p.year == year), None)
    action_plan = next((p for p in plans if p.kind == "action_month" and p.year == year), None)
    window_plan = annual or action_plan
    window = action_month_window(window_plan) if window_plan else (
        dt.date(year, 11, 15), dt.date(year, 12, 15))
    first, last = period_days(year, period)
    cutoff = last if last < dt.date(year, 12, 31) else None

    seen: set = set()
    counted: list[Activity] = []
    counted_to_last: list[Activity] = []  # from 1 January: what targets are measured on
    ytd = Totals()
    ytd_by_type = {t: Totals() for t in ACTIVITY_TYPES}
    for a in sorted(activities, key=lambda a: (a.start, a.id or "")):
        key = a.id if a.id is not None else id(a)
        if key in seen:
            continue
        seen.add(key)
        if a.start > last:
            continue
        ytd.add(a)
        counted_to_last.append(a)
        ytd_by_type.setdefault(a.type, Totals()).add(a)
        if a.start >= first:
            counted.append(a)

    totals = Totals()
    by_type = {t: Totals() for t in ACTIVITY_TYPES}
    am = Totals()
    am_by_type = {t: Totals() for t in ACTIVITY_TYPES}
    money: dict[str | None, int] = {k: 0 for k in BUDGET_SOURCES}
    am_list = []
    for a in counted:
        totals.add(a)
        by_type.setdefault(a.type, Totals()).add(a)
        money[a.budget_source if a.budget_source in money else None] += a.budget_vnd or 0
        if in_action_month(a, window):
            am.add(a)
            am_by_type.setdefault(a.type, Totals()).add(a)
            am_list.append(a)

    tasks = []
    for p in (annual, action_plan):
        if p:
            tasks.extend(p.tasks)
    tasks.sort(key=lambda t: natural_key(t.code))
    if period in QUARTERS or period in ("mid_year", "nine_month"):
        # as they stood at the period's end: the 6-month report and the q2 report of the same
        # day never disagree on what was done by 30 June
        tasks = [task_as_at(t, last) for t in tasks]
        today = min(today, last)  # never overdue for a due date after the period
    status_counts = Counter(t.status for t in tasks)
    by_unit: dict[str, Counter] = defaultdict(Counter)
    for t in tasks:
        by_unit[t.lead][t.status] += 1
    as_of = reference_date(year, period, today, report_date, window) if printed else today
    overdue = [t for t in tasks if is_overdue(t, as_of)]

    targets = []
    for p in (annual, action_plan):
        if p:
            targets.extend(p.targets)
    targets.sort(key=target_order)
    rows = []
    for t in targets:
        t, computed = with_measured(t, counted_to_last, year, last, today)
        rows.append(TargetRow(t.objective, t, target_verdict(t, period), computed))
    verdict_counts = {MET: 0, NOT_MET: 0, NO_DATA: 0}
    per_obj: dict[int | None, Counter] = defaultdict(Counter)
    for r in rows:
        verdict_counts[r.verdict] += 1
        per_obj[r.objective][r.verdict] += 1

    return Figures(
        year=year, period=period, cutoff=cutoff, annual=annual, action_plan=action_plan,
        window=window, totals=totals, by_type=by_type, action_month=am,
        action_month_by_type=am_by_type, money_by_source=money, tasks=tasks,
        tasks_by_status=dict(status_counts), tasks_by_unit=dict(by_unit), overdue=overdue,
        target_rows=rows, verdict_counts=verdict_counts, verdicts_by_objective=dict(per_obj),
        activities=counted, action_activities=am_list, ytd_totals=ytd, ytd_by_type=ytd_by_type,
        first_day=first, last_day=last, overdue_as_of=as_of,
    )


def task_as_at(task: Task, day: dt.date) -> Task:
    """The task as it stood on `day`: one finished later was still in progress then, one not
    yet started then had not started."""
    import dataclasses

    if task.status == "cancelled":
        return task
    if task.start and task.start > day:
        return dataclasses.replace(task, status="not_started", completed_on=None)
    if task.status == "done" and task.completed_on and task.completed_on > day:
        return dataclasses.replace(task, status="in_progress", completed_on=None)
    return task
