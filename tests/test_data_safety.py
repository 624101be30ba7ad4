"""Nothing lost, nothing silently wrong: locks, hostile values, damaged files, failed writes.

Each case goes through the command line as a user (or a script) runs it, and checks the exit
code, the Vietnamese message, that no traceback is shown, and that nothing changed."""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import EXAMPLE

ROOT = Path(__file__).resolve().parents[1]


def run(*args, env=None, timeout=120):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], cwd=ROOT, env=e,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def assert_clean_refusal(proc, code, *words):
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    for w in words:
        assert w in proc.stderr, proc.stderr


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "dữ liệu.db"
    assert run("import", EXAMPLE, "--db", path).returncode == 0
    return path


def rows(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0]
                for t in ("units", "plans", "targets", "tasks", "activities")}
    finally:
        conn.close()


def no_leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith(".tmp")]


# ---- hostile values (item 4, 5) --------------------------------------------------------------

def _set(path_keys, value):
    def f(d):
        node = d
        for k in path_keys[:-1]:
            node = node[k]
        node[path_keys[-1]] = value
    return f


HOSTILE = {
    "count 2^63": (_set(["plans", 0, "activities", 0, "participants_total"], 2**63),
                   "plans[0].activities[0].participants_total", "quá lớn"),
    "money 2^70": (_set(["plans", 0, "activities", 1, "budget_vnd"], 2**70),
                   "plans[0].activities[1].budget_vnd", "quá lớn"),
    "lone surrogate": (_set(["plans", 0, "activities", 2, "title"], "Tọa đàm \ud800"),
                       "plans[0].activities[2].title", "ký tự không hợp lệ"),
    "NaN target": (_set(["plans", 0, "targets", 0, "actual"], float("nan")),
                   "plans[0].targets[0].actual", "hữu hạn"),
    "Infinity target": (_set(["plans", 0, "targets", 0, "actual"], float("inf")),
                        "plans[0].targets[0].actual", "hữu hạn"),
    "1e308 target": (_set(["plans", 0, "targets", 0, "target"], 1e308),
                     "plans[0].targets[0].target", "quá lớn"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_values_are_refused_by_path(db, tmp_path, example, case):
    change, path, words = HOSTILE[case]
    before = rows(db)
    change(example)
    pkg = tmp_path / "gói.json"
    pkg.write_text(json.dumps(example, ensure_ascii=True), encoding="utf-8")  # \ud800 as an escape
    proc = run("import", pkg, "--db", db)
    assert_clean_refusal(proc, 1, f"{path}:", words)
    assert rows(db) == before


def test_a_five_thousand_digit_number_is_refused(db, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    at = text.index('"participants_total": ') + len('"participants_total": ')
    end = at
    while text[end].isdigit():
        end += 1
    pkg = tmp_path / "gói.json"
    pkg.write_text(text[:at] + "9" * 5000 + text[end:], encoding="utf-8")
    before = rows(db)
    assert_clean_refusal(run("import", pkg, "--db", db), 1, "participants_total:", "quá lớn")
    assert rows(db) == before


def test_target_value_form_refuses_absurd_numbers():
    from desktop_app.domain.numbers import parse_vn_number

    for text in ("1" + "0" * 20, "nan", "inf"):
        with pytest.raises(ValueError):
            parse_vn_number(text)


# ---- an activity id of another year (item 6) ---------------------------------------------------

def test_package_may_not_move_an_activity_to_another_year(db, tmp_path, example):
    pkg = copy.deepcopy(example)
    plan = pkg["plans"][0]
    plan["year"] = 2023
    plan["issued_on"] = None
    plan["deadlines"] = []
    plan["tasks"] = [dict(t, start=None, due=None, completed_on=None) for t in plan["tasks"]]
    for a in plan["activities"]:
        a["start"], a["end"] = a["start"].replace("2019", "2023"), None
        a["id"] += "-2023"
    kept = example["plans"][0]["activities"][0]["id"]
    plan["activities"][0]["id"] = kept
    pkg["reports"] = []
    path = tmp_path / "2023.json"
    path.write_text(json.dumps(pkg, ensure_ascii=False), encoding="utf-8")
    before = rows(db)
    proc = run("import", path, "--db", db)
    assert_clean_refusal(proc, 1, "plans[0].activities[0].id:", "2019", "2023", kept)
    assert rows(db) == before


# ---- locks (item 3) -------------------------------------------------------------------------

@contextmanager
def write_lock_held(path: Path, seconds: float | None = None):
    """Another program holding the write lock (for `seconds`, or until the block ends)."""
    other = sqlite3.connect(path, timeout=0.1, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    timer = None
    if seconds is not None:
        timer = threading.Timer(seconds, lambda: other.execute("ROLLBACK"))
        timer.start()
    try:
        yield
    finally:
        if timer:
            timer.join()
        elif other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def new_activity():
    import datetime as dt

    from desktop_app.domain.model import Activity

    return Activity(id=None, title="Tọa đàm", type="meeting", start=dt.date(2019, 5, 1), end=None,
                    organizer=None, participants_total=10, participants_female=5)


def test_a_write_waits_for_another_writer_then_succeeds(db):
    from desktop_app.services import Workspace

    ws = Workspace(db)
    try:
        ws.figures(2019)  # a read first: a deferred transaction would then fail at once
        before = ws.db["activities"].count
        t0 = time.monotonic()
        with write_lock_held(db, seconds=0.8):
            ws.save_activity(new_activity(), 2019)
        assert time.monotonic() - t0 >= 0.7
        assert ws.db["activities"].count == before + 1
    finally:
        ws.close()


def test_a_lock_held_too_long_is_said_in_vietnamese_and_changes_nothing(db):
    before = rows(db)
    with write_lock_held(db):
        t0 = time.monotonic()
        proc = run("import", EXAMPLE, "--db", db, env={"BDG_BUSY_TIMEOUT_S": "0.5"})
        waited = time.monotonic() - t0
    assert_clean_refusal(proc, 2, "chương trình khác", "Chưa có gì thay đổi")
    assert waited >= 0.5
    assert rows(db) == before


def test_two_imports_at_once_both_succeed(tmp_path):
    """Also on a new file: both create the tables at the same moment."""
    for attempt in range(4):
        path = tmp_path / f"chung-{attempt}.db"
        procs = [subprocess.Popen([sys.executable, "-m", "desktop_app", "import", str(EXAMPLE), "--db", str(path)],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  encoding="utf-8") for _ in range(2)]
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
        assert rows(path)["activities"] == 24


# ---- damaged, read-only, missing databases (items 4, 7) ----------------------------------------

def test_a_read_only_database_is_named_by_its_sqlite_code(db):
    from desktop_app.services import user_message

    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as info:
        conn.execute("delete from activities")
    conn.close()
    assert "chỉ cho phép đọc" in user_message(info.value)


def damage(path: Path, pattern: bytes, at: int = 8192, size: int = 20_000):
    data = bytearray(path.read_bytes())
    size = min(size, len(data) - at)
    data[at:at + size] = (pattern * (size // len(pattern) + 1))[:size]
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("pattern", [b"\x00", os.urandom(64)], ids=["zeroed pages", "random bytes"])
@pytest.mark.parametrize("command", ["import", "report", "export"])
def test_commands_refuse_a_damaged_database(db, tmp_path, pattern, command):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    damage(db, pattern)
    before = db.read_bytes()
    args = {"import": ("import", EXAMPLE, "--db", db),
            "report": ("report", "--db", db, "--year", 2019, "--kind", "year", "--out", tmp_path / "bc.pdf"),
            "export": ("export", "--db", db, "--out", tmp_path / "goi.json")}[command]
    proc = run(*args)
    assert_clean_refusal(proc, 2, "bị hỏng")
    assert db.read_bytes() == before
    assert not (tmp_path / "bc.pdf").exists() and not (tmp_path / "goi.json").exists()


@pytest.mark.parametrize("command", ["report", "export"])
def test_a_mistyped_db_creates_nothing(tmp_path, command):
    missing = tmp_path / "du-lieu-sai-ten.db"
    args = {"report": ("report", "--db", missing, "--year", 2019, "--kind", "year", "--out", tmp_path / "bc.pdf"),
            "export": ("export", "--db", missing, "--out", tmp_path / "goi.json")}[command]
    assert_clean_refusal(run(*args), 2, "Không tìm thấy tệp dữ liệu")
    assert list(tmp_path.iterdir()) == []


# ---- output files (items 4, 8) ------------------------------------------------------------------

def test_output_path_that_is_a_folder(db, tmp_path):
    folder = tmp_path / "Báo cáo.pdf"
    folder.mkdir()
    proc = run("report", "--db", db, "--year", 2019, "--kind", "year", "--out", folder)
    assert_clean_refusal(proc, 2, "thư mục")
    assert no_leftovers(tmp_path) == []


def test_output_name_too_long(db, tmp_path):
    proc = run("report", "--db", db, "--year", 2019, "--kind", "year", "--out", tmp_path / ("B" * 300 + ".pdf"))
    assert_clean_refusal(proc, 2, "quá dài")
    assert no_leftovers(tmp_path) == []


@contextmanager
def small_disk(tmp_path: Path, options: str):
    """A real file system that is full or read-only (tmpfs; needs root, as CI has)."""
    if sys.platform != "linux":
        pytest.skip("a small file system is mounted with Linux's tmpfs")
    mnt = tmp_path / "o-dia"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_a_full_disk_leaves_no_half_written_file(db, tmp_path, suffix):
    with small_disk(tmp_path, "size=48k") as mnt:
        proc = run("report", "--db", db, "--year", 2019, "--kind", "year", "--out", mnt / f"Báo cáo.{suffix}")
        assert_clean_refusal(proc, 2, "Ổ đĩa đã đầy")
        assert list(mnt.iterdir()) == []


def test_a_read_only_output_folder(db, tmp_path):
    with small_disk(tmp_path, "size=1m,ro") as mnt:
        proc = run("export", "--db", db, "--out", mnt / "gói.json")
        assert_clean_refusal(proc, 2, "Không có quyền ghi")


def test_a_backup_on_a_full_disk_leaves_nothing_behind(db, tmp_path):
    from desktop_app.services import StoreError, Workspace, user_message
    from desktop_app.store import backup as bk

    ws = Workspace(db)
    try:
        with small_disk(tmp_path, "size=24k") as mnt:
            with pytest.raises((OSError, sqlite3.Error, StoreError)) as info:
                bk.backup(ws.db.conn, mnt, stem=db.stem)
            assert user_message(info.value)
            assert list(mnt.iterdir()) == []
    finally:
        ws.close()


# ---- side effects (item 11) -----------------------------------------------------------------------

def test_self_test_leaves_no_folder_and_no_window_settings(tmp_path):
    tmp, data = tmp_path / "tmp", tmp_path / "data"
    tmp.mkdir()
    proc = run("--self-test", env={"TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp),
                                   "BDG_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert proc.returncode == 0 and "self-test ok" in proc.stdout, proc.stderr
    assert [p.name for p in tmp.iterdir() if p.name.startswith("bdg-")] == []
    assert not (data / "giao-dien.ini").exists()


def test_two_databases_in_one_folder_keep_their_backups_apart(tmp_path):
    from desktop_app.services import Workspace, backup_now, list_backups

    a, b = Workspace(tmp_path / "xa-a.db"), Workspace(tmp_path / "xa-b.db")
    try:
        pa, pb = backup_now(a), backup_now(b)
        assert pa.name.startswith("xa-a-") and pb.name.startswith("xa-b-")
        assert [p for _, p in list_backups(a)] == [pa] and [p for _, p in list_backups(b)] == [pb]
    finally:
        a.close()
        b.close()


# ---- another office's package (review) ----------------------------------------------------------

def _with_office(example, name, code, level="commune"):
    pkg = copy.deepcopy(example)
    pkg["office"] = {**pkg["office"], "name": name, "code": code, "level": level}
    return pkg


@pytest.mark.parametrize("own_level", ["commune", "province"])
def test_importing_another_offices_package_is_refused_and_points_to_receive(tmp_path, example, own_level):
    db = tmp_path / "du-lieu.db"
    own = _with_office(example, "Ủy ban nhân dân xã Quảng Thành", "19936")
    if own_level == "province":
        own = {"format": example["format"], "version": example["version"], "exported_at": example["exported_at"],
               "office": {"name": "Sở Nội vụ tỉnh Thanh Hóa", "place_name": "Thanh Hóa", "level": "province",
                          "code": "38", "province": "Thanh Hóa"}, "units": [], "plans": [], "reports": []}
    first = tmp_path / "cua-minh.json"
    first.write_text(json.dumps(own, ensure_ascii=False), encoding="utf-8")
    assert run("import", first, "--db", db).returncode == 0
    before = rows(db)
    other = tmp_path / "xa-khac.json"
    other.write_text(json.dumps(_with_office(example, "Ủy ban nhân dân xã Quảng Phú", "19937"), ensure_ascii=False),
                     encoding="utf-8")
    proc = run("import", other, "--db", db)
    assert_clean_refusal(proc, 1, "office:", "Quảng Phú", "receive")
    assert rows(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("select code from office").fetchone()[0] == ("38" if own_level == "province" else "19936")
    conn.close()
    # the office's own package, sent again, is still taken
    assert run("import", first, "--db", db).returncode == 0


def test_command_line_words_of_argparse_are_vietnamese(tmp_path):
    proc = run("report", "--db", tmp_path / "x.db", "--year", "2019", "--kind", "nam", "--out", tmp_path / "a.pdf")
    assert proc.returncode == 2
    assert "cách dùng:" in proc.stderr and "giá trị không hợp lệ" in proc.stderr
    assert "usage" not in proc.stderr and "invalid choice" not in proc.stderr
    proc = run("report")
    assert proc.returncode == 2 and "thiếu tham số bắt buộc" in proc.stderr


@pytest.mark.parametrize("args, words", [
    (("export", "--out", "{tmp}/so-lieu.csv"), ".json"),
    (("import", "{example}", "--year", "2019"), "--year"),
    (("import", "{tmp}"), "thư mục"),
])
def test_wrong_usage_is_said_and_exits_2(db, tmp_path, args, words):
    args = [a.format(tmp=tmp_path, example=EXAMPLE) for a in args]
    before = rows(db)
    assert_clean_refusal(run(*args, "--db", db), 2, words)
    assert rows(db) == before and not (tmp_path / "so-lieu.csv").exists()


def test_an_excel_file_named_json_is_said_to_be_excel(db, tmp_path):
    from desktop_app.services import Workspace

    ws = Workspace(db)
    try:
        ws.export_xlsx(tmp_path / "bang.xlsx", 2019)
    finally:
        ws.close()
    wrong = tmp_path / "goi.json"
    wrong.write_bytes((tmp_path / "bang.xlsx").read_bytes())
    assert_clean_refusal(run("import", wrong, "--db", db), 2, "bảng tính Excel", "--year")
