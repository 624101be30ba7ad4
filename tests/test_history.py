"""The change history: every write recorded (who, what, which, before and after), one entry per
imported package, `history` newest first, an earlier version put back (itself recorded)."""

import dataclasses
import getpass
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE

from desktop_app.domain.errors import ValidationError

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(\d\d/\d\d/\d{4} \d\d:\d\d) \| (.+?) \| (.+?) \| (.+)$")


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def test_changed_reimport_is_listed_newest_first(tmp_path, example):
    db = tmp_path / "h.db"
    first = tmp_path / "lan-1.json"
    first.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    assert run("import", first, "--db", db).returncode == 0
    example["plans"][0]["activities"][0]["participants_total"] += 10
    example["plans"][0]["activities"].pop()
    del example["plans"][0]["activities"][1]["id"]  # imported as a new activity
    second = tmp_path / "lan-2.json"
    second.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    assert run("import", second, "--db", db).returncode == 0
    r = run("history", "--db", db)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 2  # one line per package, not one per row
    m1, m2 = LINE.match(lines[0]), LINE.match(lines[1])
    assert m1 and m2
    assert m1.group(2) == getpass.getuser()
    assert m1.group(3) == "Nhập gói dữ liệu"
    assert m1.group(4).startswith("tệp lan-2.json: 8 đơn vị, 1 kế hoạch, 3 chỉ tiêu, 7 nhiệm vụ, 23 hoạt động")
    assert m1.group(4).endswith("thay đổi: thêm 1 hoạt động, sửa 1 hoạt động")
    assert m2.group(4).startswith("tệp lan-1.json:") and "thêm 24 hoạt động" in m2.group(4)
    one = run("history", "--db", db, "--limit", 1)
    assert one.stdout.splitlines() == lines[:1]
    # the first package again puts the count back; once more, it changes nothing and says so
    assert run("import", first, "--db", db).returncode == 0
    assert run("history", "--db", db, "--limit", 1).stdout.rstrip().endswith("thay đổi: sửa 1 hoạt động")
    assert run("import", first, "--db", db).returncode == 0
    assert run("history", "--db", db, "--limit", 1).stdout.rstrip().endswith("không thay đổi dữ liệu")


def test_refused_package_leaves_no_entry_and_history_needs_a_database(tmp_path, example):
    db = tmp_path / "h.db"
    assert run("import", EXAMPLE, "--db", db).returncode == 0
    example["plans"][0]["activities"][3]["participants_female"] = 99999
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    assert run("import", bad, "--db", db).returncode == 1
    assert len(run("history", "--db", db).stdout.splitlines()) == 1
    r = run("history", "--db", tmp_path / "khong-co.db")
    assert r.returncode == 2 and not (tmp_path / "khong-co.db").exists()
    assert run("history", "--db", db, "--limit", 0).returncode == 2


def test_a_saved_form_is_recorded_with_who_before_and_after(loaded):
    ws = loaded
    ws.save_settings(ws.office(), {"user_name": "Nguyễn Thị Hoa"})
    a = ws.activity("QT19-0012")
    ws.save_activity(dataclasses.replace(a, participants_total=300), 2019)
    e = ws.history(limit=1)[0]
    assert (e.kind, e.op, e.record) == ("activities", "update", "QT19-0012")
    assert e.user_name == "Nguyễn Thị Hoa" and e.os_user == getpass.getuser()
    assert e.who == f"Nguyễn Thị Hoa ({getpass.getuser()})"
    assert e.before["participants_total"] == a.participants_total and e.after["participants_total"] == 300
    assert e.what == "Sửa hoạt động" and e.which.startswith("QT19-0012 “Hoạt động văn nghệ")
    # saving it again unchanged is no change
    ws.save_activity(dataclasses.replace(a, participants_total=300), 2019)
    assert ws.history(limit=1)[0].id == e.id


def test_delete_undo_copy_forward_each_recorded(loaded):
    ws = loaded
    undo = ws.delete_target(2019, "T3")
    top = ws.history(limit=2)
    assert {(x.kind, x.op) for x in top} == {("targets", "delete"), ("tasks", "update")}
    target = next(x for x in top if x.kind == "targets")
    assert target.which.startswith("T3 (2019)") and target.after is None
    ws.undo(undo)
    assert {x.what for x in ws.history(limit=2)} == {"Thêm chỉ tiêu (hoàn tác: Xóa chỉ tiêu T3)",
                                                     "Sửa nhiệm vụ (hoàn tác: Xóa chỉ tiêu T3)"}
    ws.copy_plan_to_next_year(2019)
    copied = ws.history(kind="targets", limit=1)[0]
    assert copied.record == "2020/annual/T3" and copied.action == "sao chép kế hoạch năm 2019 sang năm 2020"


