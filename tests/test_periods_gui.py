"""The quarterly reports and last year's figures on screen: the report list, the dashboard's
deadlines that open their report, last year beside this one."""

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.domain.model import Deadline


def test_quarterly_reports_are_in_the_list_and_preview(window, qtbot):  # noqa: F811
    page = window.go_to("reports")
    labels = [page.kinds.item(i).text() for i in range(page.kinds.count())]
    assert {"Báo cáo quý I", "Báo cáo quý III", "Báo cáo 9 tháng", "Báo cáo quý IV"} <= set(labels)
    page.kinds.setCurrentRow(labels.index("Báo cáo 9 tháng"))
    with qtbot.waitSignal(page.preview_ready, timeout=30000):
        qtbot.mouseClick(page.preview_btn, Qt.MouseButton.LeftButton)
    assert page.kind == "nine_month" and page.pdf_path.endswith("Bao-cao-9-thang-2026.pdf")


def test_a_quarterly_deadline_opens_its_report(window, qtbot):  # noqa: F811
    ws = window.ws
    plan = ws.plan(2026)
    due = max(dt.date.today() + dt.timedelta(days=3), dt.date(2026, 1, 1))
    plan = dataclasses.replace(plan, deadlines=[Deadline("Báo cáo kết quả quý IV", due, "UBND tỉnh")])
    ws.save_plan_header(plan)
    dash = window.go_to("dashboard")
    dash.refresh()
    item = dash.deadlines.item(0)
    assert "quý IV" in item.text() and "Báo cáo quý IV" in item.toolTip()
    reports = window.pages["reports"]
    qtbot.wait(50)
    rect = dash.deadlines.visualItemRect(item)
    with qtbot.waitSignal(reports.preview_ready, timeout=30000):
        # a double click is a click, then a second press that Qt reports as a double click
        qtbot.mouseClick(dash.deadlines.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dash.deadlines.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is reports
    assert reports.kind == "q4"
    assert reports.kinds.currentItem().text() == "Báo cáo quý IV"


def test_dashboard_shows_last_year_beside_this_one(window, qtbot):  # noqa: F811
    ws = window.ws
    before = len(ws.activity_list_rows(2025))
    now = len(ws.activity_list_rows(2026))
    assert before and now  # the demo holds both years
    dash = window.go_to("dashboard")
    dash.refresh()
    sign = "+" if now > before else ""
    assert dash.c_acts.caption.text() == f"hoạt động trong năm · năm 2025: {before} ({sign}{now - before})"
    ws.delete_activities([r[0] for r in ws.activity_list_rows(2025)][:1])
    dash.refresh()
    assert f"năm 2025: {before - 1} " in dash.c_acts.caption.text()
