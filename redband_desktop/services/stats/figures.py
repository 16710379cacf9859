"""From grouped counts to the station's tables: categories and groups, districts and
sites, contact-type incidents per kind of site, zero-incident sites, months. The inputs
are the few hundred grouped rows of `query.cells`, never the incidents themselves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.incidents import IncidentCategory
from redband_desktop.domain.periods import Period
from redband_desktop.domain.stats import CASE_CATEGORIES, GROUPS, Figure, IncidentGroup
from redband_desktop.services.stats.query import Cell, SiteInfo, site_ids_with
from redband_desktop.services.stats.types import Monthly, PlaceFigures, ZeroSite

NO_SITE = "none"
GROUP_OF = {category.value: group.value for group, members in GROUPS.items() for category in members}
ZERO_KINDS = (SiteKind.COMPOUND.value, SiteKind.ORGANIZATION.value)
CHART_CATEGORIES = tuple(sorted(GROUP_OF))  # the monthly charts show the three groups (fraud among them)


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
        if not c.contact:
            return None
        return site_kind.get(c.site_id, NO_SITE) if c.site_id is not None else NO_SITE
    return pair(_sum(now, key), _sum(before, key), [k.value for k in SiteKind] + [NO_SITE])


GROUP_CODES = tuple(g.value for g in IncidentGroup)
# A place's counters: total, each group (in GROUP_CODES order), contact-type — now, then before.
_SLOT = {category: 1 + GROUP_CODES.index(group) for category, group in GROUP_OF.items()}
_WIDTH = 2 + len(GROUP_CODES)


def _place_figures(key: str, now: Sequence[Cell], before: Sequence[Cell]
                   ) -> Callable[[int], tuple[Figure, dict[str, Figure], Figure]]:
    """One pass over the grouped rows: per place (the cells' `key` attribute), its total,
    groups and contact-type incidents now and before, in one flat list of counters."""
    acc: dict[int, list[int]] = {}
    contact = _WIDTH - 1
    for offset, cells in ((0, now), (_WIDTH, before)):
        for c in cells:
            k = getattr(c, key)
            if k is None:
                continue
            counts = acc.get(k)
            if counts is None:
                counts = acc[k] = [0] * (2 * _WIDTH)
            n = c.count
            counts[offset] += n
            slot = _SLOT.get(c.category)
            if slot:
                counts[offset + slot] += n
            if c.contact:
                counts[offset + contact] += n
    empty = [0] * (2 * _WIDTH)

    def of(k: int) -> tuple[Figure, dict[str, Figure], Figure]:
        v = acc.get(k, empty)
        return (Figure(v[0], v[_WIDTH]), {g: Figure(v[1 + i], v[_WIDTH + 1 + i]) for i, g in enumerate(GROUP_CODES)},
                Figure(v[contact], v[_WIDTH + contact]))
    return of


def by_district(now: Sequence[Cell], before: Sequence[Cell], districts: Sequence[tuple[int, str]]
                ) -> tuple[PlaceFigures, ...]:
    of = _place_figures("district_id", now, before)
    return tuple(PlaceFigures(d, name, "", name, *of(d)) for d, name in districts)


def by_site(now: Sequence[Cell], before: Sequence[Cell], sites: Sequence[SiteInfo]) -> tuple[PlaceFigures, ...]:
    of = _place_figures("site_id", now, before)
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


def monthly(counts: dict[tuple[str, str], int], year: int, last_month: int, partial_day: int | None = None,
            outreach: dict[str, tuple[int, int]] | None = None) -> Monthly:
    """The charts' months: `counts` of incidents by (YYYY-MM, category) and `outreach`
    (YYYY-MM -> anti-fraud sessions, audience) of `year` and the year before."""
    def series(y: int, categories: frozenset[str]) -> tuple[int, ...]:
        return tuple(sum(counts.get((f"{y:04d}-{m:02d}", c), 0) for c in categories) for m in range(1, 13))

    def held(i: int) -> tuple[int, ...]:
        return tuple((outreach or {}).get(f"{year:04d}-{m:02d}", (0, 0))[i] for m in range(1, 13))

    groups = {g.value: frozenset(c.value for c in members) for g, members in GROUPS.items()}
    fraud = frozenset({IncidentCategory.FRAUD.value})
    return Monthly(year, last_month, {g: series(year, cs) for g, cs in groups.items()},
                   {g: series(year - 1, cs) for g, cs in groups.items()}, series(year, fraud), series(year - 1, fraud),
                   held(0), held(1), partial_day)


def partial_day(end: date) -> int | None:
    """The day a period ending on `end` stops at inside its last month, or None when it
    runs to the month's end."""
    return None if (end + timedelta(days=1)).day == 1 else end.day


def chart_span(period: Period) -> Period:
    """The months the charts show: the period's last year and the whole year before it."""
    return Period(date(period.end.year - 1, 1, 1), period.end)
