"""What the screens read: short questions answered from the store."""

from __future__ import annotations

from ..domain.model import Activity, Office, Plan, Unit


class ReadingOps:
    def office(self) -> Office | None:
        return self.repo.office()

    def setting(self, key: str, default: str | None = None) -> str | None:
        return self.repo.setting(key, default)

    def units(self, active_only: bool = False) -> list[Unit]:
        return self.repo.units(active_only)

    def unit_names(self) -> dict[str, str]:
        return self.repo.unit_names()

    def unit_usage(self, code: str) -> int:
        return self.repo.unit_usage(code)

    def years(self) -> list[int]:
        return self.repo.plan_years()

    def has_plan(self, year: int, kind: str | None = None) -> bool:
        if kind is None:
            return bool(self.repo.plans_of_year(year))
        return self.repo.plan_id(year, kind) is not None

    def plan(self, year: int, kind: str = "annual") -> Plan | None:
        return self.repo.plan(year, kind)

    def plans_of_year(self, year: int) -> list[Plan]:
        return self.repo.plans_of_year(year)

    def activity(self, activity_id: str) -> Activity | None:
        return self.repo.activity(activity_id)

    def activity_list_rows(self, year: int | None = None) -> list[tuple]:
        return self.repo.activity_list_rows(year)
