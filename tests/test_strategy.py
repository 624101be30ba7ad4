"""The national strategy's targets (Nghị quyết 28/NQ-CP): a catalogue kept as data, searched when
adding a target, which fills the target's wording, objective, unit, comparison and value; the
plan prints the wording as the resolution has it."""

import json
import unicodedata

from gui_helpers import type_text, when_modal
from pdfcheck import flat
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop_app.domain.model import Target
from desktop_app.domain.numbers import fmt_num
from desktop_app.domain.strategy import parse_catalogue, search
from desktop_app.resources import resource
from desktop_app.services import DEFAULT_MARGINS, render_document, strategy_targets

LABOUR = "Tăng tỷ lệ lao động nữ làm công hưởng lương lên đạt 50% vào năm 2025 và khoảng 60% vào năm 2030"


def pick_from_strategy(qtbot, dlg, query: str) -> None:
    """In the target dialog: the strategy button, the query typed in the picker, Chọn."""
    def pick(picker):
        type_text(picker.search, query)
        qtbot.mouseClick(picker.ok, Qt.MouseButton.LeftButton)

    when_modal(pick)
    qtbot.mouseClick(dlg.from_strategy, Qt.MouseButton.LeftButton)


def test_the_catalogue_is_data_read_whole_and_its_figures_are_those_of_its_wording():
    raw = json.loads(resource("strategy", "nq28-2021-2030.json").read_text(encoding="utf-8"))
    entries = strategy_targets()
    assert len(entries) == len(raw["targets"]) >= 12
    assert {e.objective for e in entries} >= {1, 2, 3, 4, 6}
    for e in entries:
        assert e.text == unicodedata.normalize("NFC", e.text) and not e.text.endswith(".")
        assert e.comparison in (">=", "<=")
        for v in (e.by_2025, e.by_2030):  # a value typed wrongly into the data would not be in the text
            assert v is None or fmt_num(v) in e.text, (e.text, v)
    # numbered in order within each objective
    for obj in {e.objective for e in entries}:
        numbers = [e.number for e in entries if e.objective == obj]
        assert numbers in ([None], list(range(1, len(numbers) + 1)))


def test_search_ignores_marks_and_case_and_needs_every_word():
    entries = strategy_targets()
    found = search(entries, "lao dong NU lam cong")
    assert [e.text for e in found] == [LABOUR]
    assert {e.objective for e in search(entries, "bạo lực")} == {3}
    assert search(entries, "khong co chi tieu nao nhu the") == []
    assert len(search(entries, "")) == len(entries)


def test_a_plan_year_takes_the_milestone_it_heads_for():
    e = search(strategy_targets(), "lao dong nu lam cong")[0]
    base = Target("T9", "", lead="HLHPN", note="ghi chú")
    t = e.as_target(base, 2025)
    assert (t.code, t.lead, t.note, t.objective, t.unit, t.comparison, t.target) == (
        "T9", "HLHPN", "ghi chú", 2, "%", ">=", 50)
    assert e.as_target(base, 2026).target == 60


def test_a_catalogue_with_a_bad_entry_is_refused():
    import pytest

    with pytest.raises(ValueError):
        parse_catalogue({"targets": [{"objective": 9, "text": "x", "unit": "%", "comparison": ">="}]})


