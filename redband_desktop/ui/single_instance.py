"""One window per database: a second launch on the same database brings the running
window to the front and exits, instead of opening the file twice.

The running copy listens on a local socket (`QLocalServer`) named after a hash of the
database URL, so two different databases can still be open side by side. A launch first
tries to connect: if someone answers, it asks them to show their window and quits. If
nobody answers, a socket left behind by a crashed copy is removed
(`QLocalServer.removeServer`) before listening.

Two copies started in the same instant would both find nobody listening, so claiming is
serialised by a lock file (`QLockFile`, released by the OS when its owner dies): the copy
holding it listens; the other keeps asking it to come forward until it answers.
"""

from __future__ import annotations

import hashlib
import logging
import time

from PySide6.QtCore import QDir, QLockFile, QObject, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_MS = 500
CLAIM_WAIT_S = 10.0  # how long a copy waits for one that holds the lock to start listening
ACTIVATE = b"activate\n"
HEADLESS = ("offscreen", "minimal")


def server_name(database_url: str) -> str:
    digest = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:20]
    return f"redband-desktop-{digest}"


class SingleInstance(QObject):
    """Guard for one database; keep it alive as long as the window."""

    activation_requested = Signal()

    def __init__(self, database_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(database_url)
        self._server: QLocalServer | None = None
        self._window: QWidget | None = None
        self._lock = QLockFile(QDir(QDir.tempPath()).filePath(f"{self.name}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its owner is gone, never by age

    def claim(self, wait_s: float = CLAIM_WAIT_S) -> bool:
        """True: this copy is now the running one (it listens). False: another copy runs
        on this database and was asked to come forward, so this one should end."""
        deadline = time.monotonic() + wait_s
        while not self._lock.tryLock(0):
            if self.activate_running():
                return False
            if time.monotonic() > deadline:  # a hung owner must not keep the station out
                log.warning("single-instance lock %s held but nobody answers; starting anyway", self.name)
                break
            QThread.msleep(100)
        self.listen()
        return True

    def activate_running(self) -> bool:
        """True when another copy runs on this database (it was asked to come forward)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Become the running copy; clears a stale socket from a crashed one first."""
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("single-instance server %s: %s", self.name, server.errorString())
            return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def attach(self, window: QWidget) -> None:
        self._window = window

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # the message is one short line sent right after connecting
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_TIMEOUT_MS):
                message = bytes(socket.readAll().data())
                if message.startswith(ACTIVATE.strip()):
                    self.activation_requested.emit()
                    self._bring_to_front()
            socket.abort()
            socket.deleteLater()

    def _bring_to_front(self) -> None:
        window = self._window
        if window is None:
            return
        window.showNormal() if window.isMinimized() else window.show()
        if QGuiApplication.platformName() not in HEADLESS:  # they cannot raise windows
            window.raise_()
            window.activateWindow()
