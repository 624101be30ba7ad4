"""The desktop, driven through real widgets on the offscreen platform."""

import datetime as dt
from pathlib import Path

import pytest
from gui_helpers import type_text, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton

from desktop_app.ui.operations import changes


def activity_count(win, year=2026):
    return len(win.ws.repo.activity_list_rows(year))


def test_every_page_opens(window, qtbot):
    for i in range(window.nav.count()):
        window.nav.setCurrentRow(i)
        qtbot.wait(10)
        assert window.stack.currentIndex() == i


def test_new_activity_typed_in_vietnamese_appears_in_list_and_dashboard(window, qtbot):
    dash = window.go_to("dashboard")
    before_people = window.ws.figures(2026).totals.participants_total
    before = activity_count(window)
    title = "Tọa đàm “Phụ nữ với chuyển đổi số” tại thôn Đông Hải"

    def fill(dlg):
        type_text(dlg.title, title)
        qtbot.keyClicks(dlg.total, "120")
        qtbot.keyClicks(dlg.female, "75")
        qtbot.keyClicks(dlg.male, "45")
        dlg.start.set_value(dt.date(2026, 11, 20))
        dlg.organizer.set_code("HLHPN")
        assert dlg.save_btn.isEnabled()
        qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)

    when_modal(fill)
    window.new_activity()  # Ctrl+N's action: opens the form modally
    assert activity_count(window) == before + 1
    page = window.pages["activities"]
    type_text(page.search, "chuyển đổi số")
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == title
    a = window.ws.repo.activity(page.model.index(0, 0).data(Qt.ItemDataRole.UserRole))
    assert (a.participants_total, a.participants_female, a.participants_male) == (120, 75, 45)
    assert a.organizer == "HLHPN"
    window.go_to("dashboard")
    assert dash.c_people.value.text() == f"{before_people + 120:,}".replace(",", ".")
    assert dash.c_acts.value.text() == str(window.ws.figures(2026).totals.activities)


def test_invalid_activity_shows_reason_and_saves_nothing(window, qtbot):
    before = activity_count(window)
    seen = {}

    def fill(dlg):
        type_text(dlg.title, "Tập huấn kỹ năng sống")
        qtbot.keyClicks(dlg.total, "40")
        qtbot.keyClicks(dlg.female, "45")
        seen["while_typing"] = dlg.err["participants"].text()
        qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)  # refused: says why
        seen["error"] = dlg.err["participants"].text()
        seen["focus"] = dlg.focusWidget() is dlg.female
        # fix the end date before the start, then cancel and confirm discarding
        dlg.end.set_value(dlg.start.value() - dt.timedelta(days=1))
        seen["end_error"] = dlg.err["dates"].text()
        when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        dlg.reject()

    when_modal(fill)
    window.new_activity()
    assert seen["while_typing"] == ""
    assert seen["error"] == "số nữ tham gia (45) lớn hơn tổng số (40)"
    assert seen["focus"]
    assert "trước ngày bắt đầu" in seen["end_error"]
    assert activity_count(window) == before


def test_save_and_add_next_keeps_entering(window, qtbot):
    before = activity_count(window)

    def fill(dlg):
        for name in ("Họp CLB “Gia đình hạnh phúc” lần 1", "Họp CLB “Gia đình hạnh phúc” lần 2"):
            type_text(dlg.title, name)
            qtbot.keyClicks(dlg.total, "30")
            qtbot.mouseClick(dlg.save_new_btn, Qt.MouseButton.LeftButton)
            assert dlg.title.text() == ""
        assert "Đã lưu 2 hoạt động" in dlg.status.text()
        dlg.reject()

    when_modal(fill)
    window.new_activity()
    assert activity_count(window) == before + 2