def test_drafts_are_not_changes(loaded):
    ws = loaded
    n = len(ws.history())
    ws.save_plan_draft(ws.plan(2019))
    ws.drop_plan_draft(2019)
    assert len(ws.history()) == n


def test_an_earlier_version_put_back_is_itself_recorded(loaded):
    ws = loaded
    a = ws.activity("QT19-0005")
    ws.save_activity(dataclasses.replace(a, title="Tên sai", participants_total=80), 2019)
    ws.save_activity(dataclasses.replace(a, title="Tên sai lần hai", participants_total=90), 2019)
    last = ws.history(limit=1)[0]
    versions = ws.record_versions(last.id)
    # imported, then the two saves
    assert [v.row["title"] for v in versions] == [a.title, "Tên sai", "Tên sai lần hai"]
    assert [v.row["participants_total"] for v in versions] == [74, 80, 90]
    original = next(v for v in versions if v.row and v.row["title"] == a.title)
    ws.put_back_version(original.entry.id, original.side)
    assert ws.activity("QT19-0005").title == a.title
    assert ws.activity("QT19-0005").participants_total == a.participants_total
    put = ws.history(limit=1)[0]
    assert put.op == "update" and put.action.startswith("đưa lại phiên bản")
    assert put.before["title"] == "Tên sai lần hai" and put.after["title"] == a.title
    # a deleted activity comes back from the version before its deletion
    ws.delete_activities(["QT19-0005"])
    gone = ws.history(limit=1)[0]
    ws.put_back_version(gone.id, "before")
    assert ws.activity("QT19-0005").title == a.title


def test_a_version_pointing_at_what_is_gone_is_refused(loaded):
    ws = loaded
    ws.delete_activities(["QT19-0005"])
    gone = ws.history(limit=1)[0]
    ws.db.execute("pragma foreign_keys = off")
    with ws.db.atomic():
        ws.db.execute("delete from units where code = 'HLHPN'")
    ws.db.execute("pragma foreign_keys = on")
    with pytest.raises(ValidationError) as e:
        ws.put_back_version(gone.id, "before")
    assert "Không có gì thay đổi" in e.value.messages[0]
    assert ws.activity("QT19-0005") is None


def test_filters_and_restore_of_a_backup(loaded, tmp_path):
    from desktop_app.services import backup_now, restore_backup

    ws = loaded
    ws.save_settings(ws.office(), {"user_name": "Lê Văn Nam"})
    ws.save_unit(dataclasses.replace(ws.units()[0], name="Tên mới"))
    assert [e.kind for e in ws.history(person="Lê Văn Nam")] == ["units", "settings"]
    assert all(e.kind == "units" for e in ws.history(kind="units"))
    assert "Lê Văn Nam" in ws.history_people() and getpass.getuser() in ws.history_people()
    import datetime as dt

    assert ws.history(until=dt.date(2000, 1, 1)) == []
    path = backup_now(ws)
    ws.delete_activities(["QT19-0001"])
    restore_backup(ws, path)
    top = ws.history(limit=1)[0]
    assert top.what == "Khôi phục bản sao lưu" and top.which == f"tệp {path.name}"
    # the connection still records after the restore
    ws.save_unit(dataclasses.replace(ws.units()[0], name="Tên khác"))
    assert ws.history(limit=1)[0].kind == "units"


def test_history_goes_into_the_file_not_the_program(loaded):
    """Another program opening the file sees the history and no triggers of ours."""
    ws = loaded
    path = ws.path
    ws.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("select count(*) from history").fetchone()[0] > 0
        assert conn.execute("select count(*) from sqlite_master where type = 'trigger'").fetchone()[0] == 0
        conn.execute("update activities set title = 'x' where id = 'QT19-0001'")  # no error, no entry
        conn.commit()
    finally:
        conn.close()


def test_an_upgraded_database_records_from_then_on(tmp_path):
    from desktop_app.services import Workspace

    db = tmp_path / "cu.db"
    conn = sqlite3.connect(db)
    conn.executescript((ROOT / "tests" / "fixtures" / "schema-v1.sql").read_text(encoding="utf-8"))
    conn.close()
    ws = Workspace(db)
    try:
        assert ws.history() == [] and ws.figures(2019).totals.activities == 24
        ws.save_unit(dataclasses.replace(ws.units()[0], name="Tên mới"))
        assert [(e.kind, e.op) for e in ws.history()] == [("units", "update")]
    finally:
        ws.close()
