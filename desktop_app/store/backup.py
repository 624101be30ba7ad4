"""Backups with SQLite's online backup API (never a file copy of an open database)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from ..domain.backup_policy import backups_to_keep
from .errors import StoreError

PREFIX = "du-lieu-"
STAMP = "%Y-%m-%d_%H%M%S"


def stamp_of(path: Path) -> dt.datetime | None:
    name = path.name
    if not (name.startswith(PREFIX) and name.endswith(".db")):
        return None
    core = name[len(PREFIX):-3].split("-")
    try:
        stamp = dt.datetime.strptime("-".join(core[:3]), STAMP)
    except ValueError:
        return None
    # a second backup within the same second is named ...-2.db: order it just after
    extra = int(core[3]) if len(core) > 3 and core[3].isdigit() else 0
    return stamp + dt.timedelta(microseconds=extra)


def list_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    if not folder.is_dir():
        return []
    out = [(stamp_of(p), p) for p in folder.iterdir()]
    return sorted([(s, p) for s, p in out if s], reverse=True)


def quick_check(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def changed_since_last_backup(db_path: Path, folder: Path) -> bool:
    backups = list_backups(folder)
    if not backups:
        return True
    newest = backups[0][1].stat().st_mtime
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    return any(f.exists() and f.stat().st_mtime > newest for f in files)


def backup(conn: sqlite3.Connection, folder: Path, now: dt.datetime | None = None) -> Path:
    """Write a checked, complete copy; a damaged database is never backed up over good ones."""
    if not quick_check(conn):
        raise StoreError("Tệp dữ liệu bị hỏng nên không sao lưu (để giữ nguyên các bản sao lưu tốt). "
                         "Hãy dùng “Khôi phục” để lấy lại bản sao lưu gần nhất.")
    now = now or dt.datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{PREFIX}{now.strftime(STAMP)}.db"
    n = 1
    while target.exists():  # never overwrite a backup
        n += 1
        target = folder / f"{PREFIX}{now.strftime(STAMP)}-{n}.db"
    tmp = target.with_suffix(".db.tmp")
    dest = sqlite3.connect(str(tmp))
    try:
        with dest:
            conn.backup(dest)
    finally:
        dest.close()
    os.replace(tmp, target)
    return target


def thin(folder: Path, now: dt.datetime | None = None) -> list[Path]:
    now = now or dt.datetime.now()
    backups = list_backups(folder)
    keep = backups_to_keep([s for s, _ in backups], now)
    removed = []
    for s, p in backups:
        if s not in keep:
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def restore(backup_path: Path, db_path: Path, conn_factory) -> None:
    """Replace the database's content with a backup's, through the backup API."""
    src = sqlite3.connect(str(backup_path))
    try:
        if not quick_check(src):
            raise StoreError(f"Bản sao lưu {backup_path.name} bị hỏng; hãy chọn bản khác.")
        dest = conn_factory(db_path)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
