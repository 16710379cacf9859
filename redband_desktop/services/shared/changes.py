"""What a user action changed, as typed kinds, and the feed that tells the window.

Every action records what it did in the audit trail (`audit_log.record`), inside its own
transaction; the same call notes the kind of record it touched on the session
(`note`). When the write transaction has committed, the database hands the session's
notes to the `ChangeFeed`, which tells its subscribers once, with every kind the action
changed (a volunteer marked as left: VOLUNTEERS | CARDS, since their card is revoked in the
same transaction). Pages subscribe to the kinds they show. Nothing is published for a
transaction that rolled back. A restore replaces the whole file and publishes ALL itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from enum import Flag, auto
from typing import Any

from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database


class Change(Flag):
    VOLUNTEERS = auto()  # people, their status, photos, skills
    PLACES = auto()  # districts, sites, buildings, market zones (and their names)
    HEADS = auto()  # building heads and zone leads
    CARDS = auto()  # ID cards and the register
    INCIDENTS = auto()
    CLUES = auto()
    MEDIATION = auto()
    DUTY = auto()  # the rota: shift templates, shifts, assignments, skipped dates
    ACTIVITIES = auto()  # outreach, drills, training … and who took part
    USERS = auto()  # accounts, sign-ins, locks
    SETTINGS = auto()  # station, security, card design, backup folder
    AUDIT = auto()  # every action adds to the trail
    ALL = (VOLUNTEERS | PLACES | HEADS | CARDS | INCIDENTS | CLUES | MEDIATION | DUTY | ACTIVITIES | USERS
           | SETTINGS | AUDIT)


NONE = Change(0)
_KEY = "redband.changes"

# The audit trail's entity names → the kind of record they are.
_ENTITIES = {
    "volunteer": Change.VOLUNTEERS, "district": Change.PLACES, "site": Change.PLACES,
    "building": Change.PLACES, "zone": Change.PLACES, "card": Change.CARDS,
    "incident": Change.INCIDENTS, "clue": Change.CLUES, "mediation": Change.MEDIATION,
    "user": Change.USERS, "station": Change.SETTINGS, "backup": Change.SETTINGS,
    "coverage": NONE, "audit": NONE, "stats": NONE,
    "import": Change.VOLUNTEERS, "head_import": Change.HEADS,  # a sheet brought in (services/importing)
    "shift_template": Change.DUTY, "shift": Change.DUTY, "skipped_date": Change.DUTY,
    "activity": Change.ACTIVITIES,
    "point_rule": Change.SETTINGS, "redemption": Change.VOLUNTEERS,  # points (services/points)
}
# Actions that only read (an export, a backup, a print of a document, a revealed number)
# change nothing anyone is shown but the audit trail; assigning a head changes heads, not places.
_READ_ONLY = {"export", "backup", "reveal", "verify", "record.certificate.reprint"}
_HEADS = {"assign", "unassign"}


def kinds_of(action: str, entity: str) -> Change:
    """The kinds one recorded action changed (always AUDIT). An entity with no kind is a
    programming error, so a new record type cannot slip past the pages unnoticed."""
    if entity not in _ENTITIES:
        raise ValueError(f"audit entity {entity!r} has no change kind (services/shared/changes.py)")
    if action in _READ_ONLY or (action == "print" and entity != "card"):  # a card print counts copies
        return Change.AUDIT
    if action in _HEADS:
        return Change.HEADS | Change.AUDIT
    if action == "settings":
        return Change.SETTINGS | Change.AUDIT
    return _ENTITIES[entity] | Change.AUDIT


def note(session: Session, kinds: Change) -> None:
    """Remember on the session that its transaction changes `kinds`."""
    session.info[_KEY] = session.info.get(_KEY, NONE) | kinds


def forget(session: Session) -> None:
    """Drop the session's notes: its caller tells the window itself (a restore, which
    publishes ALL once the new file is in place)."""
    session.info.pop(_KEY, None)


Listener = Callable[[Change], None]


class ChangeFeed:
    """Tells subscribers what each committed write changed. Subscribers are called in the
    thread that committed (a background job's, for slow work): a window must hop to its
    own thread (the UI does it with a queued signal)."""

    def __init__(self, db: Database) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        db.on_commit(self._committed)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(kinds)` after each change; returns the call that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, kinds: Change) -> None:
        if not kinds:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(kinds)

    def _committed(self, info: dict[str, Any]) -> None:
        self.publish(info.pop(_KEY, NONE))
