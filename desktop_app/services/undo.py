"""Putting back the last deletion, if nothing was written since."""

from __future__ import annotations

import dataclasses

from ..domain.errors import ValidationError
from ..store.errors import StaleRowsError


@dataclasses.dataclass(frozen=True)
class Undo:
    """What one deletion removed or changed, to put back if the user asks at once.

    rows: (table, rows as they were), parents first. changes: the connection's change count
    right after the deletion; any later write makes the undo stale (it could clash with it)."""

    label: str
    rows: tuple[tuple[str, tuple[dict, ...]], ...]
    changes: int


STALE_UNDO = ("Không hoàn tác được: dữ liệu đã thay đổi sau lần xóa đó. Nếu cần, lấy lại từ bản "
              "sao lưu (Tệp → Khôi phục từ bản sao lưu...).")


class UndoOps:
    def _undo(self, label: str, *rows: tuple[str, list[dict]]) -> Undo:
        return Undo(label, tuple((t, tuple(r)) for t, r in rows), self.repo.change_count())

    def undo(self, u: Undo) -> None:
        """Put back what a deletion removed, if nothing was written since."""
        if self.repo.change_count() != u.changes:
            raise ValidationError([STALE_UNDO])
        try:
            with self.db.atomic(), self.recorded_action(f"hoàn tác: {u.label}"):
                for table, rows in u.rows:
                    self.repo.put_back(table, list(rows))
        except StaleRowsError as exc:  # what the rows pointed to is gone (all rolled back)
            raise ValidationError([STALE_UNDO]) from exc