def test_target_value_typed_vietnamese_decimal_is_stored_and_judged(window, qtbot):
    from PySide6.QtWidgets import QAbstractItemView

    page = window.go_to("targets")
    model = page.model
    view = page.table
    row = next(i for i, t in enumerate(model.targets) if t.code == "MT2.1")  # >= 27 %
    index = model.index(row, 5)

    def type_into_cell(text, vietnamese=False):
        view.setCurrentIndex(index)
        qtbot.keyClick(view, Qt.Key.Key_F2)  # the edit key, as a user would press it
        editor = view.focusWidget()
        editor.selectAll()
        (type_text if vietnamese else qtbot.keyClicks)(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.NoState)

    def stored():
        return {t.code: t for t in window.ws.repo.plan(2026).targets}["MT2.1"].actual

    type_into_cell("26,05")
    assert stored() == pytest.approx(26.05)
    assert model.index(row, 5).data() == "26,05"
    assert model.index(row, 7).data() == "Không đạt"
    type_into_cell("27")
    assert stored() == 27
    assert model.index(row, 7).data() == "Đạt"
    # words are no number: nothing changes, and the page says why
    type_into_cell("khoảng 30", vietnamese=True)
    assert stored() == 27
    assert "không phải là số" in page.message.text()


def test_copy_plan_forward_gives_next_years_plan(window, qtbot):
    window.ctx.set_year(2026)
    page = window.go_to("plan")
    assert window.ws.repo.plan(2027) is None
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(page.copy_btn, Qt.MouseButton.LeftButton)
    new = window.ws.repo.plan(2027)
    old = window.ws.repo.plan(2026)
    assert new is not None and window.ctx.year == 2027
    assert "2027" in new.title and new.legal_bases == old.legal_bases
    assert len(new.targets) == len(old.targets)
    assert all(t.actual is None and t.actual_mid_year is None and t.achieved is None for t in new.targets)
    assert all(t.status == "not_started" and t.completed_on is None for t in new.tasks)
    assert all(t.due is None or t.due.year == 2027 for t in new.tasks)
    assert page.title_edit.text() == new.title
    assert window.year_box.currentData() == 2027


def test_report_page_builds_preview(window, qtbot):
    page = window.go_to("reports")
    page.kinds.setCurrentRow(2)  # year-end
    with qtbot.waitSignal(page.preview_ready, timeout=30000) as blocker:
        qtbot.mouseClick(page.preview_btn, Qt.MouseButton.LeftButton)
    assert blocker.args[0] >= 3
    assert page.preview.page_count() == blocker.args[0]
    # fitted to the pane's width, zoomed with +
    assert page.preview.pages[0].pixmap().width() == page.preview.fit_width()
    qtbot.mouseClick(page.preview.zoom_in_btn, Qt.MouseButton.LeftButton)
    assert page.preview.pages[0].pixmap().width() > page.preview.fit_width()


def test_report_text_saved_and_printed(window, qtbot, tmp_path):
    page = window.go_to("reports")
    page.kinds.setCurrentRow(2)
    page.parts["strengths"].setPlainText("Phong trào được nhân dân hưởng ứng.")
    assert page.has_unsaved()
    out = tmp_path / "bc.pdf"
    page.save_as("pdf", str(out))
    qtbot.waitUntil(lambda: out.exists(), timeout=30000)
    assert window.ws.repo.report_text(2026, "year").strengths == "Phong trào được nhân dân hưởng ứng."
    import pdfcheck

    assert "Phong trào được nhân dân hưởng ứng." in pdfcheck.flat(out)


def test_import_refused_package_lists_messages(window, qtbot, tmp_path, example):
    import json

    example["plans"][0]["activities"][3]["participants_female"] = 10_000
    bad = tmp_path / "goi loi.json"
    bad.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    before = activity_count(window, 2019)
    window.import_package(str(bad))
    qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=10000)
    kind, lines = window.last_import
    assert kind == "refused"
    assert any(line.startswith("plans[0].activities[3].participants_female:") for line in lines)
    assert window.messages_dialog.list.count() == len(lines)
    window.messages_dialog.close()
    assert activity_count(window, 2019) == before


def test_unit_in_use_cannot_be_deleted(window, qtbot):
    page = window.go_to("units")
    row = next(i for i, u in enumerate(page.units) if u.code == "HLHPN")
    page.table.selectRow(row)
    seen = {}
    when_modal(lambda box: (seen.setdefault("text", box.text()), box.accept()))
    qtbot.mouseClick(page.del_btn, Qt.MouseButton.LeftButton)
    assert "đã được dùng" in seen["text"] and "Ngừng" in seen["text"]
    assert "HLHPN" in window.ws.unit_names()


