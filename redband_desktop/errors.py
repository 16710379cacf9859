"""Expected failures the user can act on.

Every error carries a message *code* and parameters rather than finished text, so the
GUI, the CLI and exports can render it in Chinese or English from one catalogue
(`redband_desktop.messages`). Anything that is not a `RedbandError` is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) with one field of a form."""

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "zh_CN") -> str:
        from redband_desktop.messages import field_label, render

        sep = "：" if lang.startswith("zh") else ": "
        return f"{field_label(self.field, lang)}{sep}{render(self.code, self.params, lang)}"

    def text(self, lang: str = "zh_CN") -> str:
        """The problem without the field name (for a label under the field itself)."""
        from redband_desktop.messages import render

        return render(self.code, self.params, lang)


class RedbandError(Exception):
    """Base of every expected failure."""

    code = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh_CN") -> str:
        from redband_desktop.messages import render

        return render(self.code, self.params, lang)


class ValidationError(RedbandError):
    """One or more fields are wrong; nothing was saved."""

    code = "validation_failed"

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        RedbandError.__init__(self, "validation_failed", count=len(self.problems))

    def message(self, lang: str = "zh_CN") -> str:
        return "\n".join(p.message(lang) for p in self.problems)

    def field_messages(self, lang: str = "zh_CN") -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.problems:
            out[p.field] = out[p.field] + "；" + p.text(lang) if p.field in out else p.text(lang)
        return out

    @classmethod
    def single(cls, field_name: str, code: str, **params: Any) -> ValidationError:
        return cls([Problem(field_name, code, params)])


class NotFoundError(RedbandError):
    code = "not_found"


class ConflictError(RedbandError):
    """The record changed since the form was opened (stale version) or a unique key clashes."""

    code = "conflict"


class PermissionDenied(RedbandError):
    code = "permission_denied"


class DatabaseError(RedbandError):
    """The database file cannot be used as it is (newer version, corrupt, locked, read-only)."""

    code = "database_error"
