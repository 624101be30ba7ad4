"""Money planned and spent by source; targets whose values are counted from the activities.
Both are optional fields of the package: packages without them read and export as before."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pdfcheck import flat

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def n(x):
    return f"{x:,}".replace(",", ".")


@pytest.fixture
def package(example):
    plan = example["plans"][0]
    plan["budget_by_source"] = {"state": 20_000_000, "mobilized": 10_000_000}
    base = {k: None for k in ("objective", "unit", "baseline", "actual_mid_year", "actual", "achieved",
                              "lead", "note")}
    plan["targets"] += [
        {**base, "code": "T9", "text": "Tổ chức ít nhất 3 lớp tập huấn", "kind": "numeric",
         "comparison": ">=", "target": 3, "unit": "lớp", "objective": 6,
         "measure": {"what": "activities", "activity_type": "training"}},
        {**base, "code": "T10", "text": "Tỷ lệ nữ tham gia các hoạt động đạt từ 55% trở lên", "kind": "numeric",
         "comparison": ">=", "target": 55, "unit": "%", "objective": 6, "measure": {"what": "female_share"}},
        {**base, "code": "T11", "text": "Số lượt người tham gia tập huấn", "kind": "numeric",
         "comparison": ">=", "target": 100, "objective": 6, "actual": 42,
         "measure": {"what": "participants", "activity_type": "training"}},
    ]
    return example


def write(pkg, path):
    path.write_text(json.dumps(pkg, ensure_ascii=False), encoding="utf-8")
    return path


def test_planned_and_spent_by_source_in_the_report(package, tmp_path):
    db = tmp_path / "m.db"
    assert run("import", write(package, tmp_path / "p.json"), "--db", db).returncode == 0
    acts = package["plans"][0]["activities"]
    spent = {s: sum(a.get("budget_vnd") or 0 for a in acts if a.get("budget_source") == s)
             for s in ("state", "mobilized", "mixed")}
    assert spent["state"] and spent["mobilized"]
    out = tmp_path / "y.pdf"
    assert run("report", "--db", db, "--year", 2019, "--kind", "year", "--out", out).returncode == 0
    text = flat(out)
    assert re.search(r"Bảng \d\. Kinh phí dự kiến và đã chi theo nguồn", text)  # numbered in order
    assert f"Ngân sách nhà nước 20.000.000 {n(spent['state'])} " in text
    assert f"Nguồn vận động 10.000.000 {n(spent['mobilized'])} " in text
    total = sum(spent.values())
    assert f"Tổng cộng 30.000.000 {n(total)} " in text


def test_targets_counted_from_activities_and_typed_over(package, tmp_path):
    db = tmp_path / "m.db"
    assert run("import", write(package, tmp_path / "p.json"), "--db", db).returncode == 0
    acts = package["plans"][0]["activities"]
    training = [a for a in acts if a["type"] == "training"]
    share = round(100 * sum(a.get("participants_female") or 0 for a in acts)
                  / sum(a["participants_total"] for a in acts), 2)
    out = tmp_path / "y.pdf"
    assert run("report", "--db", db, "--year", 2019, "--kind", "year", "--out", out).returncode == 0
    text = flat(out)
    row = text[text.index("Tổ chức ít nhất 3 lớp tập huấn"):][:120]
    assert f"{len(training)} lớp*" in row and "Đạt" in row
    row = text[text.index("Tỷ lệ nữ tham gia các hoạt động"):][:140]
    assert f"{share:.2f}".replace(".", ",") + "%*" in row and "Không đạt" in row  # 50,57 < 55
    row = text[text.index("Số lượt người tham gia tập huấn"):][:120]
    assert "42 " in row and "42*" not in row  # typed over: the typed value counts
    assert "(*) Số liệu tính tự động từ danh sách hoạt động." in text
    # the same number as the activity list filtered on that type
    from desktop_app.services import Workspace

    ws = Workspace(db, create=False)
    try:
        rows = ws.activity_list_rows(2019)
        assert ws.measured_targets(2019)["T9"]["actual"] == sum(1 for r in rows if r[3] == "training")
    finally:
        ws.close()


def test_round_trip_and_old_packages_unchanged(package, example, tmp_path):
    db = tmp_path / "m.db"
    assert run("import", write(package, tmp_path / "p.json"), "--db", db).returncode == 0
    out = tmp_path / "e.json"
    assert run("export", "--db", db, "--out", out).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    plan = data["plans"][0]
    assert plan["budget_by_source"] == {"state": 20_000_000, "mobilized": 10_000_000}
    keys = list(plan)
    assert keys.index("budget_by_source") == keys.index("budget_planned_vnd") + 1
    t9 = next(t for t in plan["targets"] if t["code"] == "T9")
    assert t9["measure"] == {"what": "activities", "activity_type": "training"} and t9["actual"] is None
    db2 = tmp_path / "b.db"
    assert run("import", out, "--db", db2).returncode == 0
    out2 = tmp_path / "e2.json"
    assert run("export", "--db", db2, "--out", out2).returncode == 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (out, out2))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b
    # a package without the new fields exports without them
    db3 = tmp_path / "c.db"
    from conftest import EXAMPLE

    assert run("import", EXAMPLE, "--db", db3).returncode == 0
    out3 = tmp_path / "e3.json"
    assert run("export", "--db", db3, "--out", out3).returncode == 0
    text = out3.read_text(encoding="utf-8")
    assert "budget_by_source" not in text and "measure" not in text


def test_bad_new_fields_are_refused_with_their_path(package, tmp_path):
    package["plans"][0]["budget_by_source"]["state"] = -5
    package["plans"][0]["targets"][0]["measure"] = {"what": "số hoạt động"}
    package["plans"][0]["targets"][1]["kind"] = "qualitative"
    package["plans"][0]["targets"][1].update(comparison=None, target=None, measure={"what": "activities"})
    r = run("import", write(package, tmp_path / "bad.json"), "--db", tmp_path / "x.db")
    assert r.returncode == 1
    assert "plans[0].budget_by_source.state" in r.stderr
    assert "plans[0].targets[0].measure.what" in r.stderr
    assert "plans[0].targets[1].measure: chỉ tiêu định tính không tính được từ hoạt động" in r.stderr