def test_unused_unit_is_deleted_after_yes(window, qtbot):
    from desktop_app.domain.model import Unit

    window.ws.save_unit(Unit("THON9", "Thôn 9", "village", True))
    window.ctx.announce(changes("units", "activities"))
    page = window.go_to("units")
    page.refresh()
    page.table.selectRow(next(i for i, u in enumerate(page.units) if u.code == "THON9"))
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(page.del_btn, Qt.MouseButton.LeftButton)
    assert "THON9" not in window.ws.unit_names()
    assert window.undo_action.isEnabled()


def test_window_remembers_page(window, qtbot, tmp_path):
    window.go_to("tasks")
    window.close()
    from desktop_app.app import _qt_settings

    assert _qt_settings(tmp_path).value("window/page") == "tasks"


def test_new_year_plan_created_and_unsaved_edit_asks_before_closing(window, qtbot):
    window.ctx.set_year(2027)
    page = window.go_to("plan")
    assert page.create_btn.isVisible() and not page.save_btn.isEnabled()
    qtbot.mouseClick(page.create_btn, Qt.MouseButton.LeftButton)
    plan = window.ws.repo.plan(2027)
    assert plan is not None and "2027" in plan.title
    assert page.title_edit.text() == plan.title
    page.title_edit.clear()
    type_text(page.title_edit, "Kế hoạch bình đẳng giới xã Đông Sơn năm 2027")
    assert page.has_unsaved()
    asked = {}

    def cancel(box):
        asked["text"] = box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_modal(cancel)
    window.close()
    assert "chưa lưu" in asked["text"] and window.isVisible()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Save).click())
    window.close()
    assert not window.isVisible()
    assert window.ws.repo.plan(2027).title == "Kế hoạch bình đẳng giới xã Đông Sơn năm 2027"


def test_plan_page_refuses_empty_title(window, qtbot):
    page = window.go_to("plan")
    page.title_edit.clear()
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert "không được để trống" in page.err.text()
    assert window.ws.repo.plan(2026).title.startswith("Thực hiện công tác")
    page.refresh()  # Hoàn tác


def test_backup_now_and_restore_from_menu(window, qtbot):
    path = window.backup_now()
    assert path.exists()
    before = activity_count(window)
    window.ctx.announce(changes("activities", undo=window.ws.delete_activities([r[0] for r in window.ws.repo.activity_list_rows(2026)][:10])))
    assert activity_count(window) == before - 10 and window.undo_action.isEnabled()
    window.restore(path)
    assert activity_count(window) == before
    assert window.go_to("activities").model.total_count() == before
    assert not window.undo_action.isEnabled()  # nothing to put back into restored data


def test_first_start_on_an_empty_database(qtbot, tmp_path):
    """A new office: no office name, no plan. Every page opens and says what to do first."""
    from desktop_app.app import _qt_settings
    from desktop_app.services import Workspace
    from desktop_app.ui.main_window import KEYS, MainWindow

    ws = Workspace(tmp_path / "moi.db")
    win = MainWindow(ws, _qt_settings(tmp_path))
    qtbot.addWidget(win)
    win.show()
    for key in KEYS:
        win.go_to(key)
    assert "chưa có kế hoạch" in win.pages["dashboard"].note.text()
    assert not win.pages["reports"].preview_btn.isEnabled()
    plan_page = win.go_to("plan")
    qtbot.mouseClick(plan_page.create_btn, Qt.MouseButton.LeftButton)
    reports = win.go_to("reports")
    reports.build_preview()
    assert "Cài đặt" in reports.message.text()  # no office name yet: says where to type it
    settings = win.go_to("settings")
    type_text(settings.name, "Ủy ban nhân dân xã Tân Hòa")
    type_text(settings.place, "Tân Hòa")
    qtbot.mouseClick(settings.save_btn, Qt.MouseButton.LeftButton)
    assert ws.repo.office().place_name == "Tân Hòa"
    reports = win.go_to("reports")
    with qtbot.waitSignal(reports.preview_ready, timeout=30000):
        reports.build_preview()
    win.pages["plan"].loaded = None
    ws.close()


