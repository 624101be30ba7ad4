"""What every page shares: the open workspace, the chosen year, and the announcement of what
changed (see `operations.run_op`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..services import Undo, Workspace


class AppContext(QObject):
    year_changed = Signal(int)
    changed = Signal(object, object)  # (operations.Changes, the page that made the change or None)
    data_changed = Signal()  # anything stored changed (for views that do not care what)
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

    def announce(self, changes, initiator=None) -> None:
        """Something was stored: a deletion can be undone at once; data replaced whole (an
        import, a restore) is nothing to put the last deletion back into."""
        if changes.undo is not None or (changes.replaced and self.last_delete is not None):
            self.last_delete = changes.undo
            self.undo_changed.emit()
        self.changed.emit(changes, initiator)
        self.data_changed.emit()

    def undo_last_delete(self) -> Undo:
        """Put back the last deletion (ValidationError if data changed since); it is spent
        either way."""
        from .operations import KINDS, changes

        undo, self.last_delete = self.last_delete, None
        self.undo_changed.emit()
        try:
            self.ws.undo(undo)
        finally:
            self.changed.emit(changes(*KINDS), None)
            self.data_changed.emit()
        return undo
