"""Messages and field labels of the input checks every form shares: text cleaning, dates and
numbers in range, search text. `messages.py` merges them into
its catalogues, which are what everything else reads; each code is defined in one place."""

from __future__ import annotations

INPUT_MESSAGES: dict[str, tuple[str, str]] = {
}

INPUT_FIELD_LABELS: dict[str, tuple[str, str]] = {
}