def test_add_unit_task_and_target_through_their_dialogs(window, qtbot):
    units = window.go_to("units")

    def fill_unit(dlg):
        qtbot.keyClicks(dlg.code, "CLB-NCT")
        type_text(dlg.name, "Câu lạc bộ Người cao tuổi")
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(fill_unit)
    units.add()
    assert window.ws.repo.unit_names()["CLB-NCT"] == "Câu lạc bộ Người cao tuổi"

    targets = window.go_to("targets")

    def fill_target(dlg):
        qtbot.keyClicks(dlg.code, "MT9")
        type_text(dlg.text, "Tỷ lệ hộ gia đình được tuyên truyền về bình đẳng giới")
        qtbot.keyClicks(dlg.value, "80")
        dlg.unit.setText("%")
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(fill_target)
    targets.add()
    t = {x.code: x for x in window.ws.repo.plan(2026).targets}["MT9"]
    assert (t.kind, t.comparison, t.target, t.unit) == ("numeric", ">=", 80, "%")

    tasks = window.go_to("tasks")
    seen = {}

    def fill_task(dlg):
        qtbot.keyClicks(dlg.code, "NV01")  # already used: refused with a reason
        type_text(dlg.content, "Tổ chức giao lưu văn nghệ cho người cao tuổi")
        dlg.lead.set_code("CLB-NCT")
        save = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        save.click()
        seen["error"] = dlg.err["code"].text()
        dlg.code.setText("NV99")
        dlg.targets.setText("MT9")
        save.click()

    when_modal(fill_task)
    tasks.add()
    assert "đã có" in seen["error"]
    task = {x.code: x for x in window.ws.repo.plan(2026).tasks}["NV99"]
    assert task.lead == "CLB-NCT" and task.targets == ["MT9"]


