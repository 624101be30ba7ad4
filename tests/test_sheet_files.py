"""Excel files as they arrive from units (issue 10, item 10): merged cells, formulas Excel never
computed, a file that unpacks to gigabytes, a password-protected workbook. Each goes through
the import the user runs (Nhập từ Excel, and `import FILE.xlsx --year N`)."""

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import dump_db

from desktop_app.store.activity_sheet import SheetError
from desktop_app.store.errors import ValidationError

DATA = Path(__file__).parent / "data"


@pytest.fixture
def sheet(loaded, tmp_path):
    out = tmp_path / "hoat-dong.xlsx"
    loaded.export_xlsx(out, 2019)
    return out


def _new_rows(path, rows, merge=None, formulas=None):
    wb = openpyxl.load_workbook(path)
    ws = wb["Hoạt động"]
    header = [c.value for c in ws[1]]
    first = ws.max_row + 1
    for row in rows:
        ws.append([row.get(h) for h in header])
    if merge:
        col = header.index(merge) + 1
        ws.merge_cells(start_row=first, start_column=col, end_row=first + len(rows) - 1, end_column=col)
    for (i, h), formula in (formulas or {}).items():
        ws.cell(first + i, header.index(h) + 1, formula)
    wb.save(path)
    return first


ROWS = [{"Ngày bắt đầu": "08/03/2019", "Tên hoạt động": "Tọa đàm ngày 8/3", "Loại": "Đối thoại, tọa đàm",
         "Tổng số người": 40, "Nữ": 30, "Nam": 10, "Đơn vị tổ chức": "Hội Liên hiệp Phụ nữ xã"},
        {"Ngày bắt đầu": "09/03/2019", "Tên hoạt động": "Tọa đàm ngày 9/3", "Loại": "Đối thoại, tọa đàm",
         "Tổng số người": 50, "Nữ": 35, "Nam": 15}]


def test_a_merged_cell_gives_its_value_to_every_row_it_covers(loaded, sheet):
    _new_rows(sheet, ROWS, merge="Đơn vị tổ chức")
    assert loaded.import_activity_sheet(sheet, 2019)["added"] == 2
    got = {a.title: a.organizer for a in loaded.repo.activities_of_year(2019) if a.title.startswith("Tọa đàm ngày")}
    assert got == {"Tọa đàm ngày 8/3": "HLHPN", "Tọa đàm ngày 9/3": "HLHPN"}


def test_a_formula_never_computed_asks_to_save_the_file_in_excel(loaded, sheet):
    first = _new_rows(sheet, ROWS, formulas={(1, "Tổng số người"): "=20+30"})
    before = dump_db(loaded.db)
    with pytest.raises(ValidationError) as err:
        loaded.import_activity_sheet(sheet, 2019)
    msg = "\n".join(err.value.messages)
    assert f"Dòng {first + 1}, cột “Tổng số người”" in msg and "mở tệp bằng Excel" in msg and "Lưu" in msg
    assert dump_db(loaded.db) == before


def test_a_zip_bomb_is_refused_before_the_workbook_is_read(loaded, sheet, monkeypatch, tmp_path):
    bomb = tmp_path / "bom.xlsx"
    shutil.copy(sheet, bomb)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/image99.bin", b"\0" * (24 * 1024 * 1024))  # packs to ~24 KB
    assert bomb.stat().st_size < 200_000

    def never(*a, **k):
        raise AssertionError("openpyxl opened a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    monkeypatch.setattr(openpyxl.reader.excel, "load_workbook", never)
    with pytest.raises(SheetError, match="giải nén"):
        loaded.import_activity_sheet(bomb, 2019)


def test_a_password_protected_workbook_says_so(loaded, tmp_path):
    # Saved by Excel's "Encrypt with Password" (made with msoffcrypto-tool, password "matkhau").
    locked = tmp_path / "mat-khau.xlsx"
    shutil.copy(DATA / "mat-khau.xlsx", locked)
    with pytest.raises(SheetError, match="đặt mật khẩu"):
        loaded.import_activity_sheet(locked, 2019)


def test_an_old_xls_file_says_to_save_as_xlsx(loaded, tmp_path):
    old = tmp_path / "cu.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    with pytest.raises(SheetError, match=r"\.xls"):
        loaded.import_activity_sheet(old, 2019)
