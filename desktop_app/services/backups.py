"""Backups of the open database, restoring one, and recovering a damaged file at start."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ..paths import backup_dir
from ..store import backup as bk
from ..store.database import file_problem, migrate_database


def backup_folder(db_path: Path) -> Path:
    return backup_dir(db_path)


def auto_backup(ws, now: dt.datetime | None = None, force: bool = False,
                keep: tuple[Path, ...] = ()) -> Path | None:
    """Back up if the data changed since the last backup, to the backup folder and to the
    user's extra folder (a USB stick) when one is set; then thin old backups (never those in
    `keep`, nor the one just taken)."""
    folder, stem = backup_folder(ws.path), ws.path.stem
    if not force and not bk.changed_since_last_backup(ws.path, folder):
        return None
    path = bk.backup(ws.db.conn, folder, now, stem)
    bk.thin(folder, now, stem, keep=(*keep, path))
    extra = ws.repo.setting("backup_extra_dir")
    if extra:
        try:
            bk.backup(ws.db.conn, Path(extra), now, stem)
            bk.thin(Path(extra), now, stem)
        except OSError:
            pass  # the USB stick may be absent; the main backup is done
    return path


def backup_now(ws) -> Path:
    """The "Sao lưu ngay" action: a backup whether or not the data changed."""
    return auto_backup(ws, force=True)


def list_backups(ws) -> list[tuple[dt.datetime, Path]]:
    """Every backup of this database, newest first: the backup folder's, and the extra folder's
    (a USB stick, when it is plugged in)."""
    found = bk.list_backups(backup_folder(ws.path), ws.path.stem)
    extra = ws.repo.setting("backup_extra_dir")
    if extra:
        try:
            found += bk.list_backups(Path(extra), ws.path.stem)
        except OSError:
            pass  # the stick is not there
    return sorted(found, key=lambda sp: sp[0], reverse=True)


def restore_backup(ws, backup_path: Path) -> Path | None:
    """Put a backup's content into the open database. The backup is checked first (read-only:
    a sound database of this program that this version can open); then the current data is
    backed up (kept, so a wrong choice can be undone), then replaced. Returns the safety backup
    (None when the current data is too damaged to back up)."""
    from ..store.errors import StoreError

    backup_path = Path(backup_path)
    bk.check_backup(backup_path)
    try:
        safety = auto_backup(ws, force=True, keep=(backup_path,))
    except StoreError:  # the current data is damaged: restoring is the way out
        safety = None
    bk.copy_into(backup_path, ws.db.conn)
    migrate_database(ws.db)  # a backup from an older version is brought up to date
    ws.record_restore(backup_path)  # into the restored history: it goes on from the backup's
    return safety


def newest_good_backup(db_path: Path) -> Path | None:
    for _, path in bk.list_backups(backup_folder(db_path), Path(db_path).stem):
        if file_problem(path, ours=True) is None:
            return path
    return None


def database_is_damaged(db_path: Path) -> bool:
    """quick_check at start; a missing or empty file is not damaged (it will be created)."""
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return False
    return file_problem(db_path) is not None


def replace_with_backup(db_path: Path, backup_path: Path) -> None:
    """Before opening: put a backup in place of a damaged database (kept aside, renamed)."""
    db_path = Path(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        f = Path(str(db_path) + suffix)
        if f.exists():
            f.rename(f.with_name(f"{f.name}.hong-{stamp}"))
    shutil.copy2(backup_path, db_path)