def test_activity_list_sorts_units_in_vietnamese_order_on_header_click(window, qtbot):
    from PySide6.QtCore import QPoint

    page = window.go_to("activities")
    header = page.table.horizontalHeader()
    col = 3
    assert page.model.headerData(col, Qt.Orientation.Horizontal) == "Đơn vị tổ chức"
    at = QPoint(header.sectionViewportPosition(col) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert header.sortIndicatorSection() == col
    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    shown = [page.model.index(r, col).data() for r in range(page.model.rowCount())]
    firsts = list(dict.fromkeys(shown))  # each unit once, in the order shown
    # plain code-point order would put "Đoàn..." and "Ủy ban..." after every other unit
    assert firsts == ["CLB “Gia đình phát triển bền vững” thôn Đông Hải", "Công an xã",
                      "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Hội Cựu chiến binh xã",
                      "Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã", "Phòng Văn hóa - Xã hội",
                      "Trạm Y tế xã", "Trường THCS Đông Sơn", "Trường Tiểu học Đông Sơn",
                      "Ủy ban Mặt trận Tổ quốc Việt Nam xã"]


def test_unit_pick_lists_are_in_vietnamese_order(window, qtbot):
    page = window.go_to("activities")
    names = [page.unit_filter.itemText(i) for i in range(1, page.unit_filter.count())]
    assert names.index("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã") < names.index("Hội Nông dân xã")
    assert names.index("Ủy ban Mặt trận Tổ quốc Việt Nam xã") < names.index("Văn phòng HĐND và UBND xã")


def test_deleted_activities_come_back_with_ctrl_z(window, qtbot):
    page = window.go_to("activities")
    before = {r[0]: r for r in window.ws.repo.activity_list_rows(2026)}
    assert not window.undo_action.isEnabled()
    page.table.selectRow(0)
    page.table.selectionModel().select(page.model.index(1, 0), page.table.selectionModel().SelectionFlag.Select
                                       | page.table.selectionModel().SelectionFlag.Rows)
    gone = page.selected_ids()
    assert len(gone) == 2
    seen = {}

    def confirm(box):
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(confirm)
    qtbot.mouseClick(page.del_btn, Qt.MouseButton.LeftButton)
    assert "Ctrl+Z" in seen["text"]
    assert activity_count(window) == len(before) - 2
    assert window.undo_action.isEnabled() and window.undo_action.text() == "Hoàn tác: Xóa 2 hoạt động"
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    window.activateWindow()  # back from the question box
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {r[0]: r for r in window.ws.repo.activity_list_rows(2026)} == before
    assert page.model.rowCount() == len(before)
    assert not window.undo_action.isEnabled()
    assert window.statusBar().currentMessage() == "Đã hoàn tác: Xóa 2 hoạt động."


def test_undo_after_a_later_change_explains_and_changes_nothing(window, qtbot):
    tasks = window.go_to("tasks")
    tasks.table.selectRow(0)
    code = tasks.table.model().index(0, 0).data()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    tasks.delete()
    assert code not in {t.code for t in window.ws.repo.plan(2026).tasks}
    units = window.go_to("units")
    units.table.selectRow(0)
    units.toggle()  # a later write: the deleted task can no longer be put back safely
    rows = window.ws.repo.activity_list_rows(2026)
    seen = {}

    def read(box):
        seen["text"] = box.text()
        box.accept()

    when_modal(read)
    window.undo_action.trigger()
    assert "dữ liệu đã thay đổi sau lần xóa" in seen["text"]
    assert code not in {t.code for t in window.ws.repo.plan(2026).tasks}
    assert window.ws.repo.activity_list_rows(2026) == rows
    assert not window.undo_action.isEnabled()


def test_unsaved_plan_edit_survives_work_on_another_page(window, qtbot):
    page = window.go_to("plan")
    type_text(page.title_edit, " (dự thảo)")
    typed = page.title_edit.text()
    window.go_to("activities")
    first = window.ws.repo.activities_of_year(2026)[0]
    window.ctx.announce(changes("activities", undo=window.ws.delete_activities([first.id])))  # a change elsewhere: pages go stale
    page = window.go_to("plan")
    assert page.title_edit.text() == typed and page.has_unsaved()
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert window.ws.repo.plan(2026).title == typed and not page.has_unsaved()


def test_changing_year_with_unsaved_edits_asks_first(window, qtbot):
    page = window.go_to("plan")
    type_text(page.title_edit, " (dự thảo)")
    typed = page.title_edit.text()
    asked = {}

    def cancel(box):
        asked["text"] = box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_modal(cancel)
    window.year_box.setCurrentIndex(window.year_box.findData(2025))
    assert "chưa lưu" in asked["text"]
    assert window.ctx.year == 2026 and window.year_box.currentData() == 2026
    assert page.title_edit.text() == typed

    when_modal(lambda box: box.button(QMessageBox.StandardButton.Save).click())
    window.year_box.setCurrentIndex(window.year_box.findData(2025))
    assert window.ctx.year == 2025
    assert window.ws.repo.plan(2026).title == typed
    assert page.title_edit.text() == window.ws.repo.plan(2025).title


def test_report_text_is_saved_by_itself_shortly_after_typing(window, qtbot):
    page = window.go_to("reports")
    page.kinds.setCurrentRow(2)  # Báo cáo năm
    type_text(page.parts["strengths"], "Các hội, đoàn thể phối hợp chặt chẽ.")
    qtbot.waitUntil(lambda: (window.ws.report_text(2026, "year").strengths or "").endswith("phối hợp chặt chẽ."),
                    timeout=5000)
    assert not page.has_unsaved()
    assert "tự lưu" in window.statusBar().currentMessage()


def test_unsaved_settings_are_kept_and_asked_about(window, qtbot):
    page = window.go_to("settings")
    page.place.clear()
    type_text(page.place, "Đông Sơn mới")
    assert page.has_unsaved()
    window.go_to("units")
    window.ctx.announce(changes("units", "activities"))
    page = window.go_to("settings")
    assert page.place.text() == "Đông Sơn mới"
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Save).click())
    window.close()
    assert window.ws.repo.office().place_name == "Đông Sơn mới"


