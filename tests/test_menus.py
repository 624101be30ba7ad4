"""Every menu item and file button, fired as the user fires it (the real QAction or button),
with the dialogs it opens answered. Calling the handler directly hid that Qt passes
`checked=False` into it: "Khôi phục" once emptied the database that way."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from gui_helpers import when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop_app.services import backup_folder, list_backups
from desktop_app.ui.operations import changes


def action(win, text: str):
    """The menu bar's action with this text (as the user sees it, without '&')."""
    for menu_action in win.menuBar().actions():
        for act in menu_action.menu().actions():
            if act.text().replace("&", "") == text:
                return act
    raise AssertionError(f"no menu item {text!r}")


def count(win, year=2026) -> int:
    return len(win.ws.activity_list_rows(year))


def answer_save_dialog(monkeypatch, path: Path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def answer_open_dialog(monkeypatch, path: Path | None):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path) if path else "", ""))


def test_backup_now_from_the_menu_names_the_backup_after_the_database(window, qtbot):
    action(window, "Sao lưu ngay").trigger()
    backups = list_backups(window.ws)
    assert len(backups) == 1
    assert backups[0][1].name.startswith("demo-")  # the demo database is demo.db
    assert "Đã sao lưu" in window.statusBar().currentMessage()


def test_restore_from_the_menu_cancelled_changes_nothing(window, qtbot, tmp_path):
    before = count(window)
    seen = {}

    def cancel(dlg):
        seen["title"] = dlg.windowTitle()
        dlg.reject()

    when_modal(cancel)
    action(window, "Khôi phục từ bản sao lưu...").trigger()
    assert seen["title"] == "Khôi phục từ bản sao lưu"
    assert count(window) == before
    assert not (tmp_path / "False").exists()
    assert list_backups(window.ws) == []  # not even a safety backup: nothing was done


def test_restore_from_the_menu_with_no_choice_in_the_list_keeps_the_data(window, qtbot, tmp_path):
    """No backup yet: the dialog says so and its button is off; the data stays."""
    before = count(window)
    seen = {}

    def look(dlg):
        ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["enabled"] = ok.isEnabled()
        dlg.reject()

    when_modal(look)
    action(window, "Khôi phục từ bản sao lưu...").trigger()
    assert seen["enabled"] is False and count(window) == before
    assert not (tmp_path / "False").exists()


