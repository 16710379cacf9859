"""The user guide (Help → 使用说明, F1) as a user meets it: every page of the main window has
its section (the page's title in the navigation list, in Chinese, is an anchor of the guide:
a page added without one fails here), F1 opens the guide at the page on screen, its links
lead somewhere, and every picture it shows is there, small enough to ship."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument

from redband_desktop.paths import UserDirs, guide_path
from redband_desktop.ui.i18n import install_language

PICTURES_LIMIT = 2 * 1024 * 1024  # all pictures together: the guide ships in every installer


def _fragments(document: QTextDocument) -> Iterator:
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def _anchors(document: QTextDocument) -> set[str]:
    return {name for f in _fragments(document) for name in f.charFormat().anchorNames()}


def _links(document: QTextDocument) -> set[str]:
    return {f.charFormat().anchorHref() for f in _fragments(document) if f.charFormat().anchorHref()}


def _pictures(document: QTextDocument) -> list[str]:
    return [f.charFormat().toImageFormat().name() for f in _fragments(document) if f.charFormat().isImageFormat()]


@pytest.fixture
def lang(request, qapp) -> Iterator[str]:  # noqa: ANN001
    """Chinese unless a test asks for English (F1 finds a page's section by its title in
    the language shown)."""
    wanted = getattr(request, "param", "zh_CN")
    translators = install_language(qapp, wanted)
    yield wanted
    for t in translators:
        qapp.removeTranslator(t)
    install_language(qapp, "en")


@pytest.fixture
def window(qtbot, demo_services, tmp_path: Path, lang: str):  # noqa: ANN001, ANN201
    from redband_desktop.ui.main_window import AppInfo, MainWindow

    window = MainWindow(demo_services, AppInfo("t", demo_services.db.url, UserDirs.under(tmp_path)))
    qtbot.addWidget(window)
    window.resize(1366, 728)
    return window


@pytest.fixture
def guide(qtbot):  # noqa: ANN001, ANN201
    from redband_desktop.ui.guide_dialog import GuideDialog

    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("lang", ["zh_CN", "en"], indirect=True)
def test_every_page_of_the_window_has_a_section_in_the_guide(window, guide, lang: str) -> None:  # noqa: ANN001
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert len(titles) >= 11  # the administrator sees every page
    anchors = _anchors(guide.browser.document())
    missing = [title for title in titles if title not in anchors]
    assert missing == [], f"pages with no section in resources/guide/guide.html (add <a name=\"…\">, {lang}): {missing}"


def test_the_pages_coming_next_already_have_their_sections(guide) -> None:  # noqa: ANN001
    anchors = _anchors(guide.browser.document())
    assert {"工作台", "统计分析", "导入", "导入表格", "Home", "Statistics", "Import"} <= anchors  # File → Import…
    assert {"install", "first-start", "printing", "backups", "messages", "postgresql"} <= anchors


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: the guide is brought to the front
def test_f1_opens_the_guide_at_the_section_of_the_page_on_screen(qtbot, window) -> None:  # noqa: ANN001
    window.show()
    qtbot.waitExposed(window)
    assert window.guide_action.text() == "使用说明"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.guide is not None and window.guide.isVisible()
    assert window.guide.windowTitle() == "使用说明"
    scroll = window.guide.browser.verticalScrollBar()
    at_roster = scroll.value()
    window.nav.setCurrentRow(window.pages.indexOf(window.audit))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len([w for w in window.findChildren(type(window.guide)) if w.isVisible()]) == 1  # the same guide
    assert scroll.value() > at_roster > 0  # the audit trail's section is further down than the roster's


def test_every_link_in_the_guide_leads_to_a_section(guide) -> None:  # noqa: ANN001
    document = guide.browser.document()
    links = _links(document)
    assert links, "the guide's table of contents links to its sections"
    outside = [link for link in links if not link.startswith("#")]
    assert outside == [], "the guide is read offline: links only within it"
    assert sorted(link[1:] for link in links if link[1:] not in _anchors(document)) == []


def test_every_picture_the_guide_shows_exists_and_all_are_small(guide) -> None:  # noqa: ANN001
    folder = guide_path().parent
    shown = _pictures(guide.browser.document())
    assert len(shown) >= 11
    missing = [name for name in shown if QImage(str(folder / name)).isNull()]
    assert missing == [], f"pictures the guide shows that are not there (run make docs): {missing}"
    made = sorted(folder.glob("images/*.png"))
    unused = [p.name for p in made if f"images/{p.name}" not in shown]
    assert unused == [], f"pictures make docs wrote that the guide does not show: {unused}"
    assert sum(p.stat().st_size for p in made) < PICTURES_LIMIT
