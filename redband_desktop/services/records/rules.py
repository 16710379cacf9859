"""Checks of the records service's input (awards, evaluations, periods) and the plain
tables and document data it builds (the certificate register, the ranking sheet)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Volunteer
from redband_desktop.db.models.records import Certificate
from redband_desktop.domain.enums import Gender, VolunteerStatus
from redband_desktop.domain.records import STARS, AwardLevel, hours_text
from redband_desktop.errors import Problem, ValidationError
from redband_desktop.services.records.query import certificate_info
from redband_desktop.services.records.types import AwardForm, CertificateInfo, Ranking
from redband_desktop.services.shared.rules import clean_text
from redband_desktop.services.shared.settings import read_settings
from redband_desktop.services.shared.values import (
    EARLIEST,
    checked_choice,
    checked_date,
    checked_int,
    raise_problems,
)

LONGEST_PERIOD_DAYS = 366 * 30


def checked_award(form: AwardForm) -> dict:
    problems: list[Problem] = []
    name = clean_text(form.name, "award_name", 100, required=True, problems=problems)
    level = checked_choice(form.level, AwardLevel, "award_level", problems)
    day = checked_date(form.awarded_on, "awarded_on", problems, latest=date.today())
    if form.awarded_on is None:
        problems.append(Problem("awarded_on", "required"))
    by = clean_text(form.awarded_by, "awarded_by", 100, required=True, problems=problems)
    raise_problems(problems)
    return {"name": name, "level": level.value, "awarded_on": day, "awarded_by": by}


def checked_evaluation(year: object, stars: object, comment: object, today: date) -> tuple[int, int, str]:
    problems: list[Problem] = []
    y = checked_int(year, "year", problems, 2000, today.year)
    n = checked_int(stars, "stars", problems, STARS.start, STARS.stop - 1)
    text = clean_text(comment, "comment", 500, multiline=True, problems=problems)
    for name, value in (("year", y), ("stars", n)):
        if value is None and not any(p.field == name for p in problems):
            problems.append(Problem(name, "required"))
    raise_problems(problems)
    return y, n, text


def checked_period(first: object, last: object) -> tuple[date, date]:
    problems: list[Problem] = []
    f = checked_date(first, "first_day", problems, latest=date(2100, 1, 1), earliest=EARLIEST)
    t = checked_date(last, "last_day", problems, latest=date(2100, 1, 1), earliest=EARLIEST)
    for name, raw in (("first_day", first), ("last_day", last)):
        if raw is None:
            problems.append(Problem(name, "required"))
    if f and t and t < f:
        problems.append(Problem("last_day", "records_period_reversed"))
    raise_problems(problems)
    return f, t


def checked_days(days: object) -> int:
    problems: list[Problem] = []
    n = checked_int(days, "inactive_days", problems, 7, 730)
    if n is None and not problems:
        problems.append(Problem("inactive_days", "required"))
    raise_problems(problems)
    return n


def certificate_data(s: Session, row: Certificate, v: Volunteer, settings: dict | None = None):  # noqa: ANN201
    """What the certificate prints (documents.service_certificate.CertificateData)."""
    from redband_desktop.documents.service_certificate import ID_TYPE, CertificateData

    settings = settings if settings is not None else read_settings(s)
    issuer = str(settings["station.name"] or "")
    if not issuer:
        raise ValidationError.single("station_name", "required")
    return CertificateData(
        number=row.number, name=v.name, gender=Gender(v.gender).zh, id_type=ID_TYPE, id_number=v.id_number,
        volunteer_no=v.volunteer_no, first_day=row.first_day, last_day=row.last_day, hours=hours_text(row.minutes),
        content=row.content, issuer=issuer, head=str(settings["station.head"] or ""),
        phone=str(settings["station.phone"] or ""), issued_on=row.issued_on)


def register(s: Session, text: str, volunteer_id: int | None, limit: int) -> list[CertificateInfo]:
    q = (select(Certificate).join(Volunteer, Volunteer.id == Certificate.volunteer_id)
         .order_by(Certificate.issued_at.desc(), Certificate.id.desc()).limit(max(1, min(int(limit), 5000))))
    if volunteer_id is not None:
        q = q.where(Certificate.volunteer_id == volunteer_id)
    word = clean_text(text, "search", 40)
    if word:
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(or_(Certificate.number.like(like, escape="\\"), Volunteer.volunteer_no.like(like, escape="\\"),
                        Volunteer.name.like(like, escape="\\")))
    return [certificate_info(s, c) for c in s.scalars(q)]


def ranking_table(result: Ranking) -> tuple[list[str], list[list]]:
    headers = ["名次", "志愿者编号", "姓名", "片区", "场所", "状态", "服务时长（小时）"]
    rows = [[r.rank, r.volunteer_no, r.name, r.district, r.site, VolunteerStatus(r.status).zh,
             float(hours_text(r.minutes))] for r in result.rows]
    rows += [["另列", r.volunteer_no, r.name, r.district, r.site, VolunteerStatus(r.status).zh,
              float(hours_text(r.minutes))] for r in result.apart]
    return headers, rows
