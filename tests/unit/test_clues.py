"""Clue reports: numbering, field-level checks with nothing half-saved, the flow in its
order (and the steps each status refuses), the link to the incident a clue led to,
photos, search with totals, export, audit entries, rights and the demo's clues."""

from __future__ import annotations

import io
import threading
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import func, select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import AuditEntry
from redband_desktop.db.models.clues import Clue, ClueAttachment
from redband_desktop.errors import ConflictError, PermissionDenied, ValidationError
from redband_desktop.services import build_services
from redband_desktop.services.clues.types import ClueFilter, ClueForm
from redband_desktop.services.incidents.types import IncidentForm
from tests.ui.staff import sign_in_as

REPORTED = datetime(2026, 3, 8, 21, 15)


def form(place, **changes) -> ClueForm:  # noqa: ANN001
    base = ClueForm(reporter_id=place["volunteer"], reported_at=REPORTED, district_id=place["district"].id,
                    site_id=place["compound"].id, clue_type="suspicious_person", urgency="urgent",
                    location="3栋楼下", content="两名陌生男子反复查看电动车充电桩")
    return replace(base, **changes)


def problems(exc: ValidationError) -> dict[str, str]:
    return {p.field: p.code for p in exc.problems}


def jpeg(size: tuple[int, int] = (2400, 1800)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (180, 40, 40)).save(out, format="PNG")
    return out.getvalue()


def count(services, model) -> int:  # noqa: ANN001
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_numbers_follow_the_year_and_photos_are_scaled_down(services, place) -> None:  # noqa: ANN001
    first = services.clues.create(form(place), photos=[jpeg()])
    second = services.clues.create(form(place))
    older = services.clues.create(form(place, reported_at=datetime(2025, 12, 31, 23, 0)))
    assert (first.number, second.number, older.number) == ("XS-2026-000001", "XS-2026-000002", "XS-2025-000001")
    assert first.status == "received" and first.reporter_name == "张洁" and first.site_name == "金色家园"
    photo = first.attachments[0]
    assert (photo.width, photo.height) == (1600, 1200)
    stored = Image.open(io.BytesIO(services.clues.attachment(photo.id)))
    assert stored.format == "JPEG" and stored.size == (1600, 1200)
    assert max(Image.open(io.BytesIO(photo.thumbnail)).size) == 160


def test_two_pcs_saving_at_once_get_different_numbers(services, place, db_url, sign_in) -> None:  # noqa: ANN001
    pcs = [sign_in(build_services(Database(db_url))) for _ in range(2)]
    numbers: list[str] = []
    start = threading.Barrier(2)

    def save(svc) -> None:  # noqa: ANN001
        start.wait()
        numbers.extend(svc.clues.create(form(place)).number for _ in range(10))

    threads = [threading.Thread(target=save, args=(svc,)) for svc in pcs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(numbers)) == 20 and max(numbers) == "XS-2026-000020"
    for svc in pcs:
        svc.db.dispose()


def test_future_time_and_site_of_another_district_are_refused_by_field(services, place) -> None:  # noqa: ANN001
    future = datetime.now() + timedelta(hours=2)
    bad = form(place, reported_at=future, site_id=place["far"].id, content=" ", clue_type="", urgency="soon")
    with pytest.raises(ValidationError) as caught:
        services.clues.create(bad, photos=[jpeg()])
    assert problems(caught.value) == {"reported_at": "in_future", "site_id": "site_district_mismatch",
                                      "content": "required", "clue_type": "required", "urgency": "invalid_choice"}
    assert "上报时间" in caught.value.message() and "场所" in caught.value.message()
    with pytest.raises(ValidationError) as caught:
        services.clues.create(form(place), photos=[b"not an image"])
    assert problems(caught.value) == {"attachments": "photo_unreadable"}
    assert count(services, Clue) == 0 and count(services, ClueAttachment) == 0


def test_flow_in_order_and_wrong_steps_name_the_status(services, place) -> None:  # noqa: ANN001
    clue = services.clues.create(form(place))
    for step in (lambda c: services.clues.transfer(c.id, c.version, "刑侦中队"),
                 lambda c: services.clues.close(c.id, c.version, "useful"),
                 lambda c: services.clues.record_feedback(c.id, c.version, "谢谢")):
        with pytest.raises(ValidationError) as caught:
            step(clue)
        assert problems(caught.value) == {"status": "clue_wrong_stage"}
        assert "已接收" in caught.value.message()
    verified = services.clues.verify(clue.id, clue.version, "民警到场确认")
    assert verified.status == "verified" and verified.verified_by and verified.verified_at
    with pytest.raises(ValidationError) as caught:
        services.clues.verify(verified.id, verified.version)
    assert problems(caught.value) == {"status": "clue_wrong_stage"}
    with pytest.raises(ValidationError) as caught:
        services.clues.transfer(verified.id, verified.version, "  ")
    assert problems(caught.value) == {"transferred_to": "required"}
    moved = services.clues.transfer(verified.id, verified.version, "刑侦中队")
    assert moved.status == "transferred" and moved.transferred_to == "刑侦中队"
    closed = services.clues.close(moved.id, moved.version, "useful")
    told = services.clues.record_feedback(closed.id, closed.version, "线索已核实，感谢您的支持")
    assert (told.status, told.closing, told.feedback) == ("closed", "useful", "线索已核实，感谢您的支持")
    with pytest.raises(ConflictError):
        services.clues.record_feedback(closed.id, closed.version, "旧版本")
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "clue")
                                 .order_by(AuditEntry.id)))
    assert actions == ["create", "status", "status", "status", "update"]


