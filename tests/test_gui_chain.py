"""The reporting chain in the window: a province set up in Settings without a plan, packages of
communes received (several files, a folder), who has sent, the consolidated report; unit forms
written for chosen units and the units that have sent their figures."""

import copy
import json

import openpyxl
import pytest
from gui_helpers import type_text, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("BDG_DATA_DIR", str(tmp_path / "data"))
    made = []

    def make(ws, year):
        from desktop_app.app import _qt_settings
        from desktop_app.ui.main_window import MainWindow

        win = MainWindow(ws, _qt_settings(tmp_path), year=year)
        win.show()
        qtbot.waitExposed(win)
        made.append((win, ws))
        return win

    yield make
    for win, ws in made:
        win.settle_unsaved = lambda before: True
        win.close()
        win.deleteLater()
        ws.close()


def nav_shown(win, key):
    from desktop_app.ui.main_window import KEYS

    return not win.nav.item(KEYS.index(key)).isHidden()


def commune(example, name, code, n=None):
    p = copy.deepcopy(example)
    p["office"] = {"name": name, "parent_body": None, "place_name": name.split("xã ")[-1],
                   "province": "Thanh Hóa", "level": "commune", "code": code}
    if n is not None:
        p["plans"][0]["activities"] = p["plans"][0]["activities"][:n]
    return p


