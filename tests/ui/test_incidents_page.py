"""The incident register page on the demo station: filters and totals, recording an
incident through the dialog (wrong fields shown under the field), closing, reopening
and exporting."""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QFileDialog, QInputDialog

from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.ui.incidents.incident_dialog import IncidentDialog
from redband_desktop.ui.incidents.incidents_page import IncidentsPage


def _page(qtbot, services) -> IncidentsPage:  # noqa: ANN001
    page = IncidentsPage(services)
    qtbot.addWidget(page)
    page.show()
    return page


def test_filters_narrow_the_register_and_show_totals(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    everything = demo_services.incidents.search(IncidentFilter(), limit=0).total
    assert page.model.rowCount() == everything and str(everything) in page.count.text()
    page.category.setCurrentIndex(page.category.findData("fraud"))
    fraud = demo_services.incidents.search(IncidentFilter(category="fraud"), limit=0).total
    assert page.model.rowCount() == fraud < everything
    assert page.model.row_at(0).category == "fraud"
    page.search.setText(page.model.row_at(0).number)
    assert page.model.rowCount() == 1


def test_dialog_shows_wrong_fields_then_saves(qtbot, demo_services, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    before = page.model.rowCount()
    dialog = IncidentDialog(demo_services.incidents, demo_services.roster, demo_services.sites.tree(), None, page)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData("fraud"))
    dialog.fraud_method.setCurrentIndex(dialog.fraud_method.findData("brushing"))
    dialog.loss.setText("-100")
    dialog.occurred_known.setChecked(True)
    dialog.occurred_at.setDateTime(QDateTime.currentDateTime().addDays(1))
    dialog.accept()
    assert dialog.saved is None
    assert dialog.errors.text("loss_yuan") and dialog.errors.text("occurred_at")
    dialog.loss.setText("3000")
    dialog.occurred_known.setChecked(False)
    dialog.summary.setPlainText("刷单返利被骗")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.number.startswith("JJH-")
    page.refresh()
    assert page.model.rowCount() == before + 1
    page.search.setText(dialog.saved.number)
    page.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("立案" if "立案" in a[3] else a[3][2], True))
    page.close_selected()
    assert demo_services.incidents.get(dialog.saved.id).status == "closed"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("补充线索", True))
    page.table.selectRow(0)
    page.reopen_selected()
    assert demo_services.incidents.get(dialog.saved.id).status == "open"
    xlsx = tmp_path / "incidents.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    page.export()
    assert xlsx.read_bytes()[:2] == b"PK"


def test_site_and_volunteer_filters(qtbot, demo_services) -> None:  # noqa: ANN001
    page = _page(qtbot, demo_services)
    everything = page.model.rowCount()
    page.involvement.setCurrentIndex(page.involvement.findData(True))
    helped = page.model.rowCount()
    page.involvement.setCurrentIndex(page.involvement.findData(False))
    assert 0 < helped < everything and helped + page.model.rowCount() == everything
    assert all(page.model.row_at(i).volunteers == 0 for i in range(min(20, page.model.rowCount())))
    page.involvement.setCurrentIndex(0)
    district = demo_services.sites.tree()[0]
    page.district.setCurrentIndex(page.district.findData(district.id))
    assert page.site.count() == len(district.sites) + 1  # "All sites" and the district's own
    site = district.sites[0]
    page.site.setCurrentIndex(page.site.findData(site.id))
    assert page.model.rowCount() == demo_services.incidents.search(IncidentFilter(site_id=site.id), limit=0).total
    assert {page.model.row_at(i).site for i in range(page.model.rowCount())} <= {site.name}


def test_dialog_records_the_building_and_the_volunteers(qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    from redband_desktop.domain.incidents import VolunteerRole
    from redband_desktop.ui.i18n import ui_lang
    from redband_desktop.ui.widgets.volunteer_picker import VolunteerPicker

    tree = demo_services.sites.tree()
    district, site = next((d, s) for d in tree for s in d.sites if len(s.places) > 2)
    dialog = IncidentDialog(demo_services.incidents, demo_services.roster, tree, None)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData("dispute"))
    dialog.district.setCurrentIndex(dialog.district.findData(district.id))
    dialog.site.setCurrentIndex(dialog.site.findData(site.id))
    assert dialog.place.count() == len(site.places) + 1 and dialog.place.isEnabled()
    dialog.place.setCurrentIndex(2)
    chosen = site.places[1]

    def pick(self) -> int:  # the clerk types a name and picks the first match as helper
        self.search.setText("张")
        self.role_combo.setCurrentIndex(self.role_combo.findData("assisted"))
        return int(self.candidates.count() > 0)

    monkeypatch.setattr(VolunteerPicker, "exec", lambda self: pick(self) and (VolunteerPicker.accept(self) or 1))
    dialog.volunteers.pick()
    assert len(dialog.volunteers.links()) == 1 and dialog.volunteers.links()[0][1] == "assisted"
    name = dialog.volunteers.list.item(0).text()
    assert name.startswith("张") and name.endswith(VolunteerRole.ASSISTED.label(ui_lang()))
    dialog.summary.setPlainText("楼上漏水引发邻里纠纷")
    dialog.accept()
    saved = dialog.saved
    assert saved is not None
    kind_id = (saved.form.building_id or saved.form.zone_id)
    assert kind_id == chosen.id and saved.form.volunteers == dialog.volunteers.links()
    again = IncidentDialog(demo_services.incidents, demo_services.roster, tree,
                           demo_services.incidents.get(saved.id))
    qtbot.addWidget(again)
    assert again.place.currentText() == chosen.label
    assert again.volunteers.list.item(0).text() == name


