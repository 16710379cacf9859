"""Qt's model tester over our item models: the paged table model (fed page by page by a
fetch function, pages cached, sort handed to the owner) and the districts-and-sites tree.

The tester checks what a view relies on — row and column counts, parents, indexes that
stay equal, the types of each role — and re-checks after every reset. Its C++ version
reports a broken rule as a Qt warning, which fails the test (`qt_log_level_fail`); the
Python version (`force_py=True`) also checks the types of the data roles (DisplayRole must
be text, so the columns here give text as the register pages do).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt, qInstallMessageHandler
from PySide6.QtGui import QColor, QPixmap, QStandardItemModel
from PySide6.QtTest import QAbstractItemModelTester

from redband_desktop.domain.coverage import GapReason, PlaceKind
from redband_desktop.domain.enums import SiteKind
from redband_desktop.services.sites.types import DistrictNode, PlaceNode, SiteNode
from redband_desktop.ui.sites.site_tree_model import NODE_ROLE, build_model
from redband_desktop.ui.table_model import Column, PagedTableModel

DECORATION = Qt.ItemDataRole.DecorationRole


def test_the_installed_pyside_keeps_none_alive(qapp) -> None:  # noqa: ANN001
    """PySide6 6.12.0 on CPython 3.11 loses a reference to None on many ordinary calls (a
    setter called again, an empty value read back): the sites page aborted the program
    ("deallocating None") after about 60 reloads of the demo station. pyproject.toml keeps
    that release out; this fails if a build picks it up again."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        QModelIndex().data()
    assert sys.getrefcount(None) > before - 100


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    district: str
    joined: str


def people(n: int, prefix: str = "志愿者") -> list[Person]:
    return [Person(i + 1, f"{prefix}{i + 1}", f"第{i % 6 + 1}片区", f"2024-{i % 12 + 1:02d}-01") for i in range(n)]


class Source:
    """A result set served page by page, counting the pages asked for (a service stand-in)."""

    def __init__(self, rows: list[Person]) -> None:
        self.rows = rows
        self.fetched: list[int] = []

    def fetch(self, offset: int, limit: int) -> list[Person]:
        self.fetched.append(offset)
        return self.rows[offset:offset + limit]


def thumbnails(page: list[Person]) -> dict[int, QPixmap]:
    """Every third volunteer (the first one too) has a photo, as the roster decorates its
    first column; the Python tester checks the type of the first row's decoration."""
    out = {}
    for p in page:
        if p.id % 3 == 1:
            out[p.id] = QPixmap(12, 16)
            out[p.id].fill(QColor("#c62828"))
    return out


@pytest.fixture
def sorts() -> list[tuple[str, bool]]:
    """The orders the model handed to its owner (the page would re-query with each)."""
    return []


@pytest.fixture
def paged(qapp, sorts) -> PagedTableModel:  # noqa: ANN001
    columns = [Column("Name", lambda p: p.name, "name"), Column("District", lambda p: p.district, "district"),
               Column("Joined", lambda p: p.joined, "joined_on", Qt.AlignmentFlag.AlignCenter)]
    return PagedTableModel(columns, lambda key, desc: sorts.append((key, desc)), decorate=thumbnails)


def row_texts(model: PagedTableModel) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt", "python"])
def test_paged_model_through_resets(qtmodeltester, paged, sorts, force_py) -> None:  # noqa: ANN001
    first = Source(people(250))  # three pages of 100, the last one short
    paged.reset(len(first.rows), first.fetch)
    qtmodeltester.check(paged, force_py=force_py)
    assert paged.rowCount() == 250 and paged.columnCount() == 3
    assert paged.data(paged.index(249, 0)) == "志愿者250"
    assert isinstance(paged.data(paged.index(0, 0), DECORATION), QPixmap) and paged.data(paged.index(1, 0), DECORATION) is None
    assert sorted(set(first.fetched)) == [0, 200]  # only the pages of the rows asked for…
    assert row_texts(paged)[150] == "志愿者151" and first.fetched.count(100) == 1
    calls = len(first.fetched)
    assert row_texts(paged) == [p.name for p in first.rows] and len(first.fetched) == calls  # …kept

    second = Source(people(7, "新人"))  # a new search: a different, smaller result set
    paged.reset(len(second.rows), second.fetch, first_page=second.fetch(0, paged.PAGE_SIZE))
    assert row_texts(paged) == [f"新人{i}" for i in range(1, 8)] and second.fetched == [0]

    paged.reset(0, Source([]).fetch)  # nothing found
    assert paged.rowCount() == 0 and not paged.index(0, 0).isValid()

    paged.reset(len(first.rows), first.fetch)
    paged.sort(1, Qt.SortOrder.DescendingOrder)
    paged.sort(0, Qt.SortOrder.AscendingOrder)
    paged.sort(0, Qt.SortOrder.AscendingOrder)  # the view re-announcing the same order
    assert sorts == [("district", True), ("name", False)]