def stored_activities(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("select count(*) from activities").fetchone()[0]
    finally:
        conn.close()


def test_restore_from_the_menu_brings_back_the_chosen_backup(window, qtbot):
    action(window, "Sao lưu ngay").trigger()
    chosen = list_backups(window.ws)[0][1]
    before, all_before = count(window), stored_activities(window.ws.path)
    ids = [r[0] for r in window.ws.activity_list_rows(2026)][:10]
    window.ctx.announce(changes("activities", undo=window.ws.delete_activities(ids)))
    assert count(window) == before - 10

    def choose(dlg):
        dlg.list.setCurrentRow(0)
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(choose)
    action(window, "Khôi phục từ bản sao lưu...").trigger()
    assert count(window) == before
    assert window.go_to("activities").model.total_count() == before
    assert chosen.exists()  # the backup restored is never removed
    # the data as it was before the restore was backed up first, and kept
    others = [p for _, p in list_backups(window.ws) if p != chosen]
    assert len(others) == 1 and stored_activities(others[0]) == all_before - 10
    assert "Đã khôi phục" in window.statusBar().currentMessage()


def test_restoring_a_file_that_is_not_ours_is_refused_and_changes_nothing(window, qtbot):
    """A file named like a backup that is some other SQLite database (or empty): refused
    before anything is replaced, with the reason."""
    folder = backup_folder(window.ws.path)
    folder.mkdir(parents=True, exist_ok=True)
    other = folder / "demo-2026-11-01_080000.db"
    conn = sqlite3.connect(other)
    conn.execute("create table ghi_chu (x)")
    conn.commit()
    conn.close()
    before = count(window)
    seen = {}

    def choose(dlg):
        dlg.list.setCurrentRow(0)
        when_modal(lambda box: (seen.setdefault("text", box.text()), box.accept()))
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(choose)
    action(window, "Khôi phục từ bản sao lưu...").trigger()
    qtbot.waitUntil(lambda: "text" in seen)
    assert "không phải tệp dữ liệu của chương trình" in seen["text"]
    assert "không thay đổi" in seen["text"]
    assert count(window) == before


def test_restore_a_backup_that_thinning_would_remove(window, qtbot):
    """The safety backup taken before a restore thins old backups: never the one chosen."""
    import datetime as dt

    from desktop_app.domain.backup_policy import backups_to_keep
    from desktop_app.store import backup as bk

    folder = backup_folder(window.ws.path)
    # two backups in one month long ago: the policy keeps only the newer of them
    old = bk.backup(window.ws.db.conn, folder, now=dt.datetime(2026, 3, 2, 9, 0), stem="demo")
    newer = bk.backup(window.ws.db.conn, folder, now=dt.datetime(2026, 3, 3, 9, 0), stem="demo")
    assert dt.datetime(2026, 3, 2, 9, 0) not in backups_to_keep([s for s, _ in list_backups(window.ws)],
                                                               dt.datetime.now())
    ids = [r[0] for r in window.ws.activity_list_rows(2026)]
    window.ctx.announce(changes("activities", undo=window.ws.delete_activities(ids)))
    assert count(window) == 0

    def choose(dlg):
        dlg.list.setCurrentRow([p for _, p in dlg.backups].index(old))
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(choose)
    action(window, "Khôi phục từ bản sao lưu...").trigger()
    assert count(window) == len(ids)
    assert old.exists() and newer.exists()  # the policy would thin `old`, but not while it is restored


def test_import_package_from_the_menu(window, qtbot, monkeypatch, example, tmp_path):
    pkg = tmp_path / "Gói Quảng Thành.json"
    pkg.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    answer_open_dialog(monkeypatch, pkg)
    action(window, "Nhập gói dữ liệu...").trigger()
    qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=10000)
    assert window.last_import[0] == "ok"
    assert count(window, 2019) == 24
    assert "Đã nhập" in window.statusBar().currentMessage()


def test_import_package_from_the_menu_cancelled(window, qtbot, monkeypatch):
    answer_open_dialog(monkeypatch, None)
    before = stored_activities(window.ws.path)
    action(window, "Nhập gói dữ liệu...").trigger()
    qtbot.wait(50)
    assert not hasattr(window, "last_import") and stored_activities(window.ws.path) == before


def test_export_package_from_the_menu(window, qtbot, monkeypatch, tmp_path):
    out = tmp_path / "Xuất" / "gói dữ liệu.json"
    out.parent.mkdir()
    answer_save_dialog(monkeypatch, out)
    action(window, "Xuất gói dữ liệu...").trigger()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sum(len(p["activities"]) for p in data["plans"]) == stored_activities(window.ws.path)


def test_export_package_into_a_folder_name_says_why(window, qtbot, monkeypatch, tmp_path):
    answer_save_dialog(monkeypatch, tmp_path)  # a folder, not a file
    seen = {}
    when_modal(lambda box: (seen.setdefault("text", box.text()), box.accept()))
    action(window, "Xuất gói dữ liệu...").trigger()
    assert "thư mục" in seen["text"] and "Traceback" not in seen["text"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_import_activities_from_excel_from_the_menu(window, qtbot, monkeypatch, tmp_path):
    sheet = tmp_path / "hoạt động.xlsx"
    window.ws.export_xlsx(sheet, 2026)
    answer_open_dialog(monkeypatch, sheet)
    before = count(window)
    action(window, "Nhập hoạt động từ Excel...").trigger()
    qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=15000)
    assert window.last_import == ("ok", {"added": 0, "updated": before})
    assert count(window) == before


def test_undo_from_the_menu_puts_back_the_deleted_activities(window, qtbot):
    before = {r[0]: r for r in window.ws.activity_list_rows(2026)}
    ids = list(before)[:3]
    window.ctx.announce(changes("activities", undo=window.ws.delete_activities(ids)))
    undo = window.undo_action
    assert undo.isEnabled() and action(window, undo.text()) is undo
    undo.trigger()
    assert {r[0]: r for r in window.ws.activity_list_rows(2026)} == before
    assert not undo.isEnabled()


