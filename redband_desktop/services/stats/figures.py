"""From grouped counts to the station's tables: categories and groups, districts and
sites, contact-type incidents per kind of site, zero-incident sites, months. The inputs
are the few hundred grouped rows of `query.cells`, never the incidents themselves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.incidents import IncidentCategory, is_contact_type
from redband_desktop.domain.periods import Period
from redband_desktop.domain.stats import CASE_CATEGORIES, GROUPS, Figure, IncidentGroup
from redband_desktop.services.stats.query import Cell, SiteInfo, site_ids_with
from redband_desktop.services.stats.types import Monthly, PlaceFigures, ZeroSite

NO_SITE = "none"
GROUP_OF = {category.value: group.value for group, members in GROUPS.items() for category in members}
ZERO_KINDS = (SiteKind.COMPOUND.value, SiteKind.ORGANIZATION.value)


def _sum(cells: Sequence[Cell], key: Callable[[Cell], object], value: Callable[[Cell], int | Decimal] = lambda c: c.count
         ) -> Counter:
    out: Counter = Counter()
    for c in cells:
        k = key(c)
        if k is not None:
            out[k] += value(c)
    return out


def pair(now: Counter, before: Counter, keys: Sequence[object]) -> dict:
    return {k: Figure(now.get(k, 0), before.get(k, 0)) for k in keys}


def by_category(now: Sequence[Cell], before: Sequence[Cell]) -> dict[str, Figure]:
    key = lambda c: c.category  # noqa: E731
    return pair(_sum(now, key), _sum(before, key), [c.value for c in IncidentCategory])


def by_group(now: Sequence[Cell], before: Sequence[Cell]) -> dict[str, Figure]:
    key = lambda c: GROUP_OF.get(c.category)  # noqa: E731
    return pair(_sum(now, key), _sum(before, key), [g.value for g in IncidentGroup])


def fraud_loss(now: Sequence[Cell], before: Sequence[Cell]) -> Figure:
    def loss(cells: Sequence[Cell]) -> Decimal:
        return sum((c.loss for c in cells if c.category == IncidentCategory.FRAUD), Decimal(0))
    return Figure(loss(now), loss(before))


def contact_by_site_kind(now: Sequence[Cell], before: Sequence[Cell], site_kind: dict[int, str]) -> dict[str, Figure]:
    def key(c: Cell) -> str | None:
        if not is_contact_type(c.category, c.subcategory):
            return None
        return site_kind.get(c.site_id, NO_SITE) if c.site_id is not None else NO_SITE
    return pair(_sum(now, key), _sum(before, key), [k.value for k in SiteKind] + [NO_SITE])


def _place_figures(key: Callable[[Cell], int | None], now: Sequence[Cell], before: Sequence[Cell]
                   ) -> Callable[[int], tuple[Figure, dict[str, Figure], Figure]]:
    totals = (_sum(now, key), _sum(before, key))
    groups = {g.value: (_sum(now, lambda c, g=g: key(c) if GROUP_OF.get(c.category) == g.value else None),
                        _sum(before, lambda c, g=g: key(c) if GROUP_OF.get(c.category) == g.value else None))
              for g in IncidentGroup}
    contact_key = lambda c: key(c) if is_contact_type(c.category, c.subcategory) else None  # noqa: E731
    contact = (_sum(now, contact_key), _sum(before, contact_key))

    def of(k: int) -> tuple[Figure, dict[str, Figure], Figure]:
        return (Figure(totals[0].get(k, 0), totals[1].get(k, 0)),
                {g: Figure(a.get(k, 0), b.get(k, 0)) for g, (a, b) in groups.items()},
                Figure(contact[0].get(k, 0), contact[1].get(k, 0)))
    return of


def by_district(now: Sequence[Cell], before: Sequence[Cell], districts: Sequence[tuple[int, str]]
                ) -> tuple[PlaceFigures, ...]:
    of = _place_figures(lambda c: c.district_id, now, before)
    return tuple(PlaceFigures(d, name, "", name, *of(d)) for d, name in districts)


def by_site(now: Sequence[Cell], before: Sequence[Cell], sites: Sequence[SiteInfo]) -> tuple[PlaceFigures, ...]:
    of = _place_figures(lambda c: c.site_id, now, before)
    return tuple(PlaceFigures(x.id, x.name, x.kind, x.district, *of(x.id)) for x in sites)


def zero_sites(now: Sequence[Cell], before: Sequence[Cell], sites: Sequence[SiteInfo]) -> tuple[tuple[ZeroSite, ...], int]:
    """Compounds and organisations with no case in the period, and how many there were in
    the comparison period. Every site on the register counts in both: a station types in
    its compounds when it starts using the app, long after they were built."""
    cases = frozenset(c.value for c in CASE_CATEGORIES)
    busy_now, busy_before = site_ids_with(now, cases), site_ids_with(before, cases)
    earlier = _sum(before, lambda c: c.site_id if c.category in cases else None)
    kinds = [x for x in sites if x.kind in ZERO_KINDS]
    listed = tuple(ZeroSite(x.id, x.name, x.kind, x.district, earlier.get(x.id, 0))
                   for x in kinds if x.id not in busy_now)
    previous = sum(1 for x in kinds if x.id not in busy_before)
    return listed, previous


def monthly(counts: dict[tuple[str, str], int], year: int, last_month: int) -> Monthly:
    def series(y: int, categories: frozenset[str]) -> tuple[int, ...]:
        return tuple(sum(counts.get((f"{y:04d}-{m:02d}", c), 0) for c in categories) for m in range(1, 13))

    groups = {g.value: frozenset(c.value for c in members) for g, members in GROUPS.items()}
    fraud = frozenset({IncidentCategory.FRAUD.value})
    return Monthly(year, last_month, {g: series(year, cs) for g, cs in groups.items()},
                   {g: series(year - 1, cs) for g, cs in groups.items()}, series(year, fraud), series(year - 1, fraud))


def chart_span(period: Period) -> Period:
    """The months the charts show: the period's last year and the whole year before it."""
    return Period(date(period.end.year - 1, 1, 1), period.end)