def test_settings_page_opens_the_data_and_backup_folders(window, qtbot, monkeypatch):
    from desktop_app.ui.pages import settings as settings_module

    opened = []
    monkeypatch.setattr(settings_module, "QDesktopServices",
                        type("Fake", (), {"openUrl": staticmethod(lambda url: opened.append(url.toLocalFile()))}))
    page = window.go_to("settings")
    buttons = [b for b in page.findChildren(QPushButton) if b.text() == "Mở thư mục"]
    assert len(buttons) == 2
    for b in buttons:
        qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    # Qt writes C:/..., Python C:\...: compare paths, not strings
    assert [Path(p) for p in opened] == [window.ws.path.parent / "sao-luu", window.ws.path.parent]
    assert all(Path(p).is_dir() for p in opened)


def test_closing_right_after_typing_a_report_part_keeps_it_without_asking(window, qtbot):
    page = window.go_to("reports")
    page.kinds.setCurrentRow(2)
    type_text(page.parts["limitations"], "Kinh phí còn hạn hẹp.")
    assert page.has_unsaved()
    asked = []
    stop = when_modal(lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.Cancel).click()),
                      timeout_ms=500)
    window.close()  # no question: a report part saves itself
    stop()
    assert asked == [] and not window.isVisible()
    assert window.ws.report_text(2026, "year").limitations.endswith("Kinh phí còn hạn hẹp.")