def test_paged_model_reloads_pages_it_let_go(qtmodeltester, paged) -> None:  # noqa: ANN001
    paged.KEEP_PAGES = 2
    source = Source(people(1000))
    paged.reset(len(source.rows), source.fetch)
    qtmodeltester.check(paged)
    assert row_texts(paged) == [p.name for p in source.rows]
    assert paged.data(paged.index(0, 2)) == "2024-01-01"  # page 0 was let go and comes back
    assert source.fetched.count(0) == 2


def test_paged_model_answers_nothing_for_rows_the_database_no_longer_has(qtmodeltester, paged) -> None:  # noqa: ANN001
    """The count said 150, but rows were deleted by another PC before the page was read."""
    source = Source(people(120))
    paged.reset(150, source.fetch)
    qtmodeltester.check(paged)
    assert paged.data(paged.index(119, 0)) == "志愿者120" and paged.data(paged.index(149, 0)) is None


def test_the_qt_tester_is_not_vacuous(qapp) -> None:  # noqa: ANN001
    """The classic slip the paged model guards against — counting rows and columns under a
    cell as if it were the table — is reported, so the checks above mean something. (The
    report is caught here, not by pytest-qt, which fails any test the tester complains in.)"""

    class Broken(PagedTableModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return self._total

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return len(self._columns)

    model = Broken([Column("Name", lambda p: p.name)], lambda _k, _d: None)
    model.reset(3, Source(people(3)).fetch)
    reports: list[str] = []
    previous = qInstallMessageHandler(lambda _mode, _context, message: reports.append(message))
    try:
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    finally:
        qInstallMessageHandler(previous)
    assert any(m.startswith("FAIL! model->hasChildren(topIndex)") for m in reports), reports


def a_tree() -> list[DistrictNode]:
    """A district with a compound (one covered building, one gap), a market with one zone and
    an organization (which has no places), and a district with no sites at all."""
    places = (PlaceNode(PlaceKind.BUILDING, 1, 10, "1栋", "张洁", None),
              PlaceNode(PlaceKind.BUILDING, 2, 10, "2栋", "", GapReason.NO_HEAD))
    zones = (PlaceNode(PlaceKind.ZONE, 3, 11, "A区", "李明", None),)
    return [
        DistrictNode(1, "金家河片区", "陈卿", (SiteNode(10, "金色家园", SiteKind.COMPOUND, 1, places),
                                               SiteNode(11, "金家河农贸市场", SiteKind.MARKET, 1, zones),
                                               SiteNode(12, "金家河小学", SiteKind.ORGANIZATION, 1, ()))),
        DistrictNode(2, "滨江片区", "", ()),
    ]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt", "python"])
def test_site_tree_built_by_hand(qtmodeltester, force_py) -> None:  # noqa: ANN001
    model = QStandardItemModel()
    build_model(a_tree(), model)
    qtmodeltester.check(model, force_py=force_py)
    build_model(a_tree()[:1], model)  # a reload after a district was removed
    district = model.index(0, 0)
    assert model.rowCount() == 1 and model.rowCount(district) == 3
    assert model.rowCount(model.index(2, 0, district)) == 0  # the organization: no places
    gap = model.index(1, 0, model.index(0, 0, district))
    assert gap.data(NODE_ROLE).kind == "building" and gap.data(Qt.ItemDataRole.ForegroundRole) is not None


@pytest.mark.parametrize("force_py", [False, True], ids=["qt", "python"])
def test_site_tree_of_the_demo_station(qtmodeltester, demo_services, force_py) -> None:  # noqa: ANN001
    tree = demo_services.sites.tree()
    model = QStandardItemModel()
    build_model(tree, model)
    qtmodeltester.check(model, force_py=force_py)
    build_model(demo_services.sites.tree(), model)  # the page rebuilds it after every change
    assert model.rowCount() == len(tree) == 6
    assert sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount())) == sum(len(d.sites) for d in tree)

