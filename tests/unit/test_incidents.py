"""The incident register: numbering (also when two PCs save at once), field-level
checks with nothing half-saved, closing and reopening, search with totals, export."""

from __future__ import annotations

import io
import threading
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import AuditEntry, Volunteer
from redband_desktop.db.models.incidents import Incident
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services import build_services
from redband_desktop.services.incidents.types import IncidentFilter, IncidentForm
from tests.ui.staff import sign_in_as

RECEIVED = datetime(2026, 3, 8, 21, 15)


def form(place, **changes) -> IncidentForm:  # noqa: ANN001
    base = IncidentForm(
        received_at=RECEIVED, occurred_at=RECEIVED - timedelta(hours=2), category="criminal",
        subcategory="burglary", district_id=place["district"].id, site_id=place["compound"].id,
        channel="110", caller_name="李华", caller_phone="13912345678", location="3栋2单元",
        summary="家中被盗，现金两千元", loss_yuan=Decimal("2000"),
    )
    return replace(base, **changes)


def problems(exc: ValidationError) -> dict[str, str]:
    return {p.field: p.code for p in exc.problems}


def test_numbers_follow_the_year_and_prefix(services, place) -> None:  # noqa: ANN001
    first = services.incidents.create(form(place))
    second = services.incidents.create(form(place, volunteers=((place["volunteer"], "reported"),)))
    older = services.incidents.create(form(place, received_at=datetime(2025, 12, 31, 23, 0), occurred_at=None))
    assert (first.number, second.number, older.number) == ("JJH-2026-000001", "JJH-2026-000002", "JJH-2025-000001")
    assert second.form.volunteers == ((place["volunteer"], "reported"),)
    assert first.status == "open" and first.district_name == "金家河片区" and first.site_name == "金色家园"


def test_two_pcs_saving_at_once_get_different_numbers(services, place, db_url, sign_in) -> None:  # noqa: ANN001
    pcs = [sign_in(build_services(Database(db_url))) for _ in range(2)]
    numbers: list[str] = []
    start = threading.Barrier(2)

    def save(svc) -> None:  # noqa: ANN001
        start.wait()
        numbers.extend(svc.incidents.create(form(place)).number for _ in range(10))

    threads = [threading.Thread(target=save, args=(svc,)) for svc in pcs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(numbers) == 20 and len(set(numbers)) == 20
    for svc in pcs:
        svc.db.dispose()


def test_every_wrong_field_is_named_and_nothing_is_saved(services, place) -> None:  # noqa: ANN001
    bad = form(place, occurred_at=RECEIVED + timedelta(hours=1), loss_yuan=Decimal("-5"),
               site_id=place["far"].id, subcategory="romance", caller_phone="12")
    with pytest.raises(ValidationError) as caught:
        services.incidents.create(bad)
    assert problems(caught.value) == {
        "occurred_at": "occurred_after_received", "loss_yuan": "loss_negative",
        "site_id": "site_district_mismatch", "subcategory": "subcategory_mismatch", "caller_phone": "phone_invalid",
    }
    future = datetime.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        services.incidents.create(form(place, received_at=future, occurred_at=None, fraud_method="romance"))
    assert problems(caught.value) == {"received_at": "in_future", "fraud_method": "fraud_method_mismatch"}
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 0
    assert "发案时间" in caught.value.message() or "接警时间" in caught.value.message()


def test_close_needs_an_outcome_and_reopen_a_reason(services, place) -> None:  # noqa: ANN001
    saved = services.incidents.create(form(place))
    with pytest.raises(ValidationError) as caught:
        services.incidents.close(saved.id, saved.version, "")
    assert problems(caught.value) == {"outcome": "required"}
    closed = services.incidents.close(saved.id, saved.version, "case_filed")
    assert closed.status == "closed" and closed.outcome == "case_filed" and closed.closed_at
    with pytest.raises(ValidationError) as caught:
        services.incidents.reopen(closed.id, closed.version, " ")
    assert problems(caught.value) == {"reason": "reason_required"}
    again = services.incidents.reopen(closed.id, closed.version, "报警人补充线索")
    assert again.status == "open" and again.outcome == "" and again.closed_at is None
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "incident")))
        summaries = list(s.scalars(select(AuditEntry.changes).where(AuditEntry.entity == "incident")))
    assert actions == ["create", "status", "status"]
    assert "13912345678" not in "".join(summaries)  # the caller's phone is masked in the trail


def test_update_is_versioned_and_audited(services, place) -> None:  # noqa: ANN001
    saved = services.incidents.create(form(place))
    changed = services.incidents.update(saved.id, saved.version, form(place, summary="门锁被撬",
                                                                  volunteers=((place["volunteer"], "assisted"),)))
    assert changed.form.summary == "门锁被撬" and changed.version == saved.version + 1
    from redband_desktop.errors import ConflictError

    with pytest.raises(ConflictError):
        services.incidents.update(saved.id, saved.version, form(place, summary="旧表单"))


