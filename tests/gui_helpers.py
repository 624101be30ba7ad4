"""Driving real widgets as a person would, including Vietnamese typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog


def type_text(widget, text: str) -> None:
    """One key event per character (qtbot.keyClicks aborts on non-ASCII letters)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def when_modal(fn, timeout_ms: int = 5000):
    """Run fn(dialog) as soon as a modal dialog is up (the caller then opens it with exec()).
    Returns a function that stops waiting (a test expecting no dialog must not leave the
    watcher running into the next test)."""
    waited = {"ms": 0, "stopped": False}

    def poll():
        if waited["stopped"]:
            return
        dlg = QApplication.activeModalWidget()
        if dlg is not None:
            try:
                fn(dlg)
            except BaseException:
                # never leave a modal dialog open: the test fails instead of hanging
                for _ in range(5):
                    top = QApplication.activeModalWidget()
                    if top is None:
                        break
                    QDialog.done(top, 0)  # the base class: no "discard?" question
                raise
        elif waited["ms"] < timeout_ms:
            waited["ms"] += 20
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return lambda: waited.update(stopped=True)
