"""Erasing the personal data of volunteers who left long ago (PIPL: keep personal data
no longer than needed).

An administrator purges volunteers whose status has been "left" for more than the
station's retention period: name, ID number, phones, address, emergency contact, notes
and portrait are erased; gender, birth year, site, status history and dates stay, so
statistics keep counting them. Each purge is one transaction and one audit entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from redband_desktop.db.engine import Database
from redband_desktop.db.models import Volunteer
from redband_desktop.db.models.base import now
from redband_desktop.domain.access import Action
from redband_desktop.domain.enums import VolunteerStatus
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record
from redband_desktop.services.shared.settings import read_settings

PURGED_NAME = "（已清除）"


@dataclass(frozen=True)
class PurgeResult:
    purged: int
    cutoff: date


class PrivacyService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    def _cutoff(self, years: int) -> date:
        today = self._today()
        try:
            return today.replace(year=today.year - years)
        except ValueError:  # 29 February
            return today.replace(year=today.year - years, day=28)

    def candidates(self) -> PurgeResult:
        """How many volunteers a purge would erase now (nothing is changed)."""
        self._access.require(Action.PURGE)
        with self._db.read() as s:
            cutoff = self._cutoff(int(read_settings(s)["privacy.purge_after_years"]))
            return PurgeResult(len(list(s.scalars(_due(cutoff)))), cutoff)

    def purge(self) -> PurgeResult:
        self._access.require(Action.PURGE)
        with self._db.write() as s:
            cutoff = self._cutoff(int(read_settings(s)["privacy.purge_after_years"]))
            rows = list(s.scalars(_due(cutoff)))
            for v in rows:
                _erase(v)
            s.flush()
            record(s, self._access, "purge", "volunteer", "", {"ids": [None, [v.id for v in rows]]},
                   f"{len(rows)} 名志愿者（{cutoff:%Y-%m-%d} 前退出）")
            return PurgeResult(len(rows), cutoff)


def _due(cutoff: date):  # noqa: ANN202 - SQL statement
    return select(Volunteer).where(
        Volunteer.status == VolunteerStatus.LEFT.value,
        Volunteer.status_since < cutoff,
        Volunteer.purged_at.is_(None),
    )


def _erase(v: Volunteer) -> None:
    v.name, v.name_pinyin, v.name_initials = PURGED_NAME, "", ""
    # keeps the unique column unique without any trace of the real number
    v.id_number = f"P{v.id:017d}"
    v.birth_date = v.birth_date.replace(month=1, day=1)  # the year still serves age statistics
    v.phone = v.address = v.emergency_name = v.emergency_phone = v.notes = ""
    v.photo = None
    v.purged_at = now()
