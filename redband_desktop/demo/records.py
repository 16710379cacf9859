"""Demo service records: the commendations the station and its district, city and province
gave its volunteers over the last two years, and last year's evaluation of every volunteer
who served the whole year, by their district's officer.

Each January the station names its 金牌红袖标 and the district (西山区) its 优秀平安志愿者;
the city's volunteer federation and, once, the province commend a few; anti-fraud outreach
and a fire-drill rescue earn a station commendation in between. Evaluations are mostly
four and five stars (always, for those commended that year or the January after), a few
three and fewer two, with the officer's words. Seeded and
derived from `today` only. (The certificates already issued are added by the station's
setup after this, through the records service's own numbering and hours.)
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from redband_desktop.db.models import District, Site, Volunteer
from redband_desktop.db.models.records import Commendation, Evaluation
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.domain.records import AwardLevel

STATION = "金家河派出所"
# (name, level, awarding body, how many each year, month and day)
YEARLY = (("金牌红袖标", AwardLevel.STATION, STATION, 12, (1, 12)),
          ("优秀平安志愿者", AwardLevel.COUNTY, "西山区公安分局", 6, (1, 20)),
          ("昆明市优秀志愿者", AwardLevel.CITY, "昆明市志愿服务联合会", 2, (3, 5)))
DURING = (("反诈宣传先进个人", AwardLevel.STATION, STATION, 5, (6, 26)),
          ("见义勇为积极分子", AwardLevel.COUNTY, "西山区见义勇为基金会", 1, (9, 10)))
ONCE = ("云南省最美平安志愿者", AwardLevel.PROVINCE, "云南省公安厅", (11, 9))
COMMENTS = {5: ("巡逻守时，发现隐患及时报告，起到带头作用。", "积极参加反诈宣传，群众认可度高。", "熟悉片区情况，协助调解纠纷效果好。"),
            4: ("按时到岗，认真履职。", "能按要求参加巡逻和活动。", "服务热情，值守规范。"),
            3: ("基本完成值守任务，出勤有待提高。", "参加活动次数偏少，望继续努力。"),
            2: ("全年缺勤较多，需加强联系。",)}
STAR_WEIGHTS = ((5, 30), (4, 50), (3, 16), (2, 4))


def add_records(s: Session, rng: random.Random, today: date) -> tuple[int, int]:
    """Add the demo commendations (the last two years, up to yesterday) and last year's
    evaluations; return how many of each."""
    people = s.execute(select(Volunteer.id, Volunteer.joined_on, Volunteer.status, Volunteer.status_since,
                              District.officer_name)
                       .join(Site, Site.id == Volunteer.site_id).join(District, District.id == Site.district_id)
                       .order_by(Volunteer.id)).all()

    def serving(day: date) -> list[int]:
        return [vid for vid, joined, status, since, _ in people
                if joined <= day and (status == VolunteerStatus.ACTIVE.value or (since and since > day))]

    awards = []
    for year in (today.year - 2, today.year - 1, today.year):
        for name, level, body, many, (month, day) in (*YEARLY, *DURING):
            when = date(year, month, day)
            if when < today:
                people_then = serving(when)  # a tiny roster (tests) may have fewer than the list
                awards += [_award(vid, name, level, body, when)
                           for vid in rng.sample(people_then, min(many, len(people_then)))]
    once = date(today.year - 1, *ONCE[3])
    if serving(once):
        awards.append(_award(rng.choice(serving(once)), ONCE[0], ONCE[1], ONCE[2], once))
    year = today.year - 1
    commended = {a["volunteer_id"] for a in awards if a["awarded_on"].year in (year, year + 1)}
    evaluations = []
    for vid, joined, status, since, officer in people:
        if joined <= date(year, 1, 1) and (status == VolunteerStatus.ACTIVE.value or (since and since.year > year)):
            weights = STAR_WEIGHTS[:2] if vid in commended else STAR_WEIGHTS  # the commended did well
            stars = rng.choices([s for s, _ in weights], [w for _, w in weights])[0]
            stamp = datetime.combine(date(year + 1, 1, 8), time(10))
            evaluations.append({"volunteer_id": vid, "year": year, "stars": stars,
                                "comment": rng.choice(COMMENTS[stars]), "evaluated_by": (officer or "")[:40],
                                "created_at": stamp, "updated_at": stamp, "version": 1})
    if awards:
        s.execute(insert(Commendation), awards)
    if evaluations:
        s.execute(insert(Evaluation), evaluations)
    return len(awards), len(evaluations)


def _award(vid: int, name: str, level: AwardLevel, body: str, day: date) -> dict:
    stamp = datetime.combine(day, time(16))
    return {"volunteer_id": vid, "name": name, "level": level.value, "awarded_on": day, "awarded_by": body,
            "recorded_by": "", "created_at": stamp, "updated_at": stamp, "version": 1}
