"""Saving and deleting single records (activities, targets, tasks, units, settings); every
deletion can be undone at once."""

from __future__ import annotations

import json

from ..domain import rules
from ..domain.errors import ValidationError
from ..domain.model import Activity, Target, Task
from .undo import Undo, UndoOps


class EditingOps(UndoOps):
    def save_activity(self, activity: Activity, year: int, kind: str = "annual") -> str:
        """A new activity goes to the year's annual plan (or its Action Month plan when that is
        all the year has); an edited one stays in the plan that holds it."""
        plan_id = None
        if activity.id:
            held = self.repo.activity(activity.id)
            if held is not None and held.plan_year == year:
                plan_id = self.repo.plan_id(held.plan_year, held.plan_kind)
        if plan_id is None:
            plan_id = self.repo.plan_id(year, kind) or self.repo.plan_id(year, "action_month")
        if plan_id is None:
            raise ValidationError([f"Năm {year} chưa có kế hoạch: hãy tạo kế hoạch trước khi nhập hoạt động."])
        errors = rules.activity_errors(activity, plan_year=year)
        if errors:
            raise ValidationError([f"{k}: {v}" for k, v in errors.items()])
        return self.repo.save_activity(activity, plan_id)

    def delete_activities(self, ids: list[str]) -> Undo:
        before = self.repo.snapshot("activities", ids=ids)
        with self.db.atomic():
            for i in ids:
                self.repo.delete_activity(i)
        title = before[0]["title"] if before else ""
        title = title if len(title) <= 50 else title[:49].rstrip() + "…"  # it names a menu item
        label = f"Xóa hoạt động “{title}”" if len(before) == 1 else f"Xóa {len(before)} hoạt động"
        return self._undo(label, ("activities", before))

    def save_target(self, year: int, target: Target, kind: str = "annual") -> None:
        errors = rules.target_errors(target)
        if errors:
            raise ValidationError([f"{k}: {v}" for k, v in errors.items()])
        plan_id = self.repo.plan_id(year, kind)
        with self.db.atomic():
            self.repo.save_target(plan_id, target)

    def delete_target(self, year: int, code: str, kind: str = "annual") -> Undo:
        """The target goes, and so does every task's link to it (one transaction)."""
        pid = self.repo.plan_id(year, kind)
        target = self.repo.snapshot("targets", where="plan_id = ? and code = ?", args=[pid, code])
        tasks = self.repo.snapshot("tasks", where="plan_id = ?", args=[pid])
        with self.db.atomic():
            for task in self.repo.tasks(pid):
                if code in task.targets:
                    task.targets = [c for c in task.targets if c != code]
                    self.repo.save_task(pid, task)
            self.repo.delete_target(pid, code)
        return self._undo(f"Xóa chỉ tiêu {code}", ("targets", target), ("tasks", tasks))

    def save_task(self, year: int, task: Task, kind: str = "annual") -> None:
        errors = rules.task_errors(task)
        if errors:
            raise ValidationError([f"{k}: {v}" for k, v in errors.items()])
        plan_id = self.repo.plan_id(year, kind)
        with self.db.atomic():
            self.repo.save_task(plan_id, task)

    def delete_task(self, year: int, code: str, kind: str = "annual") -> Undo:
        """The task goes; activities that named it keep their data and lose only the link."""
        pid = self.repo.plan_id(year, kind)
        task = self.repo.snapshot("tasks", where="plan_id = ? and code = ?", args=[pid, code])
        linked = self.repo.snapshot("activities", where="plan_id = ? and task = ?", args=[pid, code])
        with self.db.atomic():
            self.repo.unlink_task_from_activities(pid, code)
            self.repo.delete_task(pid, code)
        return self._undo(f"Xóa nhiệm vụ {code}", ("tasks", task), ("activities", linked))

    def save_unit(self, unit) -> None:
        errors = rules.unit_errors(unit)
        if errors:
            raise ValidationError([f"{k}: {v}" for k, v in errors.items()])
        with self.db.atomic():
            self.repo.save_unit(unit)

    def delete_unit(self, code: str) -> Undo:
        """Only a unit nothing refers to can go; others are deactivated instead."""
        used = self.repo.unit_usage(code)
        if used:
            raise ValidationError([f"Đơn vị {code} đã được dùng {used} lần: chỉ có thể ngừng sử dụng, không xóa."])
        before = self.repo.snapshot("units", where="code = ?", args=[code])
        with self.db.atomic():
            self.repo.delete_unit(code)
        return self._undo(f"Xóa đơn vị “{before[0]['name']}”", ("units", before))

    def save_settings(self, office, settings: dict[str, str | None]) -> None:
        errors = rules.office_errors(office)
        if errors:
            raise ValidationError([f"{k}: {v}" for k, v in errors.items()])
        from ..store.repository import signer_to_dict

        if "default_signer" in settings and not isinstance(settings["default_signer"], (str, type(None))):
            signer = settings["default_signer"]  # a Signer: stored as JSON
            settings = {**settings, "default_signer": json.dumps(signer_to_dict(signer), ensure_ascii=False)}
        # Only what the officer changed is written (and so recorded in the history): a margin
        # still at its Decree 30 default is not a change.
        shown = {k: str(int(v)) for k, v in self.page_settings().items()}
        changed = {k: v for k, v in settings.items() if v != self.repo.setting(k, shown.get(k))}
        with self.db.atomic():
            if office != self.repo.office():
                self.repo.save_office(office)
            for k, v in changed.items():
                self.repo.set_setting(k, v)
