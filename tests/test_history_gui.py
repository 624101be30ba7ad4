"""The "Lịch sử thay đổi" page: filters, one record's versions side by side, an earlier version
put back through the button and its question."""

import dataclasses

from gui_helpers import type_text, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def _yes(box):
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()


def test_versions_side_by_side_and_put_back(window, qtbot):  # noqa: F811
    ws = window.ws
    settings = window.go_to("settings")
    settings.user_name.clear()
    type_text(settings.user_name, "Trần Thị Mai")
    qtbot.mouseClick(settings.save_btn, Qt.MouseButton.LeftButton)
    act_id = ws.activity_list_rows(2026)[0][0]
    a = ws.activity(act_id)
    ws.save_activity(dataclasses.replace(a, title="Tên đã sửa", participants_total=a.participants_total + 5), 2026)

    page = window.go_to("history")
    assert window.stack.currentWidget() is page
    page.kind.setCurrentIndex(page.kind.findData("activities"))
    assert page.list.rowCount() >= 1
    assert all(page.list.item(r, 2).text().endswith("hoạt động") for r in range(page.list.rowCount()))
    assert page.list.item(0, 1).text().startswith("Trần Thị Mai (")
    page.person.setCurrentIndex(page.person.findData("Trần Thị Mai"))
    assert page.list.rowCount() == 1  # only the saved activity is hers: the settings are another kind
    assert page.list.item(0, 3).text().startswith(f"{act_id} “Tên đã sửa”")

    page.list.selectRow(0)
    cols = page.table.columnCount()
    assert cols >= 2
    rows = [page.table.verticalHeaderItem(r).text() for r in range(page.table.rowCount())]
    title_row = rows.index("Tên")
    assert page.table.item(title_row, cols - 1).text() == "Tên đã sửa"
    assert page.table.item(title_row, cols - 2).text() == a.title
    assert page.table.item(title_row, cols - 1).font().bold()  # changed from the version before
    assert not page.put_back_btn.isEnabled()
    page.table.selectColumn(cols - 1)
    assert not page.put_back_btn.isEnabled()  # the newest version is what is stored
    page.table.selectColumn(cols - 2)
    assert page.put_back_btn.isEnabled()
    when_modal(_yes)
    qtbot.mouseClick(page.put_back_btn, Qt.MouseButton.LeftButton)
    assert ws.activity(act_id).title == a.title
    assert ws.activity(act_id).participants_total == a.participants_total
    assert page.list.item(0, 2).text().startswith("Sửa hoạt động (đưa lại phiên bản")
    # the activity list shows it at once
    acts = window.go_to("activities")
    assert any(a.title in str(acts.model.data(acts.model.index(r, c)))
               for r in range(acts.model.rowCount()) for c in range(acts.model.columnCount()))


def test_date_filter_and_a_package_entry(window, qtbot, tmp_path):  # noqa: F811
    import datetime as dt

    page = window.go_to("history")
    n = page.list.rowCount()
    page.until.set_value(dt.date(2001, 1, 1))
    assert page.list.rowCount() == 0
    page.until.set_value(None)
    assert page.list.rowCount() == n
    out = tmp_path / "goi.json"
    window.ws.export_json(out, 2026)
    window.ws.import_file(out)
    page.refresh()
    assert page.list.item(0, 2).text() == "Nhập gói dữ liệu"
    assert page.list.item(0, 3).text().startswith("tệp goi.json:")
    page.list.selectRow(0)
    assert page.table.columnCount() == 0 and "goi.json" in page.versions_note.text()
