"""The year's figures (computed, never stored) and the dashboard built from them."""

from __future__ import annotations

import datetime as dt

from ..domain import rules, summary
from ..domain.errors import NoPlanError
from ..domain.model import Plan


class FigureOps:
    def _require_plan(self, year: int) -> list[Plan]:
        plans = self.repo.plans_of_year(year)
        if not plans:
            raise NoPlanError(f"Năm {year} chưa có kế hoạch nào: chưa có gì để in.")
        return plans

    def figures(self, year: int, period: str = "year", today: dt.date | None = None):
        plans = self._require_plan(year)
        return summary.compute(year, plans, self.repo.activities_of_year(year), period, today)

    def dashboard(self, year: int, today: dt.date | None = None) -> dict:
        today = today or dt.date.today()
        f = self.figures(year, "year", today)
        deadlines = []
        for p in (f.annual, f.action_plan):
            if p:
                deadlines.extend(d for d in p.deadlines if d.due >= today)
        deadlines.sort(key=lambda d: d.due)
        return {"figures": f, "deadlines": deadlines,
                "days_to_action_month": rules.days_until(f.window[0], today)}
