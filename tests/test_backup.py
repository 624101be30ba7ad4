"""Backups: the thinning policy, backup and restore, damaged databases, recovery at start."""

import datetime as dt
import sqlite3

import pytest

from desktop_app.domain.backup_policy import backups_to_keep
from desktop_app.services import (
    auto_backup,
    backup_folder,
    backup_now,
    database_is_damaged,
    list_backups,
    newest_good_backup,
    replace_with_backup,
    restore_backup,
)
from desktop_app.store import backup as bk
from desktop_app.store.errors import StoreError


def test_thinning_policy_with_fixed_dates():
    now = dt.datetime(2026, 11, 26, 17, 0)
    stamps = []
    for days in range(0, 500):  # two backups a day for 500 days
        for hour in (9, 16):
            stamps.append(now - dt.timedelta(days=days) - dt.timedelta(hours=17 - hour))
    keep = backups_to_keep(stamps, now)
    today = [s for s in keep if s.date() == now.date()]
    yesterday = [s for s in keep if s.date() == now.date() - dt.timedelta(days=1)]
    assert len(today) == 2 and len(yesterday) == 2  # all of today's and yesterday's
    daily = [s for s in keep if 2 <= (now.date() - s.date()).days <= 14]
    assert len(daily) == 13 and len({s.date() for s in daily}) == 13
    assert all(s.hour == 16 for s in daily)  # the newest of the day stays
    weekly = [s for s in keep if 14 < (now.date() - s.date()).days <= 14 + 56]
    assert 8 <= len(weekly) <= 9 and len({s.isocalendar()[:2] for s in weekly}) == len(weekly)
    monthly = [s for s in keep if 70 < (now.date() - s.date()).days <= 366]
    assert len({(s.year, s.month) for s in monthly}) == len(monthly) and 9 <= len(monthly) <= 11
    assert not [s for s in keep if (now.date() - s.date()).days > 366]
    assert len(keep) < 45


def test_thin_removes_files(tmp_path):
    now = dt.datetime(2026, 11, 26, 12, 0)
    for days in range(40):
        t = now - dt.timedelta(days=days)
        (tmp_path / f"du-lieu-{t:%Y-%m-%d_%H%M%S}.db").write_bytes(b"x")
    (tmp_path / "ghi-chu.txt").write_text("không phải bản sao lưu", encoding="utf-8")
    removed = bk.thin(tmp_path, now)
    assert removed and (tmp_path / "ghi-chu.txt").exists()
    assert len(bk.list_backups(tmp_path)) == 40 - len(removed)


def test_backup_and_restore_round_trip(loaded):
    first = backup_now(loaded)
    assert first.exists() and first.parent == backup_folder(loaded.path)
    conn = sqlite3.connect(first)
    assert conn.execute("select count(*) from activities").fetchone()[0] == 24
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    loaded.delete_activities([r[0] for r in loaded.repo.activity_list_rows(2019)])
    assert loaded.db["activities"].count == 0
    safety = restore_backup(loaded, first)
    assert loaded.db["activities"].count == 24
    assert loaded.figures(2019).totals.participants_total == 4730
    # the state before the restore was kept, so a wrong choice can be undone
    conn = sqlite3.connect(safety)
    assert conn.execute("select count(*) from activities").fetchone()[0] == 0
    conn.close()


def test_backup_only_when_changed(loaded):
    now = dt.datetime.now()
    assert auto_backup(loaded, now) is not None
    assert auto_backup(loaded, now + dt.timedelta(seconds=5)) is None
    import time

    time.sleep(0.05)
    loaded.repo.set_setting("margin_left", "31")
    assert auto_backup(loaded, now + dt.timedelta(seconds=10)) is not None
    assert len(list_backups(loaded)) == 2


def test_backup_to_extra_folder(loaded, tmp_path):
    extra = tmp_path / "Ổ USB" / "Sao lưu"
    loaded.repo.set_setting("backup_extra_dir", str(extra))
    backup_now(loaded)
    assert len(bk.list_backups(extra, "test")) == 1


def corrupt(path):
    data = bytearray(path.read_bytes())
    for i in range(4096, min(len(data), 4096 * 6)):
        data[i] = 0xA5
    path.write_bytes(bytes(data))


def test_damaged_database_is_never_backed_up(loaded, tmp_path):
    good = backup_now(loaded)
    loaded.close()
    corrupt(loaded.path)
    assert database_is_damaged(loaded.path)
    conn = sqlite3.connect(loaded.path)
    with pytest.raises(StoreError, match="bị hỏng"):
        bk.backup(conn, backup_folder(loaded.path), stem="test")
    conn.close()
    assert [p for _, p in bk.list_backups(backup_folder(loaded.path), "test")] == [good]
    # at start: the newest good backup is offered and put in place; the damaged file is kept
    assert newest_good_backup(loaded.path) == good
    replace_with_backup(loaded.path, good)
    assert not database_is_damaged(loaded.path)
    assert list(loaded.path.parent.glob("test.db.hong-*"))
    from desktop_app.services import Workspace

    ws = Workspace(loaded.path)
    assert ws.db["activities"].count == 24
    ws.close()
