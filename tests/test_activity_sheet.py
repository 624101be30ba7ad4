"""Activities from an Excel sheet laid out like the exported one: a round trip changes nothing,
new rows are added with names matched to codes, and a bad sheet is refused row by row."""

import datetime as dt

import openpyxl
import pytest
from conftest import dump_db

from desktop_app.store.activity_sheet import SheetError
from desktop_app.store.errors import ValidationError


@pytest.fixture
def sheet(loaded, tmp_path):
    out = tmp_path / "hoat-dong.xlsx"
    loaded.export_xlsx(out, 2019)
    return out


def _append(path, *rows):
    wb = openpyxl.load_workbook(path)
    ws = wb["Hoạt động"]
    header = [c.value for c in ws[1]]
    for row in rows:
        ws.append([row.get(h) for h in header])
    wb.save(path)


def test_exported_sheet_imported_back_changes_nothing(loaded, sheet):
    before = dump_db(loaded.db)
    counts = loaded.import_activity_sheet(sheet, 2019)
    assert counts == {"added": 0, "updated": 24}
    assert dump_db(loaded.db) == before


def test_new_rows_are_added_with_names_matched(loaded, sheet):
    units = loaded.repo.unit_names()
    _append(sheet, {
        "Ngày bắt đầu": "26/11/2019", "Tên hoạt động": "Tọa đàm “Nam giới chia sẻ việc nhà”",
        "Loại": "đối thoại, tọa đàm", "Đơn vị tổ chức": units["HLHPN"],
        "Đơn vị phối hợp": f"{units['MTTQ']}; THCS-DT", "Tổng số người": "1.234", "Nữ": 700, "Nam": "534",
        "Kinh phí (đồng)": "2.500.000", "Nguồn kinh phí": "Nguồn vận động", "Nhiệm vụ": "NV6",
    }, {
        "Ngày bắt đầu": dt.datetime(2019, 12, 1), "Tên hoạt động": "Phát thanh tuyên truyền",
        "Loại": "Truyền thông", "Tổng số người": None, "Phát thanh": 3,
    })
    counts = loaded.import_activity_sheet(sheet, 2019)
    assert counts == {"added": 2, "updated": 24}
    new = {a.title: a for a in loaded.repo.activities_of_year(2019)}
    a = new["Tọa đàm “Nam giới chia sẻ việc nhà”"]
    assert (a.start, a.type, a.organizer, a.partners, a.task) == (
        dt.date(2019, 11, 26), "dialogue", "HLHPN", ["MTTQ", "THCS-DT"], "NV6")
    assert (a.participants_total, a.participants_female, a.participants_male) == (1234, 700, 534)
    assert (a.budget_vnd, a.budget_source) == (2_500_000, "mobilized")
    b = new["Phát thanh tuyên truyền"]
    assert (b.start, b.type, b.participants_total, b.broadcasts) == (dt.date(2019, 12, 1), "communication", 0, 3)
    assert loaded.figures(2019).totals.activities == 26


def test_a_bad_sheet_is_refused_row_by_row_and_nothing_changes(loaded, sheet):
    _append(sheet, {
        "Ngày bắt đầu": "31/02/2019", "Tên hoạt động": "Sai ngày", "Loại": "Truyền thông", "Tổng số người": 10,
    }, {
        "Ngày bắt đầu": "05/03/2019", "Tên hoạt động": "Quá nhiều nữ", "Loại": "Hội thi",
        "Tổng số người": 10, "Nữ": 12, "Đơn vị tổ chức": "Hội Người cao tuổi",
    }, {
        "Ngày bắt đầu": "05/03/2018", "Tên hoạt động": "Năm khác", "Loại": "Văn nghệ", "Tổng số người": "mười",
    })
    before = dump_db(loaded.db)
    with pytest.raises(ValidationError) as exc:
        loaded.import_activity_sheet(sheet, 2019)
    msgs = exc.value.messages  # rows 2-25 are the exported activities
    assert any(m.startswith("Dòng 26, cột “Ngày bắt đầu”: “31/02/2019” không phải ngày") for m in msgs)
    assert any(m.startswith("Dòng 27, cột “Nữ”:") for m in msgs)
    assert any(m.startswith("Dòng 27, cột “Đơn vị tổ chức”: không có “Hội Người cao tuổi”") for m in msgs)
    assert any(m.startswith("Dòng 28, cột “Ngày bắt đầu”:") and "2019" in m for m in msgs)
    assert any(m.startswith("Dòng 28, cột “Loại”: không có “Văn nghệ”; dùng một trong: Truyền thông") for m in msgs)
    assert any(m.startswith("Dòng 28, cột “Tổng số người”:") for m in msgs)
    assert dump_db(loaded.db) == before


