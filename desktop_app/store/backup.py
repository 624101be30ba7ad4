"""Backups with SQLite's online backup API (never a file copy of an open database).

A backup is named after its database file and the moment it was taken
(`du-lieu-2026-11-26_081500.db` for `du-lieu.db`), so two databases in one folder never mix
their backups."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from ..domain.backup_policy import backups_to_keep
from .database import file_problem, quick_check, readonly_uri
from .errors import StoreError

STAMP = "%Y-%m-%d_%H%M%S"
_STAMP_RE = re.compile(r"(\d{4}-\d{2}-\d{2}_\d{6})(?:-(\d+))?\.db")
DEFAULT_STEM = "du-lieu"


def stamp_of(path: Path, stem: str = DEFAULT_STEM) -> dt.datetime | None:
    name, prefix = path.name, f"{stem}-"
    if not name.startswith(prefix):
        return None
    m = _STAMP_RE.fullmatch(name[len(prefix):])
    if not m:
        return None
    try:
        stamp = dt.datetime.strptime(m.group(1), STAMP)
    except ValueError:
        return None
    # a second backup within the same second is named ...-2.db: order it just after
    return stamp + dt.timedelta(microseconds=int(m.group(2) or 0))


def list_backups(folder: Path, stem: str = DEFAULT_STEM) -> list[tuple[dt.datetime, Path]]:
    if not folder.is_dir():
        return []
    out = [(stamp_of(p, stem), p) for p in folder.iterdir()]
    return sorted([(s, p) for s, p in out if s and p.is_file()], reverse=True)


def changed_since_last_backup(db_path: Path, folder: Path) -> bool:
    backups = list_backups(folder, db_path.stem)
    if not backups:
        return True
    newest = backups[0][1].stat().st_mtime
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    return any(f.exists() and f.stat().st_mtime > newest for f in files)


def backup(conn: sqlite3.Connection, folder: Path, now: dt.datetime | None = None,
           stem: str = DEFAULT_STEM) -> Path:
    """Write a checked, complete copy; a damaged database is never backed up over good ones.
    On any failure nothing is left behind (no half-written or empty file)."""
    if not quick_check(conn):
        raise StoreError("Tệp dữ liệu bị hỏng nên không sao lưu (để giữ nguyên các bản sao lưu tốt). "
                         "Hãy dùng “Khôi phục” để lấy lại bản sao lưu gần nhất.")
    now = now or dt.datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stem}-{now.strftime(STAMP)}.db"
    n = 1
    while target.exists():  # never overwrite a backup
        n += 1
        target = folder / f"{stem}-{now.strftime(STAMP)}-{n}.db"
    tmp = target.with_name(target.name + ".tmp")
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            with dest:
                conn.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def thin(folder: Path, now: dt.datetime | None = None, stem: str = DEFAULT_STEM,
         keep: tuple[Path, ...] = ()) -> list[Path]:
    """Remove the backups the policy no longer keeps; never one named in `keep` (the backup
    being restored, the safety copy taken just before)."""
    now = now or dt.datetime.now()
    backups = list_backups(folder, stem)
    kept_stamps = backups_to_keep([s for s, _ in backups], now)
    protected = {Path(p).resolve() for p in keep}
    removed = []
    for s, p in backups:
        if s not in kept_stamps and p.resolve() not in protected:
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def check_backup(path: Path) -> None:
    """Refuse (StoreError) anything that is not a sound database of this program."""
    problem = file_problem(path, ours=True)
    if problem:
        raise StoreError(f"Không khôi phục được: {problem} Hãy chọn bản sao lưu khác.")


def copy_into(backup_path: Path, dest: sqlite3.Connection) -> None:
    """Replace the content of the open database `dest` with a checked backup's. The backup is
    opened read-only: it is never created or changed."""
    check_backup(backup_path)
    src = sqlite3.connect(readonly_uri(backup_path), uri=True)
    try:
        src.backup(dest)
    finally:
        src.close()
