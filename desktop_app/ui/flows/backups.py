"""Back up now, and go back to a backup chosen in a list (the current data is backed up first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

from ...services import StoreError, ValidationError, list_backups, restore_backup
from ...services import backup_now as take_backup
from ..operations import changes, refusal_text
from ..widgets import show_error


class RestoreDialog(QDialog):
    """Pick a backup to go back to; the newest is at the top."""

    def __init__(self, parent, backups):
        super().__init__(parent)
        self.setWindowTitle("Khôi phục từ bản sao lưu")
        self.resize(560, 420)
        self.backups = backups
        lay = QVBoxLayout(self)
        lab = QLabel("Chọn thời điểm muốn quay về. Dữ liệu hiện tại được sao lưu trước khi khôi phục, "
                     "nên có thể quay lại nếu chọn nhầm.")
        lab.setWordWrap(True)
        lay.addWidget(lab)
        self.list = QListWidget()
        for stamp, path in backups:
            self.list.addItem(f"{stamp:%d/%m/%Y %H:%M:%S}  ({path.stat().st_size // 1024} KB)  {path.parent}")
        if backups:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem("Chưa có bản sao lưu nào.")
        lay.addWidget(self.list, 1)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.button(QDialogButtonBox.StandardButton.Ok).setText("Khôi phục")
        bb.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(backups))
        bb.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        # a backup kept elsewhere (a USB stick, a copy sent by e-mail)
        self.other_btn = bb.addButton("Chọn tệp khác...", QDialogButtonBox.ButtonRole.ActionRole)
        self.other_btn.clicked.connect(self._choose_file)
        self.other: Path | None = None
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)

    def _choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Chọn bản sao lưu", str(Path.home()), "Bản sao lưu (*.db)")
        if path:
            self.other = Path(path)
            self.accept()

    def chosen(self) -> Path | None:
        if self.other is not None:
            return self.other
        row = self.list.currentRow()
        return self.backups[row][1] if self.backups and row >= 0 else None


def backup_now(win) -> Path | None:
    try:
        path = take_backup(win.ws)
    except (StoreError, OSError) as exc:
        show_error(win, "Sao lưu không thành công", refusal_text(exc) or str(exc))
        return None
    win.statusBar().showMessage(f"Đã sao lưu: {path}", 10000)
    return path


def restore(win, chosen: Path | str | None = None) -> None:
    """Go back to a backup: the one chosen in the dialog (or `chosen`, a path)."""
    if not win.settle_unsaved("khôi phục"):
        return
    if not isinstance(chosen, (str, Path)):  # a menu passes Qt's `checked` flag, never a path
        dlg = RestoreDialog(win, list_backups(win.ws))
        if not dlg.exec() or dlg.chosen() is None:
            return
        chosen = dlg.chosen()
    chosen = Path(chosen)
    try:
        safety = restore_backup(win.ws, chosen)
    except (ValidationError, StoreError, OSError) as exc:
        show_error(win, "Không khôi phục được", (refusal_text(exc) or str(exc)) + "\n\nDữ liệu hiện tại không thay đổi.")
        return
    win.ctx.announce(changes("everything"))
    win.statusBar().showMessage(
        f"Đã khôi phục {chosen.name}." + (f" Dữ liệu trước đó được lưu ở {safety.name}." if safety else ""), 15000)
