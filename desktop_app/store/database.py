"""Opening the database: pragmas for a PC that may lose power, migrations, version check."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from .errors import NewerDatabaseError, StoreError, user_message
from .migrations import MIGRATIONS, SCHEMA_VERSION


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def open_database(path: str | os.PathLike, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) and bring the schema up to date.

    Raises StoreError with a Vietnamese message for files the user must deal with.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        # WAL plus synchronous=FULL: a committed transaction survives a power cut.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(user_message(exc, str(path)) or f"Không mở được tệp dữ liệu {path}: {exc}") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerDatabaseError(
            f"Tệp dữ liệu {path} được tạo bởi phiên bản mới hơn của chương trình "
            f"(lược đồ {version}, chương trình này hiểu đến {SCHEMA_VERSION}). "
            "Hãy cài phiên bản mới hơn của chương trình để mở tệp này."
        )
    db = sqlite_utils.Database(conn)
    if migrate:
        try:
            migrate_database(db)
        except sqlite3.Error as exc:
            raise StoreError(user_message(exc, str(path)) or f"Không cập nhật được tệp dữ liệu: {exc}") from exc
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate_database(db: sqlite_utils.Database) -> None:
    current = schema_version(db)
    for number, migration in enumerate(MIGRATIONS, start=1):
        if number <= current:
            continue
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
