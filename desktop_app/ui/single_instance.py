"""One program per database: a second start brings the running window to the front and exits."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket


def server_name(db_path) -> str:
    return "BinhDangGioi-" + hashlib.sha1(str(db_path).encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    activate = Signal()  # another start asked us to come to the front

    def __init__(self, db_path):
        super().__init__()
        self.name = server_name(db_path)
        self.lock = QLockFile(str(db_path) + ".lock")
        self.lock.setStaleLockTime(0)  # only a lock whose process is gone is stale
        self.server: QLocalServer | None = None
        self.reached_running = False  # after a refused acquire: was the running one told?

    def acquire(self) -> bool:
        """True if we are the only instance; else the running one has been asked to show."""
        if not self.lock.tryLock(200):
            # A lock left by a crashed program (its process is gone) is taken over.
            if self.lock.removeStaleLockFile() and self.lock.tryLock(200):
                return self._listen()
            self.reached_running = self._poke()
            return False
        return self._listen()

    def _listen(self) -> bool:
        QLocalServer.removeServer(self.name)  # a socket left by a crash
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(self.name)
        return True

    def _on_connection(self):
        sock = self.server.nextPendingConnection()
        if sock:
            sock.disconnectFromServer()
        self.activate.emit()

    def _poke(self) -> bool:
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        ok = sock.waitForConnected(1000)
        if ok:
            sock.write(b"show")
            sock.flush()
            sock.waitForBytesWritten(500)
            sock.disconnectFromServer()
        return ok

    def release(self):
        if self.server:
            self.server.close()
        self.lock.unlock()
