import sqlite3

import pytest

from desktop_app.store.database import open_database
from desktop_app.store.errors import NewerDatabaseError, StoreError
from desktop_app.store.migrations import SCHEMA_VERSION


def test_pragmas_and_version(tmp_path):
    db = open_database(tmp_path / "a.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"units", "plans", "targets", "tasks", "activities", "reports"} <= set(db.table_names())
    db.conn.close()
    # opening again runs no migration twice
    db = open_database(tmp_path / "a.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerDatabaseError, match="phiên bản mới hơn"):
        open_database(path)


def test_text_file_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("đây là một tệp văn bản, không phải cơ sở dữ liệu " * 50, encoding="utf-8")
    with pytest.raises(StoreError, match="hỏng hoặc không phải"):
        open_database(path)


def test_foreign_keys_enforced(tmp_path):
    db = open_database(tmp_path / "a.db")
    with pytest.raises(sqlite3.IntegrityError):
        db["targets"].insert({"plan_id": 99, "code": "T", "text": "x", "kind": "numeric"})
