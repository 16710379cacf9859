"""First run: name the station, create its first administrator and, if asked, load the
demonstration station.

Everything the user typed is checked before anything is written; the demo is loaded
before the station is marked as set up, so a failed load leaves a database that still
offers the first-run dialog instead of a half-filled station.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redband_desktop.db.engine import Database
from redband_desktop.errors import ValidationError
from redband_desktop.services.accounts.service import AccountService
from redband_desktop.services.station.service import StationService, check_station_name
from redband_desktop.services.station.types import StationSettings


@dataclass(frozen=True)
class FirstAdmin:
    username: str
    display_name: str
    password: str
    confirm: str


def shown_location(location: str) -> str:
    """A database location as it may be shown: a PostgreSQL URL's password hidden."""
    from redband_desktop.db.engine import database_url, shown_url

    return shown_url(database_url(location.strip())) if location.strip() else ""


def check_location(location: str) -> str:
    """Check a database location typed by an administrator (a file path or a
    postgresql:// URL): "new", "current" or "older", or a DatabaseError saying why not."""
    from redband_desktop.db.engine import database_url
    from redband_desktop.db.migrate import location_state

    if not location.strip():
        raise ValidationError.single("database", "required")
    return location_state(database_url(location.strip()))


@dataclass(frozen=True)
class SetupResult:
    station: StationSettings
    demo_volunteers: int


class SetupService:
    def __init__(self, db: Database, station: StationService, accounts: AccountService) -> None:
        self._db = db
        self._station = station
        self._accounts = accounts

    def is_done(self) -> bool:
        return self._station.settings().initialised

    def needs_admin(self) -> bool:
        return not self._accounts.has_users()

    def first_run(
        self, station_name: str, admin: FirstAdmin | None, with_demo: bool, today: date | None = None,
        demo_volunteers: int | None = None,
    ) -> SetupResult:
        """Name the station, create its first administrator and, `with_demo`, load the
        demonstration station (`demo_volunteers` people, by default the demo's own number;
        fewer for `redband self-test`)."""
        problems = []
        try:
            check_station_name(station_name)
        except ValidationError as exc:
            problems.extend(exc.problems)
        create_admin = admin is not None and self.needs_admin()
        if create_admin:
            problems.extend(self._accounts.first_admin_problems(admin.username, admin.display_name,
                                                                admin.password, admin.confirm))
        if problems:
            raise ValidationError(problems)
        if create_admin:
            self._accounts.create_first_admin(admin.username, admin.display_name, admin.password, admin.confirm)
        volunteers = 0
        if with_demo:
            from redband_desktop.demo.station import STATION_HEAD, STATION_PHONE, load_demo
            from redband_desktop.services.shared.settings import write_setting

            sized = {"volunteers": demo_volunteers} if demo_volunteers is not None else {}
            volunteers = load_demo(self._db, today=today, **sized).volunteers
            with self._db.write() as s:  # the demo's certificates name a head and a phone
                write_setting(s, "station.head", STATION_HEAD)
                write_setting(s, "station.phone", STATION_PHONE)
                _demo_certificates(s, today or date.today(), admin.username if create_admin else "")
        return SetupResult(self._station.initialise(station_name), volunteers)



def _demo_certificates(s, today: date, issued_by: str) -> None:  # noqa: ANN001 - a write session
    """The certificates the demo station has already issued, by the records service's own
    numbering and service time: last year's for its five volunteers with the most hours
    (issued in the first days of January) and this year's to the end of last month for two
    who asked for one (issued in the first days of this month, or yesterday)."""
    from datetime import datetime, time, timedelta

    from redband_desktop.services.records.service import register_most_served

    last_month = today.replace(day=1) - timedelta(days=1)
    year = today.year - 1
    batches = [(date(year, 1, 1), date(year, 12, 31), 5, date(today.year, 1, 5)),
               (date(today.year, 1, 1), last_month, 2, min(last_month + timedelta(days=3), today - timedelta(days=1)))]
    for first, last, many, issued_on in batches:
        if issued_on < today and first <= last <= issued_on:
            register_most_served(s, first, last, many, issued_on, issued_by, datetime.combine(issued_on, time(9, 30)))
