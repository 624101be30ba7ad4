"""Typing as in Word and Excel (issue 12): real key presses into real forms."""

import datetime as dt

import pytest
from gui_helpers import type_text, when_modal
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFormLayout

from desktop_app.ui.operations import changes

# the offscreen platform cannot raise a popup nor grab the keyboard for it (a real screen can)
POPUPS_OK = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def keys(text: str) -> None:
    """Each character to the widget that has the keyboard focus, as a keyboard would."""
    for ch in text:
        w = QApplication.focusWidget()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(w, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def save_or_close(qtbot, dlg) -> None:
    """Press Lưu; a form that refuses to save is closed, so the test fails instead of waiting."""
    qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)
    if dlg.isVisible():
        QDialog.done(dlg, 0)


def saved_activity(win, title):
    rows = [r for r in win.ws.repo.activity_list_rows(2026) if r[2] == title]
    assert len(rows) == 1, rows
    return win.ws.repo.activity(rows[0][0])


# ---- 1. dates typed as people type them -------------------------------------------------
@pytest.mark.parametrize("typed", ["15/03/2026", "15/3/2026", "15-3-2026", "15.3.2026", "15032026",
                                   "15/3/26"])
@pytest.mark.parametrize("how", ["tab", "click", "cursor_end", "day_selected"])
def test_date_typed_into_the_activity_form_is_kept(window, qtbot, typed, how):
    title = f"Tập huấn {typed} {how}"

    def fill(dlg):
        qtbot.waitUntil(dlg.isActiveWindow)
        type_text(dlg.title, title)
        qtbot.keyClicks(dlg.total, "12")
        if how == "tab":
            dlg.title.setFocus()
            press(qtbot, Qt.Key.Key_Tab)  # to "Loại hoạt động"
            press(qtbot, Qt.Key.Key_Tab)  # to "Ngày tổ chức"
            assert QApplication.focusWidget() is dlg.start
        elif how == "click":
            qtbot.mouseClick(dlg.start, Qt.MouseButton.LeftButton, pos=QPoint(20, dlg.start.height() // 2))
        elif how == "cursor_end":
            dlg.start.setFocus()
            dlg.start.end(False)
        else:
            dlg.start.setFocus()
            dlg.start.setSelection(0, 2)
        assert QApplication.focusWidget() is dlg.start
        keys(typed)
        save_or_close(qtbot, dlg)

    when_modal(fill)
    window.new_activity()
    assert saved_activity(window, title).start == dt.date(2026, 3, 15)


def test_impossible_date_is_named_in_red_and_never_saved(window, qtbot):
    seen = {}
    before = len(window.ws.repo.activity_list_rows(2026))

    def fill(dlg):
        qtbot.waitUntil(dlg.isActiveWindow)
        type_text(dlg.title, "Hội thảo")
        qtbot.keyClicks(dlg.total, "12")
        dlg.start.setFocus()
        dlg.start.selectAll()
        keys("31/02/2026")
        qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)
        seen["error"] = dlg.err["dates"].text()
        seen["focus"] = QApplication.focusWidget() is dlg.start
        seen["red"] = dlg.start.property("invalid")
        seen["text"] = dlg.start.text()
        when_modal(lambda box: box.button(box.StandardButton.Yes).click())
        dlg.reject()

    when_modal(fill)
    window.new_activity()
    assert "31/02/2026" in seen["error"] and "không có ngày 31" in seen["error"]
    assert seen["focus"] and seen["red"] and seen["text"] == "31/02/2026"
    assert len(window.ws.repo.activity_list_rows(2026)) == before


# ---- 2. blank optional dates --------------------------------------------------------------
@POPUPS_OK
def test_blank_end_date_can_be_typed_cleared_and_picked(window, qtbot):
    title = "Truyền thông lưu động"
    seen = {}

    def fill(dlg):
        qtbot.waitUntil(dlg.isActiveWindow)
        type_text(dlg.title, title)
        qtbot.keyClicks(dlg.total, "30")
        assert dlg.end.text() == ""
        dlg.end.setFocus()
        keys("16/3/2026")
        press(qtbot, Qt.Key.Key_Tab)  # leaving the field keeps what was typed
        seen["typed"] = dlg.end.text()
        dlg.end.setFocus()
        dlg.end.selectAll()
        press(qtbot, Qt.Key.Key_Delete)
        seen["cleared"] = dlg.end.value()
        press(qtbot, Qt.Key.Key_F4)  # the calendar opens on today
        cal = dlg.end.calendar
        seen["opens_on"] = (cal.isVisible(), cal.selectedDate().toPython(), cal.firstDayOfWeek())
        target = dt.date(2026, 3, 17)
        cal.setSelectedDate(target)
        qtbot.keyClick(cal.focusWidget() or cal, Qt.Key.Key_Return)
        seen["picked"] = dlg.end.text()
        dlg.start.setFocus()
        dlg.start.selectAll()
        keys("15/03/2026")
        save_or_close(qtbot, dlg)

    when_modal(fill)
    window.new_activity()
    assert seen["typed"] == "16/03/2026"
    assert seen["cleared"] is None
    assert seen["opens_on"] == (True, dt.date.today(), Qt.DayOfWeek.Monday)
    assert seen["picked"] == "17/03/2026"
    a = saved_activity(window, title)
    assert (a.start, a.end) == (dt.date(2026, 3, 15), dt.date(2026, 3, 17))


# ---- 5. search without marks ----------------------------------------------------------------
def test_search_without_marks_finds_and_an_empty_result_says_why(window, qtbot):
    page = window.go_to("activities")
    type_text(page.search, "Đồng Tâm")
    with_marks = page.model.rowCount()
    assert with_marks > 0 and page.hint_box.isHidden()
    page.search.selectAll()
    qtbot.keyClicks(page.search, "dong tam")
    assert page.model.rowCount() == with_marks
    page.search.selectAll()
    qtbot.keyClicks(page.search, "DONG TAM")
    assert page.model.rowCount() == with_marks
    page.search.selectAll()
    qtbot.keyClicks(page.search, "khong co dau dau")
    assert page.model.rowCount() == 0
    assert page.hint_box.isVisible()
    assert "Không có hoạt động nào khớp “khong co dau dau”" in page.empty_hint.text()
    qtbot.mouseClick(page.clear_btn, Qt.MouseButton.LeftButton)
    assert page.search.text() == "" and page.model.rowCount() == page.model.total_count()
    assert page.hint_box.isHidden()


# ---- 7. errors once a field is left, in a fixed place ------------------------------------
def test_activity_form_errors_wait_for_leaving_and_fields_do_not_move(window, qtbot):
    seen = {}

    def fill(dlg):
        qtbot.waitUntil(dlg.isActiveWindow)
        seen["at_start"] = [label.text() for label in dlg.err.values()]
        budget_y = dlg.budget.mapTo(dlg, dlg.budget.rect().topLeft()).y()
        location_y = dlg.location.mapTo(dlg, dlg.location.rect().topLeft()).y()
        start_y = dlg.start.mapTo(dlg, dlg.start.rect().topLeft()).y()
        dlg.total.setFocus()
        keys("10")
        dlg.female.setFocus()
        keys("12")
        seen["before_leaving"] = dlg.err["participants"].text()
        press(qtbot, Qt.Key.Key_Tab)  # leave "Nữ"
        seen["after_leaving"] = dlg.err["participants"].text()
        dlg.start.setFocus()
        keys("31/02/2026")
        press(qtbot, Qt.Key.Key_Tab)
        seen["date_error"] = dlg.err["dates"].text()
        seen["moved"] = (dlg.budget.mapTo(dlg, dlg.budget.rect().topLeft()).y() - budget_y,
                         dlg.location.mapTo(dlg, dlg.location.rect().topLeft()).y() - location_y)
        # the label of a field sits level with it
        label = dlg.findChild(QFormLayout).labelForField(dlg.location)
        seen["label_offset"] = abs(label.geometry().center().y() - dlg.location.geometry().center().y())
        qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)
        seen["focus_after_save"] = QApplication.focusWidget()
        seen["title_error"] = dlg.err["title"].text()
        QApplication.processEvents()  # the layout settles on the next pass of the event loop
        seen["start_moved"] = dlg.start.mapTo(dlg, dlg.start.rect().topLeft()).y() - start_y  # under the title's error
        seen["dlg"] = dlg
        QDialog.done(dlg, 0)

    when_modal(fill)
    window.new_activity()
    dlg = seen["dlg"]
    assert seen["at_start"] == ["", "", "", ""]
    assert seen["before_leaving"] == ""
    assert seen["after_leaving"] == "số nữ tham gia (12) lớn hơn tổng số (10)"
    assert "không có ngày 31" in seen["date_error"]
    assert seen["moved"] == (0, 0)
    assert seen["label_offset"] <= 4
    assert seen["focus_after_save"] is dlg.title  # the first field at fault
    assert seen["title_error"] == "Tên hoạt động không được để trống"
    assert seen["start_moved"] == 0


