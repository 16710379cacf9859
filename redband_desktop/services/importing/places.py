"""The station's places as the importer sees them: districts, sites, buildings and zones
read once and found by name, the names a sheet uses that do not exist yet, and the places
the user chose to create, planned with negative ids until the import is written.

Names are compared folded (full-width, spaces); a building written as a bare number ("5",
"5号楼") is the site's building of that number when it has exactly one ("5栋").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Building, District, MarketZone, Site
from redband_desktop.domain.enums import SiteKind
from redband_desktop.services.importing.types import PlaceChoice, UnknownPlace

_NUMBERED = re.compile(r"([0-9]+)\s*(栋|幢|号楼|号|楼|#)?")
_MARKET_WORDS = ("市场", "商城", "商汇", "批发", "商场", "集贸")
_ORGANIZATION_WORDS = ("公司", "局", "厂", "学校", "医院", "银行", "中心", "政府", "委员会", "所", "单位", "集团")


def key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))


def place_key(label: str) -> str:
    """A building's number when it is written as one ("5", "5栋", "5号楼" → "#5"), else
    its folded name."""
    folded = key(label)
    match = _NUMBERED.fullmatch(folded)
    return f"#{int(match.group(1))}" if match else folded


def new_label(label: str) -> str:
    """A bare number becomes "5栋", the way the station writes buildings."""
    text = label.strip()
    return f"{text}栋" if text.isdigit() else text


def guess_kind(site_name: str, has_buildings: bool) -> str:
    """A new site's kind from its name ("…市场" a market, "…公司" an organization), else a
    compound; a site whose rows name buildings is a compound."""
    if has_buildings:
        return SiteKind.COMPOUND.value
    if any(w in site_name for w in _MARKET_WORDS):
        return SiteKind.MARKET.value
    if any(site_name.endswith(w) for w in _ORGANIZATION_WORDS):
        return SiteKind.ORGANIZATION.value
    return SiteKind.COMPOUND.value


@dataclass
class PlaceBook:
    """Every place by folded name, the real ones and those planned for creation."""

    districts: dict[str, District] = field(default_factory=dict)
    sites: dict[str, Site] = field(default_factory=dict)
    places: dict[tuple[int, str], Building | MarketZone] = field(default_factory=dict)
    planned: list[District | Site | Building | MarketZone] = field(default_factory=list)
    by_id: dict[tuple[str, int], Site | Building | MarketZone] = field(default_factory=dict)

    @classmethod
    def load(cls, s: Session) -> PlaceBook:
        book = cls()
        for d in s.scalars(select(District)):
            book.districts[key(d.name)] = d
        for site in s.scalars(select(Site)):
            book._add_site(site)
        for b in s.scalars(select(Building)):
            book._add_place(b, b.site_id, b.label)
        for z in s.scalars(select(MarketZone)):
            book._add_place(z, z.site_id, z.name)
        return book

    def _add_site(self, site: Site) -> None:
        self.sites[key(site.name)] = site
        self.by_id[("Site", site.id)] = site

    def _add_place(self, place: Building | MarketZone, site_id: int, label: str) -> None:
        self.places[(site_id, place_key(label))] = place
        self.by_id[(type(place).__name__, place.id)] = place

    # -- finding ------------------------------------------------------------------
    def district(self, name: str) -> District | None:
        return self.districts.get(key(name))

    def site(self, name: str) -> Site | None:
        return self.sites.get(key(name))

    def place(self, site: Site, label: str) -> Building | MarketZone | None:
        return self.places.get((site.id, place_key(label)))

    # -- planning -----------------------------------------------------------------
    def _next_id(self) -> int:
        return -1 - len(self.planned)

    def plan_district(self, name: str) -> District:
        d = District(id=self._next_id(), name=name.strip())
        self.planned.append(d)
        self.districts[key(name)] = d
        return d

    def plan_site(self, name: str, kind: str, district: District) -> Site:
        site = Site(id=self._next_id(), name=name.strip(), kind=kind, district_id=district.id)
        self.planned.append(site)
        self._add_site(site)
        return site

    def plan_place(self, site: Site, label: str) -> Building | MarketZone:
        place_id = self._next_id()
        if site.kind == SiteKind.MARKET.value:
            place: Building | MarketZone = MarketZone(id=place_id, site_id=site.id, name=label.strip())
        else:
            place = Building(id=place_id, site_id=site.id, label=new_label(label))
        self.planned.append(place)
        self._add_place(place, site.id, label)
        return place

    def alias(self, level: str, name: str, parent: str, target: District | Site | Building | MarketZone) -> None:
        """Use an existing place for a name the sheet spells differently."""
        if level == "district":
            self.districts[key(name)] = target
        elif level == "site":
            self.sites[key(name)] = target
        else:
            site = self.site(parent)
            if site is not None:
                self.places[(site.id, place_key(name))] = target


@dataclass(frozen=True)
class PlaceCells:
    """The place columns of one row, as text."""

    district: str
    site: str
    place: str
    kind: str = ""


def unknown_places(book: PlaceBook, rows: list[PlaceCells]) -> list[UnknownPlace]:
    """Every district, site and building/zone name the rows use that the station lacks,
    with how many rows use it."""
    counts: Counter[tuple[str, str, str]] = Counter()
    names: dict[tuple[str, str, str], tuple[str, str]] = {}
    site_districts: dict[str, Counter[str]] = {}
    kinds: dict[str, str] = {}
    with_places: set[str] = set()
    for r in rows:
        if r.district and book.district(r.district) is None:
            _count(counts, names, "district", r.district, "")
        if not r.site:
            continue
        site = book.site(r.site)
        if site is None:
            _count(counts, names, "site", r.site, "")
            site_districts.setdefault(key(r.site), Counter())[r.district] += 1
            kinds.setdefault(key(r.site), r.kind)
            if r.place:
                with_places.add(key(r.site))
        if r.place and (site is None or book.place(site, r.place) is None):
            _count(counts, names, "place", r.place, r.site)
    out = []
    for k, n in counts.items():
        name, parent = names[k]
        kind = ""
        if k[0] == "site":
            parent = site_districts[k[1]].most_common(1)[0][0]
            kind = _kind_code(kinds.get(k[1], "")) or guess_kind(name, k[1] in with_places)
        out.append(UnknownPlace(k[0], new_label(name) if k[0] == "place" else name, parent, n, kind))
    order = {"district": 0, "site": 1, "place": 2}
    return sorted(out, key=lambda u: (order[u.level], key(u.parent), key(u.name)))


def _count(counts: Counter, names: dict, level: str, name: str, parent: str) -> None:
    k = (level, place_key(name) if level == "place" else key(name), key(parent))
    counts[k] += 1
    names.setdefault(k, (name.strip(), parent.strip()))


def _kind_code(text: str) -> str:
    try:
        return SiteKind.parse(text).value if text else ""
    except ValueError:
        return ""


def apply_choices(s: Session, book: PlaceBook, choices: list[PlaceChoice]) -> None:
    """Map or plan every chosen place, districts first, then sites, then buildings/zones."""
    order = {"district": 0, "site": 1, "place": 2}
    for c in sorted(choices, key=lambda c: order.get(c.level, 3)):
        if c.existing_id is not None:
            model = {"district": District, "site": Site}.get(c.level)
            target = s.get(model, c.existing_id) if model else _place_by_id(s, book, c)
            if target is not None:
                book.alias(c.level, c.name, c.parent, target)
        elif c.create:
            _plan(book, c)


def _place_by_id(s: Session, book: PlaceBook, c: PlaceChoice) -> Building | MarketZone | None:
    site = book.site(c.parent)
    if site is None:
        return None
    model = MarketZone if site.kind == SiteKind.MARKET.value else Building
    found = s.get(model, c.existing_id)
    return found if found is not None and found.site_id == site.id else None


def _plan(book: PlaceBook, c: PlaceChoice) -> None:
    if c.level == "district" and book.district(c.name) is None:
        book.plan_district(c.name)
    elif c.level == "site" and book.site(c.name) is None:
        district = book.district(c.district or c.parent)
        kind = _kind_code(c.kind) or c.kind
        if district is not None and kind in {k.value for k in SiteKind}:
            book.plan_site(c.name, kind, district)
    elif c.level == "place":
        site = book.site(c.parent)
        if site is not None and site.kind != SiteKind.ORGANIZATION.value and book.place(site, c.name) is None:
            book.plan_place(site, c.name)


def create_all(unknown: list[UnknownPlace]) -> list[PlaceChoice]:
    """`--create-places`: create every unknown place (sites with their guessed kind in the
    district their rows name)."""
    return [PlaceChoice(u.level, u.name, u.parent, create=True, kind=u.kind, district=u.parent if u.level == "site" else "")
            for u in unknown]
