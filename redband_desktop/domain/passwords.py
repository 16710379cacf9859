"""Password rules for station accounts: long enough, mixed, not the user name, not one of
the commonest passwords, and not made long or "mixed" by spaces at either end.

Hashing (Argon2id) lives in the accounts service; this module only judges strength. The
list below is short on purpose: the passwords that pass the length and mix rules and are
still among the first tried by anyone guessing (international lists and the ones common on
Chinese sites), compared without regard to case.
"""

from __future__ import annotations

from redband_desktop.errors import Problem, ValidationError

MIN_LENGTH = 8

COMMON_PASSWORDS = frozenset(p.lower() for p in (
    "Password1", "Password12", "Password123", "Password1!", "Password@1", "Password@123", "Passw0rd",
    "Passw0rd!", "P@ssw0rd", "P@ssword1", "P@ssw0rd1", "P@ssw0rd123", "Qwerty123", "Qwerty1!", "Qwerty@123",
    "Qwer1234", "Qwe123456", "Qwe@1234", "Aa123456", "Aa1234567", "Aa12345678", "Aa123456789", "Aa123123",
    "Aa112233", "Aa666666", "Aa888888", "Abc12345", "Abc123456", "Abc@1234", "Abc@123456", "Abcd1234",
    "Abcd@1234", "Admin123", "Admin@123", "Admin1234", "Admin@1234", "Admin@12345", "Root@123", "Test@123",
    "Test1234", "Welcome1", "Welcome123", "Welcome@1", "Changeme1", "Changeme123", "Letmein1", "Iloveyou1",
    "Woaini1314", "Woaini520", "Qq123456", "Zz123456", "Sa123456", "Asdf1234", "Asd@1234", "Zxcv1234",
    "Zxc@1234", "1qaz@WSX", "1qaz!QAZ", "1QAZ2wsx", "Zaq12wsx", "Zaq1@wsx", "Qaz123456", "Huawei123",
    "Huawei@123", "Redband123", "Redband@123",
))


def password_problem(password: str, username: str, field: str = "password") -> Problem | None:
    core = password.strip()
    if core != password and _weak(core):  # the spaces at the ends made it pass
        return Problem(field, "password_padded", {"min": MIN_LENGTH})
    if len(password) < MIN_LENGTH:
        return Problem(field, "password_short", {"min": MIN_LENGTH})
    if _kinds(password) < 3:
        return Problem(field, "password_weak")
    if core.lower() in COMMON_PASSWORDS:
        return Problem(field, "password_common")
    if username and username.lower() in password.lower():
        return Problem(field, "password_has_username")
    return None


def _kinds(password: str) -> int:
    return sum((
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    ))


def _weak(core: str) -> bool:
    return len(core) < MIN_LENGTH or _kinds(core) < 3


def check_password(password: str, username: str, field: str = "password") -> None:
    problem = password_problem(password, username, field)
    if problem:
        raise ValidationError([problem])
