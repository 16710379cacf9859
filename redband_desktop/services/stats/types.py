"""What the statistics page, `redband stats` and the 治安成绩单 show: frozen figures for a
period and its comparison period, built from grouped queries (see `query.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from redband_desktop.domain.periods import Comparison, Period
from redband_desktop.domain.stats import Figure


@dataclass(frozen=True)
class PlaceFigures:
    """One line of the per-district or per-site table."""

    id: int
    name: str
    kind: str  # site kind code; "" for a district
    district: str
    total: Figure
    groups: dict[str, Figure]  # IncidentGroup code -> figure
    contact: Figure  # contact-type incidents (接触性警情)


@dataclass(frozen=True)
class ZeroSite:
    """A compound or organisation with no case (发案) in the period."""

    id: int
    name: str
    kind: str
    district: str
    previous: int  # its cases in the comparison period

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "kind": self.kind, "district": self.district}


@dataclass(frozen=True)
class VolunteerWork:
    """What the volunteers did in the period (against the comparison period)."""

    incidents_reported: Figure  # incidents a volunteer reported
    incidents_assisted: Figure  # incidents a volunteer helped to handle
    clues: Figure  # clue reports
    clues_to_incidents: Figure  # clue reports that led to an incident
    mediated: Figure  # mediation cases with a volunteer among the mediators
    agreements: Figure  # of those, settled by agreement (written or oral)
    amount_yuan: Figure  # money covered by those agreements
    prevented_criminal: Figure  # of those, kept from turning criminal (防止民转刑)
    # Service hours from the duty rota's attendance (Decimal, to a tenth); the outreach
    # audience from the activities (反诈宣传, 三查三告知一宣传). None means "not recorded", not zero.
    duty_hours: Figure | None = None
    outreach_audience: Figure | None = None


@dataclass(frozen=True)
class Monthly:
    """Incidents per month of the period's last year (this) and the year before (last)."""

    year: int
    last_month: int  # months after this one have no figures this year yet
    groups_this: dict[str, tuple[int, ...]] = field(default_factory=dict)  # group -> 12 counts
    groups_last: dict[str, tuple[int, ...]] = field(default_factory=dict)
    fraud_this: tuple[int, ...] = ()
    fraud_last: tuple[int, ...] = ()
    # Anti-fraud outreach (反诈宣传) this year: sessions held and their audience, per month.
    outreach_this: tuple[int, ...] = ()
    audience_this: tuple[int, ...] = ()
    # The period ends inside `last_month` (the month in progress): its figure counts the
    # days up to this one only, and the charts draw it as a part month, not as a drop.
    partial_day: int | None = None


@dataclass(frozen=True)
class StationFigures:
    period: Period
    compare_to: Period
    comparison: Comparison
    scope: str  # the district the figures are limited to ("" = the whole station)
    total: Figure
    by_category: dict[str, Figure]  # every IncidentCategory code
    by_group: dict[str, Figure]  # every IncidentGroup code
    fraud_loss: Figure  # telecom-fraud losses in yuan (Decimal)
    by_district: tuple[PlaceFigures, ...]
    by_site: tuple[PlaceFigures, ...]
    contact_by_site_kind: dict[str, Figure]  # SiteKind codes, and "none" for no site
    zero_sites: tuple[ZeroSite, ...]
    zero_sites_previous: int
    volunteers: VolunteerWork
    monthly: Monthly
    scope_id: int | None = None  # the district's id (None = the station): the lists the figures open

    def zero_sites_of(self, kind: str) -> tuple[ZeroSite, ...]:
        return tuple(z for z in self.zero_sites if z.kind == kind)


def money(value: Decimal | int | None) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))
