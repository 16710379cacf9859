"""Station settings: the station's name, security and numbering settings, as user actions
(administrators); the key/value store itself is `shared.settings`."""

from __future__ import annotations

from redband_desktop.db.engine import Database
from redband_desktop.db.models.base import now
from redband_desktop.domain.access import Action
from redband_desktop.domain.incidents import DEFAULT_PREFIX, NUMBER_PREFIX_KEY, clean_prefix
from redband_desktop.domain.phone import normalize_phone
from redband_desktop.domain.text import clean
from redband_desktop.errors import DatabaseError, Problem, ValidationError
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record
from redband_desktop.services.shared.rules import clean_text
from redband_desktop.services.shared.settings import (
    COMMITTEE_KEY,
    DAYS_BACK_KEY,
    read_settings,
    write_setting,
)
from redband_desktop.services.shared.values import checked_int, raise_problems
from redband_desktop.services.station.types import StationSettings

MAX_DAYS_BACK = 60


class StationService:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access

    def settings(self) -> StationSettings:
        with self._db.read() as s:
            v = read_settings(s)
        return StationSettings(
            name=v["station.name"], initialised_at=v["station.initialised_at"],
            idle_minutes=int(v["security.idle_minutes"]), purge_after_years=int(v["privacy.purge_after_years"]),
            incident_prefix=str(v.get(NUMBER_PREFIX_KEY) or DEFAULT_PREFIX), committee=str(v.get(COMMITTEE_KEY) or ""),
            attendance_days_back=int(v[DAYS_BACK_KEY]),
            head=str(v["station.head"] or ""), phone=str(v["station.phone"] or ""),
            inactive_days=int(v["records.inactive_days"]),
        )

    def update_security(self, idle_minutes: int, purge_after_years: int) -> StationSettings:
        """Idle-lock minutes (1–240) and years after leaving before personal data may be purged."""
        self._access.require(Action.SETTINGS)
        problems: list[Problem] = []
        idle_minutes = checked_int(idle_minutes, "idle_minutes", problems, 1, 240)
        purge_after_years = checked_int(purge_after_years, "purge_after_years", problems, 1, 30)
        for name, value in (("idle_minutes", idle_minutes), ("purge_after_years", purge_after_years)):
            if value is None and not problems:
                problems.append(Problem(name, "required"))
        raise_problems(problems)
        with self._db.write() as s:
            old = read_settings(s)
            new = {"security.idle_minutes": idle_minutes, "privacy.purge_after_years": purge_after_years}
            for key, value in new.items():
                write_setting(s, key, value)
            record(s, self._access, "settings", "station", "", {k: [old[k], v] for k, v in new.items() if old[k] != v})
        return self.settings()

    def initialise(self, station_name: str) -> StationSettings:
        """First run: name the station. Refused when the database is already set up."""
        name = check_station_name(station_name)
        with self._db.write() as s:
            current = read_settings(s)
            if current["station.name"]:
                raise DatabaseError(
                    "db_already_initialised", path=self._db.shown, station=current["station.name"]
                )
            write_setting(s, "station.name", name)
            write_setting(s, "station.initialised_at", now().isoformat(sep=" "))
        return self.settings()

    def rename(self, station_name: str) -> StationSettings:
        current = self.settings()
        return self.update_station(station_name, current.incident_prefix, current.committee)

    def update_station(self, station_name: str, incident_prefix: str, committee: str,
                       attendance_days_back: int | None = None, head: str | None = None,
                       phone: str | None = None, inactive_days: int | None = None) -> StationSettings:
        """The station's name, the prefix of new incident numbers (numbers already given
        keep theirs), the mediation committee's name printed on mediation documents and,
        when given, how many days after a shift its attendance may still be recorded
        (0–60; 0: only on the shift's own day), the head and contact phone printed on
        service certificates and the days without service after which a volunteer is
        listed as inactive (7–730)."""
        self._access.require(Action.SETTINGS)
        problems = []
        try:
            name = check_station_name(station_name)
        except ValidationError as exc:
            problems += exc.problems
        prefix = clean_prefix(clean(incident_prefix))
        if prefix is None:
            problems.append(Problem("incident_prefix", "prefix_invalid"))
        committee = clean_text(committee, "committee", 40, problems=problems)
        new = {"station.name": name, NUMBER_PREFIX_KEY: prefix, COMMITTEE_KEY: committee}
        if attendance_days_back is not None:
            new[DAYS_BACK_KEY] = checked_int(attendance_days_back, "attendance_days_back", problems, 0, MAX_DAYS_BACK)
        new.update(_issuer(head, phone, inactive_days, problems))
        if problems:
            raise ValidationError(problems)
        with self._db.write() as s:
            old = read_settings(s)
            changes = {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
            for key in changes:
                write_setting(s, key, new[key])
            if changes:
                record(s, self._access, "settings", "station", "", changes)
        return self.settings()


def _issuer(head: str | None, phone: str | None, inactive_days: int | None, problems: list[Problem]) -> dict:
    out: dict = {}
    if head is not None:
        out["station.head"] = clean_text(head, "station_head", 40, problems=problems)
    if phone is not None and clean(phone):
        try:
            out["station.phone"] = normalize_phone(phone, "station_phone")
        except ValidationError as exc:
            problems += exc.problems
    elif phone is not None:
        out["station.phone"] = ""
    if inactive_days is not None:
        days = checked_int(inactive_days, "inactive_days", problems, 7, 730)
        if days is not None:
            out["records.inactive_days"] = days
    return out


def check_station_name(raw: str) -> str:
    return clean_text(raw, "station_name", 40, required=True)
