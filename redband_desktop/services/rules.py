"""Rules every service applies the same way: free text is trimmed and bounded, and an
edit made on a stale copy of a record is refused instead of overwriting someone's work."""

from __future__ import annotations

from redband_desktop.errors import ConflictError, Problem, ValidationError


def clean_text(raw: str | None, field: str, max_len: int, required: bool = False) -> str:
    """Trim and collapse white space; raise a field-level error when empty or too long."""
    text = " ".join((raw or "").split())
    problem = text_problem(text, field, max_len, required)
    if problem:
        raise ValidationError([problem])
    return text


def text_problem(text: str, field: str, max_len: int, required: bool = False) -> Problem | None:
    if required and not text:
        return Problem(field, "required")
    if len(text) > max_len:
        return Problem(field, "too_long", {"max": max_len})
    return None


def check_version(record, expected: int) -> None:  # noqa: ANN001 - any Tracked model
    """Refuse to change a record that someone else saved after the form was opened."""
    if record.version != expected:
        raise ConflictError(
            "stale_edit",
            changed=f"{record.updated_at:%Y-%m-%d %H:%M}, v{expected}→v{record.version}",
        )
