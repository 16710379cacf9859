"""No long work inside a write transaction: while a new photo is scaled, an export's
workbook built or a mediation form drawn, another PC can take the database's write lock
at once (SQLite has one writer; a second one waits, then fails after the busy timeout).
The card batch has its own test with a second PC saving (test_card_batch.py)."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from datetime import date
from types import ModuleType

import pytest

from redband_desktop.db.engine import Database
from redband_desktop.documents import mediation_docs, mediation_file, xlsx
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.mediation import CaseStatus
from redband_desktop.services.clues.types import ClueFilter
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.services.mediation.types import MediationFilter
from redband_desktop.services.roster import rules
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm

pytestmark = pytest.mark.sqlite_only  # the probe takes SQLite's write lock itself


def another_pc_can_write(db: Database) -> bool:
    """Whether a second connection to the file gets the write lock without waiting."""
    con = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:  # database is locked
        return False
    finally:
        con.close()


def probe_during(monkeypatch: pytest.MonkeyPatch, module: ModuleType, name: str, db: Database) -> list[bool]:
    """Replace `module.name` by itself plus a probe of the write lock; the list fills
    with one answer per call."""
    answers: list[bool] = []
    real: Callable = getattr(module, name)

    def probed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        answers.append(another_pc_can_write(db))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, probed)
    return answers


def _photo() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (900, 1200), "navy").save(out, "JPEG")
    return out.getvalue()


def test_a_new_photo_is_scaled_before_the_save_takes_the_lock(services, place, monkeypatch) -> None:  # noqa: ANN001
    answers = probe_during(monkeypatch, rules, "make_portrait", services.db)
    form = VolunteerForm(
        name="李芳", id_number=make_id_number("530112", date(1972, 6, 3), 42), phone="13908711234",
        background="resident", site_id=place["compound"].id, joined_on=date(2022, 3, 1), photo=_photo())
    saved = services.roster.create(form).volunteer
    v = services.roster.get(saved.id)
    services.roster.update(v.id, v.version, VolunteerForm(
        name="李芳", id_number=None, phone=v.phone, background="resident", site_id=place["compound"].id,
        joined_on=v.joined_on, photo=_photo()))
    assert saved.has_photo and answers == [True, True]


def test_a_bad_photo_is_reported_with_the_other_fields(services, place) -> None:  # noqa: ANN001
    from redband_desktop.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.roster.create(VolunteerForm(name="", phone="123", site_id=place["compound"].id,
                                             joined_on=date(2022, 3, 1), photo=b"not an image"))
    fields = [p.field for p in caught.value.problems]
    assert "name" in fields and "phone" in fields and fields[-1] == "photo"


@pytest.mark.parametrize("export", [
    lambda s: s.roster.export(RosterFilter()),
    lambda s: s.incidents.export(IncidentFilter()),
    lambda s: s.clues.export(ClueFilter()),
    lambda s: s.mediation.export(MediationFilter()),
], ids=["roster", "incidents", "clues", "mediation"])
def test_an_export_builds_its_workbook_after_recording_it(demo_services, monkeypatch, export) -> None:  # noqa: ANN001
    answers = probe_during(monkeypatch, xlsx, "table_to_xlsx", demo_services.db)
    result = export(demo_services)
    assert result.rows > 0 and result.data.startswith(b"PK") and answers == [True]


def test_a_mediation_form_is_drawn_after_the_print_is_recorded(demo_services, monkeypatch) -> None:  # noqa: ANN001
    svc = demo_services.mediation
    closed = next(r for r in svc.search(MediationFilter(status=CaseStatus.CLOSED), limit=10_000).first_page
                  if svc.case(r.id).outcome.kind.value == "written")
    agreement = probe_during(monkeypatch, mediation_docs, "agreement_pdf", demo_services.db)
    case_file = probe_during(monkeypatch, mediation_file, "case_file_pdf", demo_services.db)
    assert svc.document(closed.id, "agreement").startswith(b"%PDF")
    assert svc.document(closed.id, "file").startswith(b"%PDF")
    assert (agreement, case_file) == ([True], [True])
