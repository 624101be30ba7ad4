"""Errors the user must hear about: each becomes a clear Vietnamese message, changes nothing,
and loses nothing that was typed."""

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest

from desktop_app.domain.model import Activity
from desktop_app.store.errors import user_message


def new_activity(title="Truyền thông phòng chống bạo lực gia đình"):
    return Activity(title=title, type="communication", start=dt.date(2019, 5, 5), participants_total=50,
                    participants_female=30, participants_male=20)


def test_disk_full_is_explained_and_changes_nothing(loaded):
    before = loaded.db["activities"].count
    pages = loaded.db.execute("PRAGMA page_count").fetchone()[0]
    loaded.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
    big = new_activity("x" * 200_000)
    with pytest.raises(sqlite3.OperationalError) as info:
        loaded.save_activity(big, 2019)
    msg = user_message(info.value)
    assert msg and "đầy" in msg
    assert loaded.db["activities"].count == before
    assert loaded.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_database_is_explained(loaded):
    # Root ignores file permissions, so the read-only file is opened read-only as Windows would.
    conn = sqlite3.connect(f"file:{loaded.path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as info:
        conn.execute("delete from activities")
    conn.close()
    assert "chỉ cho phép đọc" in user_message(info.value)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else False, reason="root writes anywhere")
def test_read_only_file(loaded):
    loaded.close()
    os.chmod(loaded.path, 0o444)
    from desktop_app.services import Workspace

    ws = Workspace(loaded.path)
    with pytest.raises(sqlite3.OperationalError) as info:
        ws.save_activity(new_activity(), 2019)
    assert "chỉ cho phép đọc" in user_message(info.value)


def test_database_held_by_another_program(loaded):
    other = sqlite3.connect(loaded.path, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")  # antivirus or a second program holds the write lock
    loaded.db.execute("PRAGMA busy_timeout = 100")
    before = loaded.db["activities"].count
    with pytest.raises(sqlite3.OperationalError) as info:
        loaded.save_activity(new_activity(), 2019)
    assert "một chương trình khác dùng" in user_message(info.value)
    other.rollback()
    other.close()
    assert loaded.db["activities"].count == before
    loaded.save_activity(new_activity(), 2019)  # once released, the same save works
    assert loaded.db["activities"].count == before + 1


def test_file_that_is_not_a_database(tmp_path):
    from desktop_app.services import Workspace
    from desktop_app.store.errors import StoreError

    fake = tmp_path / "báo cáo cũ.db"
    fake.write_text("Đây là văn bản Word đổi tên thành .db\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        Workspace(fake)
    assert "không phải tệp dữ liệu" in str(info.value)


def test_form_keeps_what_was_typed_when_the_database_refuses(loaded, qtbot):
    from desktop_app.ui.activity_dialog import ActivityDialog

    other = sqlite3.connect(loaded.path, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    loaded.db.execute("PRAGMA busy_timeout = 100")
    dlg = ActivityDialog(None, 2019, loaded.repo.unit_names(), [],
                         save=lambda a: loaded.save_activity(a, 2019))
    qtbot.addWidget(dlg)
    dlg.title.setText("Hội thi “Gia đình hạnh phúc”")
    dlg.total.setText("80")
    dlg.start.set_value(dt.date(2019, 6, 1))
    dlg.show()
    dlg.save_btn.click()
    assert dlg.isVisible() and not dlg.saved_ids  # the form stays open with what was typed
    assert "Chưa lưu được" in dlg.status.text() and "chương trình khác" in dlg.status.text()
    assert dlg.title.text() == "Hội thi “Gia đình hạnh phúc”" and dlg.total.text() == "80"
    other.rollback()
    other.close()
    dlg.save_btn.click()
    assert dlg.saved_ids
    assert loaded.repo.activity(dlg.saved_ids[0]).title == "Hội thi “Gia đình hạnh phúc”"


def test_single_instance(tmp_path, qtbot):
    from desktop_app.ui.single_instance import SingleInstance

    db = tmp_path / "thư mục có dấu" / "du-lieu.db"
    db.parent.mkdir()
    first = SingleInstance(db)
    assert first.acquire()
    second = SingleInstance(db)
    with qtbot.waitSignal(first.activate, timeout=3000):
        assert not second.acquire()  # the second start asks the first to come to the front
    assert second.reached_running
    first.release()
    third = SingleInstance(db)
    assert third.acquire()
    third.release()


def test_stale_lock_after_a_crash_is_taken_over(tmp_path):
    from desktop_app.ui.single_instance import SingleInstance

    db = tmp_path / "du-lieu.db"
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(db) + '.lock'!r})\n"
        "assert lock.tryLock(100)\n"
        "os.kill(os.getpid(), 9)\n"  # dies holding the lock
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    assert (tmp_path / "du-lieu.db.lock").exists()
    inst = SingleInstance(db)
    assert inst.acquire()
    inst.release()