def test_missing_columns_and_unreadable_files_are_explained(loaded, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Tên hoạt động", "Ghi chú"])
    wb.active.append(["Tập huấn", ""])
    path = tmp_path / "thieu-cot.xlsx"
    wb.save(path)
    with pytest.raises(ValidationError) as exc:
        loaded.import_activity_sheet(path, 2019)
    assert exc.value.messages == ["Dòng 1 (tiêu đề) thiếu cột: “Ngày bắt đầu”, “Loại”, “Tổng số người”. "
                                  "Hãy dùng phiếu của đơn vị hoặc bảng tính xuất từ chương trình (Báo cáo → Lưu Excel) làm mẫu."]
    bad = tmp_path / "khong-phai.xlsx"
    bad.write_text("không phải Excel", encoding="utf-8")
    with pytest.raises(SheetError, match="Không đọc được tệp Excel khong-phai.xlsx"):
        loaded.import_activity_sheet(bad, 2019)


def test_a_row_of_another_year_is_refused(loaded, sheet, example):
    import copy

    from desktop_app.store.exchange import import_package

    other = copy.deepcopy(example)
    other["plans"][0]["year"] = 2020
    for a in other["plans"][0]["activities"]:
        a["id"] = a["id"].replace("QT19", "QT20")
        a["start"] = "2020" + a["start"][4:]
        if a.get("end"):
            a["end"] = "2020" + a["end"][4:]
    other["plans"][0].pop("deadlines", None)
    other["reports"] = []
    import_package(loaded.repo, other)
    first = loaded.repo.activities_of_year(2020)[0]
    wb = openpyxl.load_workbook(sheet)
    wb["Hoạt động"]["A2"] = first.id
    wb.save(sheet)
    with pytest.raises(ValidationError) as exc:
        loaded.import_activity_sheet(sheet, 2019)
    assert exc.value.messages[0].startswith(f"Mã {first.id} là một hoạt động của năm 2020")


# ---- Issue 10 item 9: what a user typed is never a formula in any sheet ------------------------

HOSTILE = ["=1+1", "+1+2", "-3+4", "@SUM(A1:A2)", '=HYPERLINK("http://example.com";"bấm")', "=cmd|' /C calc'!A0",
           "a\t=b"]


@pytest.fixture
def hostile(example, tmp_path):
    import copy

    from desktop_app.services import Workspace
    from desktop_app.store.exchange import import_package

    pkg = copy.deepcopy(example)
    plan = pkg["plans"][0]
    for a, text in zip(plan["activities"], HOSTILE):
        a["title"] = text
        a["location"] = text
        a["notes"] = text
    pkg["units"][0]["name"] = "=Bộ phận Lao động"
    plan["targets"][0]["text"] = "-Cán bộ được phổ biến"
    plan["tasks"][0]["content"] = "=Tham mưu kế hoạch"
    plan["tasks"][0]["result"] = "+Đã ban hành"
    ws = Workspace(tmp_path / "hostile.db")
    import_package(ws.repo, pkg)
    yield ws
    ws.close()


def test_typed_text_is_a_text_cell_never_a_formula(hostile, tmp_path):
    import zipfile
    from xml.etree import ElementTree as ET

    out = tmp_path / "so-lieu.xlsx"
    hostile.export_xlsx(out, 2019)
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    kinds: dict[str, set] = {}
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if not name.startswith("xl/worksheets/sheet"):
                continue
            for c in ET.fromstring(z.read(name)).iter(f"{{{ns['m']}}}c"):
                assert c.find("m:f", ns) is None, (name, c.get("r"))  # no formula anywhere
                text = "".join(t.text or "" for t in c.iterfind(".//m:t", ns))
                kinds.setdefault(text, set()).add(c.get("t"))
    for text in ("=1+1", "+1+2", "-3+4", "@SUM(A1:A2)", "=Bộ phận Lao động", "-Cán bộ được phổ biến",
                 "=Tham mưu kế hoạch", "+Đã ban hành", '=HYPERLINK("http://example.com";"bấm")'):
        assert kinds.get(text) == {"inlineStr"}, text
    wb = openpyxl.load_workbook(out)
    titles = [r[3] for r in wb["Hoạt động"].iter_rows(min_row=2, values_only=True)]
    assert set(HOSTILE) <= set(titles)
    assert all(c.data_type == "s" for row in wb["Hoạt động"].iter_rows(min_row=2, max_col=8) for c in row
               if isinstance(c.value, str))


def test_hostile_sheet_reimports_unchanged(hostile, tmp_path):
    out = tmp_path / "so-lieu.xlsx"
    hostile.export_xlsx(out, 2019)
    before = dump_db(hostile.db)
    assert hostile.import_activity_sheet(out, 2019) == {"added": 0, "updated": 24}
    assert dump_db(hostile.db) == before


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_shows_typed_text_not_a_result(hostile, tmp_path):
    import csv
    import subprocess

    out = tmp_path / "so-lieu.xlsx"
    hostile.export_xlsx(out, 2019)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=120)
    rows = list(csv.reader((tmp_path / "so-lieu.csv").open(encoding="utf-8")))
    titles = [r[3] for r in rows[1:]]
    assert set(HOSTILE) <= set(titles), titles[:8]


def test_a_sheet_exported_before_the_source_was_renamed_still_imports(loaded, sheet):
    """Sheets exported by 0.1 wrote 'Không ghi nguồn' for money with no source."""
    _append(sheet, {"Ngày bắt đầu": "26/11/2019", "Tên hoạt động": "Tọa đàm cũ", "Loại": "Hội thi",
                    "Tổng số người": 10, "Kinh phí (đồng)": 500000, "Nguồn kinh phí": "Không ghi nguồn"})
    counts = loaded.import_activity_sheet(sheet, 2019)
    assert counts["added"] == 1
    added = [a for a in loaded.repo.activities_of_year(2019) if a.title == "Tọa đàm cũ"]
    assert added and added[0].budget_source is None
