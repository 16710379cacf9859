"""The site page and the coverage view on the demo station, driven as an officer would:
browse the tree, edit details, bulk-add buildings, assign a head by pinyin search, see a
removal refused, and jump from a coverage gap to the assign dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox

from redband_desktop.domain.coverage import PlaceKind
from redband_desktop.domain.names import name_pinyin
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.ui.coverage.coverage_page import CoveragePage
from redband_desktop.ui.sites.assign_dialog import AssignDialog
from redband_desktop.ui.sites.site_page import SitePage
from redband_desktop.ui.sites.site_tree_model import NODE_ROLE


@pytest.fixture(autouse=True)
def _chinese() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


@pytest.fixture
def page(qtbot, demo_services):  # noqa: ANN001, ANN201
    widget = SitePage(demo_services)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def gap_of(services, reason: str):  # noqa: ANN001, ANN201
    return next(g for g in services.coverage.report().gaps if g.reason.value == reason)


def test_tree_shows_districts_sites_and_places(page, demo_services) -> None:  # noqa: ANN001
    model = page.tree.model()  # what the tree shows (the search box filters it)
    assert model.rowCount() == 6
    district = model.index(0, 0)
    assert district.data(NODE_ROLE).kind == "district" and "陈卿" in "".join(
        model.index(r, 0).data() for r in range(6))
    site = model.index(0, 0, district)
    assert site.data(NODE_ROLE).kind == "site" and model.rowCount(site) > 0
    page.tree.setCurrentIndex(site)
    assert page.details.currentWidget() is page.site_form
    assert page.site_form.people.rowCount() > 0
    place = model.index(0, 0, site)
    page.tree.setCurrentIndex(place)
    assert page.details.currentWidget() is page.place_panel
    assert page.place_panel.detail.id == place.data(NODE_ROLE).id


def test_site_details_show_field_errors(page, demo_services) -> None:  # noqa: ANN001
    site = next(s for d in demo_services.sites.tree() for s in d.sites if s.name == "大商汇")
    assert page.select("site", site.id)
    form = page.site_form
    assert form._form.isRowVisible(form.inputs["operator"])
    assert not form._form.isRowVisible(form.inputs["property_company"])
    form.inputs["contact_phone"].setText("12ab")
    form.save()
    assert form._errors.text("contact_phone")
    form.inputs["contact_phone"].setText("13908715555")
    form.inputs["operator"].setText("大商汇市场管理有限公司")
    form.save()
    assert demo_services.sites.site(site.id).form.operator == "大商汇市场管理有限公司"


def test_assign_by_pinyin_from_a_coverage_gap(qtbot, page, demo_services) -> None:  # noqa: ANN001
    gap = gap_of(demo_services, "no_head")
    coverage = CoveragePage(demo_services)
    qtbot.addWidget(coverage)
    row = next(r for r in range(coverage.gaps.rowCount())
               if coverage.gaps.item(r, 0).data(Qt.ItemDataRole.UserRole)
               == (gap.place.kind.value, gap.place.place_id))
    coverage.fix_requested.connect(lambda kind, ident: page.show_place(kind, ident, assign=True))
    coverage.gaps.doubleClicked.emit(coverage.gaps.model().index(row, 0))
    dialog = page.findChild(AssignDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.candidates.count() > 0
    assert dialog.role.text() == ""  # an optional note, not the volunteer's category prefilled
    heads = demo_services.places.posts_of([dialog.candidates.item(i).data(Qt.ItemDataRole.UserRole).id
                                           for i in range(dialog.candidates.count())])
    if heads:  # a candidate who already heads a building or zone says so in the list
        vid, places = next(iter(heads.items()))
        item = next(dialog.candidates.item(i) for i in range(dialog.candidates.count())
                    if dialog.candidates.item(i).data(Qt.ItemDataRole.UserRole).id == vid)
        assert places[0] in item.text()
    first = dialog.candidates.item(0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClicks(dialog.search, name_pinyin(first.name)[1])  # initials: "zj" finds 张洁
    names = [dialog.candidates.item(i).data(Qt.ItemDataRole.UserRole).name for i in range(dialog.candidates.count())]
    assert first.name in names
    dialog.candidates.setCurrentRow(names.index(first.name))
    dialog.accept_choice()
    assert not dialog.isVisible()
    detail = demo_services.places.place(gap.place.kind, gap.place.place_id)
    assert detail.current.volunteer_name == first.name and detail.gap is None
    assert first.name in page.place_panel.head.text()
    coverage.reload()
    assert len(coverage.report.gaps) == len(demo_services.coverage.report().gaps)


def test_replacing_a_left_head_keeps_history(page, demo_services) -> None:  # noqa: ANN001
    gap = gap_of(demo_services, "head_left")
    page.show_place(gap.place.kind.value, gap.place.place_id)
    panel = page.place_panel
    assert "已退出" in panel.head.text()
    dialog = panel.open_assign()
    if dialog.candidates.count() == 0:
        pytest.skip("nobody active at this place's site")
    dialog.reason.setText("原楼栋长已退出")
    dialog.accept_choice()
    assert panel.history.rowCount() >= 2
    assert panel.history.item(1, 0).text() == gap.place.head_name
    assert panel.history.item(1, 4).text() == "原楼栋长已退出"


def test_bulk_add_and_refused_removal(page, demo_services, monkeypatch) -> None:  # noqa: ANN001
    site = next(s for d in demo_services.sites.tree() for s in d.sites if s.kind.value == "compound")
    page.select("site", site.id)
    dialog = page.add_buildings()
    assert dialog.range.text() == "" and dialog.range.placeholderText()  # OK adds nothing by accident
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    existing = len(demo_services.structure.buildings(site.id))
    dialog.range.setText("1-30栋")
    assert f"{30 - existing}" in dialog.preview.text() and "30栋" in dialog.preview.text()
    assert f"{existing}" in dialog.preview.text()  # those already there are skipped, and it says so
    dialog.save()
    assert dialog.added and dialog.added[-1] == "30栋"
    labels = [p.label for p in demo_services.structure.buildings(site.id)]
    assert "30栋" in labels
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    new = demo_services.structure.buildings(site.id)[-1]
    page.remove("building", new.id)
    assert not shown and "30栋" not in [p.label for p in demo_services.structure.buildings(site.id)]
    page.remove("site", site.id)
    assert shown and "名志愿者" in shown[0]


def test_coverage_view_lists_districts_sites_gaps_and_exports(qtbot, demo_services, tmp_path: Path) -> None:  # noqa: ANN001
    view = CoveragePage(demo_services)
    qtbot.addWidget(view)
    report = demo_services.coverage.report()
    assert view.districts.rowCount() == 6 + 1  # the districts, then the whole station's total
    total = [view.districts.item(6, c).text() for c in range(6)]
    assert total[1] == str(report.station.buildings_total) and total[0] == "Whole station"
    assert view.districts.item(0, 1).textAlignment() & Qt.AlignmentFlag.AlignRight  # numbers read right-aligned
    assert view.gaps.rowCount() == len(report.gaps) > 0 and str(len(report.gaps)) in view.gaps_title.text()
    view.sites.sortItems(6, Qt.SortOrder.DescendingOrder)  # by coverage, numerically
    shares = [view.sites.item(r, 6).data(Qt.ItemDataRole.UserRole + 1) for r in range(view.sites.rowCount())]
    assert shares == sorted(shares, reverse=True)
    reasons = {view.gaps.item(r, 4).text() for r in range(view.gaps.rowCount())}
    assert {"无负责人", "负责人已暂停", "负责人已退出"} <= reasons
    assert "%" in view.districts.item(0, 5).text()
    target = view.export(str(tmp_path / "coverage.xlsx"))
    sheet = load_workbook(target).active
    assert sheet.max_row == view.sites.rowCount() + 1
    assert (sheet.cell(1, 1).value, sheet.cell(1, 8).value) == ("场所", "缺口")
    assert demo_services.audit.page(AuditFilter(action="export"), 0, 5)[0].entity == "coverage"


def test_coverage_view_offers_export_only_to_roles_that_may_export(qtbot, demo_services) -> None:  # noqa: ANN001
    password = "Viewer#2026pw"
    demo_services.accounts.create_user(UserForm("viewer1", "只读用户", role="viewer"), password, password)
    demo_services.accounts.sign_in("viewer1", password)
    view = CoveragePage(demo_services)
    qtbot.addWidget(view)
    assert view.gaps.rowCount() > 0 and not view.export_button.isEnabled()


def test_place_kind_round_trip() -> None:
    assert PlaceKind("building") is PlaceKind.BUILDING


def test_the_tree_can_be_searched_and_disabled_buttons_say_why(page, demo_services) -> None:  # noqa: ANN001
    site = next(s for d in demo_services.sites.tree() for s in d.sites if s.kind.value == "compound")
    assert not page.add_buildings_button.isEnabled() and page.add_buildings_button.toolTip()
    page.search.setText(site.name)
    visible = []
    shown = page.tree.model()
    for d in range(shown.rowCount()):
        district = shown.index(d, 0)
        visible += [shown.index(r, 0, district).data(NODE_ROLE).name for r in range(shown.rowCount(district))]
    assert site.name in visible and len(visible) < 5  # only the matching site(s), their district kept
    assert page.select("site", site.id) and page.add_buildings_button.isEnabled()
    assert page.add_buildings_button.toolTip() == ""
    other = next(s for d in demo_services.sites.tree() for s in d.sites if s.id != site.id)
    assert page.select("site", other.id) and page.search.text() == ""  # a hidden site: the search clears


def test_the_verification_page_says_what_to_do_before_a_scan(qtbot, demo_services) -> None:  # noqa: ANN001
    from redband_desktop.ui.cards.verify_page import VerifyPage

    verify = VerifyPage(demo_services)
    qtbot.addWidget(verify)
    assert "scan" in verify.verdict.text().lower() and "photo" in verify.verdict.text().lower()
