"""Before anything reloads the pages (another year, an import, a restore, closing): save or drop
the edits not saved yet, as the user says."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def settle_unsaved(win, before: str) -> bool:
    """False: the user chose to stay; leave everything as it is."""
    for p in win.pages.values():
        p.flush()
    pending = [p for p in win.pages.values() if p.has_unsaved()]
    if not pending:
        return True
    names = ", ".join(p.title for p in pending)
    box = QMessageBox(QMessageBox.Icon.Question, "Chưa lưu",
                      f"Trang {names} có nội dung chưa lưu. Lưu trước khi {before}?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, win)
    box.button(QMessageBox.StandardButton.Save).setText("Lưu")
    box.button(QMessageBox.StandardButton.Discard).setText("Không lưu")
    box.button(QMessageBox.StandardButton.Cancel).setText("Hủy")
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Cancel:
        return False
    for p in pending:
        if answer == QMessageBox.StandardButton.Discard:
            p.discard()
        elif not p.save_pending():  # the page shows why; take the user there
            win.go_to(next(k for k, v in win.pages.items() if v is p))
            return False
    return True
