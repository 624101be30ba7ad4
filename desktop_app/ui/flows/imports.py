"""Packages and Excel sheets in and out: off the GUI thread, with every refusal listed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
)

from ...domain.text import safe_file_name
from ...services import PackageFileError, StoreError, ValidationError, user_message
from ..operations import refusal_text, run_op_in_background, workspace_job
from ..widgets import show_error, when_text


class MessagesDialog(QDialog):
    """The importer's messages in a readable list."""

    def __init__(self, parent, title: str, intro: str, lines: list[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 420)
        lay = QVBoxLayout(self)
        lab = QLabel(intro)
        lab.setWordWrap(True)
        lay.addWidget(lab)
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long reasons (a list of allowed values) stay readable
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.addItems(lines)
        lay.addWidget(self.list, 1)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bb.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)


def show_refusal(win, what: str, where: str, exc, unreadable: tuple) -> None:
    """An import that stored nothing: every reason in a readable list."""
    unchanged = "dữ liệu trong chương trình không thay đổi."
    if isinstance(exc, ValidationError):
        lines = exc.messages
        intro = (f"{what} bị từ chối vì có {len(lines)} lỗi; {unchanged} "
                 f"Hãy sửa các chỗ sau trong {where} rồi nhập lại:")
    elif isinstance(exc, unreadable):
        lines, intro = [str(exc)], f"Không đọc được {what.lower()}; {unchanged}"
    else:
        lines = [user_message(exc) or ("Lỗi ngoài dự kiến của chương trình "
                                       f"({type(exc).__name__}); hãy báo cho người hỗ trợ.")]
        intro = f"Không nhập được {what.lower()}; {unchanged}"
    win.last_import = ("refused", lines)
    win.messages_dialog = MessagesDialog(win, f"{what} bị từ chối", intro, lines)
    win.messages_dialog.open()


def import_package(win, path: str | None = None) -> None:
    if not win.settle_unsaved("nhập dữ liệu"):
        return
    if not path:
        path, _ = QFileDialog.getOpenFileName(win, "Chọn gói dữ liệu", str(Path.home()), "Gói dữ liệu (*.json)")
    if not path:
        return

    def done(counts):
        win.statusBar().showMessage(
            f"Đã nhập {counts['plans']} kế hoạch, {counts['activities']} hoạt động, {counts['units']} đơn vị.", 10000)
        win.last_import = ("ok", counts)

    run_op_in_background(win, win.ctx, workspace_job, win.ws.path, "import_file", path, kinds=("everything",),
                         label="Đang nhập dữ liệu...", on_done=done,
                         on_failed=lambda exc: show_refusal(win, "Gói dữ liệu", "tệp", exc,
                                                            unreadable=(PackageFileError, StoreError)))


def import_activity_sheet(win, path: str | None = None) -> None:
    """Activities from an Excel sheet laid out like the exported one, into the chosen year."""
    if not win.settle_unsaved("nhập hoạt động"):
        return
    year = win.ctx.year
    if not path:
        path, _ = QFileDialog.getOpenFileName(
            win, f"Chọn bảng tính hoạt động năm {year}", str(Path.home()), "Bảng tính Excel (*.xlsx)")
    if not path:
        return
    only_new = False
    again = win.ws.form_sent_again(path, year)
    if again is not None:
        only_new = _again(win, again, year)
        if only_new is None:
            return

    def done(counts):
        skipped = f", bỏ qua {counts['skipped']} dòng đã có" if counts.get("skipped") else ""
        win.statusBar().showMessage(f"Đã nhập từ Excel vào năm {year}: thêm {counts['added']}, cập nhật "
                                    f"{counts['updated']} hoạt động{skipped}.", 15000)
        win.last_import = ("ok", counts)

    run_op_in_background(win, win.ctx, workspace_job, win.ws.path, "import_activity_sheet", path, year, only_new,
                         kinds=("everything",), label="Đang đọc bảng tính...", on_done=done,
                         on_failed=lambda exc: show_refusal(win, "Bảng tính", "bảng tính", exc,
                                                            unreadable=(StoreError,)))


def _again(win, again, year: int) -> bool | None:
    """A unit that has sent a form already sends one again (often the same rows and some
    more): take only its new rows (True), all (False), or nothing (None). Its rows carry no
    ids, so taking all would add the repeated activities twice."""
    repeated, new, earlier = again.repeated, again.new, again.earlier
    if repeated == 0:
        return False  # another form of the unit, none of its rows taken in before
    said = (f"{earlier.unit.name} đã gửi phiếu năm {year} (nhập lúc {when_text(earlier.received_at)}"
            + (f", tệp {earlier.file_name}" if earlier.file_name else "") + f"). Phiếu này có {repeated} dòng "
            "trùng tên, ngày bắt đầu và đơn vị tổ chức với hoạt động đã nhập"
            + (f" và {new} dòng mới." if new else ", không có dòng mới."))
    box = QMessageBox(QMessageBox.Icon.Question, "Phiếu này đã được nhập", said, parent=win)
    only = box.addButton(f"Chỉ nhập {new} dòng mới", QMessageBox.ButtonRole.AcceptRole) if new else None
    every = box.addButton(f"Nhập cả {repeated + new} dòng", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Không nhập", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(only or cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is only and only is not None:
        return True
    return False if clicked is every else None


def export_package(win) -> None:
    office = win.ws.office()
    # named after the office: the level above receives one such file from each commune
    name = f"Gói dữ liệu - {safe_file_name(office.name)}.json" if office else "Gói dữ liệu.json"
    default = str(Path.home() / name)
    path, _ = QFileDialog.getSaveFileName(win, "Xuất gói dữ liệu", default, "Gói dữ liệu (*.json)")
    if not path:
        return
    try:
        win.ws.export_json(path)
    except (ValidationError, StoreError, OSError) as exc:
        show_error(win, "Không xuất được", refusal_text(exc) or str(exc))
        return
    win.statusBar().showMessage(f"Đã xuất {path}", 8000)
