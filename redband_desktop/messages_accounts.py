"""Messages and field labels of accounts and rights: sign-in, passwords, district scope,
masking and `redband users`. `messages.py` merges them into
its catalogues, which are what everything else reads; each code is defined in one place."""

from __future__ import annotations

ACCOUNT_MESSAGES: dict[str, tuple[str, str]] = {
}

ACCOUNT_FIELD_LABELS: dict[str, tuple[str, str]] = {
}
