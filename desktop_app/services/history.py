"""The change history: reading it, one record's versions, putting an earlier version back.

The recording itself is done by the database connection (`store.history`): every write of
every path is recorded. Here: what an operation adds to it (one entry per imported package,
the label of an operation that changes many rows) and what the screens and `history` read."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import ValidationError
from ..domain.history import Entry
from ..store import history as store_history


@dataclass
class Version:
    """One state of a record: the row after entry `entry` (or before it, for the first)."""

    entry: Entry
    side: str  # "before" | "after"
    row: dict | None  # None: the record did not exist (deleted, or not yet made)

    @property
    def title(self) -> str:
        if self.side == "before":
            return f"Trước {self.entry.when}"
        return f"{self.entry.when} · {self.entry.who}"


class HistoryOps:
    def history(self, limit: int | None = None, since: dt.date | None = None, until: dt.date | None = None,
                person: str | None = None, kind: str | None = None) -> list[Entry]:
        """Entries newest first; `until` is inclusive (the whole day)."""
        rows = store_history.entries(
            self.db.conn, limit=limit, since=since.isoformat() if since else None,
            until=(until + dt.timedelta(days=1)).isoformat() if until else None, person=person, kind=kind)
        return [Entry.from_row(r) for r in rows]

    def history_people(self) -> list[str]:
        return store_history.people(self.db.conn)

    def record_versions(self, entry_id: int) -> list[Version]:
        """Every state the record of `entry_id` has had, oldest first (packages have none)."""
        e = store_history.entry(self.db.conn, entry_id)
        if e is None or e["kind"] not in store_history.TRACKED:
            return []
        entries = [Entry.from_row(r) for r in reversed(
            store_history.entries(self.db.conn, kind=e["kind"], record_key=e["record"]))]
        # the state before the first entry, unless the record did not exist then
        versions = [Version(entries[0], "before", entries[0].before)] if entries[0].before else []
        versions += [Version(x, "after", x.after) for x in entries]
        return versions

    def put_back_version(self, entry_id: int, side: str = "after") -> None:
        """Make the record as it was in that version; the change is recorded like any other."""
        e = store_history.entry(self.db.conn, entry_id)
        if e is None or e["kind"] not in store_history.TRACKED or side not in ("before", "after"):
            raise ValidationError(["Không tìm thấy phiên bản này trong lịch sử."])
        entry = Entry.from_row(e)
        row = entry.before if side == "before" else entry.after
        natural = row or entry.after or entry.before
        when = entry.when if side == "after" else f"trước {entry.when}"
        try:
            with self.db.atomic(), store_history.action(self.db.conn, f"đưa lại phiên bản {when}"):
                store_history.put_row(self.db.conn, entry.kind, row, natural)
        except sqlite3.IntegrityError as exc:
            raise ValidationError([
                "Không đưa lại được phiên bản này: nó trỏ tới dữ liệu không còn nữa (kế hoạch, đơn vị, "
                "nhiệm vụ đã xóa) hoặc trùng với một bản ghi khác. Không có gì thay đổi."]) from exc

    # ---- what operations add ---------------------------------------------------------------
    @contextlib.contextmanager
    def recorded_package(self, op: str, path: str | Path):
        """An import as one entry naming the file, with the counts given to `note` and what it
        changed; written in the same transaction as the data: refused data leaves no entry."""
        with self.db.atomic(), store_history.package(self.db.conn, op, Path(path).name) as counts:
            yield counts.update

    def recorded_action(self, label: str):
        """Entries written meanwhile carry `label` (one operation changing many rows)."""
        return store_history.action(self.db.conn, label)

    def record_restore(self, backup_path: str | Path) -> None:
        with self.db.atomic():
            store_history.record(self.db.conn, "backup", "restore", Path(backup_path).name,
                                 Path(backup_path).name)
