"""One way for the GUI to run a service call (after Anki's `aqt/operations`).

`run_op` calls the service; a refusal (a rule, a locked or read-only database, a full disk) is
shown to the user as a Vietnamese message and changes nothing; a success is announced on the
context with what it changed and who asked for it (`initiator`), so every page that shows that
data refreshes itself, except the initiator, which already shows it. Long work (an import) runs
off the GUI thread on its own connection, with a progress dialog, and the window never freezes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from ..services import StoreError, Undo, ValidationError, user_message
from .worker import run_in_thread

# What an operation can change; a page refreshes when something it shows is among them.
KINDS = frozenset({"office", "units", "plan", "targets", "tasks", "activities", "reports", "settings",
                   "received"})  # received: what the offices below sent, and the offices known
EVERYTHING = KINDS | {"everything"}  # an import or a restore: much of the data was replaced


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str]
    undo: Undo | None = None  # a deletion that Ctrl+Z can put back

    @property
    def replaced(self) -> bool:
        return "everything" in self.kinds


def changes(*kinds: str, undo: Undo | None = None) -> Changes:
    unknown = set(kinds) - EVERYTHING
    if unknown:
        raise ValueError(f"unknown kinds of change: {unknown}")
    return Changes(frozenset(EVERYTHING if "everything" in kinds else kinds), undo)


def refusal_text(exc: BaseException) -> str | None:
    """The message for a refusal the user can act on (None: a bug)."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.messages)
    return user_message(exc)


REFUSED = object()  # what run_op returns when the service refused (the user has been told why)


def run_op(parent, ctx, call, *, kinds: tuple[str, ...], initiator=None, title="Chưa thực hiện được",
           undo_of=None):
    """Run `call()` (a service call) now, on the GUI thread. Returns its result, or REFUSED (the
    reason shown in a message box). `undo_of(result)` gives the Undo of a deletion."""
    from .widgets import show_error

    try:
        result = call()
    except (ValidationError, StoreError, OSError) as exc:
        show_error(parent, title, (refusal_text(exc) or str(exc)) + "\n\nDữ liệu không thay đổi.")
        return REFUSED
    except Exception as exc:  # sqlite3.Error and the like: sorted by user_message
        msg = refusal_text(exc)
        if msg is None:
            raise  # a bug: the program's own error handler logs it and says so
        show_error(parent, title, msg + "\n\nDữ liệu không thay đổi.")
        return REFUSED
    ctx.announce(changes(*kinds, undo=undo_of(result) if undo_of else None), initiator)
    return result


def run_op_in_background(parent, ctx, job, *args, kinds: tuple[str, ...], label: str,
                         on_done=None, on_failed=None):
    """`job(*args)` off the GUI thread (it opens its own connection: see `workspace_job`), with a
    progress dialog that appears if it takes long. On success the change is announced, then
    `on_done(result)`; on failure `on_failed(exc)` shows the reason."""
    progress = QProgressDialog(label, None, 0, 0, parent)
    progress.setWindowTitle(label.rstrip("."))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setCancelButton(None)

    def done(result):
        progress.close()
        ctx.announce(changes(*kinds), None)
        if on_done:
            on_done(result)

    def failed(exc, tb):
        progress.close()
        if on_failed:
            on_failed(exc)

    return run_in_thread(job, *args, on_done=done, on_error=failed)


def workspace_job(db_path, operation: str, *args):
    """A Workspace operation off the GUI thread, on its own connection (SQLite connections
    stay in their thread)."""
    from ..services import Workspace

    ws = Workspace(db_path)
    try:
        return getattr(ws, operation)(*args)
    finally:
        ws.close()