def test_province_set_up_in_settings_receives_and_prints_the_summary(make_window, qtbot, tmp_path, example,
                                                                      monkeypatch):
    from desktop_app.services import Workspace
    from desktop_app.ui.pages import consolidation

    win = make_window(Workspace(tmp_path / "tinh.db"), 2019)
    assert not nav_shown(win, "consolidation")  # a new office: not a province yet
    settings = win.go_to("settings")
    type_text(settings.name, "Sở Nội vụ")
    type_text(settings.parent_body, "Ủy ban nhân dân tỉnh Thanh Hóa")
    type_text(settings.place, "Thanh Hóa")
    settings.level.setCurrentIndex(settings.level.findData("province"))
    type_text(settings.code, "38")
    qtbot.mouseClick(settings.save_btn, Qt.MouseButton.LeftButton)
    assert win.ws.office().level == "province" and win.ws.office().code == "38"
    assert nav_shown(win, "consolidation")  # no plan of its own needed

    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "an.json").write_text(json.dumps(commune(example, "Ủy ban nhân dân xã An", "101"), ensure_ascii=False),
                                    encoding="utf-8")
    (folder / "binh.json").write_text(json.dumps(commune(example, "Ủy ban nhân dân xã Bình", "102", n=10),
                                                 ensure_ascii=False), encoding="utf-8")
    bad = commune(example, "Ủy ban nhân dân xã Cẩm", "103")
    bad["plans"][0]["activities"][2]["participants_male"] = 100000
    (folder / "cam.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    (folder / "ghi-chu.txt").write_text("không phải gói", encoding="utf-8")

    page = win.go_to("consolidation")
    # the signature examples are a Sở's, not a commune's
    assert (page.text_form.signer.on_behalf.placeholderText(), page.text_form.signer.title.placeholderText()) == (
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert win.go_to("settings").signer.title.placeholderText() == "PHÓ GIÁM ĐỐC"
    page = win.go_to("consolidation")
    monkeypatch.setattr(consolidation, "QFileDialog", type("Fake", (), {"getExistingDirectory": staticmethod(
        lambda parent, title, start: str(folder))}))
    with qtbot.waitSignal(page.received, timeout=20000) as got:
        qtbot.mouseClick(page.folder_btn, Qt.MouseButton.LeftButton)
    results = {r.file.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]: r for r in got.args[0]}
    assert sorted(results) == ["an.json", "binh.json", "cam.json"]
    assert results["an.json"].taken and results["binh.json"].taken and not results["cam.json"].taken
    shown = [page.result.item(i).text() for i in range(page.result.count())]
    assert shown[0].startswith("Đã nhận 2/3 tệp")
    assert any("plans[0].activities[2].participants_male" in line for line in shown)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert "đã nhận số liệu của 2/2 cơ quan" in page.overview.text()
    assert win.year_box.itemText(win.year_box.findData(2019)) == "2019 (số liệu cấp dưới)"

    # The corrected file, chosen with others through "Nhận gói dữ liệu...".
    bad["plans"][0]["activities"][2]["participants_male"] = 10
    fixed = tmp_path / "cam-sua.json"
    fixed.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(consolidation, "QFileDialog", type("Fake", (), {"getOpenFileNames": staticmethod(
        lambda parent, title, start, kinds: ([str(fixed), str(folder / "an.json")], kinds))}))
    with qtbot.waitSignal(page.received, timeout=20000) as got:
        qtbot.mouseClick(page.receive_btn, Qt.MouseButton.LeftButton)
    assert all(r.taken for r in got.args[0])
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    # An office added by hand that has sent nothing is named in the summary.
    def fill(dlg):
        type_text(dlg.name, "Ủy ban nhân dân xã Dũng")
        type_text(dlg.code, "104")
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    assert "Chưa gửi (1): Ủy ban nhân dân xã Dũng" in page.overview.text()
    dash = win.go_to("dashboard")
    assert dash.chain_note.text() == "Đã nhận số liệu của 3/4 cơ quan cấp dưới, 1 cơ quan chưa gửi báo cáo."

    page = win.go_to("consolidation")
    page.tabs.setCurrentIndex(1)
    type_text(page.parts["strengths"], "Các xã triển khai đồng bộ.")
    with qtbot.waitSignal(page.preview_ready, timeout=30000) as pages:
        qtbot.mouseClick(page.preview_btn, Qt.MouseButton.LeftButton)
    assert pages.args[0] >= 2
    assert win.ws.summary_text(2019, "summary").strengths == "Các xã triển khai đồng bộ."  # saved before printing
    out = tmp_path / "tong-hop.xlsx"
    monkeypatch.setattr(consolidation, "QFileDialog", type("Fake", (), {"getSaveFileName": staticmethod(
        lambda parent, title, start, filt: (str(out), filt))}))
    qtbot.mouseClick(page.xlsx_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.info.text().startswith("Đã lưu"), timeout=20000)
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["Ủy ban nhân dân xã An", "Ủy ban nhân dân xã Bình",
                                        "Ủy ban nhân dân xã Cẩm", "Tổng cộng"]
    assert rows[-1][1] == 24 + 10 + 24


def test_unit_forms_from_the_window_and_who_has_sent(make_window, qtbot, tmp_path, monkeypatch):
    from desktop_app.services import Workspace, create_demo_database
    from desktop_app.ui.flows import imports
    from desktop_app.ui.pages import unit_reports

    ws = Workspace(create_demo_database(tmp_path))
    win = make_window(ws, 2026)
    assert not nav_shown(win, "consolidation")  # a commune that has received nothing
    units = {u.code: u.name for u in ws.units(active_only=True)}
    dash = win.go_to("dashboard")
    assert dash.chain_note.text() == f"{len(units)} đơn vị chưa gửi số liệu năm 2026."

    page = win.go_to("unit_reports")
    assert page.model.rowCount() == len(units)
    out = tmp_path / "phieu"
    out.mkdir()
    monkeypatch.setattr(unit_reports, "QFileDialog", type("Fake", (), {"getExistingDirectory": staticmethod(
        lambda parent, title, start: str(out))}))

    def choose(dlg):
        dlg.units.set_codes(["HLHPN", "DTN"])
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(choose)
    qtbot.mouseClick(page.forms_btn, Qt.MouseButton.LeftButton)
    made = sorted(p.name for p in out.iterdir())
    assert made == sorted(f"{units[c]} - phiếu số liệu 2026.xlsx" for c in ("HLHPN", "DTN"))

    # The women's union fills its form in and it is taken back through the page.
    form = out / f"{units['HLHPN']} - phiếu số liệu 2026.xlsx"
    wb = openpyxl.load_workbook(form)
    sheet = wb.active
    head = next(r for r in sheet.iter_rows() if any(c.value == "Tên hoạt động" for c in r))
    cols = {c.value: c.column for c in head}
    n = head[0].row + 1
    for k, v in {"Tên hoạt động": "Nói chuyện chuyên đề phòng chống bạo lực gia đình", "Loại": "Truyền thông",
                 "Ngày bắt đầu": "25/11/2026", "Tổng số người": 80, "Nữ": 60, "Nam": 20}.items():
        sheet.cell(n, cols[k], v)
    wb.save(form)
    monkeypatch.setattr(imports, "QFileDialog", type("Fake", (), {"getOpenFileName": staticmethod(
        lambda parent, title, folder, kinds: (str(form), kinds))}))
    win.last_import = None
    qtbot.mouseClick(page.import_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.last_import is not None, timeout=10000)
    assert win.last_import[0] == "ok", win.last_import
    page = win.go_to("unit_reports")
    qtbot.waitUntil(lambda: "1 đơn vị chưa" not in page.summary.text() and f"1/{len(units)}" in page.summary.text())
    row = next(r for r in range(page.model.rowCount()) if page.model.item(r, 0).text() == units["HLHPN"])
    assert page.model.item(row, 1).text().startswith(dt_today())
    assert page.model.item(row, 2).text() == "1"
    dash = win.go_to("dashboard")
    assert dash.chain_note.text() == f"{len(units) - 1} đơn vị chưa gửi số liệu năm 2026."
    act = next(a for a in ws.repo.activities_of_year(2026) if a.title.startswith("Nói chuyện chuyên đề"))
    assert act.organizer == "HLHPN"

    # The same form taken in again: the program asks first (its rows have no ids, they would be
    # added twice); "Không nhập" changes nothing. The unit then sends its form with a row added:
    # "Chỉ nhập 1 dòng mới" takes only that one; "Nhập cả" would take both again.
    def titles():
        return [a.title for a in ws.repo.activities_of_year(2026) if a.organizer == "HLHPN"
                and a.title.endswith("phòng chống bạo lực gia đình")]

    asked = []

    def answer(label):
        def on(box):
            asked.append((box.text(), [b.text() for b in box.buttons()]))
            next(b for b in box.buttons() if b.text().startswith(label)).click()
        return on

    page = win.go_to("unit_reports")
    when_modal(answer("Không nhập"))
    win.last_import = None
    qtbot.mouseClick(page.import_btn, Qt.MouseButton.LeftButton)
    text, buttons = asked[0]
    assert units["HLHPN"] in text and "1 dòng trùng tên, ngày bắt đầu và đơn vị tổ chức" in text
    assert sorted(buttons) == ["Không nhập", "Nhập cả 1 dòng"]  # nothing new to take alone
    qtbot.wait(200)
    assert win.last_import is None and len(titles()) == 1

    wb = openpyxl.load_workbook(form)
    sheet = wb.active
    for k, v in {"Tên hoạt động": "Tập huấn kỹ năng phòng chống bạo lực gia đình", "Loại": "Tập huấn",
                 "Ngày bắt đầu": "2/12/2026", "Tổng số người": 40, "Nữ": 30, "Nam": 10}.items():
        sheet.cell(n + 1, cols[k], v)
    wb.save(form)
    when_modal(answer("Chỉ nhập 1 dòng mới"))
    qtbot.mouseClick(page.import_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.last_import is not None, timeout=10000)
    assert "1 dòng trùng" in asked[1][0] and "1 dòng mới" in asked[1][0]
    assert sorted(titles()) == ["Nói chuyện chuyên đề phòng chống bạo lực gia đình",
                                "Tập huấn kỹ năng phòng chống bạo lực gia đình"]
    assert win.last_import[1]["skipped"] == 1


def dt_today():
    import datetime as dt

    return f"{dt.date.today():%d/%m/%Y}"


def test_offices_from_an_excel_list_and_a_bad_list_changes_nothing(make_window, qtbot, tmp_path, monkeypatch):
    from desktop_app.domain.model import Office
    from desktop_app.services import Workspace
    from desktop_app.ui.pages import consolidation

    ws = Workspace(tmp_path / "tinh.db")
    ws.save_settings(Office("Sở Nội vụ", "Thanh Hóa", "Ủy ban nhân dân tỉnh Thanh Hóa", "Thanh Hóa", "province"), {})
    win = make_window(ws, 2025)
    page = win.go_to("consolidation")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Danh sách các xã, phường phải báo cáo"])
    sheet.append(["STT", "Mã", "Tên đơn vị hành chính"])
    sheet.append([1, 16279, "Ủy ban nhân dân xã Quảng Thành"])
    sheet.append([2, "16280", "Ủy ban nhân dân phường Hạc Thành"])
    good = tmp_path / "ds.xlsx"
    book.save(good)
    sheet.append([3, "16A", "Xã Lỗi"])
    bad = tmp_path / "ds-loi.xlsx"
    book.save(bad)

    shown = []
    monkeypatch.setattr(consolidation, "show_error", lambda parent, title, text, details=None: shown.append(details))
    monkeypatch.setattr(consolidation, "QFileDialog", type("Fake", (), {"getOpenFileName": staticmethod(
        lambda parent, title, start, kinds: (str(bad), kinds))}))
    qtbot.mouseClick(page.list_btn, Qt.MouseButton.LeftButton)
    assert shown == [["Dòng 5, cột “Mã”: “16A” phải gồm chữ số, tối đa 10 chữ số"]]
    assert ws.known_offices() == []
    monkeypatch.setattr(consolidation, "QFileDialog", type("Fake", (), {"getOpenFileName": staticmethod(
        lambda parent, title, start, kinds: (str(good), kinds))}))
    qtbot.mouseClick(page.list_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert {(o.code, o.name) for o in ws.known_offices()} == {
        ("16279", "Ủy ban nhân dân xã Quảng Thành"), ("16280", "Ủy ban nhân dân phường Hạc Thành")}
    assert "Chưa gửi (2)" in page.overview.text()
    # None has sent yet: the summary can still be printed, to name those who have not
    assert all(b.isEnabled() for b in page.doc_buttons) and "chỉ nêu danh sách" in page.info.text()
    # Added from the list, then received without a code: the same office (name and province).
    import copy as _copy
    import json as _json

    from conftest import EXAMPLE

    pkg = _json.loads(EXAMPLE.read_text(encoding="utf-8"))
    pkg = _copy.deepcopy(pkg)
    pkg["office"] = {"name": "Ủy ban nhân dân xã Quảng Thành", "place_name": "Quảng Thành", "province": "Thanh Hóa",
                     "level": "commune", "parent_body": None}
    (tmp_path / "qt.json").write_text(_json.dumps(pkg, ensure_ascii=False), encoding="utf-8")
    asked = {}

    def go_there(box):  # the package is of 2019, the page shows 2025: go to 2019
        asked["text"] = box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(go_there, timeout_ms=20000)
    with qtbot.waitSignal(page.received, timeout=20000):
        page.receive_files([str(tmp_path / "qt.json")])
    qtbot.waitUntil(lambda: "text" in asked, timeout=20000)
    assert "năm 2019" in asked["text"] and win.ctx.year == 2019
    assert len(ws.known_offices()) == 2


def test_settings_refuse_an_office_code_that_is_not_digits(make_window, qtbot, tmp_path):
    from desktop_app.services import Workspace, create_demo_database

    ws = Workspace(create_demo_database(tmp_path))
    win = make_window(ws, 2026)
    settings = win.go_to("settings")
    type_text(settings.code, "16A79")
    qtbot.mouseClick(settings.save_btn, Qt.MouseButton.LeftButton)
    assert "chỉ gồm chữ số" in settings.err.text() and settings.err.isVisible()
    assert ws.office().code is None
    settings.code.clear()
    type_text(settings.code, "16279")
    qtbot.mouseClick(settings.save_btn, Qt.MouseButton.LeftButton)
    assert ws.office().code == "16279"
    out = tmp_path / "goi.json"
    ws.export_json(out)
    assert json.loads(out.read_text(encoding="utf-8"))["office"]["code"] == "16279"