def test_a_target_picked_from_the_catalogue_is_saved_and_printed_as_the_resolution_words_it(window, qtbot,
                                                                                        tmp_path):
    page = window.go_to("targets")
    seen = {}

    def pick(picker):
        qtbot.waitUntil(picker.isVisible)
        seen["listed"] = picker.list.count()
        type_text(picker.search, "lao dong nu lam cong")
        seen["found"] = picker.list.count()
        qtbot.mouseClick(picker.ok, Qt.MouseButton.LeftButton)

    def fill(dlg):
        qtbot.waitUntil(dlg.isVisible)
        dlg.code.clear()
        type_text(dlg.code, "CL1")
        when_modal(pick)
        qtbot.mouseClick(dlg.from_strategy, Qt.MouseButton.LeftButton)
        seen["fields"] = (dlg.objective.currentData(), dlg.text.text(), dlg.unit.text(),
                          dlg.comparison.currentData(), dlg.value.text())
        save = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        if dlg.isVisible():  # refused: say why rather than hang
            seen["left_open"] = dlg.err.text()
            QDialog.done(dlg, 0)

    when_modal(fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    assert "left_open" not in seen, seen.get("left_open")
    assert seen["listed"] == len(strategy_targets()) and seen["found"] == 1
    assert seen["fields"] == (2, LABOUR, "%", ">=", "60")  # the 2026 plan heads for the 2030 value
    t = {t.code: t for t in window.ws.repo.plan(2026).targets}["CL1"]
    assert (t.text, t.objective, t.unit, t.comparison, t.target, t.measure) == (LABOUR, 2, "%", ">=", 60, None)

    out = render_document(window.ws.document_data(2026, "plan"), tmp_path / "ke-hoach.pdf", DEFAULT_MARGINS)
    text = flat(out)
    assert LABOUR + "." in text  # as worded, not followed by "đạt từ 60% trở lên"
    assert LABOUR + ": đạt" not in text


def test_a_target_of_several_parts_asks_for_the_local_value(window, qtbot):
    page = window.go_to("targets")
    seen = {}

    def fill(dlg):
        pick_from_strategy(qtbot, dlg, "nguoi gay bao luc")
        seen["value"], seen["message"] = dlg.value.text(), dlg.err.text()
        seen["focus"] = dlg.value.hasFocus()
        dlg.reject()

    when_modal(fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    assert seen["value"] == "" and "nhiều vế" in seen["message"]


def test_the_wording_box_keeps_one_paragraph(window, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    page = window.go_to("targets")
    seen = {}

    def fill(dlg):
        qtbot.waitUntil(dlg.isVisible)
        type_text(dlg.text, "Tỷ lệ nữ")
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # Enter: the dialog's, not a new line
            QApplication.sendEvent(dlg.text, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
        type_text(dlg.text, " tham gia")
        seen["text"], seen["plain"] = dlg.text.text(), dlg.text.toPlainText()
        QDialog.done(dlg, 0)

    when_modal(fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    assert seen["text"] == seen["plain"] == "Tỷ lệ nữ tham gia"


def test_choosing_another_target_while_editing_drops_the_old_targets_figures(window, qtbot):
    page = window.go_to("targets")
    row = next(i for i, t in enumerate(page.model.targets) if t.code == "CT-K1")
    page.table.selectRow(row)
    seen = {}

    def fill(dlg):
        pick_from_strategy(qtbot, dlg, "lao dong nu lam cong")
        seen["baseline"], seen["note"] = dlg.baseline.text(), dlg.err.text()
        save = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        if dlg.isVisible():
            seen["left_open"] = dlg.err.text()
            QDialog.done(dlg, 0)

    when_modal(fill)
    qtbot.mouseClick(page.edit_btn, Qt.MouseButton.LeftButton)
    assert "left_open" not in seen, seen.get("left_open")
    assert seen["baseline"] == "" and "sẽ được xóa" in seen["note"]
    t = {t.code: t for t in window.ws.repo.plan(2026).targets}["CT-K1"]
    assert (t.text, t.baseline, t.actual_mid_year, t.actual, t.target) == (LABOUR, None, None, None, 60)


def test_only_the_strategys_wordings_print_without_their_goal():
    from desktop_app.reports.plan_doc import target_sentence

    worded = frozenset(e.text for e in strategy_targets())
    local = Target("T1", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", unit="%", comparison="<=", target=5)
    assert target_sentence(local, worded) == "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng: không vượt quá 5%."
    national = search(strategy_targets(), "lao dong nu lam cong")[0].as_target(Target("T2", ""), 2026)
    assert target_sentence(national, worded) == LABOUR + "."
    assert target_sentence(national) == LABOUR + ": đạt từ 60% trở lên."  # an edited wording would keep it


def test_the_picker_ranks_the_wording_first_and_arrows_move_from_the_search_box(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.strategy_picker import StrategyPicker

    picker = StrategyPicker()
    qtbot.addWidget(picker)
    picker.show()
    type_text(picker.search, "bao luc")
    labels = [picker.list.item(i).data(Qt.ItemDataRole.UserRole).label for i in range(picker.list.count())]
    assert labels[:2] == ["Mục tiêu 3, chỉ tiêu 2", "Mục tiêu 3, chỉ tiêu 4"]  # "bạo lực" in their own wording
    QApplication.sendEvent(picker.search, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier))
    assert picker.list.currentRow() == 1
    qtbot.mouseClick(picker.ok, Qt.MouseButton.LeftButton)
    assert picker.chosen.label == "Mục tiêu 3, chỉ tiêu 4"
    type_text(picker.search, " giao duc")
    assert picker.list.count() == 0 and not picker.ok.isEnabled() and "gõ vào ô Nội dung" in picker.empty.text()