# ---- 8. the task and unit dialogs ------------------------------------------------------------
@POPUPS_OK
def test_new_task_suggests_the_next_code_and_names_what_is_missing(window, qtbot):
    page = window.go_to("tasks")
    seen = {}

    def fill(dlg):
        qtbot.waitUntil(dlg.isActiveWindow)
        save = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        seen["suggested"] = dlg.code.text()
        seen["lead"] = dlg.lead.currentText()
        dlg.code.setFocus()
        dlg.code.selectAll()
        press(qtbot, Qt.Key.Key_Delete)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        seen["empty_code"] = dlg.err["code"].text()
        seen["no_lead"] = dlg.err["lead"].text()
        seen["focus"] = QApplication.focusWidget() is dlg.code
        qtbot.keyClicks(dlg.code, "NV14")
        seen["after_typing"] = dlg.err["code"].text()
        dlg.content.setFocus()
        keys("Tổ chức hội thi “Gia đình hạnh phúc”")
        dlg.lead.setFocus()
        keys("Hội Liên hiệp")
        press(qtbot, Qt.Key.Key_Tab)
        dlg.due.setFocus()
        keys("30/9/2026")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        if dlg.isVisible():
            seen["left_open"] = [e.text() for e in dlg.err.values()]
            QDialog.done(dlg, 0)

    when_modal(fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    assert seen["suggested"] == "NV14"
    assert seen["lead"] == ""
    assert seen["empty_code"] == "Chưa nhập mã"
    assert seen["no_lead"] == "Hãy chọn đơn vị chủ trì"
    assert seen["focus"] and seen["after_typing"] == ""
    assert "left_open" not in seen, seen.get("left_open")
    task = {t.code: t for t in window.ws.repo.plan(2026).tasks}["NV14"]
    assert (task.lead, task.due) == ("HLHPN", dt.date(2026, 9, 30))
    # 9. the new task is selected and in view
    rows = page.table.selectionModel().selectedRows()
    assert [r.data(Qt.ItemDataRole.UserRole).code for r in rows] == ["NV14"]


def test_unit_dialog_message_is_whole_and_its_example_is_a_unit_code(window, qtbot):
    page = window.go_to("units")
    seen = {}

    def fill(dlg):
        save = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        type_text(dlg.code, "Thôn 3")
        type_text(dlg.name, "Thôn Đồng Tâm")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        label = dlg.err["code"]
        seen["text"] = label.text()
        seen["fits"] = label.height() >= label.heightForWidth(label.width())
        dlg.code.selectAll()
        qtbot.keyClicks(dlg.code, "THON3")
        seen["after"] = label.text()
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    assert "ví dụ THON1" in seen["text"] and "NV01" not in seen["text"]
    assert seen["fits"] and seen["after"] == ""
    # 9. units by name in Vietnamese order; the new one selected
    names = [page.model.item(r, 1).text() for r in range(page.model.rowCount())]
    from desktop_app.domain.text import sort_key

    assert names == sorted(names, key=sort_key) and names[0].startswith("CLB")
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.item(r.row(), 0).text() for r in selected] == ["THON3"]


