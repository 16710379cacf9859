"""Messages and field labels of data safety: storage, backups and their encryption, the audit
trail and `redband check`. `messages.py` merges them into
its catalogues, which are what everything else reads; each code is defined in one place."""

from __future__ import annotations

SAFETY_MESSAGES: dict[str, tuple[str, str]] = {
}

SAFETY_FIELD_LABELS: dict[str, tuple[str, str]] = {
}