def test_led_to_incident_needs_an_existing_incident(services, place) -> None:  # noqa: ANN001
    clue = services.clues.create(form(place))
    clue = services.clues.verify(clue.id, clue.version)
    with pytest.raises(ValidationError) as caught:
        services.clues.close(clue.id, clue.version, "led_to_incident")
    assert problems(caught.value) == {"incident_id": "required"}
    with pytest.raises(ValidationError) as caught:
        services.clues.close(clue.id, clue.version, "led_to_incident", incident_id=9999)
    assert problems(caught.value) == {"incident_id": "invalid_choice"}
    incident = services.incidents.create(IncidentForm(
        received_at=REPORTED + timedelta(hours=1), category="criminal", district_id=place["district"].id))
    with pytest.raises(ValidationError) as caught:
        services.clues.close(clue.id, clue.version, "no_action", incident_id=incident.id)
    assert problems(caught.value) == {"incident_id": "clue_incident_unexpected"}
    assert services.clues.get(clue.id).status == "verified"  # nothing half-saved
    closed = services.clues.close(clue.id, clue.version, "led_to_incident", incident_id=incident.id)
    assert closed.incident_id == incident.id and closed.incident_number == incident.number
    assert services.clues.rows([clue.id])[0].incident_number == incident.number


def test_edit_is_versioned_and_photos_added_and_removed(services, place) -> None:  # noqa: ANN001
    clue = services.clues.create(form(place), photos=[jpeg((800, 600))])
    edited = services.clues.update(clue.id, clue.version, form(place, content="一名男子", urgency="normal"),
                                   add_photos=[jpeg((640, 480))], remove_attachments=[clue.attachments[0].id])
    assert edited.form.content == "一名男子" and [a.width for a in edited.attachments] == [640]
    with pytest.raises(ConflictError):
        services.clues.update(clue.id, clue.version, form(place))
    more = services.clues.add_attachment(clue.id, jpeg((300, 200)))
    assert len(more.attachments) == 2
    less = services.clues.remove_attachment(more.attachments[0].id)
    assert [a.width for a in less.attachments] == [300] and count(services, ClueAttachment) == 1
    with pytest.raises(ValidationError) as caught:
        services.clues.update(clue.id, less.version, form(place), add_photos=[jpeg((200, 200))] * 9)
    assert problems(caught.value) == {"attachments": "too_many_attachments"}
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "clue")
                                 .order_by(AuditEntry.id)))
    assert actions == ["create", "update", "attach", "detach"]


def test_search_filters_sort_and_totals(services, place) -> None:  # noqa: ANN001
    a = services.clues.create(form(place))
    services.clues.create(form(place, clue_type="fraud_attempt", urgency="critical", content="有人冒充客服",
                               reported_at=REPORTED + timedelta(days=1)))
    services.clues.create(form(place, district_id=place["other"].id, site_id=place["far"].id,
                               clue_type="safety_hazard", urgency="normal", reported_at=datetime(2025, 6, 1, 9)))
    services.clues.verify(a.id, a.version)
    everything = services.clues.search(ClueFilter(), limit=0).totals
    assert everything.total == 3 and everything.by_status["received"] == 2 and everything.by_status["verified"] == 1
    assert everything.by_type["fraud_attempt"] == 1 and everything.by_type["wanted_person"] == 0
    assert everything.by_urgency == {"normal": 1, "urgent": 1, "critical": 1}
    assert services.clues.search(ClueFilter(text="冒充"), limit=0).total == 1
    assert services.clues.search(ClueFilter(text="张洁"), limit=0).total == 3
    assert services.clues.search(ClueFilter(text="zj"), limit=0).total == 3  # pinyin initials of the reporter
    assert services.clues.search(ClueFilter(text="XS-2025"), limit=0).total == 1
    assert services.clues.search(ClueFilter(date_from=date(2026, 1, 1), date_to=date(2026, 3, 8)), limit=0).total == 1
    assert services.clues.search(ClueFilter(district_id=place["other"].id), limit=0).total == 1
    assert services.clues.search(ClueFilter(site_id=place["compound"].id, status="verified"), limit=0).total == 1
    assert services.clues.search(ClueFilter(urgency="critical", clue_type="fraud_attempt"), limit=0).total == 1
    newest = services.clues.search(ClueFilter(), limit=10_000).first_page
    assert [r.reported_at for r in newest] == sorted((r.reported_at for r in newest), reverse=True)
    by_urgency = services.clues.search(ClueFilter(sort="urgency", descending=False), limit=10_000).first_page
    assert [r.urgency for r in by_urgency] == ["normal", "urgent", "critical"]
    by_district = services.clues.search(ClueFilter(sort="district", descending=False), limit=10_000).first_page
    assert [r.district for r in by_district] == ["金家河片区", "金家河片区", "滨江片区"]  # station order
    mine = services.clues.for_volunteer(place["volunteer"])
    assert len(mine) == 3 and mine[0].reported_at == REPORTED + timedelta(days=1)
    report = services.stats.report()["clues"]
    assert report["total"] == 3 and report["by_year"] == {"2025": 1, "2026": 2}
    assert report["by_status"]["verified"] == 1


