"""Logging to a rotating file in the user's log folder (and stderr for the CLI).

Uncaught exceptions are logged with their traceback before anything else happens, so a
crash report is never lost even if showing the crash dialog fails.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "redband.log"


def setup_logging(log_dir: Path, level: int = logging.INFO, to_stderr: bool = False) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)
    return path


def install_excepthook(show: Callable[[BaseException], None] | None = None) -> None:
    """Log every uncaught exception; then let `show` tell the user (crash dialog)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("redband.crash").critical("uncaught exception", exc_info=(kind, exc, tb))
        if show is not None and not issubclass(kind, KeyboardInterrupt):
            try:
                show(exc)
            except Exception:  # noqa: BLE001 - the hook must never raise
                logging.getLogger("redband.crash").exception("crash dialog failed")

    sys.excepthook = hook
