"""The report page's "Soạn nháp từ số liệu": fills the empty narrative parts with a draft written
from the report's figures; replacing a typed part is a separate choice that asks first; every
fill is one undoable edit in its box (Ctrl+Z there), and "Hoàn tác nháp" puts the parts back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QVBoxLayout, QWidget

from ..services import PLAN_DOCUMENTS, NoPlanError, StoreError, user_message
from .widgets import ask


def replace_text(box, text: str) -> None:
    """Replace a text box's content as one edit on its undo stack (setPlainText would clear the
    stack and Ctrl+Z could not bring the officer's text back)."""
    cursor = QTextCursor(box.document())
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()


class DraftControls(QWidget):
    drafted = Signal(list)  # the parts written, for tests

    def __init__(self, page):
        super().__init__()
        self.page = page
        self._last: tuple[int, str, dict[str, tuple[str, str]]] | None = None  # year, kind, part -> (before, after)

        self.draft_btn = QToolButton()
        self.draft_btn.setText("Soạn nháp từ số liệu")
        self.draft_btn.setToolTip("Viết nháp các phần còn trống từ số liệu của báo cáo; không đụng tới phần đã nhập.\n"
                                  "Mũi tên bên cạnh: thay cả phần đã nhập (có hỏi trước).")
        self.draft_btn.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.draft_btn)
        self.fill_action = menu.addAction("Soạn nháp các phần còn trống")
        self.replace_action = menu.addAction("Soạn nháp, thay cả phần đã nhập...")
        self.draft_btn.setMenu(menu)
        self.undo_btn = QPushButton("Hoàn tác nháp")
        self.undo_btn.setEnabled(False)
        self.note = QLabel()
        self.note.setWordWrap(True)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.draft_btn)
        row.addWidget(self.undo_btn)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.note)
        self.note.hide()

        self.draft_btn.clicked.connect(self.fill_empty)
        self.fill_action.triggered.connect(lambda _checked=False: self.fill_empty())
        self.replace_action.triggered.connect(lambda _checked=False: self.replace_typed())
        self.undo_btn.clicked.connect(self.undo)
        page.kinds.currentRowChanged.connect(lambda _row: self._kind_changed())

    # ---- helpers ---------------------------------------------------------------------------
    def _label(self, key: str) -> str:
        box = self.page.parts[key]
        label = box.parentWidget().layout().labelForField(box)
        return label.text() if label is not None else key

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
        if text:
            self.page.status_message.emit(text)

    def _kind_changed(self) -> None:
        self.draft_btn.setEnabled(self.page.kind in PLAN_DOCUMENTS or self.page.ctx.ws.can_draft(self.page.kind))
        self._say("")

    def _draft(self) -> dict[str, str | None] | None:
        if self.page.loaded_text is None:
            return None
        try:
            return self.page.ctx.ws.draft_report_text(self.page.ctx.year, self.page.kind)
        except (NoPlanError, StoreError) as exc:
            msg = (user_message(exc) if isinstance(exc, StoreError) else None) or str(exc)
            self.page.message.show_error(f"Không soạn được nháp: {msg}")
            return None

    def _apply(self, draft: dict, keys: list[str]) -> None:
        changes = {}
        for key in keys:
            box = self.page.parts[key]
            before = box.toPlainText()
            replace_text(box, draft[key])
            changes[key] = (before, box.toPlainText())
        if changes:
            self._last = (self.page.ctx.year, self.page.kind, changes)
            self.undo_btn.setEnabled(True)
        self.drafted.emit(list(changes))

    def _typed_and_different(self, draft: dict) -> list[str]:
        return [k for k, box in self.page.parts.items()
                if box.toPlainText().strip() and draft.get(k) and box.toPlainText().strip() != draft[k]]

    # ---- actions ---------------------------------------------------------------------------
    def fill_empty(self) -> None:
        """Write the draft into the empty parts only; typed parts stay as they are."""
        draft = self._draft()
        if draft is None:
            return
        self.page.message.show_error(None)
        empty = [k for k, box in self.page.parts.items() if not box.toPlainText().strip() and draft.get(k)]
        kept = self._typed_and_different(draft)
        self._apply(draft, empty)
        names = ", ".join(self._label(k) for k in empty)
        short = [f"Đã soạn nháp {len(empty)} phần còn trống." if empty else "Không có phần trống nào để soạn nháp."]
        if kept:
            short.append("Giữ nguyên phần đã nhập: " + ", ".join(self._label(k) for k in kept) + ".")
        if "causes" not in empty and not self.page.parts["causes"].toPlainText().strip():
            short.append("Nguyên nhân: cán bộ tự viết.")
        self._say(" ".join(short))
        if empty:  # the parts by name, and how to replace a kept one, in the status bar
            self.page.status_message.emit(f"Đã soạn nháp: {names}."
                                          + (" Muốn thay phần đã nhập: bấm mũi tên cạnh nút Soạn nháp." if kept else ""))

    def replace_typed(self) -> None:
        """Also replace typed parts, after saying which and how to get them back."""
        draft = self._draft()
        if draft is None:
            return
        typed = self._typed_and_different(draft)
        if typed and not ask(self, "Thay phần đã nhập?",
                             "Các phần sau đã có nội dung và sẽ được thay bằng bản nháp:\n- "
                             + "\n- ".join(self._label(k) for k in typed)
                             + "\n\nNội dung cũ lấy lại được bằng nút “Hoàn tác nháp” hoặc Ctrl+Z trong từng ô."):
            self._say("Không thay phần nào.")
            return
        empty = [k for k, box in self.page.parts.items() if not box.toPlainText().strip() and draft.get(k)]
        keys = [k for k in self.page.parts if k in typed or k in empty]
        self._apply(draft, keys)
        self._say(("Đã soạn nháp: " + ", ".join(self._label(k) for k in keys) + ".") if keys
                  else "Bản nháp không có gì khác nội dung đang có.")

    def undo(self) -> None:
        """Put back what each part held before the last draft; a part edited since is kept."""
        last, self._last = self._last, None
        self.undo_btn.setEnabled(False)
        if last is None:
            return
        year, kind, changes = last
        if (year, kind) != (self.page.ctx.year, self.page.kind):
            self._say("Bản nháp thuộc văn bản khác: không hoàn tác.")
            return
        edited = []
        for key, (before, after) in changes.items():
            box = self.page.parts[key]
            if box.toPlainText() == after:
                replace_text(box, before)
            else:
                edited.append(key)
        said = "Đã hoàn tác bản nháp."
        if edited:
            said += " Giữ nguyên phần đã sửa sau khi soạn nháp: " + ", ".join(self._label(k) for k in edited) + "."
        self._say(said)
