"""Plans: creating one, its header, the draft kept while typing, copying to the next year."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json

from ..domain import rules
from ..domain.errors import NoPlanError, ValidationError
from ..domain.model import Plan, Signer


class PlanOps:
    # ---- drafts: a form's unsaved content, kept so a power cut does not lose it ----------
    def save_plan_draft(self, plan: Plan) -> None:
        from ..store.exchange import plan_header_out

        with self.db.atomic():
            self.repo.set_setting(_draft_key(plan.year, plan.kind),
                                  json.dumps(plan_header_out(plan), ensure_ascii=False))

    def plan_draft(self, year: int, kind: str = "annual") -> Plan | None:
        from ..store.exchange import plan_from_dict

        text = self.repo.setting(_draft_key(year, kind))
        return plan_from_dict(json.loads(text)) if text else None

    def drop_plan_draft(self, year: int, kind: str = "annual") -> None:
        if self.repo.setting(_draft_key(year, kind)):
            with self.db.atomic():
                self.repo.set_setting(_draft_key(year, kind), None)

    def save_plan_header(self, plan: Plan) -> None:
        errors = rules.plan_header_errors(plan)
        if errors:
            raise ValidationError([f"{k}: {v}" for k, v in errors.items()])
        with self.db.atomic():
            self.repo.save_plan_header(plan)

    def create_plan(self, year: int, kind: str = "annual") -> Plan:
        """An empty plan for the year, with the office's default signer."""
        if self.repo.plan_id(year, kind) is not None:
            raise ValidationError([f"Năm {year} đã có kế hoạch."])
        plan = Plan(year=year, kind=kind,
                    title=f"Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm {year}",
                    recipients=["Lưu: VT"], signer=self.default_signer())
        self.repo.save_plan(plan)
        return self.repo.plan(year, kind)

    def default_signer(self) -> Signer | None:
        from ..store.repository import signer_from_dict

        raw = self.repo.setting("default_signer")
        return signer_from_dict(json.loads(raw)) if raw else None

    def copy_plan_to_next_year(self, year: int) -> Plan:
        """Next year's plan from this one: texts kept, target values cleared, tasks reset,
        dates moved one year. Refused if next year already has a plan."""
        plan = self.repo.plan(year, "annual")
        if plan is None:
            raise NoPlanError(f"Năm {year} chưa có kế hoạch năm để sao chép.")
        nxt = year + 1
        if self.repo.plan_id(nxt, "annual") is not None:
            raise ValidationError([f"Năm {nxt} đã có kế hoạch; không sao chép đè lên."])
        new = copy.deepcopy(plan)
        new.year = nxt
        new.number = None
        new.issued_on = None
        # Texts that name the plan's own year move with it; legal bases cite older documents
        # and stay as they were. The Action Month theme is new every year.
        move = lambda text: text.replace(str(year), str(nxt)) if text else text  # noqa: E731
        new.title = move(plan.title)
        new.purposes = [move(x) for x in plan.purposes]
        new.requirements = [move(x) for x in plan.requirements]
        new.contents = [dataclasses.replace(c, heading=move(c.heading), items=[move(x) for x in c.items])
                        for c in plan.contents]
        new.budget_text = move(plan.budget_text)
        new.action_month_theme = None
        new.deadlines = [dataclasses.replace(d, due=shift_year(d.due)) for d in plan.deadlines]
        new.targets = [dataclasses.replace(t, baseline=t.actual if t.actual is not None else t.baseline,
                                           actual=None, actual_mid_year=None, achieved=None)
                       for t in plan.targets]
        new.tasks = [dataclasses.replace(t, start=shift_year(t.start), due=shift_year(t.due),
                                         status="not_started", completed_on=None, result=None)
                     for t in plan.tasks]
        with self.recorded_action(f"sao chép kế hoạch năm {year} sang năm {nxt}"):
            self.repo.save_plan(new)
        return self.repo.plan(nxt, "annual")


def shift_year(d: dt.date | None) -> dt.date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29/02
        return d.replace(year=d.year + 1, day=28)


def _draft_key(year: int, kind: str) -> str:
    # the annual plan's key is the one drafts were always kept under
    return f"draft_plan_{year}" if kind == "annual" else f"draft_plan_{year}_{kind}"
