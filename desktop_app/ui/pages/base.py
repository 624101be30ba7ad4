"""A page refreshes lazily: when data or the year changes it is marked stale and reloads the
next time it is shown, so a change on one page costs nothing for the hidden ones. A page holding
edits the user has not saved is never reloaded under them: the window asks first (save_pending)
where a reload is needed (another year, an import, a restore, closing)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..context import AppContext


class Page(QWidget):
    title = ""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self._stale = True
        ctx.changed.connect(self._changed)
        ctx.year_changed.connect(self.mark_stale)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        self.outer.addWidget(heading)

    def action_bar(self, *buttons: tuple[str, object]) -> list[QPushButton]:
        """The row under a list: a summary on the left (self.summary), buttons on the right."""
        bar = QHBoxLayout()
        self.summary = QLabel()
        bar.addWidget(self.summary, 1)
        made = []
        for text, slot in buttons:
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(b)
            made.append(b)
        self.outer.addLayout(bar)
        return made

    def list_keys(self, table, edit, delete) -> None:
        """Enter opens the chosen row, Delete deletes it (after asking), as in a file list."""
        for key, slot in ((Qt.Key.Key_Return, edit), (Qt.Key.Key_Enter, edit),
                          (QKeySequence.StandardKey.Delete, delete)):
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def _changed(self, changes, initiator):
        # The page that made the change already shows it (a grid must not be reset under the
        # editor that typed the value).
        if initiator is not self:
            self.mark_stale()

    def op(self, call, *kinds: str, title: str = "Chưa thực hiện được", undo: bool = False, initiator=None):
        """Run a service call that writes (see `operations.run_op`); REFUSED if it was refused."""
        from ..operations import run_op

        return run_op(self, self.ctx, call, kinds=kinds, title=title, initiator=initiator,
                      undo_of=(lambda u: u) if undo else None)

    def say_choose_a_row(self) -> None:
        """Sửa, Xóa... pressed with no row chosen: say so instead of doing nothing."""
        bar = getattr(self.window(), "statusBar", None)
        if bar is not None:
            bar().showMessage("Hãy bấm chọn một dòng trong danh sách trước.", 6000)

    def mark_stale(self, *_):
        self._stale = True
        if self.isVisible():
            self.ensure_fresh()

    def ensure_fresh(self):
        if self._stale and not self.has_unsaved():
            self.reload()

    def reload(self):
        """Show what is stored now (drops unsaved edits: the caller has asked)."""
        self._stale = False
        self.refresh()

    def discard(self):
        """The user chose not to keep the unsaved edits."""
        self.reload()

    def showEvent(self, e):
        super().showEvent(e)
        # Reload after this paint, so the page (and at start the window) appears at once.
        QTimer.singleShot(0, self.ensure_fresh)

    def refresh(self):  # pragma: no cover - every page overrides
        raise NotImplementedError

    def has_unsaved(self) -> bool:
        return False

    def flush(self) -> None:
        """A page that saves by itself stores what is waiting now (before closing, say)."""

    def save_pending(self) -> bool:
        """Save the unsaved edits; False (with the reason shown on the page) if they cannot be."""
        return True
