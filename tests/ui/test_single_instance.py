"""One window per database: a second launch on the same database brings the first window
forward instead of opening the file twice; another database is independent; a socket
left by a crashed copy does not block the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QWidget

from redband_desktop.ui.single_instance import SingleInstance, server_name

ROOT = Path(__file__).resolve().parents[2]


def test_second_launch_brings_the_first_window_forward(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    url = f"sqlite:///{tmp_path}/a.sqlite3"
    window = QWidget()
    qtbot.addWidget(window)
    first = SingleInstance(url, window)
    assert not first.activate_running()
    assert first.listen()
    first.attach(window)
    window.showMinimized()
    second = SingleInstance(url)
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.activate_running()
    assert window.isVisible() and not window.isMinimized()
    assert not SingleInstance(f"sqlite:///{tmp_path}/other.sqlite3").activate_running()
    first.close()


def test_stale_socket_after_a_crash_is_cleared(tmp_path: Path) -> None:
    """A copy killed with SIGKILL leaves its socket file behind; the next start listens."""
    url = f"sqlite:///{tmp_path}/crash.sqlite3"
    script = (
        "import os, signal, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from redband_desktop.ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        f"g = SingleInstance({url!r}); assert g.listen()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == -9
    guard = SingleInstance(url)
    assert not guard.activate_running()  # nobody answers
    assert guard.listen()
    guard.close()


@pytest.mark.parametrize("url", ["sqlite:///a.sqlite3", "postgresql://server/redband"])
def test_server_name_is_stable_and_safe(url: str) -> None:
    name = server_name(url)
    assert name == server_name(url) and name.replace("-", "").isalnum()
    assert QLocalServer is not None


def test_two_copies_started_at_the_same_instant_give_one_window(tmp_path: Path) -> None:
    """Both launches find nobody listening; the lock lets only one of them become the
    running copy and the other hands over to it."""
    url = f"sqlite:///{tmp_path}/race.sqlite3"
    go = tmp_path / "go"
    script = (
        "import os, sys, time\n"
        "from PySide6.QtCore import QCoreApplication, QTimer\n"
        "from redband_desktop.ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        f"while not os.path.exists({str(go)!r}): time.sleep(0.001)\n"
        f"g = SingleInstance({url!r})\n"
        "if not g.claim(): print('handed over'); sys.exit(0)\n"
        "print('running', flush=True)\n"
        "QTimer.singleShot(3000, app.quit); app.exec(); g.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    copies = [subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               text=True) for _ in range(2)]
    import time

    time.sleep(1.5)  # both are waiting at the start line
    go.touch()
    said = sorted(p.communicate(timeout=60)[0].strip() for p in copies)
    assert said == ["handed over", "running"]
    again = SingleInstance(url)
    assert again.claim()  # the first copy ended and released everything
    again.close()