def test_station_settings_dialog_checks_the_prefix(qtbot, demo_services) -> None:  # noqa: ANN001
    from redband_desktop.ui.admin.station_settings_dialog import StationSettingsDialog

    dialog = StationSettingsDialog(demo_services.station)
    qtbot.addWidget(dialog)
    assert dialog.prefix.text() == "JJH"
    dialog.prefix.setText("金家河")
    dialog.accept()
    assert dialog.errors.text("incident_prefix")
    assert demo_services.station.settings().incident_prefix == "JJH"
    dialog.prefix.setText("jjh2")
    dialog.committee.setText("金家河社区人民调解委员会")
    dialog.accept()
    settings = demo_services.station.settings()
    assert (settings.incident_prefix, settings.committee) == ("JJH2", "金家河社区人民调解委员会")


def test_a_dispute_goes_to_mediation_in_one_step(qtbot, demo_services, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    page = _page(qtbot, demo_services)
    page.category.setCurrentIndex(page.category.findData("fraud"))
    page.table.selectRow(0)
    assert not page.mediate_button.isEnabled()
    page.category.setCurrentIndex(page.category.findData("dispute"))
    row = next(page.model.row_at(i) for i in range(page.model.rowCount())
               if not demo_services.incidents.get(page.model.row_at(i).id).mediation_cases)
    page.search.setText(row.number)
    page.table.selectRow(0)
    assert page.mediate_button.isEnabled()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    page.to_mediation()
    (case_id, number), = demo_services.incidents.get(row.id).mediation_cases
    assert number in told[0] and demo_services.mediation.case(case_id).incident_number == row.number
    page.table.selectRow(0)
    page.to_mediation()  # a second time: refused, naming the case it already went to
    assert len(told) == 2 and number in told[1]
    assert len(demo_services.incidents.get(row.id).mediation_cases) == 1


def test_header_clicks_sort_the_register_in_the_database(qtbot, demo_services) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    page = _page(qtbot, demo_services)
    newest = [page.model.row_at(i).received_at for i in range(50)]
    assert newest == sorted(newest, reverse=True)
    page.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # volunteers who took part
    helpers = [page.model.row_at(i).volunteers for i in range(page.model.rowCount())]
    assert helpers == sorted(helpers, reverse=True) and helpers[0] > helpers[-1]
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    numbers = [page.model.row_at(i).number for i in range(page.model.rowCount())]
    assert numbers == sorted(numbers)
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # site, with the district filter still applying
    page.district.setCurrentIndex(1)
    sites = [page.model.row_at(i).site for i in range(page.model.rowCount())]
    assert sites == sorted(sites) and page.model.rowCount() < len(numbers)


def test_a_confidential_caller_is_named_in_the_windows_language(qtbot, demo_services) -> None:  # noqa: ANN001
    """The list and a viewer's form say "(confidential)" through the translation, not a
    Chinese marker from the service (no translator is installed here: the English text)."""
    from dataclasses import replace

    from tests.ui.staff import sign_in_as

    first = demo_services.incidents.search(IncidentFilter(), limit=1).first_page[0]
    detail = demo_services.incidents.get(first.id)
    demo_services.incidents.update(first.id, detail.version, replace(detail.form, caller_confidential=True,
                                                                        caller_name="赵敏"))
    page = _page(qtbot, demo_services)
    page.search.setText(first.number)
    assert page.model.data(page.model.index(0, 5)) == "(confidential)"
    sign_in_as(demo_services, "viewer")
    dialog = IncidentDialog(demo_services.incidents, demo_services.roster, demo_services.sites.tree(),
                            demo_services.incidents.get(first.id))
    qtbot.addWidget(dialog)
    assert dialog.caller_name.text() == "" and dialog.caller_name.placeholderText() == "(confidential)"
