"""Moving a volunteer between the dialog's widgets and the service's dataclasses: the
widgets filled from a `Volunteer`, and a `VolunteerForm` read back from them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate

from redband_desktop.domain.access import Action
from redband_desktop.services.roster.types import Volunteer, VolunteerForm
from redband_desktop.ui.widgets.form_inputs import BLANK_DATE

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService
    from redband_desktop.ui.roster.volunteer_dialog import VolunteerDialog


def read_form(d: VolunteerDialog, masked_id: bool) -> VolunteerForm:
    """Raw text as typed (the service normalises it); a still-masked ID number is None,
    meaning "keep the stored one"."""
    birth = d.birth_date.date()
    return VolunteerForm(
        name=d.name.text(),
        gender=d.gender.currentData() or "",
        id_number=None if masked_id else d.id_number.text(),
        birth_date=None if birth == BLANK_DATE else birth.toPython(),
        phone=d.phone.text(),
        address=d.address.text(),
        political_status=d.political.currentData() or "",
        background=d.background.currentData() or "",
        site_id=d.place.site_id(),
        building_id=d.place.building_id(),
        zone_id=d.place.zone_id(),
        joined_on=d.joined_on.date().toPython(),
        in_wechat_group=d.wechat.isChecked(),
        emergency_name=d.emergency_name.text(),
        emergency_phone=d.emergency_phone.text(),
        notes=d.notes.toPlainText(),
        skill_ids=d.skills.checked_ids(),
        photo=d.photo.photo_bytes,
        photo_crop=d.photo.photo_crop,
        remove_photo=d.photo.remove,
    )


def fill_form(d: VolunteerDialog, v: Volunteer, roster: RosterService) -> None:
    """Show a stored volunteer; what the signed-in user may not do is disabled."""
    d.name.setText(v.name)
    d.id_number.setText(v.id_number)
    d.reveal_id.set_volunteer(v.id, roster.can(Action.REVEAL))
    d.save_button.setEnabled(roster.can(Action.EDIT, v.district_id))
    d.gender.setCurrentIndex(d.gender.findData(v.gender.value))
    d.birth_date.setDate(QDate(v.birth_date))
    d.phone.setText(v.phone)
    d.address.setText(v.address)
    d.political.setCurrentIndex(d.political.findData(v.political_status.value))
    d.background.setCurrentIndex(d.background.findData(v.background.value))
    d.place.set_place(v.site_id, v.building_id, v.zone_id)
    d.joined_on.setDate(QDate(v.joined_on))
    d.wechat.setChecked(v.in_wechat_group)
    d.emergency_name.setText(v.emergency_name)
    d.emergency_phone.setText(v.emergency_phone)
    d.notes.setPlainText(v.notes)
    d.skills.set_checked(v.skill_ids)
    d.photo.set_stored(roster.photo(v.id) if v.has_photo else None)
    if d.history is not None:
        d.history.set_entries(v.history)
