"""Rules every service applies the same way: free text is cleaned and bounded, an edit
made on a stale copy of a record is refused instead of overwriting someone's work, a place
(district → site → building or zone) must hang together, and per-year record numbers are
handed out inside the saving transaction."""

from __future__ import annotations

import json

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from redband_desktop.db.models import AuditEntry, Building, District, MarketZone, Site
from redband_desktop.domain.text import clean
from redband_desktop.errors import ConflictError, NotFoundError, Problem, ValidationError
from redband_desktop.messages import field_label
from redband_desktop.services.shared.values import checked_id


def clean_text(raw: object, field: str, max_len: int, required: bool = False, multiline: bool = False,
               problems: list[Problem] | None = None) -> str:
    """The one way free text of a form enters the database: cleaned (`domain.text.clean`:
    control and bidi-format characters and lone surrogates removed, NFC, white space
    trimmed and — unless `multiline` — collapsed to single spaces), then checked for
    presence and length. A problem is appended to `problems` when a list is given (a form
    collecting all its problems), otherwise raised as a ValidationError."""
    text = clean(raw, multiline)
    problem = text_problem(text, field, max_len, required)
    if problem is not None:
        if problems is None:
            raise ValidationError([problem])
        problems.append(problem)
    return text


def text_problem(text: str, field: str, max_len: int, required: bool = False) -> Problem | None:
    """Presence and length of text that is already clean (`clean_text` does both)."""
    if required and not text:
        return Problem(field, "required")
    if len(text) > max_len:
        return Problem(field, "too_long", {"max": max_len})
    return None


def check_version(record, expected: int, session: Session | None = None, entity: str = "") -> None:  # noqa: ANN001
    """Refuse to change a record that someone else saved after the form was opened,
    saying who changed it, when, and which fields (from the audit trail)."""
    if record.version == expected:
        return
    entries = changes_since(session, entity, record.id, record.version - expected) if session else []
    fields = sorted({f for e in entries for f in json.loads(e.changes or "{}")})
    latest = entries[0] if entries else None
    raise ConflictError(
        "stale_edit",
        who=latest.username if latest else "?",
        when=f"{(latest.at if latest else record.updated_at):%Y-%m-%d %H:%M}",
        fields_zh="、".join(field_label(f, "zh_CN") for f in fields) or "—",
        fields_en=", ".join(field_label(f, "en") for f in fields) or "—",
    )


def changes_since(session: Session, entity: str, entity_id: int, count: int) -> list:
    """The `count` most recent recorded changes of one record, newest first."""
    q = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id),
               AuditEntry.action.in_(("update", "status", "rename", "user.update")))
        .order_by(AuditEntry.id.desc())
        .limit(max(count, 1))
    )
    return list(session.scalars(q))


def require_unique_name(session: Session, model, name: str, exclude_id: int | None = None) -> None:  # noqa: ANN001
    """Refuse a district or site name that another record of the same kind already has."""
    q = select(model.id).where(model.name == name)
    if exclude_id is not None:
        q = q.where(model.id != exclude_id)
    if session.scalar(q) is not None:
        raise ValidationError([Problem("name", "name_taken", {"name": name})])


def natural_key(label: str) -> tuple:
    """Sort "2栋" before "10栋"."""
    digits = "".join(ch for ch in label if ch.isdigit())
    return (int(digits) if digits else 10**9, label)


def fetch(session: Session, model, ident: int):  # noqa: ANN001, ANN201 - any mapped class
    """The record with this id, or NotFoundError."""
    obj = session.get(model, ident)
    if obj is None:
        raise NotFoundError(what=model.__tablename__, id=ident)
    return obj


PLACE_FIELDS = ("district_id", "site_id", "building_id", "zone_id")


def place_problems(s: Session, form, district_required: bool = True) -> list[Problem]:  # noqa: ANN001 - a placed form
    """The ids are ids; the district exists (and is required unless told otherwise, but a
    site always needs one); a site belongs to it; a building or zone belongs to the site
    (incidents, clues and mediation cases are placed the same way; a form without
    building or zone fields has none)."""
    bad: list[Problem] = []
    for name in PLACE_FIELDS:
        checked_id(getattr(form, name, None), name, bad)
    if bad:
        return bad
    if form.district_id is None and not district_required and form.site_id is None:
        return []
    if form.district_id is None or s.get(District, form.district_id) is None:
        return [Problem("district_id", "required")]
    site = s.get(Site, form.site_id) if form.site_id else None
    if form.site_id and (site is None or site.district_id != form.district_id):
        return [Problem("site_id", "site_district_mismatch")]
    out = []
    for name, model in (("building_id", Building), ("zone_id", MarketZone)):
        ident = getattr(form, name, None)
        if ident and (site is None or getattr(s.get(model, ident), "site_id", None) != site.id):
            out.append(Problem(name, "building_site_mismatch"))
    return out


def next_in_year(s: Session, counter_model, year: int, lock_key: int) -> int:  # noqa: ANN001 - a counter table
    """The next sequence number of `year` from a (year, last) counter table, taken inside
    the caller's write transaction: SQLite's BEGIN IMMEDIATE already holds the write lock;
    on PostgreSQL an advisory lock serialises the first number of a year too."""
    if s.bind.dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key})
    counter = s.get(counter_model, year, with_for_update=True)
    if counter is None:
        counter = counter_model(year=year, last=0)
        s.add(counter)
    counter.last += 1
    s.flush()
    return counter.last
