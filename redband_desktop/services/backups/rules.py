"""Checks on what an administrator types for backups: the passphrase of an exported copy."""

from __future__ import annotations

from redband_desktop.errors import Problem, ValidationError

MIN_PASSPHRASE = 10  # with Argon2id at 64 MiB a guess costs ~0.5 s; length does the rest


def check_passphrase(passphrase: str, confirm: str | None) -> None:
    """A passphrase for a new export: long enough, and typed the same twice (`confirm`
    None: given once, from the environment)."""
    problems = []
    if len(passphrase) < MIN_PASSPHRASE:
        problems.append(Problem("passphrase", "passphrase_short", {"min": MIN_PASSPHRASE}))
    if confirm is not None and confirm != passphrase:
        problems.append(Problem("passphrase_confirm", "passphrase_mismatch"))
    if problems:
        raise ValidationError(problems)
