"""Long work (a report, an import) off the GUI thread: the window never freezes."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn, args):
        super().__init__()
        self.fn, self.args = fn, args
        self.signals = _Signals()

    def run(self):
        try:
            result = self.fn(*self.args)
        except BaseException as exc:  # reported to the GUI, never lost in the thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


_running: set = set()


def run_in_thread(fn, *args, on_done=None, on_error=None) -> _Job:
    job = _Job(fn, args)
    _running.add(job)  # keep the signals object alive until the job reports

    def finished(*_):
        _running.discard(job)

    if on_done:
        job.signals.done.connect(on_done)
    if on_error:
        job.signals.failed.connect(on_error)
    job.signals.done.connect(finished)
    job.signals.failed.connect(finished)
    job.setAutoDelete(False)
    QThreadPool.globalInstance().start(job)
    return job
