"""Where the demo incidents happen: which kind of site each category favours (telecom fraud
in the big market last year, much less this year), compounds and units that never had a
case and more that have had none this year (零发案), no contact-type incident in an organ or
enterprise this year, and the building or market zone inside the site."""

from __future__ import annotations

import random
from dataclasses import dataclass

from redband_desktop.db.models import Site
from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.incidents import (
    CriminalSubtype,
    IncidentCategory,
    PublicOrderSubtype,
    is_contact_type,
)
from redband_desktop.domain.periods import Period
from redband_desktop.domain.stats import CASE_CATEGORIES

C = IncidentCategory
K = SiteKind
# share of each category's incidents by kind of site (compound, market, organisation)
KIND_WEIGHTS = {C.DISPUTE: (80, 17, 3), C.CRIMINAL: (72, 24, 4), C.PUBLIC_ORDER: (68, 28, 4)}
FRAUD_BEFORE, FRAUD_NOW = (45, 52, 3), (82, 15, 3)  # the market's traders were the targets
OTHER_KINDS = (76, 20, 4)
QUIET_ALWAYS = 0.2  # compounds (and a third of the units) with no incident in the two years
QUIET_NOW = 0.15  # compounds (and half the units) with cases last year and none this year
SUBTYPES = {
    C.CRIMINAL: ([CriminalSubtype.BURGLARY, CriminalSubtype.VEHICLE_THEFT, CriminalSubtype.PICKPOCKETING,
                  CriminalSubtype.ROBBERY, CriminalSubtype.SNATCHING, CriminalSubtype.IN_PERSON_FRAUD,
                  CriminalSubtype.OTHER], (30, 28, 16, 4, 4, 8, 10)),
    C.PUBLIC_ORDER: ([PublicOrderSubtype.ASSAULT, PublicOrderSubtype.THEFT, PublicOrderSubtype.DISTURBANCE,
                      PublicOrderSubtype.PROPERTY_DAMAGE, PublicOrderSubtype.OTHER], (25, 25, 20, 15, 15)),
}


def subtype(rng: random.Random, category: IncidentCategory) -> str:
    if category not in SUBTYPES:
        return ""
    kinds, weights = SUBTYPES[category]
    return rng.choices(kinds, weights)[0].value


@dataclass(frozen=True)
class Spot:
    building_id: int | None
    zone_id: int | None
    text: str


def spot(rng: random.Random, site: Site) -> Spot:
    """A building of a compound (weighted by households), a zone of a market, or the site."""
    if site.kind == K.COMPOUND and site.buildings:
        b = rng.choices(site.buildings, [max(1, b.households) for b in site.buildings])[0]
        return Spot(b.id, None, f"{site.name}{b.label}")
    if site.kind == K.MARKET and site.zones:
        z = rng.choice(site.zones)
        return Spot(None, z.id, f"{site.name}{z.name}")
    return Spot(None, None, site.name)


class Layout:
    """Which sites may have which incidents, and the choice of one."""

    def __init__(self, rng: random.Random, sites: list[Site]) -> None:
        self._rng = rng
        compounds = [x for x in sites if x.kind == K.COMPOUND]
        units = [x for x in sites if x.kind == K.ORGANIZATION]
        never = rng.sample(compounds, round(len(compounds) * QUIET_ALWAYS)) + rng.sample(units, len(units) // 3)
        rest = [x for x in compounds + units if x not in never]
        now = rng.sample([x for x in rest if x.kind == K.COMPOUND], round(len(compounds) * QUIET_NOW))
        now += rng.sample([x for x in rest if x.kind == K.ORGANIZATION], len(units) // 2)
        self.never, self.quiet_now = {x.id for x in never}, {x.id for x in now}
        self.kind_of = {x.id: x.kind for x in sites}
        self._weight = {x.id: float(len(x.buildings) or 1) if x.kind == K.COMPOUND else 1.0 for x in sites}
        self._by_kind = {k.value: [x.id for x in sites if x.kind == k and x.id not in self.never] for k in K}

    def site_for(self, category: IncidentCategory, sub: str, this_year: bool) -> int:
        weights = KIND_WEIGHTS.get(category, OTHER_KINDS)
        if category is C.FRAUD:
            weights = FRAUD_NOW if this_year else FRAUD_BEFORE
        pools = [self._allowed(k, category, sub, this_year) for k in (K.COMPOUND, K.MARKET, K.ORGANIZATION)]
        kinds = [(pool, w) for pool, w in zip(pools, weights, strict=True) if pool]
        pool = self._rng.choices([p for p, _ in kinds], [w for _, w in kinds])[0]
        return self._rng.choices(pool, [self._weight[i] for i in pool])[0]

    def _allowed(self, kind: SiteKind, category: IncidentCategory, sub: str, this_year: bool) -> list[int]:
        pool = self._by_kind[kind.value]
        if this_year and kind is K.ORGANIZATION and is_contact_type(category, sub):
            return []  # the article: organs and enterprises, contact-type incidents "零发生"
        if this_year and category in CASE_CATEGORIES:
            pool = [i for i in pool if i not in self.quiet_now]
        return pool

    def more_quiet_now(self, plans: list, ytd: Period, last: Period) -> None:
        """Move a few cases between sites until more compounds and units are free of cases
        in the year to date than in the same dates last year (in a short year to date the
        sites quiet by chance can outnumber the planned ones)."""
        for _ in range(500):
            zero_now, busy_now = self._zero(plans, ytd)
            zero_last, busy_last = self._zero(plans, last)
            if len(zero_now) > len(zero_last):
                return
            crowded = [p for p in plans if p[3] in busy_last and busy_last[p[3]] > 1 and self._case_in(p, last)]
            open_last = sorted(i for i in zero_last if i not in self.never and self.kind_of[i] == K.COMPOUND)
            if crowded and open_last:  # last year: one more site had a case
                self._rng.choice(crowded)[3] = self._rng.choice(open_last)
                continue
            lonely = [p for p in plans if self._case_in(p, ytd) and busy_now[p[3]] == 1]
            fuller = sorted(i for i, n in busy_now.items() if n > 1 and self.kind_of[i] == K.COMPOUND)
            if not lonely or not fuller:
                return
            self._rng.choice(lonely)[3] = self._rng.choice(fuller)  # this year: one site fewer had a case

    def _case_in(self, plan: list, period: Period) -> bool:
        return period.start <= plan[0] <= period.end and plan[1] in CASE_CATEGORIES

    def _zero(self, plans: list, period: Period) -> tuple[set[int], dict[int, int]]:
        busy: dict[int, int] = {}
        for p in plans:
            if self._case_in(p, period):
                busy[p[3]] = busy.get(p[3], 0) + 1
        counted = [i for i, k in self.kind_of.items() if k in (K.COMPOUND, K.ORGANIZATION)]
        return {i for i in counted if i not in busy}, busy
