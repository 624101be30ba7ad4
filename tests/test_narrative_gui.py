"""The report page's "Soạn nháp từ số liệu", driven through the real buttons and keys."""

from gui_helpers import type_text, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

TYPED = "Các hội, đoàn thể phối hợp chặt chẽ với nhau."


def year_report(window):
    page = window.go_to("reports")
    page.kinds.setCurrentRow(2)  # Báo cáo năm
    assert page.kind == "year"
    return page


def test_draft_fills_empty_parts_keeps_typed_ones_and_undoes(window, qtbot):
    page = year_report(window)
    parts = page.parts
    assert not any(w.toPlainText() for w in parts.values())  # the demo's 2026 report is not typed yet
    type_text(parts["strengths"], TYPED)
    draft = window.ws.draft_report_text(2026, "year")

    with qtbot.waitSignal(page.drafting.drafted) as filled:
        qtbot.mouseClick(page.drafting.draft_btn, Qt.MouseButton.LeftButton)
    assert set(filled.args[0]) == {"situation", "limitations", "directions", "recommendations"}
    assert parts["strengths"].toPlainText() == TYPED  # typed: kept
    for key in ("situation", "limitations", "directions", "recommendations"):
        assert parts[key].toPlainText() == draft[key]
    assert "150 hoạt động" in draft["strengths"]  # what the typed part would have been given
    assert "Tỷ lệ nữ tham gia cấp ủy Đảng xã: thực hiện 21,4%" in parts["limitations"].toPlainText()
    assert parts["recommendations"].toPlainText().startswith("- Đề nghị")
    assert parts["directions"].toPlainText().startswith("- Tiếp tục")
    assert parts["causes"].toPlainText() == ""  # the causes are the officer's
    assert "Ưu điểm" in page.drafting.note.text() and "Nguyên nhân" in page.drafting.note.text()

    # the draft is stored like typing, and what was typed is stored with it
    qtbot.waitUntil(lambda: window.ws.report_text(2026, "year").limitations == draft["limitations"], timeout=5000)
    assert window.ws.report_text(2026, "year").strengths == TYPED

    # Ctrl+Z in a box takes that box's draft back
    parts["situation"].setFocus()
    qtbot.keyClick(parts["situation"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert parts["situation"].toPlainText() == ""

    # a drafted part edited afterwards is kept by "Hoàn tác nháp"; the others go back to empty
    parts["directions"].moveCursor(parts["directions"].textCursor().MoveOperation.End)
    type_text(parts["directions"], " Thêm ý.")
    qtbot.mouseClick(page.drafting.undo_btn, Qt.MouseButton.LeftButton)
    assert parts["limitations"].toPlainText() == "" and parts["recommendations"].toPlainText() == ""
    assert parts["directions"].toPlainText().endswith("Thêm ý.")
    assert parts["strengths"].toPlainText() == TYPED
    assert "Phương hướng" in page.drafting.note.text()
    assert not page.drafting.undo_btn.isEnabled()
    qtbot.waitUntil(lambda: window.ws.report_text(2026, "year").limitations is None, timeout=5000)


def test_replacing_a_typed_part_asks_and_can_be_undone(window, qtbot):
    page = year_report(window)
    type_text(page.parts["strengths"], TYPED)
    draft = window.ws.draft_report_text(2026, "year")

    asked = []
    when_modal(lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.No).click()))
    page.drafting.replace_action.trigger()
    assert "Ưu điểm" in asked[0]
    assert page.parts["strengths"].toPlainText() == TYPED
    assert page.parts["limitations"].toPlainText() == ""  # "Không": nothing changes

    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.drafting.replace_action.trigger()
    assert page.parts["strengths"].toPlainText() == draft["strengths"]
    assert page.parts["limitations"].toPlainText() == draft["limitations"]

    qtbot.mouseClick(page.drafting.undo_btn, Qt.MouseButton.LeftButton)
    assert page.parts["strengths"].toPlainText() == TYPED
    assert page.parts["limitations"].toPlainText() == ""
    qtbot.waitUntil(lambda: window.ws.report_text(2026, "year").strengths == TYPED, timeout=5000)
    assert window.ws.report_text(2026, "year").limitations is None


def test_draft_for_a_year_without_a_plan_says_so_and_changes_nothing(window, qtbot):
    window.ctx.set_year(2024)
    page = year_report(window)
    page.refresh()
    qtbot.mouseClick(page.drafting.draft_btn, Qt.MouseButton.LeftButton)
    assert "chưa có kế hoạch" in page.message.text()
    assert not any(w.toPlainText() for w in page.parts.values())


def test_ctrl_z_in_a_drafted_box_undoes_the_draft_not_a_deletion(window, qtbot):
    """The Sửa > Hoàn tác action (Ctrl+Z, for deletions) must not take the key from a text box."""
    acts = window.go_to("activities")
    acts.table.selectRow(0)
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(acts.del_btn, Qt.MouseButton.LeftButton)
    assert window.undo_action.isEnabled()
    left = len(window.ws.repo.activity_list_rows(2026))

    page = year_report(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(page.drafting.draft_btn, Qt.MouseButton.LeftButton)
    box = page.parts["limitations"]
    assert box.toPlainText()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == ""
    assert len(window.ws.repo.activity_list_rows(2026)) == left  # the deletion stays
    assert window.undo_action.isEnabled()
