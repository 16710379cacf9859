"""The incident register (警情登记): record, edit, close and reopen incidents, search
them with totals, and export the filtered set to Excel.

Every action checks the signed-in user's rights first (edits: the incident's district)
and writes its audit entry in the same transaction. Caller phones are masked for users
who may not see personal data, and in exports unless a full export is allowed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import District, MediationCase, Site
from redband_desktop.db.models.base import now
from redband_desktop.db.models.incidents import Incident, IncidentVolunteer
from redband_desktop.domain.access import Action
from redband_desktop.domain.incidents import IncidentOutcome, IncidentStatus
from redband_desktop.domain.phone import mask_phone
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.incidents.export import EXPORT_HEADERS, export_rows
from redband_desktop.services.incidents.query import (
    filtered,
    matching_ids,
    rows_by_id,
    summary,
)
from redband_desktop.services.incidents.rules import allocate_number, checked_form
from redband_desktop.services.incidents.types import (
    IncidentDetail,
    IncidentFilter,
    IncidentForm,
    IncidentRow,
    IncidentSummary,
    VolunteerIncident,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import diff, export_summary, record
from redband_desktop.services.shared.exports import Export
from redband_desktop.services.shared.register import Found
from redband_desktop.services.shared.rules import check_version, clean_text, fetch
from redband_desktop.services.shared.values import checked_date, raise_problems

FORM_FIELDS = tuple(f for f in IncidentForm.__dataclass_fields__ if f != "volunteers")


class IncidentService:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access

    def create(self, form: IncidentForm) -> IncidentDetail:
        self._access.require(Action.EDIT, form.district_id)
        with self._db.write() as s:
            clean = checked_form(s, form, now())
            row = Incident(number=allocate_number(s, clean.received_at.year), status=IncidentStatus.OPEN,
                           outcome="", **{k: getattr(clean, k) for k in FORM_FIELDS})
            row.volunteers = [IncidentVolunteer(volunteer_id=v, role=r) for v, r in dict.fromkeys(clean.volunteers)]
            s.add(row)
            s.flush()
            record(s, self._access, "create", "incident", row.id, diff({}, _snapshot(row)), row.number)
            return _detail(s, row)

    def update(self, incident_id: int, version: int, form: IncidentForm) -> IncidentDetail:
        self._access.require(Action.EDIT, form.district_id)
        with self._db.write() as s:
            row = fetch(s, Incident, incident_id)
            self._access.require(Action.EDIT, row.district_id)
            check_version(row, version, s, "incident")
            clean = checked_form(s, form, now())
            before = _snapshot(row)
            for k in FORM_FIELDS:
                setattr(row, k, getattr(clean, k))
            wanted = list(dict.fromkeys(clean.volunteers))
            if wanted != [(v.volunteer_id, v.role) for v in row.volunteers]:
                row.volunteers = [IncidentVolunteer(volunteer_id=v, role=r) for v, r in wanted]
            s.flush()
            changes = diff(before, _snapshot(row))
            if changes:
                record(s, self._access, "update", "incident", row.id, changes, row.number)
            return _detail(s, row)

    def get(self, incident_id: int) -> IncidentDetail:
        user = self._access.require(Action.READ)
        with self._db.read() as s:
            return _detail(s, fetch(s, Incident, incident_id), user.masks_personal_data)

    def close(self, incident_id: int, version: int, outcome: str, closed_at: datetime | None = None) -> IncidentDetail:
        """Close with an outcome (required); the closing time defaults to now."""
        with self._db.write() as s:
            row = fetch(s, Incident, incident_id)
            self._access.require(Action.EDIT, row.district_id)
            check_version(row, version, s, "incident")
            when = _check_close(row, outcome, closed_at, now())
            before = _snapshot(row)
            row.status, row.outcome, row.closed_at = IncidentStatus.CLOSED, outcome, when
            s.flush()
            record(s, self._access, "status", "incident", row.id, diff(before, _snapshot(row)),
                   f"{row.number}: {IncidentOutcome(outcome).zh}")
            return _detail(s, row)

    def reopen(self, incident_id: int, version: int, reason: str) -> IncidentDetail:
        problems: list[Problem] = []
        why = clean_text(reason, "reason", 200, problems=problems)
        with self._db.write() as s:
            row = fetch(s, Incident, incident_id)
            self._access.require(Action.EDIT, row.district_id)
            check_version(row, version, s, "incident")
            if not why:
                problems.append(Problem("reason", "reason_required"))
            if row.status != IncidentStatus.CLOSED:
                problems.append(Problem("status", "status_unchanged", {"status": IncidentStatus(row.status).zh}))
            if problems:
                raise ValidationError(problems)
            before = _snapshot(row)
            row.status, row.outcome, row.closed_at = IncidentStatus.OPEN, "", None
            s.flush()
            record(s, self._access, "status", "incident", row.id, diff(before, _snapshot(row)), f"{row.number}: {why}")
            return _detail(s, row)

    def search(self, f: IncidentFilter, limit: int = 100) -> Found[IncidentRow, IncidentSummary]:
        """The register's totals, every matching id in order and the first `limit` rows,
        in one read (see `shared.register`)."""
        masked = self._access.require(Action.READ).masks_personal_data
        with self._db.read() as s:
            ids = matching_ids(s, f, masked)
            return Found(summary(s, f, masked), rows_by_id(s, ids[:limit]), tuple(ids))

    def rows(self, ids: list[int]) -> list[IncidentRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return rows_by_id(s, ids)

    def for_volunteer(self, volunteer_id: int) -> list[VolunteerIncident]:
        """The incidents a volunteer reported or helped with, newest first (their page)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            links = s.execute(select(IncidentVolunteer.incident_id, IncidentVolunteer.role)
                              .where(IncidentVolunteer.volunteer_id == volunteer_id)).all()
            roles: dict[int, list[str]] = {}
            for incident_id, role in links:
                roles.setdefault(incident_id, []).append(role)
            rows = rows_by_id(s, list(roles))
        rows.sort(key=lambda r: (r.received_at, r.id), reverse=True)
        return [VolunteerIncident(r, tuple(roles[r.id])) for r in rows]

    def export(self, f: IncidentFilter, full: bool = False) -> Export:
        """The filtered incidents as an .xlsx workbook (caller phones masked unless `full`)."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        self._access.require(Action.EXPORT_FULL if full else Action.EXPORT)
        with self._db.write() as s:
            rows = export_rows(s, filtered, f, full)
            record(s, self._access, "export", "incident", "", summary=export_summary(len(rows), full))
        return Export(table_to_xlsx(list(EXPORT_HEADERS), rows, "警情登记"), len(rows), full)


def _check_close(row: Incident, outcome: str, closed_at: object, moment: datetime) -> datetime:
    """The closing time (default: now), after the call and not in the future, or every problem."""
    problems: list[Problem] = []
    if not isinstance(outcome, str) or outcome not in {m.value for m in IncidentOutcome}:
        problems.append(Problem("outcome", "required"))
    if row.status == IncidentStatus.CLOSED:
        problems.append(Problem("status", "status_unchanged", {"status": IncidentStatus.CLOSED.zh}))
    when = moment if closed_at is None else checked_date(closed_at, "closed_at", problems, moment.date(),
                                                         with_time=True, late_code="in_future")
    if when is not None and when < row.received_at:
        problems.append(Problem("closed_at", "closed_before_received"))
    elif when is not None and when > moment:
        problems.append(Problem("closed_at", "in_future"))
    raise_problems(problems)
    return when


def _snapshot(row: Incident) -> dict:
    out = {k: getattr(row, k) for k in (*FORM_FIELDS, "status", "outcome", "closed_at")}
    out["caller_phone"] = mask_phone(row.caller_phone) if row.caller_phone else ""
    out["loss_yuan"] = str(row.loss_yuan) if row.loss_yuan is not None else None
    out["volunteers"] = sorted(f"{v.volunteer_id}:{v.role}" for v in row.volunteers)
    return out


def _detail(s: Session, row: Incident, masked: bool = False) -> IncidentDetail:
    form = IncidentForm(**{k: getattr(row, k) for k in FORM_FIELDS},
                        volunteers=tuple((v.volunteer_id, v.role) for v in row.volunteers))
    if masked and row.caller_confidential:  # neither the name nor the phone, not even masked
        form = replace(form, caller_name="", caller_phone="")  # caller_confidential says why
    elif masked and form.caller_phone:
        form = replace(form, caller_phone=mask_phone(form.caller_phone))
    site = s.get(Site, row.site_id) if row.site_id else None
    cases = s.execute(select(MediationCase.id, MediationCase.number).where(MediationCase.incident_id == row.id)
                      .order_by(MediationCase.id)).all()
    return IncidentDetail(row.id, row.number, row.version, form, row.status, row.outcome, row.closed_at,
                          s.get(District, row.district_id).name, site.name if site else "",
                          {v.volunteer_id: v.volunteer.name for v in row.volunteers},
                          tuple((c.id, c.number) for c in cases))
