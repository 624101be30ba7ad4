"""Quarterly and 9-month reports, and last year beside this one: through the real command line,
read back from the PDF's text."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import year_pair as Y
from pdfcheck import flat

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """A database holding the example's 2019 and a smaller 2018 made from it."""
    tmp = tmp_path_factory.mktemp("years")
    db = tmp / "years.db"
    pkg = Y.example()
    for name, p in (("2018", Y.previous_year(pkg)), ("2019", pkg)):
        r = run("import", Y.write(p, tmp / f"{name}.json"), "--db", db)
        assert r.returncode == 0, r.stderr
    return db, pkg


def report(db, kind, out, year=2019):
    r = run("report", "--db", db, "--year", year, "--kind", kind, "--out", out)
    assert r.returncode == 0, r.stderr
    return flat(out)


def quarter_of(a):
    return (int(a["start"][5:7]) - 1) // 3 + 1


def totals(acts):
    return (len(acts), sum(a["participants_total"] for a in acts),
            sum(a.get("participants_female") or 0 for a in acts))


def n(x):
    return f"{x:,}".replace(",", ".")


def test_q3_counts_its_quarter_beside_the_year_to_date(two_years, tmp_path):
    db, pkg = two_years
    acts = pkg["plans"][0]["activities"]
    q3 = [a for a in acts if quarter_of(a) == 3]
    ytd = [a for a in acts if quarter_of(a) <= 3]
    k, total, female = totals(q3)
    yk, ytotal, yfemale = totals(ytd)
    assert 0 < k < yk < len(acts)
    text = report(db, "q3", tmp_path / "q3.pdf")
    assert "phụ nữ quý III năm 2019" in text
    assert f"Quý III năm 2019, các cơ quan, đơn vị đã tổ chức {k} hoạt động với {n(total)} lượt" in text
    assert (f"Lũy kế từ ngày 01/01/2019 đến ngày 30/09/2019, đã tổ chức {yk} hoạt động với "
            f"{n(ytotal)} lượt người tham gia, trong đó nữ {n(yfemale)} lượt") in text
    assert re.search(rf"Tổng cộng {k} {n(total)} {n(female)} {yk} {n(ytotal)} {n(yfemale)}", text)
    # the appendix lists the quarter's activities only
    appendix = text.split("DANH SÁCH CÁC HOẠT ĐỘNG QUÝ III NĂM 2019")[1]
    dates = set(re.findall(r"\d\d/\d\d/2019", appendix))
    assert dates == {f"{a['start'][8:]}/{a['start'][5:7]}/2019" for a in q3}
    # tasks as at 30 September: NV7, done on 20/10, was still in progress then
    assert "hoàn thành 0, đang thực hiện 6, chưa thực hiện 1" in text
    # every task is due after 30 September: none is overdue in the third quarter's report
    assert "quá hạn" not in text
    # no Action Month in the third quarter
    assert "Tháng hành động vì bình đẳng giới" not in text


def test_nine_month_counts_to_september_and_judges_on_the_latest_value(two_years, tmp_path):
    db, pkg = two_years
    plan = pkg["plans"][0]
    k, total, female = totals([a for a in plan["activities"] if a["start"] <= "2019-09-30"])
    text = report(db, "nine_month", tmp_path / "9.pdf")
    assert f"9 tháng đầu năm 2019, các cơ quan, đơn vị đã tổ chức {k} hoạt động với {n(total)} lượt" in text
    assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV" in text
    # T1 (>= 100%): 60 by June, 100 at the year's end: the latest value, 100, is met
    t1 = next(t for t in plan["targets"] if t["code"] == "T1")
    assert (t1["actual_mid_year"], t1["actual"]) == (60, 100)
    assert "Mới nhất" in text
    assert "2 chỉ tiêu đạt, 1 chỉ tiêu không đạt" in text


def test_q1_judges_targets_on_mid_year_values_and_makes_word(two_years, tmp_path):
    db, _ = two_years
    text = report(db, "q1", tmp_path / "q1.pdf")
    assert "quý I năm 2019" in text and "(đánh giá theo số liệu 6 tháng)" in text
    out = tmp_path / "q2.docx"
    r = run("report", "--db", db, "--year", 2019, "--kind", "q2", "--out", out)
    assert r.returncode == 0 and out.stat().st_size > 5000


def test_year_report_shows_the_previous_year_and_the_change(two_years, tmp_path):
    db, pkg = two_years
    old = Y.previous_year(pkg)
    k0, t0, f0 = totals(old["plans"][0]["activities"])
    k1, t1, f1 = totals(pkg["plans"][0]["activities"])
    text = report(db, "year", tmp_path / "y.pdf")
    assert "Bảng 2. So sánh với năm 2018" in text  # numbered in order (issue 11)
    assert f"Số hoạt động {k0} {k1} +{k1 - k0}" in text
    assert f"Lượt người tham gia {n(t0)} {n(t1)} +{n(t1 - t0)}" in text
    assert f"Trong đó nữ {n(f0)} {n(f1)}" in text
    am0 = [a for a in old["plans"][0]["activities"] if "11-15" <= a["start"][5:] <= "12-15"]
    assert f"Hoạt động trong Tháng hành động {len(am0)} 5" in text


def test_mid_year_compares_the_same_months(two_years, tmp_path):
    db, pkg = two_years
    old = Y.previous_year(pkg)["plans"][0]["activities"]
    k0, t0, _ = totals([a for a in old if a["start"][5:] <= "06-30"])
    text = report(db, "mid_year", tmp_path / "m.pdf")
    assert "So sánh với 6 tháng đầu năm 2018" in text
    assert f"Số hoạt động {k0} " in text and f"Lượt người tham gia {n(t0)} " in text
    assert "Hoạt động trong Tháng hành động" not in text


def test_without_the_previous_year_no_comparison(tmp_path):
    db = tmp_path / "one.db"
    assert run("import", Y.write(Y.example(), tmp_path / "p.json"), "--db", db).returncode == 0
    assert "So sánh với" not in report(db, "year", tmp_path / "y.pdf")


def test_unknown_kind_is_usage_error(two_years, tmp_path):
    db, _ = two_years
    r = run("report", "--db", db, "--year", 2019, "--kind", "q5", "--out", tmp_path / "x.pdf")
    assert r.returncode == 2 and not (tmp_path / "x.pdf").exists()


def test_six_month_and_q2_agree_on_tasks_done_by_30_june(loaded):
    """A task finished after 30 June was still in progress in the 6-month report."""
    import datetime as dt

    today = dt.date(2020, 3, 1)
    mid = loaded.figures(2019, "mid_year", today)
    q2 = loaded.figures(2019, "q2", today)
    assert [(t.code, t.status) for t in mid.tasks] == [(t.code, t.status) for t in q2.tasks]
    assert all(not (t.status == "done" and t.completed_on and t.completed_on > dt.date(2019, 6, 30))
               for t in mid.tasks)
