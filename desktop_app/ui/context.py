"""What every page shares: the open workspace, the chosen year, and change notifications."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..services import Workspace


class AppContext(QObject):
    year_changed = Signal(int)
    data_changed = Signal()  # anything stored changed: pages showing it refresh

    def __init__(self, ws: Workspace, year: int):
        super().__init__()
        self.ws = ws
        self.year = year

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.year_changed.emit(year)

    def units(self, active_only: bool = False) -> dict[str, str]:
        return {u.code: u.name for u in self.ws.repo.units(active_only)}

    def plan(self, kind: str = "annual"):
        return self.ws.repo.plan(self.year, kind)

    def notify(self) -> None:
        self.data_changed.emit()
