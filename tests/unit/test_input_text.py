"""Issue #13 item 17: free text is cleaned at one boundary before it is stored — control
characters and bidirectional overrides go, lone surrogates (which cannot be encoded) go,
text is NFC, newlines stay only in multi-line fields — and every export still works on
rows stored before that boundary existed."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook
from sqlalchemy import update

from redband_desktop.db.models import Incident, MediationCase, MediationParty, Volunteer
from redband_desktop.db.models.clues import Clue
from redband_desktop.documents.xlsx import table_to_xlsx
from redband_desktop.domain.mediation import CaseSource, DisputeType, PartyRole
from redband_desktop.services.clues.types import ClueFilter, ClueForm
from redband_desktop.services.incidents.types import IncidentFilter, IncidentForm
from redband_desktop.services.mediation.types import CaseForm, PartyForm, SessionForm
from redband_desktop.services.roster.types import RosterFilter

AT = datetime(2026, 3, 8, 21, 15)
# NUL, BEL, ESC, DEL, a C1 control, right-to-left override, pop directional isolate,
# left-to-right mark, a byte-order mark and a lone high surrogate
DIRT = "\x00\x07\x1b\x7f\x85\u202e\u2069\u200e\ufeff\ud800"
DECOMPOSED = "e\u0301"  # é as e + combining acute: NFC makes it one character


def test_incident_text_is_cleaned_before_it_is_saved(services, place) -> None:  # noqa: ANN001
    saved = services.incidents.create(IncidentForm(
        received_at=AT, category="dispute", district_id=place["district"].id,
        caller_name=f"李{DIRT}华", location=f"3栋{DIRT}\n2单元", handling_officer=f"王{DIRT}警官",
        summary=f"第一行{DIRT}\r\n第二行\tcaf{DECOMPOSED}\u2028第三行"))
    f = services.incidents.get(saved.id).form
    assert f.caller_name == "李华" and f.location == "3栋 2单元" and f.handling_officer == "王警官"
    assert f.summary == "第一行\n第二行 caf\u00e9\n第三行"  # multi-line: newlines kept, tab → space


def test_clue_text_and_flow_notes_are_cleaned(services, place) -> None:  # noqa: ANN001
    clue = services.clues.create(ClueForm(
        reporter_id=place["volunteer"], reported_at=AT, district_id=place["district"].id,
        clue_type="suspicious_person", location=f"楼下{DIRT}", content=f"两名男子{DIRT}\n反复查看"))
    assert (clue.form.location, clue.form.content) == ("楼下", "两名男子\n反复查看")
    clue = services.clues.verify(clue.id, clue.version, f"属实{DIRT}")
    clue = services.clues.transfer(clue.id, clue.version, f"刑侦{DIRT}中队")
    clue = services.clues.record_feedback(clue.id, clue.version, f"已告知{DIRT}")
    assert (clue.verify_note, clue.transferred_to, clue.feedback) == ("属实", "刑侦中队", "已告知")


def test_mediation_case_party_and_session_text_is_cleaned(services, place) -> None:  # noqa: ANN001
    case = services.mediation.register(CaseForm(
        date(2026, 11, 2), CaseSource.APPLIED, DisputeType.NEIGHBOUR, f"漏水{DIRT}纠纷", f"楼上{DIRT}\n漏水",
        place["district"].id))
    case = services.mediation.add_party(case.id, PartyForm(
        PartyRole.APPLICANT, f"李{DIRT}秀兰", address=f"金色家园{DIRT}3栋", agent="王丽\u202e（妻子）"))
    case = services.mediation.add_session(case.id, SessionForm(
        datetime(2026, 11, 5, 9), place=f"调解室{DIRT}", mediators=f"张明{DIRT}", statements=f"甲：{DIRT}\n乙："))
    assert (case.form.summary, case.form.facts) == ("漏水纠纷", "楼上\n漏水")
    party = case.parties[0].form
    assert (party.name, party.address, party.agent) == ("李秀兰", "金色家园3栋", "王丽（妻子）")
    session = case.sessions[0].form
    assert (session.place, session.mediators, session.statements) == ("调解室", "张明", "甲：\n乙：")


def test_roster_and_site_text_is_cleaned(services, place) -> None:  # noqa: ANN001
    v = services.roster.get(place["volunteer"])
    from dataclasses import replace

    from redband_desktop.services.roster.types import VolunteerForm

    form = VolunteerForm(name=f"张{DIRT}洁", id_number=None, phone=v.phone, address=f"金色家园{DIRT}",
                         political_status=v.political_status.value, background=v.background.value,
                         site_id=v.site_id, joined_on=v.joined_on, notes=f"备注{DIRT}\n第二行")
    saved = services.roster.update(v.id, v.version, replace(form)).volunteer
    assert (saved.name, saved.address, saved.notes) == ("张洁", "金色家园", "备注\n第二行")
    d = services.structure.create_district(f"新{DIRT}片区", officer_name=f"陈{DIRT}卿")
    assert (d.name, d.officer_name) == ("新片区", "陈卿")


def _dirty_stored_rows(services) -> None:  # noqa: ANN001
    """Text that older versions stored unchecked (surrogates never reached the file:
    SQLite cannot encode them, so they crashed the save instead; PostgreSQL refuses NUL
    in any text, so there it never got in either)."""
    from pgtest import ON_POSTGRES

    dirty = f"旧{DIRT[:-1]}数据\x0b\x0c"
    if ON_POSTGRES:
        dirty = dirty.replace("\x00", "")
    with services.db.write() as s:
        for model, fields in ((Incident, ("summary", "location", "caller_name")), (Clue, ("content", "location")),
                              (MediationCase, ("summary", "facts", "mediators")), (MediationParty, ("name",)),
                              (Volunteer, ("name",))):
            s.execute(update(model).values(**{f: dirty for f in fields}))


def test_every_export_survives_dirty_rows_stored_before_the_fix(services, place) -> None:  # noqa: ANN001
    services.incidents.create(IncidentForm(received_at=AT, category="dispute", district_id=place["district"].id,
                                           summary="占位"))
    services.clues.create(ClueForm(reporter_id=place["volunteer"], reported_at=AT,
                                   district_id=place["district"].id, clue_type="other", content="占位"))
    case = services.mediation.register(CaseForm(date(2026, 11, 2), CaseSource.APPLIED, DisputeType.OTHER, "占位"))
    services.mediation.add_party(case.id, PartyForm(PartyRole.APPLICANT, "占位"))
    _dirty_stored_rows(services)
    for export in (services.incidents.export(IncidentFilter()), services.clues.export(ClueFilter()),
                   services.mediation.export(), services.roster.export(RosterFilter())):
        cells = [c for row in load_workbook(io.BytesIO(export.data)).active.iter_rows(values_only=True)
                 for c in row if isinstance(c, str)]
        assert any("旧数据" in c for c in cells)
        assert not any(ch in c for c in cells for ch in "\x00\x07\x0b\u202e")


def test_a_workbook_takes_any_cell_text() -> None:
    data = table_to_xlsx(["内容"], [[f"a{DIRT}b\nc"], ["\udc80"]], "表")
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == "ab\nc" and rows[1][0] in (None, "")
