"""Adding or editing one volunteer.

The dialog collects raw input and hands it to `RosterService.create/update` as a
`VolunteerForm`; the service normalises and checks everything. What comes back is shown
where the clerk is looking: each problem in red directly under its field, the first
wrong field focused, nothing typed lost, and the dialog stays open. While the ID number
is typed, a hint under it shows the birth date, gender and region it encodes, and a valid
number fills in gender and birth date (the clerk may still change them; the service
cross-checks). Warnings that do not block saving are shown once the record is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from redband_desktop.domain.enums import Background, Gender, PoliticalStatus, SiteKind
from redband_desktop.errors import RedbandError, ValidationError
from redband_desktop.services.roster.types import Saved, Volunteer, VolunteerForm
from redband_desktop.ui.i18n import label, ui_lang
from redband_desktop.ui.roster.id_number_hint import IdNumberField, IdNumberHint
from redband_desktop.ui.roster.photo_box import PhotoBox
from redband_desktop.ui.roster.reveal_button import RevealButton
from redband_desktop.ui.roster.skills_list import SkillsList
from redband_desktop.ui.roster.status_history_table import StatusHistoryTable
from redband_desktop.ui.roster.volunteer_form_io import fill_form, read_form
from redband_desktop.ui.widgets.combos import enum_combo
from redband_desktop.ui.widgets.feedback import show_error
from redband_desktop.ui.widgets.field_errors import FieldErrors
from redband_desktop.ui.widgets.fitting import fit_to_screen, scrolling_body
from redband_desktop.ui.widgets.form_inputs import BLANK_DATE, date_edit, line_edit
from redband_desktop.ui.widgets.place_combos import PlaceCombos
from redband_desktop.ui.widgets.required import field_caption, required_note

if TYPE_CHECKING:
    from redband_desktop.services.roster.service import RosterService
    from redband_desktop.services.sites.structure import StructureService

MIDDLE_MIN_WIDTH = 320  # px: room for the site names and the skills in columns


class VolunteerDialog(QDialog):
    """Add (volunteer=None) or edit a volunteer; emits `saved(Saved)` after a save."""

    saved = Signal(object)

    def __init__(
        self,
        roster: RosterService,
        structure: StructureService,
        volunteer: Volunteer | None = None,
        parent: QWidget | None = None,
        activity: QTabWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._roster = roster
        self._volunteer = volunteer
        self.activity = activity  # the volunteer's incidents, clues and cases, beside the history
        self._errors = FieldErrors()
        self.setObjectName("volunteer_dialog")
        self.setWindowTitle(
            self.tr("Add volunteer") if volunteer is None
            else self.tr("Edit volunteer: {name}").format(name=volunteer.name)
        )
        self._make_inputs(structure)
        self._make_buttons()
        self._build_layout()
        self._connect()
        self._loaded: VolunteerForm | None = None
        if volunteer is not None:
            self._load(volunteer)
            self._loaded = self.form()
        self._set_tab_order()
        fit_to_screen(self, 900, 620 if activity is None else 700)  # room for the activity tabs
        self.name.setFocus()

    # -- widgets ---------------------------------------------------------------------------
    def _make_inputs(self, structure: StructureService) -> None:
        """Create the inputs in visual order (which is also the default focus order)."""
        self.name = line_edit(self, "name", 40)
        self.id_number = line_edit(self, "id_number", 24)
        self.id_number.setPlaceholderText(self.tr("18 characters, the last may be X"))
        self.id_hint = IdNumberHint(self)
        self.reveal_id = RevealButton(self._roster, "id_number", self)
        self.gender = enum_combo(Gender, "gender", placeholder=self.tr("Choose"), parent=self)
        # Narrow, so that the birth date fits beside it.
        self.gender.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.gender.setMinimumContentsLength(4)
        self.birth_date = date_edit(self, "birth_date", BLANK_DATE, BLANK_DATE)
        self.birth_date.setSpecialValueText(self.tr("From ID"))
        self.phone = line_edit(self, "phone", 30)
        self.phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.address = line_edit(self, "address", 200)
        self.political = enum_combo(PoliticalStatus, "political_status", placeholder="", parent=self)
        self.political.setCurrentIndex(self.political.findData(PoliticalStatus.MASSES.value))
        self.background = enum_combo(Background, "background", placeholder=self.tr("Choose"), parent=self)
        self.place = PlaceCombos(structure, self)
        self.joined_on = date_edit(self, "joined_on", QDate.currentDate(), BLANK_DATE)
        self.wechat = QCheckBox(self.tr("Is in the volunteers' WeChat group"), self)
        self.wechat.setObjectName("wechat")
        self.emergency_name = line_edit(self, "emergency_name", 40)
        self.emergency_phone = line_edit(self, "emergency_phone", 30)
        self.emergency_name.setPlaceholderText(self.tr("Name"))
        self.emergency_phone.setPlaceholderText(self.tr("Phone"))
        self.skills = SkillsList(self)
        self.skills.set_skills(self._roster.skills())
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(44)
        self.photo = PhotoBox(self)
        self.history = StatusHistoryTable(self) if self._volunteer is not None else None

    def _make_buttons(self) -> None:
        self.general_error = FieldErrors.make_label("form")  # problems without a field of their own
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setText(self.tr("Save"))
        self.save_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        cancel.setText(self.tr("Cancel"))

    # -- layout ------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        # Groups are built in visual order: errors register in it, and focus follows it.
        columns = QHBoxLayout()
        columns.addWidget(self._basic_group(), 1)
        middle = QVBoxLayout()
        for group, stretch in ((self._place_group(), 0), (self._other_group(), 1)):
            group.setMinimumWidth(MIDDLE_MIN_WIDTH)
            middle.addWidget(group, stretch)
        columns.addLayout(middle, 1)
        columns.addWidget(self._photo_group())
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self._form_part = QWidget(body)  # hidden while the records below are enlarged
        columns.setContentsMargins(0, 0, 0, 0)
        self._form_part.setLayout(columns)
        layout.addWidget(self._form_part, 1)
        self._body_layout = layout
        if self.history is not None:
            self._history_box = self._history_group()
            layout.addWidget(self._history_box)
        footer_row = QWidget(self)
        footer = QHBoxLayout(footer_row)
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(required_note(self))
        footer.addWidget(self.general_error, 1)
        footer.addWidget(self.buttons)
        scrolling_body(self, body, footer_row)  # scrolls on a laptop; the buttons stay in sight

    def _row(self, form: QFormLayout, text: str, widget: QWidget, field: str | None = None,
             required: bool = False, extra: QWidget | None = None) -> None:
        caption_label = field_caption(text, required, self)
        caption_label.setBuddy(widget)
        if extra is None:
            form.addRow(caption_label, widget)
        else:  # a small button beside the input, e.g. "Show…" for a masked value
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(extra)
            form.addRow(caption_label, row)
        if field is not None:
            self._errors.add_to_form(field, form, widget)

    def _pair(self, first: QWidget, second: QWidget, caption: str = "") -> QHBoxLayout:
        """Two short inputs on one row (saves height), the second with its own caption."""
        pair = QHBoxLayout()
        pair.addWidget(first, 2)
        if caption:
            label_ = QLabel(caption, self)
            label_.setBuddy(second)
            pair.addWidget(label_)
        pair.addWidget(second, 3)
        return pair

    def _form(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        return form

    def _basic_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Basic information"), self)
        form = self._form(group)
        self._basic_form = form
        if self._volunteer is not None:  # given when the volunteer was added; never changes
            form.addRow(self.tr("Volunteer number"), QLabel(self._volunteer.volunteer_no, self, objectName="volunteer_no"))
        self._row(form, self.tr("Name"), self.name, "name", required=True)
        self._row(form, self.tr("ID number"), self.id_number, None, required=True, extra=self.reveal_id)
        form.addRow("", self.id_hint)
        form.setRowVisible(self.id_hint, False)
        self._errors.add_to_form("id_number", form, self.id_number)
        pair = self._pair(self.gender, self.birth_date, self.tr("Birth date"))
        form.addRow(QLabel(self.tr("Gender"), self), pair)
        self._errors.add_to_form("gender", form, self.gender)
        self._errors.add_to_form("birth_date", form, self.birth_date)
        self._row(form, self.tr("Phone"), self.phone, "phone", required=True)
        self._row(form, self.tr("Address"), self.address, "address")
        self._row(form, self.tr("Political status"), self.political, "political_status",
                  required=True)
        self._row(form, self.tr("Background"), self.background, "background", required=True)
        return group

    def _place_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Place of service"), self)
        form = self._form(group)
        self._place_form = form
        self._row(form, self.tr("District"), self.place.district)
        self._row(form, self.tr("Site"), self.place.site, "site_id", required=True)
        self._row(form, self.tr("Building"), self.place.building, "building_id")
        self._row(form, self.tr("Market zone"), self.place.zone, "zone_id")
        self._row(form, self.tr("Joined on"), self.joined_on, "joined_on", required=True)
        self._show_place_rows(None)
        return group

    def _other_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Other"), self)
        form = self._form(group)
        form.addRow(self.wechat)
        pair = self._pair(self.emergency_name, self.emergency_phone)
        caption = QLabel(self.tr("Emergency contact"), self)
        caption.setBuddy(self.emergency_name)
        form.addRow(caption, pair)
        self._errors.add_to_form("emergency_name", form, self.emergency_name)
        self._errors.add_to_form("emergency_phone", form, self.emergency_phone)
        # The skills take the whole width so that several fit side by side.
        caption = QLabel(self.tr("Skills"), self)
        caption.setBuddy(self.skills)
        form.addRow(caption)
        form.addRow(self.skills)
        self._errors.add_to_form("skills", form, self.skills)
        self._row(form, self.tr("Notes"), self.notes, "notes")
        return group

    def _photo_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Photo"), self)
        box = QVBoxLayout(group)
        box.addWidget(self.photo)
        self._errors.add_label("photo", self.photo.error, self.photo.choose_button)
        return group

    def _history_group(self) -> QGroupBox:
        assert self._volunteer is not None and self.history is not None
        v = self._volunteer
        group = QGroupBox(self.tr("Status: {status} since {date}").format(
            status=label(v.status), date=v.status_since.isoformat()), self)
        box = QVBoxLayout(group)
        if self.activity is None:
            self.history.setFixedHeight(98)
            box.addWidget(self.history)
        else:
            self.activity.insertTab(0, self.history, self.tr("Status history"))
            self.activity.setCurrentIndex(0)
            self.activity.setFixedHeight(150)
            box.addWidget(self.activity)
            # On a laptop the tabs get 150 px under the form: this gives them the whole dialog.
            self.enlarge = QToolButton(self, objectName="enlarge_records", checkable=True)
            self.enlarge.setText(self.tr("Enlarge"))
            self.enlarge.setToolTip(self.tr("Show the records over the whole dialog (the form is kept; "
                                            "press again to go back)"))
            self.enlarge.toggled.connect(self._enlarge_records)
            self.activity.setCornerWidget(self.enlarge, Qt.Corner.TopRightCorner)
        return group

    def _enlarge_records(self, on: bool) -> None:
        self._form_part.setVisible(not on)
        if on:
            self.activity.setMinimumHeight(150)
            self.activity.setMaximumHeight(16_777_215)  # QWIDGETSIZE_MAX
        else:
            self.activity.setFixedHeight(150)
        self._body_layout.setStretchFactor(self._history_box, 1 if on else 0)
        self.enlarge.setText(self.tr("Restore") if on else self.tr("Enlarge"))

    def _show_place_rows(self, kind: SiteKind | None) -> None:
        self._place_form.setRowVisible(self.place.building, kind is SiteKind.COMPOUND)
        self._place_form.setRowVisible(self.place.zone, kind is SiteKind.MARKET)
        if kind is not SiteKind.COMPOUND:
            self._errors.set("building_id", "")
        if kind is not SiteKind.MARKET:
            self._errors.set("zone_id", "")

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name, self.id_number, self.gender, self.birth_date, self.phone, self.address,
            self.political, self.background, self.place.district, self.place.site,
            self.place.building, self.place.zone, self.joined_on, self.wechat,
            self.emergency_name, self.emergency_phone, self.skills, self.notes,
            self.photo.choose_button, self.photo.remove_button,
        ]
        if self.history is not None:
            chain.append(self.history)
        chain += [self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- behaviour ---------------------------------------------------------------------------
    def _connect(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.id_field = IdNumberField(
            self.id_number, self.id_hint, self._basic_form, self._errors, self.gender, self.birth_date,
            self._volunteer.id_number if self._volunteer is not None else None)
        self.reveal_id.revealed.connect(self.id_field.revealed)
        self.place.kind_changed.connect(self._show_place_rows)
        for field, edit in (("name", self.name), ("phone", self.phone),
                            ("address", self.address), ("emergency_name", self.emergency_name),
                            ("emergency_phone", self.emergency_phone)):
            edit.textEdited.connect(lambda _t, f=field: self._errors.set(f, ""))
        for field, combo in (("gender", self.gender), ("background", self.background),
                             ("site_id", self.place.site), ("building_id", self.place.building),
                             ("zone_id", self.place.zone)):
            combo.activated.connect(lambda _i, f=field: self._errors.set(f, ""))

    def form(self) -> VolunteerForm:
        """The form as the clerk has filled it in, raw text included."""
        return read_form(self, masked_id=self.id_field.masked())

    def close_unchanged(self) -> bool:
        """Close if nothing was changed (to go on elsewhere, e.g. print the card); with
        changes, say to save or cancel them first and stay open."""
        if self._loaded is not None and self.form() != self._loaded:
            self.general_error.setText(self.tr("Save or cancel your changes first."))
            self.general_error.setVisible(True)
            return False
        self.reject()
        return True

    def save(self) -> None:
        """Submit the form; stay open on any expected failure."""
        self._errors.clear()
        self.general_error.setVisible(False)
        try:
            result = self._submit(self.form())
        except ValidationError as exc:
            self._show_problems(exc)
            return
        except RedbandError as exc:
            show_error(self, exc)
            return
        self._volunteer = result.volunteer
        self.id_field.stored = result.volunteer.id_number
        self.saved.emit(result)
        if result.warnings:
            QMessageBox.information(
                self, self.tr("Saved"),
                self.tr("The volunteer was saved. Please note:\n{warnings}").format(
                    warnings="\n".join(w.message(ui_lang()) for w in result.warnings)),
            )
        self.accept()

    def _submit(self, form: VolunteerForm) -> Saved:
        if self._volunteer is None:
            return self._roster.create(form)
        return self._roster.update(self._volunteer.id, self._volunteer.version, form)

    def _show_problems(self, exc: ValidationError) -> None:
        self._errors.show_problems(exc, self.general_error)
        if any(p.field == "id_number" for p in exc.problems):
            self.id_field.show_problem()

    def _load(self, v: Volunteer) -> None:
        fill_form(self, v, self._roster)
