"""Rights over the districts an import touches, asked once per district per action.

`AccessControl` re-reads the signed-in account before every check (so a deactivated or
demoted user loses rights at once); asked for each of 10,000 rows that was 10,000 reads
and more than half of an import's time. One import is one user action: its rights are
checked against the account as it is at the action, once for each district it touches.
"""

from __future__ import annotations

from redband_desktop.domain.access import Action
from redband_desktop.services.shared.access import AccessControl


class DistrictRights:
    def __init__(self, access: AccessControl) -> None:
        self._access = access
        self._may: dict[tuple[Action, int | None], bool] = {}
        self._required: set[tuple[Action, int | None]] = set()

    def can(self, action: Action, district_id: int | None = None) -> bool:
        key = (action, district_id)
        if key not in self._may:
            self._may[key] = self._access.can(action, district_id)
        return self._may[key]

    def require(self, action: Action, district_id: int | None = None) -> None:
        """Raise PermissionDenied (with its reason) the first time a district is refused."""
        key = (action, district_id)
        if key not in self._required:
            self._access.require(action, district_id)
            self._required.add(key)