@pytest.mark.parametrize("button, suffix", [("pdf_btn", "pdf"), ("docx_btn", "docx"), ("xlsx_btn", "xlsx")])
def test_save_buttons_on_the_report_page(window, qtbot, monkeypatch, tmp_path, button, suffix):
    page = window.go_to("reports")
    out = tmp_path / "Văn bản" / f"Báo cáo năm.{suffix}"
    out.parent.mkdir()
    answer_save_dialog(monkeypatch, out)
    qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=30000)
    assert out.stat().st_size > 1000
    qtbot.waitUntil(lambda: page.folder_btn.isEnabled(), timeout=5000)
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def _print_anyway(then):
    """Printing first lists what the report still lacks (issue 11): answer "Đồng ý", then
    handle the print dialog with `then`."""
    def handle(dlg):
        if isinstance(dlg, QMessageBox) and dlg.windowTitle() == "Văn bản còn thiếu":
            when_modal(then, timeout_ms=30000)
            dlg.button(QMessageBox.StandardButton.Yes).click()
        else:
            then(dlg)

    return handle


@pytest.mark.skipif(sys.platform == "win32", reason="Windows' print dialog is the system's own (PrintDlgEx), "
                    "which a test cannot answer through Qt")
def test_print_from_the_menu_cancelled_then_printed_to_a_file(window, qtbot, tmp_path):
    page = window.go_to("reports")
    seen = {}

    def cancel(dlg):
        seen["title"] = dlg.windowTitle()
        dlg.reject()

    when_modal(_print_anyway(cancel), timeout_ms=30000)
    action(window, "In văn bản...").trigger()
    qtbot.waitUntil(lambda: "title" in seen, timeout=30000)
    assert seen["title"] == "In văn bản"
    assert "máy in" not in window.statusBar().currentMessage()

    out = tmp_path / "in ra.pdf"

    def print_to_file(dlg):  # this machine has no printer: Qt's dialog prints to a PDF file
        from PySide6.QtWidgets import QLineEdit

        dlg.findChild(QLineEdit, "filename").setText(str(out))
        dlg.accept()

    when_modal(_print_anyway(print_to_file), timeout_ms=30000)
    action(window, "In văn bản...").trigger()
    qtbot.waitUntil(out.exists, timeout=30000)
    assert page.pdf_path and out.stat().st_size > 1000


def test_quit_from_the_menu_asks_about_unsaved_edits(window, qtbot):
    from gui_helpers import type_text

    page = window.go_to("plan")
    type_text(page.title_edit, " (sửa)")
    asked = {}

    def cancel(box):
        asked["text"] = box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_modal(cancel)
    action(window, "Thoát").trigger()
    assert "chưa lưu" in asked["text"] and window.isVisible()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    action(window, "Thoát").trigger()
    assert not window.isVisible()


def test_restore_a_backup_kept_on_a_usb_stick(window, qtbot, monkeypatch, tmp_path):
    """Backups in the extra folder are listed; any other backup file can be chosen; a file that
    is not a backup of this program is refused and changes nothing."""
    from desktop_app.store import backup as bk

    usb = tmp_path / "USB" / "Sao lưu"
    window.ws.save_settings(window.ws.office(), {"backup_extra_dir": str(usb)})
    action(window, "Sao lưu ngay").trigger()
    assert any(p.parent == usb for _, p in list_backups(window.ws))
    copy_elsewhere = tmp_path / "Gửi qua thư" / "du-lieu-cu.db"
    copy_elsewhere.parent.mkdir()
    copy_elsewhere.write_bytes(next(p for _, p in list_backups(window.ws) if p.parent == usb).read_bytes())
    before = count(window)
    window.ctx.announce(changes("activities", undo=window.ws.delete_activities(
        [r[0] for r in window.ws.activity_list_rows(2026)][:5])))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy_elsewhere), ""))
    when_modal(lambda dlg: dlg.other_btn.click())
    action(window, "Khôi phục từ bản sao lưu...").trigger()
    assert count(window) == before and copy_elsewhere.exists()
    assert bk.list_backups(usb, "demo")