# ---- 9. a saved activity is selected and in view -------------------------------------------
def test_new_activity_is_selected_and_scrolled_to(window, qtbot):
    page = window.go_to("activities")
    type_text(page.search, "không có gì như thế này")  # a filter that would hide it
    title = "Nói chuyện chuyên đề về phòng chống bạo lực gia đình"

    def fill(dlg):
        qtbot.waitUntil(dlg.isActiveWindow)
        type_text(dlg.title, title)
        qtbot.keyClicks(dlg.total, "25")
        dlg.start.setFocus()
        keys("2/1/2026")  # the oldest: last in the list sorted by date, newest first
        save_or_close(qtbot, dlg)

    when_modal(fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    rows = page.table.selectionModel().selectedRows()
    assert [r.data() for r in page.table.selectionModel().selectedRows(1)] == [title]
    assert len(rows) == 1
    rect = page.table.visualRect(rows[0])
    assert page.table.viewport().rect().intersects(rect)


def test_plan_dates_are_typed_and_an_impossible_one_is_refused(window, qtbot):
    page = window.go_to("plan")
    page.issued.setFocus()
    page.issued.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    keys("31/2/2026")
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert "không có ngày 31" in page.err.text() and page.issued.property("invalid")
    page.issued.setFocus()
    page.issued.selectAll()
    keys("20.02.2026")
    page.am_start.setFocus()
    keys("10/11")
    press(qtbot, Qt.Key.Key_Tab)
    assert page.issued.text() == "20/02/2026" and page.am_start.text() == "10/11"
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    plan = window.ws.repo.plan(2026)
    assert (plan.issued_on, plan.action_month_start) == (dt.date(2026, 2, 20), "11-10")


# ---- 6. "50%" in the targets grid; the message goes with the year ----------------------------
def test_target_value_typed_with_percent_and_message_cleared_by_another_year(window, qtbot):
    from PySide6.QtWidgets import QAbstractItemView

    page = window.go_to("targets")
    model, view = page.model, page.table
    row = next(i for i, t in enumerate(model.targets) if t.code == "MT2.1")  # >= 27 %

    def type_into_cell(text):
        view.setCurrentIndex(model.index(row, 5))
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = view.focusWidget()
        editor.selectAll()
        type_text(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.NoState)

    type_into_cell("50%")
    assert {t.code: t for t in window.ws.repo.plan(2026).targets}["MT2.1"].actual == 50
    assert page.message.text() == ""
    type_into_cell("khoảng 30")
    assert "không phải là số" in page.message.text()
    window.ctx.set_year(2025)
    assert page.message.text() == ""


# ---- 3. Qt's own words in Vietnamese; Vietnamese calendar, weeks from Monday -------------------
@POPUPS_OK
def test_text_field_menu_buttons_and_calendar_are_vietnamese(window, qtbot):
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMessageBox, QTableView, QToolButton

    page = window.go_to("activities")
    edit = page.search
    QApplication.sendEvent(edit, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                                   edit.mapToGlobal(QPoint(5, 5))))
    menu = QApplication.activePopupWidget()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    menu.close()
    assert texts == ["&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]

    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == sorted(["&Có", "&Không", "Hủy"])

    assert QLocale().name() == "vi_VN"
    page.date_from.setFocus()
    press(qtbot, Qt.Key.Key_F4)
    cal = page.date_from.calendar
    month = cal.findChild(QToolButton, "qt_calendar_monthbutton").text()
    header = [cal.findChild(QTableView).model().index(0, i).data() for i in range(7)]
    cal.hide()
    assert month.startswith("Tháng ")
    assert header == ["Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "CN"]


def test_translation_source_compiles_with_pysides_lrelease(tmp_path):
    from desktop_app.i18n import compile_catalogues

    qm = compile_catalogues(tmp_path)[0]
    from PySide6.QtCore import QTranslator

    t = QTranslator()
    assert t.load(str(qm))
    assert t.translate("QWidgetTextControl", "Select All") == "Chọn tất cả"
    assert t.translate("QPlatformTheme", "Cancel") == "Hủy"


# ---- 10. the window fits the screen ----------------------------------------------------------
def test_first_start_fills_the_screen_and_the_year_box_is_whole(window, qtbot):
    screen = window.screen().availableGeometry()
    assert window.isMaximized()
    qtbot.waitUntil(lambda: window.frameGeometry().height() <= screen.height() + 1)
    assert screen.contains(window.geometry())
    box = window.year_box
    texts = [box.itemText(i) for i in range(box.count())]
    assert any("(chưa có kế hoạch)" in t for t in texts), texts
    longest = max(texts, key=box.fontMetrics().horizontalAdvance)
    assert box.width() >= box.fontMetrics().horizontalAdvance(longest) + 20


# ---- 14. a short guide, F1 -------------------------------------------------------------------
def test_f1_opens_the_guide_and_its_steps_open_their_pages(window, qtbot):
    seen = {}

    def look(dlg):
        seen["text"] = dlg.browser.toPlainText()
        from PySide6.QtCore import QUrl

        dlg.browser.anchorClicked.emit(QUrl("trang:tasks"))

    when_modal(look)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    order = ["Cài đặt", "Kế hoạch", "Nhiệm vụ", "Hoạt động", "Tháng hành động", "Báo cáo", "Sao lưu"]
    at = [seen["text"].find(word + ":") for word in order]
    assert -1 not in at and at == sorted(at), at
    assert window.stack.currentWidget() is window.pages["tasks"]


# ---- 12. the dashboard's chart and empty states -------------------------------------------------
def test_one_objective_is_a_bar_not_a_block_and_empty_states_say_what_to_do(window, qtbot):
    dash = window.go_to("dashboard")
    chart = dash.chart
    chart.set_data(["Chỉ tiêu riêng của địa phương"], [("Đạt", [3]), ("Không đạt", [1]), ("Chưa có", [2])])
    chart.resize(600, 300)
    assert chart.row_height() <= chart.MAX_ROW
    chart.set_data([], [])
    assert "Vào trang Chỉ tiêu" in chart.empty_text

    am = window.go_to("action_month")
    assert am.empty.isHidden()  # the demo's month has activities
    window.ws.repo.db.execute("delete from activities")  # a year whose month has none yet
    window.ctx.announce(changes("units", "activities"))
    assert am.empty.isVisible() and "Chưa có hoạt động nào trong Tháng hành động" in am.empty.text()
    acts = window.go_to("activities")
    assert acts.hint_box.isVisible() and "chưa có hoạt động nào" in acts.empty_hint.text()


# ---- 13. no budget source chosen for the officer; printed under a proper heading ------------------
def test_budget_source_starts_unchosen_and_prints_as_nguon_khac(window, qtbot, tmp_path):
    import pdfcheck

    title = "Hỗ trợ sinh kế cho phụ nữ nghèo"
    seen = {}

    def fill(dlg):
        qtbot.waitUntil(dlg.isActiveWindow)
        seen["source"] = (dlg.source.currentIndex(), dlg.source.currentText())
        type_text(dlg.title, title)
        qtbot.keyClicks(dlg.total, "20")
        dlg.start.setFocus()
        keys("20/11/2026")
        dlg.budget.setFocus()
        keys("7.000.000")
        save_or_close(qtbot, dlg)

    when_modal(fill)
    window.new_activity()
    assert seen["source"] == (-1, "")
    assert saved_activity(window, title).budget_source is None
    out = tmp_path / "nam.pdf"
    window.ws.build_document(2026, "year", out)
    text = pdfcheck.text(out)
    assert "Nguồn khác" in text and "Không ghi nguồn" not in text


# ---- 11. the report page previews by itself, fits the width, has room to write ------------------
def test_report_preview_comes_by_itself_fits_and_follows_the_year(window, qtbot):
    window.showNormal()
    window.resize(1366, 728)  # the work area of a 1366x768 screen
    qtbot.waitUntil(lambda: window.width() == 1366)
    page = window.go_to("reports")
    with qtbot.waitSignal(page.preview_ready, timeout=30000):
        page.kinds.setCurrentRow(2)  # choosing the year-end report is enough
    assert page.preview.page_count() >= 3
    assert page.preview.pages[0].pixmap().width() == page.preview.fit_width()
    qtbot.mouseClick(page.preview.zoom_in_btn, Qt.MouseButton.LeftButton)
    assert page.preview.pages[0].pixmap().width() > page.preview.fit_width()
    qtbot.mouseClick(page.preview.fit_btn, Qt.MouseButton.LeftButton)
    assert page.preview.pages[0].pixmap().width() == page.preview.fit_width()
    # room to write paragraphs; the number's hint is whole
    box = page.parts["situation"]
    assert box.width() >= 480 and box.height() >= 100
    hint = page.number.placeholderText()
    assert page.number.width() >= page.number.fontMetrics().horizontalAdvance(hint) + 12
    # another year: a new preview, not an empty grey pane
    with qtbot.waitSignal(page.preview_ready, timeout=30000):
        window.ctx.set_year(2025)
    assert page.preview.page_count() >= 1
    assert str(2025) in page.info.text()


def test_the_title_error_does_not_push_the_dates_down(qtbot):
    """The error line under a field keeps a fixed height: a one-line message coming must not make
    a wrapped label ask for two lines and push the fields below (measured 18 px before)."""
    from pathlib import Path

    import desktop_app.ui as ui
    from desktop_app.ui.activity_dialog import ActivityDialog

    dlg = ActivityDialog(None, 2026, {"A": "Đơn vị A"}, [], save=lambda a: "x")
    qtbot.addWidget(dlg)
    dlg.setStyleSheet((Path(ui.__file__).parent / "style.qss").read_text(encoding="utf-8"))  # the real look
    dlg.show()
    qtbot.waitExposed(dlg)

    def y(w):
        return w.mapTo(dlg, w.rect().topLeft()).y()

    before = (y(dlg.start), y(dlg.location), y(dlg.budget))
    qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)  # nothing typed: every error shows
    assert dlg.err["title"].text() == "Tên hoạt động không được để trống"
    qtbot.wait(50)  # the layout settles on the next pass of the event loop
    assert (y(dlg.start), y(dlg.location), y(dlg.budget)) == before
    dlg.done(0)
