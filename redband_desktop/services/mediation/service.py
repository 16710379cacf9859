"""People's mediation case records (人民调解案卷): register a dispute, record the
investigations, sessions, outcome, performance and follow-up visits, and close the case.

Each method is one user action in one transaction with its audit entry. Officers edit
the cases of their own district. The case number `(2026)人调字第N号` is taken inside the
write transaction (one writer at a time; a unique key on year + number backs it up).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import (
    Incident,
    MediationCase,
    MediationFollowUp,
    MediationInvestigation,
    MediationParty,
    MediationSession,
    Site,
)
from redband_desktop.domain.access import Action
from redband_desktop.domain.mediation import (
    AFTER_AGREEMENT,
    CLOSABLE,
    OPEN_STATUSES,
    OUTCOME_STATUS,
    CaseStatus,
    case_number,
    deadline,
)
from redband_desktop.errors import ConflictError, Problem
from redband_desktop.services.mediation import referral
from redband_desktop.services.mediation.detail import detail, performance_row
from redband_desktop.services.mediation.query import matching_ids, rows_by_id, totals
from redband_desktop.services.mediation.rules import (
    LONG,
    check_case,
    check_outcome,
    check_party,
    clean,
)
from redband_desktop.services.mediation.types import (
    CaseDetail,
    CaseForm,
    CaseRow,
    CaseTotals,
    FollowUpForm,
    InvestigationForm,
    MediationFilter,
    OutcomeForm,
    PartyForm,
    PerformanceForm,
    SessionForm,
)
from redband_desktop.services.shared.access import AccessControl, Actor
from redband_desktop.services.shared.audit_log import export_summary, record
from redband_desktop.services.shared.exports import Export
from redband_desktop.services.shared.register import Found
from redband_desktop.services.shared.rules import check_version, clean_text, fetch
from redband_desktop.services.shared.values import (
    a_year_after,
    checked_date,
    checked_int,
    raise_problems,
)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


_NOT_CLOSED = frozenset(CaseStatus) - {CaseStatus.CLOSED}


def _person_name(actor: Actor) -> str:
    """The name a paper may carry: an account's full name, never its user name (accounts
    made with `redband init --admin NAME` have the user name as their name)."""
    name = actor.display_name.strip()
    return "" if name.casefold() == actor.username.strip().casefold() else name


class MediationService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    # -- reading -----------------------------------------------------------------
    def search(self, f: MediationFilter | None = None, limit: int = 100) -> Found[CaseRow, CaseTotals]:
        """The case list's totals, every matching id in order and the first `limit` rows,
        in one read (see `shared.register`)."""
        self._access.require(Action.READ)
        f, today = f or MediationFilter(), self._today()
        with self._db.read() as s:
            ids = matching_ids(s, f, today)
            return Found(totals(s, f, today), rows_by_id(s, ids[:limit], today), tuple(ids))

    def rows(self, ids: list[int]) -> list[CaseRow]:
        self._access.require(Action.READ)
        with self._db.read() as s:
            return rows_by_id(s, ids, self._today())

    def case(self, case_id: int) -> CaseDetail:
        actor = self._access.require(Action.READ)
        with self._db.read() as s:
            return detail(fetch(s, MediationCase, case_id), actor.masks_personal_data, self._today())

    def for_volunteer(self, volunteer_id: int) -> list[CaseRow]:
        """Cases the volunteer mediated in (named in a session's mediators), newest first."""
        self._access.require(Action.READ)
        f = MediationFilter(volunteer_id=volunteer_id)
        with self._db.read() as s:
            return rows_by_id(s, matching_ids(s, f, self._today()), self._today())

    def figures(self) -> dict:
        """`redband stats` key "mediation": cases by status, agreements, 防止民转刑."""
        self._access.require(Action.STATS)
        with self._db.read() as s:
            by_status = dict(s.execute(select(MediationCase.status, func.count()).group_by(MediationCase.status)).all())
            agreements = s.scalar(select(func.count()).where(MediationCase.outcome_kind.in_(("written", "oral"))))
            prevented = s.scalar(select(func.count()).where(MediationCase.prevented_criminal.is_(True)))
        return {"total": sum(by_status.values()), "by_status": {st.value: by_status.get(st.value, 0) for st in CaseStatus},
                "agreements": agreements, "prevented_criminal": prevented}

    def export(self, f: MediationFilter | None = None) -> Export:
        """The filtered case book as an .xlsx workbook (台账), audited."""
        from redband_desktop.documents.xlsx import table_to_xlsx
        from redband_desktop.services.mediation import export as sheet

        self._access.require(Action.EXPORT)
        with self._db.write() as s:
            cells = sheet.rows(s, f or MediationFilter(), self._today())
            record(s, self._access, "export", "mediation", "", summary=export_summary(len(cells), False))
        return Export(table_to_xlsx(list(sheet.HEADERS), cells, sheet.SHEET), len(cells), False)

    def document(self, case_id: int, which: str, filed_by: str = "", committee: str = "") -> bytes:
        """A printed form as PDF: "agreement" 协议书, "sessions" 调解记录, "follow_ups" 回访记录
        or "file" the whole 卷宗. Printing is recorded (it carries personal data). The file's
        立卷人 is the signed-in person's name (left blank to write in when the account has
        none but its user name); the committee is `committee`, else the station's setting,
        else "<station>人民调解委员会"."""
        from redband_desktop.documents import mediation_docs, mediation_file
        from redband_desktop.services.shared.settings import COMMITTEE_KEY, read_settings
        from redband_desktop.services.station.types import default_committee

        actor = self._access.require(Action.READ)
        makers = {"agreement": mediation_docs.agreement_pdf, "sessions": mediation_docs.sessions_pdf,
                  "follow_ups": mediation_docs.follow_ups_pdf}
        if which not in (*makers, "file"):
            raise ValueError(which)
        with self._db.write() as s:
            case = detail(fetch(s, MediationCase, case_id), actor.masks_personal_data)
            settings = read_settings(s)
            committee = (committee or str(settings[COMMITTEE_KEY] or "").strip()
                         or default_committee(settings["station.name"]))
            record(s, self._access, "print", "mediation", case.id, summary=f"{case.number} {which}")
        if which == "file":
            return mediation_file.case_file_pdf(case, committee, filed_by or _person_name(actor))
        return makers[which](case, committee)

    # -- registering -------------------------------------------------------------
    def register(self, form: CaseForm) -> CaseDetail:
        """Register (受理) a dispute: a new number for its year, due one month later."""
        self._access.require(Action.EDIT, form.district_id)
        with self._db.write() as s:
            c = _new_case(s, check_case(s, form, self._today()))
            record(s, self._access, "create", "mediation", c.id, {"number": [None, c.number]}, c.summary)
            return detail(c, False, self._today())

    def register_from_incident(self, incident_id: int, registered_on: date | None = None) -> CaseDetail:
        """A dispute incident referred by the police (公安机关移交) becomes a case in one step:
        linked to the incident, its place, summary and facts filled in, and its caller (when
        not confidential) the applicant. Refused for other incidents and for one already
        referred."""
        actor = self._access.require(Action.EDIT)
        today = self._today()
        problems: list[Problem] = []
        on = checked_date(registered_on or today, "registered_on", problems, a_year_after(today))
        raise_problems(problems)
        with self._db.write() as s:
            incident = fetch(s, Incident, incident_id)
            self._access.require(Action.EDIT, incident.district_id)
            referral.check_referable(s, incident, on)
            site = s.get(Site, incident.site_id) if incident.site_id else None
            form = referral.case_form(incident, site.name if site else "", on, actor.display_name)
            c = _new_case(s, check_case(s, form, today))
            party = referral.caller_party(incident, today)
            if party is not None:
                c.parties.append(MediationParty(**{**asdict(party), "role": party.role.value}))
            s.flush()
            record(s, self._access, "create", "mediation", c.id,
                   {"number": [None, c.number], "incident": [None, incident.number]}, c.summary)
            return detail(c, False, self._today())

    def update(self, case_id: int, version: int, form: CaseForm) -> CaseDetail:
        with self._db.write() as s:
            c = self._editable(s, case_id)
            self._access.require_move(Action.EDIT, c.district_id, form.district_id)
            check_version(c, version, s, "mediation")
            form = check_case(s, form, self._today(), c.id)
            before = {k: getattr(c, k) for k in _case_values(form)}
            for k, v in _case_values(form).items():
                setattr(c, k, v)
            if c.registered_on != before["registered_on"]:
                c.deadline = deadline(c.registered_on) + (c.deadline - deadline(before["registered_on"]))
            changes = {k: [_json(before[k]), _json(v)] for k, v in _case_values(form).items() if before[k] != v}
            s.flush()
            record(s, self._access, "update", "mediation", c.id, changes, c.number)
            return detail(c, False, self._today())

    # -- the file grows ----------------------------------------------------------
    def add_party(self, case_id: int, form: PartyForm) -> CaseDetail:
        """A party joins before the outcome (an agreement names its parties)."""
        form = check_party(form, self._today())
        with self._db.write() as s:
            c = self._editable(s, case_id, OPEN_STATUSES)
            c.parties.append(MediationParty(**{**asdict(form), "role": form.role.value, "id_type": form.id_type.value}))
            return self._saved(s, c, "party", f"{form.role.zh} {form.name}")

    def remove_party(self, case_id: int, party_id: int) -> CaseDetail:
        with self._db.write() as s:
            c = self._editable(s, case_id)
            party = next((p for p in c.parties if p.id == party_id), None)
            if party is None or c.outcome_kind:
                raise ConflictError("mediation_wrong_stage", status=CaseStatus(c.status).zh)
            c.parties.remove(party)
            return self._saved(s, c, "party.remove", party.name)

    def add_investigation(self, case_id: int, form: InvestigationForm) -> CaseDetail:
        form = clean(form, self._today(), ("findings",))
        with self._db.write() as s:
            c = self._editable(s, case_id, OPEN_STATUSES)
            c.investigations.append(MediationInvestigation(**asdict(form)))
            if c.status == CaseStatus.REGISTERED.value:
                c.status = CaseStatus.INVESTIGATING.value
            return self._saved(s, c, "investigation", form.place)

    def add_session(self, case_id: int, form: SessionForm) -> CaseDetail:
        form = clean(form, self._today(), ("mediators",))
        with self._db.write() as s:
            c = self._editable(s, case_id, OPEN_STATUSES)
            ids = ",".join(str(i) for i in form.mediator_ids)
            c.sessions.append(MediationSession(**{**asdict(form), "mediator_ids": ids}))
            c.status = CaseStatus.MEDIATING.value
            return self._saved(s, c, "session", f"{form.held_at:%Y-%m-%d %H:%M} {form.place}")

    def extend(self, case_id: int, days: int, reason: str) -> CaseDetail:
        """Both parties agreed to take longer (当事人同意延长): move the deadline."""
        problems: list[Problem] = []
        reason = clean_text(reason, "extension_reason", LONG, required=True, multiline=True, problems=problems)
        days = checked_int(days, "days", problems, 1, 90)
        if days is None and not problems:
            problems.append(Problem("days", "required"))
        raise_problems(problems)
        with self._db.write() as s:
            c = self._editable(s, case_id, OPEN_STATUSES)
            old = c.deadline
            c.deadline, c.extended = old + timedelta(days=days), True
            c.extension_reason = (c.extension_reason + "\n" + reason).strip()
            s.flush()
            record(s, self._access, "extend", "mediation", c.id, {"deadline": [old, c.deadline]}, reason)
            return detail(c, False, self._today())

    def record_outcome(self, case_id: int, form: OutcomeForm) -> CaseDetail:
        """Agreement (written or oral), failure or withdrawal; refused while parties are missing."""
        with self._db.write() as s:
            c = self._editable(s, case_id, OPEN_STATUSES)
            form = check_outcome(form, list(c.parties), self._today())
            values = asdict(form)
            c.outcome_kind, c.outcome_on = form.kind.value, values.pop("on")
            values.pop("kind")
            for k, v in values.items():
                setattr(c, k, v)
            c.status = OUTCOME_STATUS[form.kind].value
            return self._saved(s, c, "outcome", form.kind.zh, {"status": [None, c.status]})

    def record_performance(self, case_id: int, form: PerformanceForm) -> CaseDetail:
        form = clean(form, self._today())
        with self._db.write() as s:
            c = self._editable(s, case_id, AFTER_AGREEMENT)
            c.performances.append(performance_row(c.id, form))
            if c.status == CaseStatus.AGREED.value:
                c.status = CaseStatus.PERFORMING.value
            return self._saved(s, c, "performance", form.status.zh)

    def add_follow_up(self, case_id: int, form: FollowUpForm) -> CaseDetail:
        form = clean(form, self._today())
        with self._db.write() as s:
            c = self._editable(s, case_id, AFTER_AGREEMENT)
            c.follow_ups.append(MediationFollowUp(**asdict(form)))
            c.status = CaseStatus.FOLLOW_UP.value
            return self._saved(s, c, "follow_up", f"{form.visited_on} {form.party}")

    def close(self, case_id: int, on: date | None = None) -> CaseDetail:
        """Close the file (结案) once it has an outcome."""
        with self._db.write() as s:
            c = self._editable(s, case_id, CLOSABLE)
            c.status, c.closed_on = CaseStatus.CLOSED.value, on or self._today()
            return self._saved(s, c, "close", c.number, {"status": [None, c.status]})

    # -- helpers -----------------------------------------------------------------
    def _editable(self, s: Session, case_id: int, stages=None) -> MediationCase:  # noqa: ANN001
        """The case, if the user may edit it and it is at one of `stages` (default: any
        stage but closed — a closed file (结案) is kept as it was closed)."""
        c = fetch(s, MediationCase, case_id)
        self._access.require(Action.EDIT, c.district_id)
        if CaseStatus(c.status) not in (stages or _NOT_CLOSED):
            raise ConflictError("mediation_wrong_stage", status=CaseStatus(c.status).zh)
        return c

    def _saved(self, s: Session, c: MediationCase, what: str, summary: str, changes=None) -> CaseDetail:  # noqa: ANN001
        s.flush()
        record(s, self._access, f"mediation.{what}", "mediation", c.id, changes, f"{c.number} {summary}")
        return detail(c, False, self._today())


def _case_values(form: CaseForm) -> dict:
    values = asdict(form)
    values.update(source=form.source.value, dispute_type=form.dispute_type.value)
    return values


def _new_case(s: Session, form: CaseForm) -> MediationCase:
    """A registered case with the next number of its year, due one month later."""
    year = form.registered_on.year
    seq = (s.scalar(select(func.max(MediationCase.seq)).where(MediationCase.year == year)) or 0) + 1
    c = MediationCase(year=year, seq=seq, number=case_number(year, seq), status=CaseStatus.REGISTERED.value,
                      deadline=deadline(form.registered_on), **_case_values(form))
    s.add(c)
    s.flush()
    return c

