"""Demo building heads and market-zone leads (定点见红) for the demonstration station.

Most buildings and zones get a head from their own volunteers; a few have none, and a few
heads were suspended or left later, so the coverage view has real gaps to show.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from redband_desktop.db.models import PlaceHead, Volunteer
from redband_desktop.domain.enums import Background
from redband_desktop.domain.enums import VolunteerStatus as Status

# Who becomes a building head: people at home in the compound, property staff first.
HEAD_BACKGROUNDS = {"property_staff": 3.0, "retired_cadre": 3.0, "resident": 2.0, "party_member": 2.0}
NO_HEAD_SHARE = 0.06  # buildings and zones nobody has taken on yet: real gaps to show
FORMER_HEAD_SHARE = 0.12  # places whose first head handed over to the current one


def add_heads(s: Session, rng: random.Random, places: list[Any], people: list[Volunteer], today: date) -> None:
    """Building heads and zone leads from each place's own volunteers (own random stream,
    so the people above never change). Some places have none; heads who were later
    suspended or left stay on record, so the coverage view shows a few real gaps."""
    at: dict[tuple[str, int], list[Volunteer]] = {}
    for v in people:
        at.setdefault(("site", v.site_id), []).append(v)
        if v.building_id:
            at.setdefault(("building", v.building_id), []).append(v)
        if v.zone_id:
            at.setdefault(("zone", v.zone_id), []).append(v)
    busy: set[int] = set()  # heads already taken: a building without residents on the team
    for place in places:  # borrows a neighbour from the same compound who heads nothing yet
        for kind, items in (("building", place.site.buildings), ("zone", place.site.zones)):
            for item in items:
                if rng.random() < NO_HEAD_SHARE:
                    continue
                pool = at.get((kind, item.id)) or [
                    v for v in at.get(("site", place.site.id), []) if v.id not in busy
                ]
                heads = _heads_of(rng, kind, item.id, pool, today)
                busy.update(h.volunteer_id for h in heads)
                s.add_all(heads)


def _heads_of(rng: random.Random, kind: str, place_id: int, pool: list[Volunteer], today: date) -> list[PlaceHead]:
    """The current head of one place and, sometimes, the one before."""
    # Stations pick active people; a few of them were suspended or left afterwards.
    weights = [
        (HEAD_BACKGROUNDS.get(v.background, 1.0) if kind == "building" else 1.0)
        * (1.0 if v.status == Status.ACTIVE.value else 0.3)
        for v in pool
    ]
    if not pool:
        return []
    head = rng.choices(pool, weights)[0]
    last_day = head.status_since if head.status != Status.ACTIVE.value else today
    start = head.joined_on + timedelta(days=rng.randint(0, max(0, min(90, (last_day - head.joined_on).days))))
    heads = [_head(kind, place_id, head, start)]
    earlier = [v for v in pool if v is not head and v.joined_on < start]
    if earlier and rng.random() < FORMER_HEAD_SHARE:
        former = rng.choice(earlier)
        old = _head(kind, place_id, former, former.joined_on)
        old.end_date = start
        old.end_reason = "已退出队伍" if former.status == Status.LEFT.value else "换届交接"
        heads.insert(0, old)
    return heads


def _head(kind: str, place_id: int, v: Volunteer, start: date) -> PlaceHead:
    head = PlaceHead(volunteer_id=v.id, role=Background(v.background).zh, start_date=start, end_reason="")
    setattr(head, f"{kind}_id", place_id)
    head.created_at = datetime.combine(start, time(9, 0))
    return head
