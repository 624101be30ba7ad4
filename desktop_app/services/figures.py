"""The year's figures (computed, never stored) and the dashboard built from them."""

from __future__ import annotations

import datetime as dt

from ..domain import rules, summary
from ..domain.deadlines import deadline_kind
from ..domain.errors import NoPlanError
from ..domain.model import Plan

COMPARED_PERIODS = ("year", "mid_year")


class FigureOps:
    def _require_plan(self, year: int) -> list[Plan]:
        plans = self.repo.plans_of_year(year)
        if not plans:
            raise NoPlanError(f"Năm {year} chưa có kế hoạch nào: chưa có gì để in.")
        return plans

    def figures(self, year: int, period: str = "year", today: dt.date | None = None,
                report_date: dt.date | None = None, printed: bool = False):
        """The figures of a report of `period`; the year and 6-month ones carry the same months
        of the previous year when the database holds its plan. `printed`: for a printed report
        dated `report_date` (overdue tasks judged as `summary.reference_date` says)."""
        plans = self._require_plan(year)
        f = summary.compute(year, plans, self.repo.activities_of_year(year), period, today,
                            report_date=report_date, printed=printed)
        if period in COMPARED_PERIODS:
            before = self.repo.plans_of_year(year - 1)
            if before:
                f.previous = summary.compute(year - 1, before, self.repo.activities_of_year(year - 1),
                                             period, today)
        return f

    def measured_targets(self, year: int, today: dt.date | None = None) -> dict[str, dict[str, float]]:
        """Targets whose values are counted from the activities (none typed): code -> the
        values counted ({"actual_mid_year": ..., "actual": ...})."""
        if not self.repo.plans_of_year(year):
            return {}
        f = summary.compute(year, self.repo.plans_of_year(year), self.repo.activities_of_year(year), "year", today)
        return {r.target.code: {k: getattr(r.target, k) for k in r.computed} for r in f.target_rows if r.computed}

    def dashboard(self, year: int, today: dt.date | None = None) -> dict:
        today = today or dt.date.today()
        f = self.figures(year, "year", today)
        deadlines = []
        for p in (f.annual, f.action_plan):
            if p:
                deadlines.extend(d for d in p.deadlines if d.due >= today)
        deadlines.sort(key=lambda d: d.due)
        return {"figures": f, "deadlines": deadlines,
                # the report each deadline asks for (None: its label names none), to open it
                "deadline_kinds": [deadline_kind(d.label, d.due) for d in deadlines],
                "days_to_action_month": rules.days_until(f.window[0], today)}