def test_search_filters_and_totals(services, place) -> None:  # noqa: ANN001
    services.incidents.create(form(place))
    services.incidents.create(form(place, category="dispute", subcategory="", loss_yuan=None, summary="邻里噪音纠纷",
                                   volunteers=((place["volunteer"], "reported"),)))
    services.incidents.create(form(place, category="fraud", subcategory="", fraud_method="brushing",
                                   loss_yuan=Decimal("8000"), district_id=place["other"].id, site_id=place["far"].id,
                                   channel="walk_in", received_at=datetime(2025, 6, 1, 9), occurred_at=None))
    everything = services.incidents.search(IncidentFilter(), limit=0).totals
    assert (everything.total, everything.open, everything.loss_yuan) == (3, 3, Decimal("10000"))
    assert everything.by_category["fraud"] == 1 and everything.by_category["traffic"] == 0
    assert services.incidents.search(IncidentFilter(text="噪音"), limit=0).total == 1
    assert services.incidents.search(IncidentFilter(text="JJH-2025"), limit=0).total == 1
    assert services.incidents.search(IncidentFilter(date_from=date(2026, 1, 1)), limit=0).total == 2
    assert services.incidents.search(IncidentFilter(district_id=place["other"].id, channel="walk_in"), limit=0).total == 1
    assert services.incidents.search(IncidentFilter(with_volunteers=True), limit=0).total == 1
    assert services.incidents.search(IncidentFilter(with_volunteers=False, category="criminal"), limit=0).total == 1
    found = services.incidents.search(IncidentFilter(), 2)
    rows, ids = found.first_page, found.ids
    assert [r.id for r in rows] == list(ids[:2]) and rows[0].received_at >= rows[1].received_at
    assert services.incidents.rows(list(ids[2:])) == services.incidents.search(IncidentFilter(), 3).first_page[2:]
    from redband_desktop.domain.periods import Period

    stats = services.stats.report(Period(date(2025, 1, 1), date(2026, 12, 31)))["incidents"]
    assert stats["total"] == 3
    assert {k: f["current"] for k, f in stats["by_category"].items()} == {
        **{k: 0 for k in everything.by_category}, "criminal": 1, "dispute": 1, "fraud": 1}


def test_export_masks_the_caller_unless_full_and_is_audited(services, place) -> None:  # noqa: ANN001
    services.incidents.create(form(place))
    services.incidents.create(form(place, caller_confidential=True, caller_name="王某"))
    masked = services.incidents.export(IncidentFilter())
    sheet = load_workbook(io.BytesIO(masked.data)).active
    callers = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert masked.rows == 2 and "13912345678" not in "".join(callers) and "（保密）" in callers
    full = services.incidents.export(IncidentFilter(), full=True)
    sheet = load_workbook(io.BytesIO(full.data)).active
    assert any("13912345678" in row[4] for row in sheet.iter_rows(min_row=2, values_only=True))
    with services.db.read() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "export", AuditEntry.entity == "incident")) == 2


def test_rights_are_checked_in_the_service(services, place) -> None:  # noqa: ANN001
    sign_in_as(services, "viewer")
    with pytest.raises(PermissionDenied):
        services.incidents.create(form(place))
    with pytest.raises(PermissionDenied):
        services.incidents.export(IncidentFilter())
    assert services.incidents.search(IncidentFilter(), limit=0).total == 0
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Volunteer)) == 1


def test_the_prefix_setting_numbers_new_incidents_only(services, place) -> None:  # noqa: ANN001
    first = services.incidents.create(form(place))
    with pytest.raises(ValidationError) as caught:
        services.station.update_station("金家河派出所", "J-H", "x" * 41)
    assert problems(caught.value) == {"incident_prefix": "prefix_invalid", "committee": "too_long"}
    services.station.update_station("金家河派出所", " xs ", "")
    second = services.incidents.create(form(place))
    assert (first.number, second.number) == ("JJH-2026-000001", "XS-2026-000002")
    assert services.incidents.get(first.id).number == "JJH-2026-000001"
    with services.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "settings")).all()[-1]
    assert "incidents.prefix" in entry.changes and "XS" in entry.changes


def test_a_volunteers_page_lists_their_incidents(services, place) -> None:  # noqa: ANN001
    v = place["volunteer"]
    services.incidents.create(form(place))
    older = services.incidents.create(form(place, received_at=RECEIVED - timedelta(days=3), occurred_at=None,
                                           volunteers=((v, "reported"), (v, "assisted"))))
    newer = services.incidents.create(form(place, volunteers=((v, "assisted"),)))
    mine = services.incidents.for_volunteer(v)
    assert [(m.row.number, m.roles) for m in mine] == [
        (newer.number, ("assisted",)), (older.number, ("reported", "assisted"))]
    assert services.incidents.for_volunteer(v + 1000) == []