def test_export_masks_the_reporter_phone_unless_full_and_is_audited(services, place) -> None:  # noqa: ANN001
    services.clues.create(form(place), photos=[jpeg((400, 300))])
    services.clues.create(form(place, district_id=place["other"].id, site_id=None))
    masked = services.clues.export(ClueFilter(district_id=place["district"].id))
    rows = list(load_workbook(io.BytesIO(masked.data)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("线索编号", "上报时间", "上报人", "上报人电话")
    assert masked.rows == 1 and len(rows) == 2
    assert rows[1][2] == "张洁" and "13808712345" not in str(rows[1]) and rows[1][8] == "可疑人员"
    assert rows[1][11] == "已接收" and rows[1][-1] == 1
    full = services.clues.export(ClueFilter(), full=True)
    rows = list(load_workbook(io.BytesIO(full.data)).active.iter_rows(min_row=2, values_only=True))
    assert full.rows == 2 and any(r[3] == "13808712345" for r in rows)
    with services.db.read() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "export", AuditEntry.entity == "clue")) == 2


def test_officer_only_in_own_district_and_viewer_only_reads(services, place) -> None:  # noqa: ANN001
    clue = services.clues.create(form(place))
    sign_in_as(services, "officer", place["other"].id)
    with pytest.raises(PermissionDenied):
        services.clues.create(form(place))
    with pytest.raises(PermissionDenied):
        services.clues.verify(clue.id, clue.version)
    with pytest.raises(PermissionDenied):
        services.clues.update(clue.id, clue.version, form(place, district_id=place["other"].id, site_id=None))
    own = services.clues.create(form(place, district_id=place["other"].id, site_id=None))
    assert services.clues.verify(own.id, own.version).status == "verified"
    sign_in_as(services, "viewer")
    with pytest.raises(PermissionDenied):
        services.clues.export(ClueFilter())
    assert services.clues.search(ClueFilter(), limit=0).total == 2
    assert services.clues.get(clue.id).status == "received"


def test_demo_has_clues_in_every_state_linked_to_their_incidents(demo_services) -> None:  # noqa: ANN001
    totals = demo_services.clues.search(ClueFilter(), limit=0).totals
    assert totals.total > 200 and all(totals.by_status.values()) and all(totals.by_type.values())
    assert all(totals.by_urgency.values()) and totals.led_to_incident > 0
    with demo_services.db.read() as s:
        from redband_desktop.db.models import Incident, Volunteer

        linked = s.execute(select(Clue, Incident).join(Incident, Clue.incident_id == Incident.id)).all()
        assert linked and all(c.reported_at <= i.received_at and c.district_id == i.district_id for c, i in linked)
        reporters = s.execute(select(Clue.site_id, Volunteer.site_id)
                              .join(Volunteer, Clue.reporter_id == Volunteer.id)).all()
        assert all(site == home for site, home in reporters)
        assert s.scalar(select(func.count()).select_from(ClueAttachment)) > 0
        newest = s.scalar(select(func.max(Clue.reported_at)))
    assert newest.date() <= date(2026, 11, 28)
    closed = demo_services.clues.search(ClueFilter(status="closed"), limit=0).totals
    assert closed.total > closed.awaiting_feedback > 0


@pytest.mark.sqlite_only
def test_cli_exports_the_clues_of_a_date_range(demo_services, monkeypatch, capsys, tmp_path) -> None:  # noqa: ANN001
    from redband_desktop.cli import main

    expected = demo_services.clues.search(ClueFilter(date_from=date(2026, 1, 1), date_to=date(2026, 6, 30)), limit=0).total
    demo_services.db.dispose()
    out = tmp_path / "clues.xlsx"
    monkeypatch.setenv("REDBAND_PASSWORD", "Station#2026")
    db = str(tmp_path / "demo.sqlite3")
    assert main(["--db", db, "--user", "admin", "export", "clues", str(out), "--from", "2026-01-01",
                 "--to", "2026-06-30"]) == 0
    assert f"{expected} 行" in capsys.readouterr().out
    rows = list(load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == expected > 0 and all(date(2026, 1, 1) <= r[1].date() <= date(2026, 6, 30) for r in rows)
