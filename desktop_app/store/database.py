"""Opening the database: pragmas for a PC that may lose power, migrations, version check, and
transactions that wait for another writer instead of failing at once."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

import sqlite_utils

from . import history
from .errors import NewerDatabaseError, StoreError, user_message
from .migrations import MIGRATIONS, SCHEMA_VERSION

# How long a write waits for another window or program (a second import, an antivirus scan)
# to let go of the database before the user is told. (BDG_BUSY_TIMEOUT_S: for tests, and for an
# IT person on a slow network share.)
BUSY_TIMEOUT_S = float(os.environ.get("BDG_BUSY_TIMEOUT_S") or 10.0)
# The tables every database of this program has: a file without them is not ours.
CORE_TABLES = {"office", "units", "plans", "targets", "tasks", "activities"}


class AppDatabase(sqlite_utils.Database):
    """sqlite-utils' Database whose transactions start with BEGIN IMMEDIATE.

    A deferred BEGIN takes the write lock only at the first write; in WAL mode, if another
    connection wrote meanwhile, that upgrade fails at once with "database is locked" and the
    busy timeout is never used. IMMEDIATE takes the lock up front, so the timeout applies."""

    @contextlib.contextmanager
    def atomic(self):
        if self.conn.in_transaction:
            with super().atomic():  # a savepoint inside the open transaction
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a file to WAL, waiting for another process doing the same. SQLite does not call
    the busy handler for this switch: two commands opening a new file at once failed at once
    with "database is locked" (SQLITE_BUSY)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) != 5 or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def readonly_uri(path: str | os.PathLike) -> str:
    """A URI that opens an existing file read-only and never creates one."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def open_database(path: str | os.PathLike, migrate: bool = True, create: bool = True,
                  check: bool = False) -> AppDatabase:
    """Open (creating it if `create`) and bring the schema up to date. With `check`, a damaged
    file is refused before anything is written into it.

    Raises StoreError with a Vietnamese message for files the user must deal with.
    """
    path = Path(path)
    if not create and not path.is_file():
        raise StoreError(f"Không tìm thấy tệp dữ liệu {path}. Hãy kiểm tra lại tên và thư mục của tệp (--db).")
    if path.is_dir():
        raise StoreError(f"{path} là một thư mục, không phải tệp dữ liệu. Hãy chỉ ra một tệp .db.")
    if check and path.is_file() and path.stat().st_size > 0:
        problem = file_problem(path)
        if problem:
            raise StoreError(problem)
    conn = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        # WAL plus synchronous=FULL: a committed transaction survives a power cut.
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
    except (sqlite3.Error, OSError) as exc:
        if conn is not None:
            conn.close()
        raise StoreError(user_message(exc, str(path)) or f"Không mở được tệp dữ liệu {path}: {exc}") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerDatabaseError(
            f"Tệp dữ liệu {path} được tạo bởi phiên bản mới hơn của chương trình "
            f"(lược đồ {version}, chương trình này hiểu đến {SCHEMA_VERSION}). "
            "Hãy cài phiên bản mới hơn của chương trình để mở tệp này."
        )
    db = AppDatabase(conn)
    if migrate:
        try:
            migrate_database(db)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(user_message(exc, str(path)) or f"Không cập nhật được tệp dữ liệu: {exc}") from exc
    return db


def quick_check(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def file_problem(path: str | os.PathLike, ours: bool = False) -> str | None:
    """Why this file cannot be used as the program's database (None: it can). Opened read-only,
    never created. With `ours`, it must also be a database this program made (its tables, a
    schema version it can open): what a backup to restore must be."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        return f"Không tìm thấy tệp {path}."
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error:
        return f"Không mở được tệp {name}."
    try:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        except sqlite3.DatabaseError:
            return f"Tệp {name} bị hỏng hoặc không phải tệp dữ liệu của chương trình."
        if not quick_check(conn):
            return f"Tệp {name} bị hỏng (kiểm tra tính toàn vẹn không đạt)."
        if ours:
            if not CORE_TABLES <= tables or version < 1:
                return f"Tệp {name} không phải tệp dữ liệu của chương trình này."
            if version > SCHEMA_VERSION:
                return (f"Tệp {name} được tạo bởi phiên bản mới hơn của chương trình (lược đồ {version}); "
                        "hãy cài phiên bản mới hơn để dùng tệp này.")
        return None
    finally:
        conn.close()


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate_database(db: sqlite_utils.Database) -> None:
    """Run the migrations this file has not had, each in its own transaction. The version is
    read again inside each transaction: another process (a second import started at the same
    moment on a new file) may have run the same migration while this one waited for the lock."""
    for number, migration in enumerate(MIGRATIONS, start=1):
        if schema_version(db) >= number:
            continue
        with db.atomic():
            if schema_version(db) >= number:
                continue
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    history.install(db.conn)  # this connection records every change from now on
