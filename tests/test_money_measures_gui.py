"""Money planned by source typed on the plan page; a target counted from the activities made in
its dialog, shown as counted on the targets page, typed over and given back."""

from gui_helpers import type_text, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox


def test_planned_money_by_source_typed_on_the_plan_page(window, qtbot):  # noqa: F811
    page = window.go_to("plan")
    page.budget_sources["state"].clear()
    qtbot.keyClicks(page.budget_sources["state"], "25.000.000")
    page.budget_sources["mobilized"].clear()
    qtbot.keyClicks(page.budget_sources["mobilized"], "5000000")
    assert page.has_unsaved()
    assert page.save()
    plan = window.ws.plan(2026)
    assert plan.budget_by_source == {"state": 25_000_000, "mobilized": 5_000_000}
    page.reload()
    assert page.budget_sources["state"].text() == "25.000.000" and not page.has_unsaved()
    page.budget_sources["mixed"].setText("-3")
    assert not page.save()
    assert window.ws.plan(2026).budget_by_source == {"state": 25_000_000, "mobilized": 5_000_000}


def test_a_target_counted_from_activities(window, qtbot):  # noqa: F811
    ws = window.ws
    targets = window.go_to("targets")

    def fill(dlg):
        qtbot.keyClicks(dlg.code, "HD-TH")
        type_text(dlg.text, "Tổ chức các lớp tập huấn")
        qtbot.keyClicks(dlg.value, "5")
        dlg.measure.setCurrentIndex(dlg.measure.findData("activities"))
        assert dlg.unit.text() == "hoạt động"  # filled from what is counted
        dlg.measure_type.setCurrentIndex(dlg.measure_type.findData("training"))
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(fill)
    targets.add()
    t = {x.code: x for x in ws.plan(2026).targets}["HD-TH"]
    assert t.measure == {"what": "activities", "activity_type": "training"} and t.actual is None
    training = sum(1 for r in ws.activity_list_rows(2026) if r[3] == "training")
    assert training
    targets.refresh()
    row = next(i for i, x in enumerate(targets.model.targets) if x.code == "HD-TH")
    year_cell = targets.model.index(row, 5)
    assert targets.model.data(year_cell) == f"{training} (tự tính)"
    assert targets.model.data(targets.model.index(row, 7)) == ("Đạt" if training >= 5 else "Không đạt")
    # typed over, then given back
    assert targets.model.setData(year_cell, "1")
    assert targets.model.data(year_cell) == "1"
    assert ws.plan(2026).targets[[x.code for x in ws.plan(2026).targets].index("HD-TH")].actual == 1
    assert targets.model.setData(year_cell, "")
    targets.refresh()
    assert targets.model.data(targets.model.index(row, 5)) == f"{training} (tự tính)"
    # a new training activity counts at once
    import dataclasses

    a = ws.activity(next(r[0] for r in ws.activity_list_rows(2026) if r[3] == "training"))
    ws.save_activity(dataclasses.replace(a, id=None), 2026)
    targets.refresh()
    assert targets.model.data(targets.model.index(row, 5)) == f"{training + 1} (tự tính)"
    targets.table.selectRow(row)

    def check_edit(dlg):
        assert dlg.measure.currentData() == "activities" and dlg.measure_type.currentData() == "training"
        dlg.reject()

    when_modal(check_edit)
    qtbot.mouseClick(targets.edit_btn, Qt.MouseButton.LeftButton)
