"""Password rules for station accounts: long enough, mixed, and not the user name.

Hashing (Argon2id) lives in the accounts service; this module only judges strength.
"""

from __future__ import annotations

from redband_desktop.errors import Problem, ValidationError

MIN_LENGTH = 8


def password_problem(password: str, username: str, field: str = "password") -> Problem | None:
    if len(password) < MIN_LENGTH:
        return Problem(field, "password_short", {"min": MIN_LENGTH})
    kinds = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if kinds < 3:
        return Problem(field, "password_weak")
    if username and username.lower() in password.lower():
        return Problem(field, "password_has_username")
    return None


def check_password(password: str, username: str, field: str = "password") -> None:
    problem = password_problem(password, username, field)
    if problem:
        raise ValidationError([problem])
