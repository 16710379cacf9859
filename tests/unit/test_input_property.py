"""Issue #13 item 17, as a property: whatever text a clerk types or pastes — control
characters, bidirectional overrides, lone surrogates, decomposed accents, any script —
into any free-text field of any form is either stored clean or refused with a field-level
ValidationError, and afterwards every export and the printed case file still work."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from redband_desktop.domain.mediation import (
    CaseSource,
    DisputeType,
    OutcomeKind,
    PartyRole,
    Performance,
)
from redband_desktop.errors import ValidationError
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.clues.types import ClueFilter, ClueForm
from redband_desktop.services.incidents.types import IncidentFilter, IncidentForm
from redband_desktop.services.mediation.types import (
    CaseForm,
    FollowUpForm,
    InvestigationForm,
    OutcomeForm,
    PartyForm,
    PerformanceForm,
    SessionForm,
)
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NASTY = ["\x00", "\x07", "\x08", "\t", "\n", "\r", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",
         "\ufeff", "\ufffe", "\uffff", "\ud800", "\udfff", "\ud83d", "\ude00", "\u0301", "e", "\u3000", " ", "%", "_",
         "\\", "张", "洁", "·", *sorted(BIDI)]
chars = st.one_of(st.sampled_from(NASTY), st.characters(exclude_categories=()))  # surrogates included
texts = st.text(chars, max_size=40)
AT = datetime(2026, 3, 8, 21, 15)
SERIAL = count()


@pytest.fixture
def market(services, place):  # noqa: ANN001, ANN201
    return services.structure.create_site(place["district"].id, "market", "大商汇")


def _stored_clean(value: str, multiline: bool = False) -> None:
    """What the database holds: no control character (but newlines in a multi-line field),
    no bidi formatting, no surrogate, NFC, no white space at either end."""
    for ch in value:
        kind = unicodedata.category(ch)
        assert kind != "Cs" and ch not in BIDI and ch not in "\ufeff\ufffe\uffff", repr(value)
        assert kind != "Cc" or (multiline and ch == "\n"), repr(value)
    assert unicodedata.is_normalized("NFC", value) and value == value.strip()


def _attempt(call):  # noqa: ANN001, ANN202
    """The call's result, or None when it was refused field by field (never anything else)."""
    try:
        return call()
    except ValidationError as exc:
        assert exc.problems and all(p.field for p in exc.problems)
        return None


def _incident_and_clue(services, place, a: str, b: str) -> None:  # noqa: ANN001
    d = place["district"].id
    found = _attempt(lambda: services.incidents.create(IncidentForm(
        received_at=AT, category="dispute", district_id=d, caller_name=a, location=b, summary=a + b,
        handling_officer=b)))
    if found is not None:
        f = found.form
        for value in (f.caller_name, f.location, f.handling_officer):
            _stored_clean(value)
        _stored_clean(f.summary, multiline=True)
    clue = _attempt(lambda: services.clues.create(ClueForm(
        reporter_id=place["volunteer"], reported_at=AT, district_id=d, clue_type="other", location=a,
        content="见" + b)))
    if clue is not None:
        _stored_clean(clue.form.location)
        _stored_clean(clue.form.content, multiline=True)
        clue = _attempt(lambda: services.clues.verify(clue.id, clue.version, a)) or clue
        clue = _attempt(lambda: services.clues.transfer(clue.id, clue.version, "派出所" + b)) or clue
        clue = _attempt(lambda: services.clues.record_feedback(clue.id, clue.version, "已" + a)) or clue
        for value in (clue.verify_note, clue.transferred_to, clue.feedback):
            _stored_clean(value, multiline=True)


