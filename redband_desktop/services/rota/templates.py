"""A shift template as the service stores, shows and audits it: the form's values for the
row, the snapshot the audit trail compares, the plain value returned, and its one-line text."""

from __future__ import annotations

from sqlalchemy.orm import Session

from redband_desktop.db.models.rota import ShiftTemplate
from redband_desktop.domain.rota import DutyType, weekday_mask, weekdays_of
from redband_desktop.services.rota.query import Names
from redband_desktop.services.rota.types import TemplateForm, TemplateInfo

TEMPLATE_FIELDS = ("site_id", "building_id", "zone_id", "duty_type", "start_time", "end_time", "needed",
                   "leader_id", "notes")


def values(form: TemplateForm) -> dict:
    out = {k: getattr(form, k) for k in TEMPLATE_FIELDS}
    out["weekdays"] = weekday_mask(form.weekdays)
    return out


def snapshot(row: ShiftTemplate) -> dict:
    out = {k: getattr(row, k) for k in (*TEMPLATE_FIELDS, "district_id", "active")}
    for k in ("start_time", "end_time"):
        out[k] = out[k].strftime("%H:%M")
    out["weekdays"] = ",".join(str(d + 1) for d in weekdays_of(row.weekdays))  # 1 = Monday, as people count
    return out


def template_info(s: Session, t: ShiftTemplate, names: Names | None = None) -> TemplateInfo:
    names = names or Names(s)
    form = TemplateForm(t.site_id, t.duty_type, t.start_time, t.end_time, weekdays_of(t.weekdays), t.needed,
                        t.building_id, t.zone_id, t.leader_id, t.notes)
    return TemplateInfo(t.id, t.version, form, t.district_id, names.place(t.site_id, t.building_id, t.zone_id),
                        names.volunteer(t.leader_id), t.active)


def template_text(t: TemplateInfo) -> str:
    return (f"{t.place} {DutyType(t.form.duty_type).zh} "
            f"{t.form.start_time:%H:%M}–{t.form.end_time:%H:%M}")