def test_delete_key_on_the_activity_list_asks_then_deletes(window, qtbot):
    page = window.go_to("activities")
    before = activity_count(window)
    page.table.selectRow(0)
    page.table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    asked = []

    def answer(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(answer)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and asked[0].startswith("Xóa hoạt động đã chọn?")
    assert activity_count(window) == before - 1


def test_enter_on_the_task_list_opens_the_task(window, qtbot):
    page = window.go_to("tasks")
    page.table.selectRow(0)
    page.table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = {}

    def look(dlg):
        seen["title"] = dlg.windowTitle()
        seen["code"] = dlg.code.text()
        QDialog.done(dlg, 0)

    when_modal(look)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen["title"] == "Sửa nhiệm vụ" and seen["code"] == page.table.model().index(0, 0).data()


def test_activities_from_an_excel_sheet_through_the_page(window, qtbot, tmp_path, monkeypatch):
    import openpyxl

    sheet = tmp_path / "hoat-dong-thon.xlsx"
    window.ws.export_xlsx(sheet, 2026)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Hoạt động"]
    header = [c.value for c in ws[1]]
    row = {"Ngày bắt đầu": "20/11/2026", "Tên hoạt động": "Sinh hoạt chuyên đề tại thôn Đông Hải",
           "Loại": "Sinh hoạt câu lạc bộ", "Tổng số người": 40, "Nữ": 31, "Nam": 9}
    ws.append([row.get(h) for h in header])
    wb.save(sheet)
    page = window.go_to("activities")
    before = page.model.total_count()
    from desktop_app.ui.flows import imports

    asked = []
    monkeypatch.setattr(imports, "QFileDialog", type("Fake", (), {"getOpenFileName": staticmethod(
        lambda parent, title, folder, kinds: asked.append(title) or (str(sheet), kinds))}))
    qtbot.mouseClick(page.sheet_btn, Qt.MouseButton.LeftButton)  # the real button, then the file dialog
    qtbot.waitUntil(lambda: getattr(window, "last_import", None) is not None, timeout=10000)
    assert asked == ["Chọn bảng tính hoạt động năm 2026"]
    assert window.last_import == ("ok", {"added": 1, "updated": before})
    qtbot.waitUntil(lambda: page.model.total_count() == before + 1)
    assert "thêm 1, cập nhật" in window.statusBar().currentMessage()

    ws.append([{"Ngày bắt đầu": "20/11/2026", "Tên hoạt động": "Sai", "Loại": "Hội thi",
                "Tổng số người": 5, "Nữ": 9}.get(h) for h in header])
    wb.save(sheet)
    window.last_import = None
    window.import_activity_sheet(str(sheet))
    qtbot.waitUntil(lambda: window.last_import is not None, timeout=10000)
    kind, lines = window.last_import
    assert kind == "refused" and any("cột “Nữ”" in line for line in lines)
    assert window.messages_dialog.list.count() == len(lines)
    window.messages_dialog.close()
    assert page.model.total_count() == before + 1


def test_plan_typing_survives_a_power_cut_as_a_draft(window, qtbot, tmp_path):
    from desktop_app.app import _qt_settings
    from desktop_app.services import Workspace
    from desktop_app.ui.main_window import MainWindow

    page = window.go_to("plan")
    stored_title = page.title_edit.text()
    type_text(page.title_edit, " (bản sửa)")
    typed = page.title_edit.text()
    page.legal.appendPlainText("Công văn số 45/SNV-BĐG ngày 10/3/2026 của Sở Nội vụ")
    qtbot.waitUntil(lambda: (window.ws.plan_draft(2026) or page.loaded).title == typed, timeout=5000)
    assert window.ws.repo.plan(2026).title == stored_title  # the plan itself is unchanged

    # the power goes: nothing saved, nothing closed; the next start opens the same file
    ws2 = Workspace(window.ws.path)
    win2 = MainWindow(ws2, _qt_settings(tmp_path / "after"), year=2026)
    win2.show()
    try:
        page2 = win2.go_to("plan")
        assert page2.draft_box.isVisible() and page2.title_edit.text() == stored_title
        qtbot.mouseClick(page2.restore_draft_btn, Qt.MouseButton.LeftButton)
        assert page2.title_edit.text() == typed and page2.has_unsaved()
        assert page2.legal.lines()[-1] == "Công văn số 45/SNV-BĐG ngày 10/3/2026 của Sở Nội vụ"
        qtbot.mouseClick(page2.save_btn, Qt.MouseButton.LeftButton)
        assert ws2.repo.plan(2026).title == typed and ws2.plan_draft(2026) is None
        assert not page2.draft_box.isVisible()
    finally:
        win2.settle_unsaved = lambda before: True
        win2.close()
        win2.deleteLater()
        qtbot.wait(20)  # pages shown meanwhile refresh once more: before their database closes
        ws2.close()


def test_plan_draft_is_dropped_by_hoan_tac_and_by_bo_ban_nhap(window, qtbot):
    page = window.go_to("plan")
    type_text(page.theme, " mới")
    page._keep_draft()
    assert window.ws.plan_draft(2026) is not None
    qtbot.mouseClick(page.revert_btn, Qt.MouseButton.LeftButton)  # Hoàn tác
    assert window.ws.plan_draft(2026) is None and not page.has_unsaved()

    type_text(page.theme, " mới")
    page._keep_draft()
    page.reload()  # as at the next start: the stored plan, and the draft offered
    assert page.draft_box.isVisible()
    qtbot.mouseClick(page.drop_draft_btn, Qt.MouseButton.LeftButton)
    assert window.ws.plan_draft(2026) is None and not page.draft_box.isVisible()


def test_printing_without_signer_warns_first(window, qtbot):
    """Issue 11: before printing, the officer is told that no signer is set and what is missing."""
    ws = window.ws
    plan = ws.repo.plan(2026)
    plan.signer = None
    plan.requirements = []
    ws.save_plan_header(plan)
    ws.save_settings(ws.repo.office(), {"default_signer": None})
    page = window.go_to("reports")
    page.kinds.setCurrentRow(0)  # Kế hoạch
    assert page.kind == "plan"
    asked = []

    def answer(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()  # "Không": go back and fill it in

    when_modal(answer)
    qtbot.mouseClick(page.print_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "người ký" in asked[0] and "Yêu cầu" in asked[0]
    qtbot.wait(50)
    assert page.pdf_path is None  # nothing printed
    with qtbot.waitSignal(page.preview_ready, timeout=30000):
        qtbot.mouseClick(page.preview_btn, Qt.MouseButton.LeftButton)
    assert "người ký" in page.info.text()


def test_edit_with_no_row_chosen_says_so(window, qtbot):
    page = window.go_to("units")
    page.table.clearSelection()
    qtbot.mouseClick(page.edit_btn, Qt.MouseButton.LeftButton)
    assert "chọn một dòng" in window.statusBar().currentMessage()


def test_a_year_without_a_plan_says_where_to_start_on_targets_and_tasks(window, qtbot):
    window.ctx.set_year(2030)
    for key in ("targets", "tasks"):
        page = window.go_to(key)
        assert "chưa có kế hoạch" in page.summary.text() and "trang Kế hoạch" in page.summary.text()
        assert not page.add_btn.isEnabled()


def test_the_action_month_plan_of_a_year_with_both_plans_is_previewed(window, qtbot):
    from desktop_app.domain.model import Plan
    from desktop_app.services import DOCUMENT_KINDS
    from desktop_app.ui.pages.reports import FILE_NAMES

    assert set(FILE_NAMES) == set(DOCUMENT_KINDS)  # every document can be saved under a name
    page = window.go_to("reports")
    row = list(DOCUMENT_KINDS).index("action_month_plan")
    assert page.kinds.item(row).text() == "Kế hoạch Tháng hành động"
    failed = []
    page.failed.connect(failed.append)
    page.kinds.setCurrentRow(row)
    page.build_preview()
    assert failed and "không có kế hoạch Tháng hành động riêng" in failed[0]  # the demo's lies in the annual plan

    window.ws.save_plan_header(Plan(year=2026, kind="action_month", title="Tổ chức Tháng hành động năm 2026",
                                    purposes=["Hưởng ứng Tháng hành động vì bình đẳng giới"]))
    with qtbot.waitSignal(page.preview_ready, timeout=30000):
        qtbot.mouseClick(page.preview_btn, Qt.MouseButton.LeftButton)
    assert page.info.text().startswith("Kế hoạch Tháng hành động (2026): 1 trang")
    assert "trang Kế hoạch" in page.plan_note.text() and "Tháng hành động" in page.plan_note.text()
    from pdfcheck import flat

    assert "Tổ chức Tháng hành động năm 2026" in flat(page.pdf_path)


def test_the_action_month_plan_of_its_own_is_edited_on_the_plan_page(window, qtbot):
    from desktop_app.domain.model import Plan

    ws = window.ws
    annual_title = ws.repo.plan(2026).title
    ws.save_plan_header(Plan(year=2026, kind="action_month", title="Tổ chức Tháng hành động năm 2026"))
    ws.save_plan_header(Plan(year=2027, kind="action_month", title="Tổ chức Tháng hành động năm 2027"))
    page = window.go_to("plan")
    window.ctx.set_year(2026)
    assert not page.which.isHidden() and page.which.currentData() == "annual"
    assert page.title_edit.text() == annual_title

    page.which.setCurrentIndex(page.which.findData("action_month"))
    assert page.title_edit.text() == "Tổ chức Tháng hành động năm 2026" and "Tháng hành động" in page.status.text()
    assert not page.copy_btn.isEnabled()  # copying forward is the annual plan's
    type_text(page.title_edit, " tại xã")
    qtbot.wait(1700)  # kept as a draft of this plan, not of the annual one
    assert ws.plan_draft(2026, "action_month").title.endswith("tại xã") and ws.plan_draft(2026) is None
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert ws.repo.plan(2026, "action_month").title == "Tổ chức Tháng hành động năm 2026 tại xã"
    assert ws.repo.plan(2026, "annual").title == annual_title and ws.plan_draft(2026, "action_month") is None

    window.ctx.set_year(2027)  # a year whose only plan is the Action Month's: shown at once
    assert page.which.currentData() == "action_month" and page.title_edit.text().endswith("2027")
    page.which.setCurrentIndex(page.which.findData("annual"))
    assert page.which.currentData() == "annual" and page.create_btn.isVisible()
    window.ctx.set_year(2025)
    assert page.which.isHidden() and page.title_edit.text() == ws.repo.plan(2025).title