def _mediation(services, place, a: str, b: str) -> int | None:  # noqa: ANN001
    case = _attempt(lambda: services.mediation.register(CaseForm(
        date(2026, 11, 2), CaseSource.APPLIED, DisputeType.OTHER, "纠纷" + a, b, place["district"].id,
        registrar=a, mediators=b)))
    if case is None:
        return None
    steps = (
        lambda: services.mediation.add_party(case.id, PartyForm(PartyRole.APPLICANT, "甲" + a, ethnicity=b,
                                                                 occupation=a, address=b, agent=a)),
        lambda: services.mediation.add_party(case.id, PartyForm(PartyRole.RESPONDENT, "乙" + b)),
        lambda: services.mediation.add_investigation(case.id, InvestigationForm(date(2026, 11, 3), a, b, a, "查" + b)),
        lambda: services.mediation.add_session(case.id, SessionForm(datetime(2026, 11, 5, 9), b, "张明" + a,
                                                                    participants=a, statements=b, result=a)),
        lambda: services.mediation.record_outcome(case.id, OutcomeForm(OutcomeKind.WRITTEN, date(2026, 11, 20),
                                                                       "赔偿" + a, b, perform_place=a,
                                                                       referred_to=b)),
        lambda: services.mediation.record_performance(case.id, PerformanceForm(Performance.FULFILLED,
                                                                               date(2026, 11, 25), a)),
        lambda: services.mediation.add_follow_up(case.id, FollowUpForm(date(2026, 11, 28), a, b, True,
                                                                       escalation_signs=a, notes=b)),
    )
    for step in steps:
        if _attempt(step) is None:
            break  # each step needs the ones before it (no outcome refused, no performance)
    detail = services.mediation.case(case.id)
    for party in detail.parties:
        for name in ("name", "ethnicity", "occupation", "address", "agent"):
            _stored_clean(getattr(party.form, name))
    _stored_clean(detail.form.facts, multiline=True)
    if detail.outcome is not None:
        _stored_clean(detail.outcome.terms, multiline=True)
        _stored_clean(detail.outcome.referred_to)
    return case.id


def _people_and_places(services, place, a: str, b: str) -> None:  # noqa: ANN001
    v = services.roster.get(place["volunteer"])
    form = VolunteerForm(name=v.name + a, id_number=None, phone=v.phone, address=a, emergency_name=b, notes=a + b,
                         political_status=v.political_status.value, background=v.background.value,
                         site_id=v.site_id, joined_on=v.joined_on)
    saved = _attempt(lambda: services.roster.update(v.id, v.version, form))
    if saved is not None:
        _stored_clean(saved.volunteer.name)
        _stored_clean(saved.volunteer.address)
        _stored_clean(saved.volunteer.notes, multiline=True)
    site = services.sites.site(place["compound"].id)
    edited = _attempt(lambda: services.sites.update_site(site.id, site.version, replace(
        site.form, address=a, property_company=b, notes=a + b)))
    if edited is not None:
        _stored_clean(edited.form.address)
        _stored_clean(edited.form.notes, multiline=True)
    n = next(SERIAL)
    _attempt(lambda: services.structure.create_district(f"片区{n}{a}", officer_name=b))
    _attempt(lambda: services.places.add_zone(place["market"].id, f"区{n}{b}"))
    _attempt(lambda: services.accounts.create_user(UserForm(f"user{n}", "职员" + a, b, "viewer"),
                                                   "Clerk#2026x", "Clerk#2026x"))
    _attempt(lambda: services.station.update_station("金家河派出所" + a, "JJH", b))
    card = services.cards.settings()
    _attempt(lambda: services.cards.update_settings(replace(card, title="志愿者证" + a, duties=b, return_text=a)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(a=texts, b=texts)
def test_any_text_in_any_form_is_stored_clean_or_refused_and_everything_exports(services, place, market,
                                                                                a, b) -> None:  # noqa: ANN001
    place = {**place, "market": market}
    _incident_and_clue(services, place, a, b)
    case_id = _mediation(services, place, a, b)
    _people_and_places(services, place, a, b)
    for export in (services.incidents.export(IncidentFilter(text=a)), services.clues.export(ClueFilter()),
                   services.incidents.export(IncidentFilter()), services.mediation.export(),
                   services.roster.export(RosterFilter()), services.audit.export(AuditFilter(text=b))):
        assert load_workbook(io.BytesIO(export.data)).active.max_row >= 1
    if case_id is not None:
        assert services.mediation.document(case_id, "file").startswith(b"%PDF")
