"""Points (积分): the rule table the station edits, each volunteer's balance with the entries
that make it up, prizes exchanged for points, and a ranking of the points earned in a period.

Earned points are counted from the records each time (`query.entries`) by the rule in
force on each record's day, so a changed rule — a new version with the date it applies
from, never earlier than today — never rewrites the past. Administrators edit the rules
(the settings right); clerks and officers (in their district) record redemptions, which
are refused beyond the balance; everything written is audited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import District, Site, Volunteer
from redband_desktop.db.models.points import PointRedemption, PointRule
from redband_desktop.domain.access import Action, Role
from redband_desktop.domain.points import MAX_POINTS, RULE_KINDS
from redband_desktop.errors import NotFoundError, Problem, ValidationError
from redband_desktop.services.points.query import entries, rule_book
from redband_desktop.services.points.types import (
    PointEntry,
    PointRuleRow,
    PointsAccount,
    PointsRankRow,
    RedemptionForm,
    RedemptionRow,
)
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import diff, record
from redband_desktop.services.shared.rules import clean_text, fetch
from redband_desktop.services.shared.values import checked_date, checked_int

MAX_REDEMPTION = 100_000


class PointsService:
    def __init__(self, db: Database, access: AccessControl, today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._access = access
        self._today = today

    # -- the rule table ------------------------------------------------------------------
    def rules(self) -> list[PointRuleRow]:
        """Every version of every rule, by kind (in RULE_KINDS order), newest version first."""
        self._access.require(Action.READ)
        today = self._today()
        order = {k: i for i, k in enumerate(RULE_KINDS)}
        with self._db.read() as s:
            rows = self._rules_in(s, today)
        return sorted(rows, key=lambda r: (order.get(r.kind, len(order)), r.kind, -r.effective_from.toordinal()))

    def set_rule(self, kind: str, points: object, effective_from: object) -> PointRuleRow:
        """A new version of a rule, in force from `effective_from` (today or later; the
        past keeps the rules it had). A version already set for that very date is replaced."""
        actor = self._access.require(Action.SETTINGS)
        today = self._today()
        problems: list[Problem] = []
        if kind not in RULE_KINDS:
            problems.append(Problem("rule_kind", "invalid_choice" if kind else "required", {"value": str(kind)[:40]}))
        value = checked_int(points, "points", problems, 0, MAX_POINTS)
        if points is None or points == "":
            problems.append(Problem("points", "required"))
        day = checked_date(effective_from, "effective_from", problems, date(9999, 12, 31), earliest=today)
        if effective_from is None:
            problems.append(Problem("effective_from", "required"))
        if problems:
            raise ValidationError(problems)
        with self._db.write() as s:
            row = s.scalar(select(PointRule).where(PointRule.kind == kind, PointRule.effective_from == day))
            label = f"{_kind_label(kind)} {day:%Y-%m-%d} 起"
            if row is None:
                row = PointRule(kind=kind, points=value, effective_from=day, created_by=actor.username)
                s.add(row)
                s.flush()
                record(s, self._access, "create", "point_rule", row.id,
                       {"kind": [None, kind], "points": [None, value], "effective_from": [None, day.isoformat()]},
                       label)
            elif row.points != value:
                before = row.points
                row.points, row.created_by = value, actor.username
                s.flush()
                record(s, self._access, "update", "point_rule", row.id, {"points": [before, value]}, label)
            return next(r for r in self._rules_in(s, today) if r.id == row.id)

    def remove_rule(self, rule_id: int) -> None:
        """Take back a version not yet in force (its date after today)."""
        self._access.require(Action.SETTINGS)
        today = self._today()
        with self._db.write() as s:
            row = fetch(s, PointRule, rule_id)
            if row.effective_from <= today:
                raise ValidationError.single("effective_from", "points_rule_in_force",
                                             day=row.effective_from.isoformat())
            record(s, self._access, "delete", "point_rule", row.id,
                   {"points": [row.points, None], "effective_from": [row.effective_from.isoformat(), None]},
                   f"{_kind_label(row.kind)} {row.effective_from:%Y-%m-%d} 起")
            s.delete(row)

    def _rules_in(self, s: Session, today: date) -> list[PointRuleRow]:
        rows = list(s.scalars(select(PointRule)))
        current = {}
        for r in rows:
            if r.effective_from <= today and r.effective_from > current.get(r.kind, date.min):
                current[r.kind] = r.effective_from
        return [PointRuleRow(r.id, r.kind, _kind_label(r.kind), _kind_unit(r.kind), r.points, r.effective_from,
                             current.get(r.kind) == r.effective_from, r.created_at, r.created_by) for r in rows]

    # -- a volunteer's points --------------------------------------------------------------
    def account(self, volunteer_id: int) -> PointsAccount:
        """The volunteer's points: every entry (newest first), the redemptions and the balance."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            return _account(s, volunteer_id)

    def account_by_number(self, volunteer_no: str) -> PointsAccount:
        """The points of the volunteer with this volunteer number (志愿者编号)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            vid = s.scalar(select(Volunteer.id).where(Volunteer.volunteer_no == volunteer_no.strip().upper()))
            if vid is None:
                raise NotFoundError(what="volunteers", id=volunteer_no)
            return _account(s, vid)

    def redeem(self, form: RedemptionForm) -> PointsAccount:
        """Record a prize handed over for points; refused beyond the balance, nothing saved."""
        with self._db.write() as s:
            v = fetch(s, Volunteer, form.volunteer_id)
            district = s.get(Site, v.site_id).district_id
            actor = self._access.require(Action.EDIT, district)
            problems: list[Problem] = []
            prize = clean_text(form.prize, "prize", 100, required=True, problems=problems)
            handed_by = clean_text(form.handed_by, "handed_by", 40, required=True, problems=problems)
            notes = clean_text(form.notes, "notes", 200, problems=problems)
            points = checked_int(form.points, "points", problems, 1, MAX_REDEMPTION)
            if form.points is None or form.points == "":
                problems.append(Problem("points", "required"))
            day = checked_date(form.day, "day", problems, self._today(), late_code="date_in_future")
            if form.day is None:
                problems.append(Problem("day", "required"))
            if points is not None:
                have = _account(s, v.id)
                if points > have.balance:
                    problems.append(Problem("points", "points_over_balance",
                                            {"points": points, "balance": have.balance, "name": v.name}))
            if problems:
                raise ValidationError(problems)
            row = PointRedemption(volunteer_id=v.id, day=day, prize=prize, points=points, handed_by=handed_by,
                                  notes=notes, recorded_by=actor.username)
            s.add(row)
            s.flush()
            record(s, self._access, "create", "redemption", row.id,
                   diff({}, {"volunteer": v.volunteer_no, "prize": prize, "points": points,
                             "day": day.isoformat(), "handed_by": handed_by, "notes": notes}),
                   f"{v.name}（{v.volunteer_no}）兑换 {prize} {points} 分")
            return _account(s, v.id)

    def cancel_redemption(self, redemption_id: int) -> PointsAccount:
        """Take back a redemption recorded in error (the points return to the balance); audited."""
        with self._db.write() as s:
            row = fetch(s, PointRedemption, redemption_id)
            v = s.get(Volunteer, row.volunteer_id)
            self._access.require(Action.DELETE, s.get(Site, v.site_id).district_id)
            record(s, self._access, "delete", "redemption", row.id,
                   diff({"prize": row.prize, "points": row.points, "day": row.day.isoformat(),
                         "handed_by": row.handed_by}, {"prize": None, "points": None, "day": None,
                                                       "handed_by": None}),
                   f"{v.name}（{v.volunteer_no}）撤销兑换 {row.prize} {row.points} 分")
            s.delete(row)
            s.flush()
            return _account(s, v.id)

    # -- the ranking -----------------------------------------------------------------------
    def ranking(self, first: date, last: date, district_id: int | None = None,
                limit: int | None = None) -> list[PointsRankRow]:
        """Points earned from `first` to `last` per volunteer, most first (equal points share
        a rank). An officer's ranking is their own district's."""
        actor = self._access.require(Action.STATS)
        if last < first:
            raise ValidationError.single("date_to", "date_before", other=first.isoformat())
        if actor.role is Role.OFFICER:
            district_id = actor.district_id
        with self._db.read() as s:
            if district_id is not None and s.get(District, district_id) is None:
                raise ValidationError.single("district", "invalid_choice", value=district_id)
            totals: dict[int, int] = defaultdict(int)
            for e in entries(s, None, first, last, detailed=False):
                totals[e.volunteer_id] += e.points
            q = (select(Volunteer.id, Volunteer.name, Volunteer.volunteer_no, Site.name, Volunteer.status,
                        Site.district_id).join(Site, Site.id == Volunteer.site_id)
                 .where(Volunteer.id.in_(list(totals))))
            people = [p for p in s.execute(q) if district_id is None or p[5] == district_id]
        ordered = sorted(people, key=lambda p: (-totals[p[0]], p[2]))
        out, rank, previous = [], 0, None
        for i, (vid, name, number, site, status, _d) in enumerate(ordered, start=1):
            if totals[vid] != previous:
                rank, previous = i, totals[vid]
            out.append(PointsRankRow(rank, vid, name, number, site, status, totals[vid]))
        return out[:limit] if limit else out

    def rule_points(self, kind: str, day: date) -> int:
        """The points a kind of record earns on `day` (for forms that preview it)."""
        self._access.require(Action.READ)
        with self._db.read() as s:
            return rule_book(s).points(kind, day)


def _account(s: Session, volunteer_id: int) -> PointsAccount:
    v = fetch(s, Volunteer, volunteer_id)
    district = s.get(Site, v.site_id).district_id
    found: list[PointEntry] = sorted(entries(s, [v.id]), key=lambda e: (e.day, e.source, e.source_id),
                                     reverse=True)
    redemptions = [RedemptionRow(r.id, r.day, r.prize, r.points, r.handed_by, r.notes, r.recorded_at,
                                 r.recorded_by)
                   for r in s.scalars(select(PointRedemption).where(PointRedemption.volunteer_id == v.id)
                                      .order_by(PointRedemption.day.desc(), PointRedemption.id.desc()))]
    redeemed = s.scalar(select(func.coalesce(func.sum(PointRedemption.points), 0))
                        .where(PointRedemption.volunteer_id == v.id))
    return PointsAccount(v.id, v.name, v.volunteer_no, district, sum(e.points for e in found), int(redeemed),
                         tuple(found), tuple(redemptions))


def _kind_label(kind: str, lang: str = "zh_CN") -> str:
    k = RULE_KINDS.get(kind)
    return k.label(lang) if k else kind


def _kind_unit(kind: str, lang: str = "zh_CN") -> str:
    k = RULE_KINDS.get(kind)
    return k.unit(lang) if k else ""
