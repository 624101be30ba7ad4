"""What every page shares: the open workspace, the chosen year, and change notifications."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..services import Undo, Workspace


class AppContext(QObject):
    year_changed = Signal(int)
    data_changed = Signal()  # anything stored changed: pages showing it refresh
    undo_changed = Signal()  # the last deletion, which Ctrl+Z puts back, changed

    def __init__(self, ws: Workspace, year: int):
        super().__init__()
        self.ws = ws
        self.year = year
        self.last_delete: Undo | None = None

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.year_changed.emit(year)

    def units(self, active_only: bool = False) -> dict[str, str]:
        return {u.code: u.name for u in self.ws.units(active_only)}

    def plan(self, kind: str = "annual"):
        return self.ws.plan(self.year, kind)

    def notify(self) -> None:
        self.data_changed.emit()

    def replaced(self) -> None:
        """Much of the data was replaced (an import, a restore): the last deletion is not
        something to put back into it."""
        if self.last_delete is not None:
            self.last_delete = None
            self.undo_changed.emit()
        self.notify()

    def deleted(self, undo: Undo) -> None:
        """A page deleted something: refresh, and offer to put it back."""
        self.last_delete = undo
        self.undo_changed.emit()
        self.notify()

    def undo_last_delete(self) -> Undo:
        """Put back the last deletion (ValidationError if data changed since); it is spent
        either way."""
        undo, self.last_delete = self.last_delete, None
        self.undo_changed.emit()
        try:
            self.ws.undo(undo)
        finally:
            self.notify()
        return undo
