"""The command line contract: commands, exit codes, messages on stderr."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def test_version():
    from desktop_app import __version__

    r = run("--version")
    assert r.returncode == 0 and __version__ in r.stdout


def test_import_export_round_trip(tmp_path):
    db = tmp_path / "a.db"
    assert run("import", EXAMPLE, "--db", db).returncode == 0
    out1 = tmp_path / "one.json"
    assert run("export", "--db", db, "--out", out1).returncode == 0
    db2 = tmp_path / "b.db"
    assert run("import", out1, "--db", db2).returncode == 0
    out2 = tmp_path / "two.json"
    assert run("export", "--db", db2, "--out", out2, "--year", 2019).returncode == 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (out1, out2))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b
    assert "Ủy ban" in out1.read_text(encoding="utf-8")  # UTF-8, not ASCII-escaped


def test_refused_package_exits_1_with_paths(tmp_path, example):
    example["plans"][0]["activities"][12]["participants_female"] = 5000
    example["plans"][0]["activities"][0]["organizer"] = "KHONG"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "x.db"
    r = run("import", bad, "--db", db)
    assert r.returncode == 1
    assert "plans[0].activities[12].participants_female: số nữ tham gia (5000) lớn hơn tổng số" in r.stderr
    assert "plans[0].activities[0].organizer:" in r.stderr
    # every line of the refusal starts with the JSON path of the record at fault
    assert all(line.startswith("plans[") for line in r.stderr.splitlines()), r.stderr
    assert not db.exists()  # a refused first import leaves no empty database behind
    r2 = run("export", "--db", db, "--out", tmp_path / "e.json")
    assert r2.returncode == 2 and "Không tìm thấy tệp dữ liệu" in r2.stderr


def test_unreadable_and_usage_exit_2(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "bdg-exchange", ', encoding="utf-8")
    r = run("import", broken, "--db", tmp_path / "x.db")
    assert r.returncode == 2 and "JSON" in r.stderr
    assert run("import", tmp_path / "missing.json", "--db", tmp_path / "x.db").returncode == 2
    assert run("report", "--db", tmp_path / "x.db").returncode == 2
    assert run("frobnicate").returncode == 2


def test_report_without_plan_exits_1_and_writes_nothing(tmp_path):
    db = tmp_path / "a.db"
    run("import", EXAMPLE, "--db", db)
    out = tmp_path / "r.pdf"
    r = run("report", "--db", db, "--year", 2030, "--kind", "year", "--out", out)
    assert r.returncode == 1 and "2030" in r.stderr
    assert not out.exists()
    assert list(tmp_path.glob("*.pdf*")) == []


def test_self_test_on_demo_and_on_imported_package(tmp_path):
    env_run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "desktop_app", *map(str, a)], cwd=ROOT, capture_output=True, text=True,
        encoding="utf-8", env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                               "BDG_DATA_DIR": str(tmp_path / "data")}, timeout=300)
    r = env_run("--self-test")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("window shown after ") and lines[0].endswith(" ms")
    assert 0 < int(lines[0].split()[3]) < 60_000
    assert lines[-1] == "self-test ok"
    db = tmp_path / "goi.db"
    assert run("import", EXAMPLE, "--db", db).returncode == 0
    r = env_run("--self-test", "--db", db)
    assert r.returncode == 0 and r.stdout.strip().endswith("self-test ok"), r.stderr
    empty = tmp_path / "trong.db"
    r = env_run("--self-test", "--db", empty)
    assert r.returncode == 1 and "self-test ok" not in r.stdout


def test_import_message_is_all_vietnamese(tmp_path):
    import re

    r = run("import", EXAMPLE, "--db", tmp_path / "a.db")
    assert r.returncode == 0
    assert re.match(r"Đã nhập:? \d+ đơn vị, \d+ kế hoạch, \d+ chỉ tiêu, \d+ nhiệm vụ, \d+ hoạt động", r.stdout)
    assert not re.search(r"units|plans|targets|tasks|activities|reports", r.stdout)


def test_a_year_with_both_plans_prints_each(tmp_path, example):
    from pdfcheck import flat

    am = {"year": 2019, "kind": "action_month", "title": "Tổ chức Tháng hành động vì bình đẳng giới năm 2019",
          "purposes": ["Nâng cao nhận thức về phòng ngừa bạo lực trên cơ sở giới"],
          "contents": [{"heading": "Tổ chức lễ mít tinh hưởng ứng", "items": ["Thời gian: ngày 15/11/2019"]}],
          "activities": [{"id": "AM-1", "title": "Mít tinh", "type": "launch_event", "start": "2019-11-20",
                          "participants_total": 100}]}
    pkg = tmp_path / "p.json"
    db = tmp_path / "p.db"
    pkg.write_text(json.dumps({**example, "plans": [*example["plans"], am]}, ensure_ascii=False), encoding="utf-8")
    assert run("import", pkg, "--db", db).returncode == 0
    r = run("report", "--db", db, "--year", 2019, "--kind", "action_month_plan", "--out", tmp_path / "am.pdf")
    assert r.returncode == 0, r.stderr
    text = flat(tmp_path / "am.pdf")
    assert "Tổ chức Tháng hành động vì bình đẳng giới năm 2019" in text
    assert "Tổ chức lễ mít tinh hưởng ứng" in text
    assert example["plans"][0]["title"] not in text
    # the month's dates open its contents
    assert text.index("được tổ chức từ ngày 15/11") < text.index("Tổ chức lễ mít tinh hưởng ứng")
    assert run("report", "--db", db, "--year", 2019, "--kind", "plan", "--out", tmp_path / "kh.pdf").returncode == 0
    annual = flat(tmp_path / "kh.pdf")
    assert "Tổ chức lễ mít tinh hưởng ứng" not in annual
    assert run("report", "--db", db, "--year", 2019, "--kind", "action_month_plan",
               "--out", tmp_path / "am.docx").returncode == 0

    # a year whose Action Month lies inside the annual plan: said so, no file
    only = tmp_path / "only.db"
    assert run("import", EXAMPLE, "--db", only).returncode == 0
    r = run("report", "--db", only, "--year", 2019, "--kind", "action_month_plan", "--out", tmp_path / "x.pdf")
    assert r.returncode == 1 and "không có kế hoạch Tháng hành động riêng" in r.stderr
    assert not (tmp_path / "x.pdf").exists()
