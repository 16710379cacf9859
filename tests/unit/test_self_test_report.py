"""`redband self-test` names what to install when Qt cannot load a system library, and
says which check failed: the lines a station's IT person reads."""

from __future__ import annotations

import sys

import pytest

from redband_desktop.ui.self_check.report import FAIL, OK, Check, import_qt, remedy

XCB_ERROR = ("Cannot load library /opt/redband/_internal/PySide6/Qt/plugins/platforms/libqxcb.so: "
             "(libxcb-cursor.so.0: cannot open shared object file: No such file or directory)")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Debian package names")
def test_a_missing_library_names_the_package_to_install() -> None:
    assert remedy(XCB_ERROR) == "安装 / install: sudo apt install libxcb-cursor0"
    assert remedy("libEGL.so.1: cannot open shared object file").endswith("apt install libegl1")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Debian package names")
def test_an_unknown_library_is_still_named() -> None:
    assert "libfoo.so.3" in remedy("libfoo.so.3: cannot open shared object file: No such file")


def test_an_error_without_a_library_gives_no_remedy() -> None:
    assert remedy("The plugin uses incompatible Qt library") == ""


def test_a_line_shows_status_name_detail_and_fix() -> None:
    line = Check("Qt platform plugin xcb", FAIL, "cannot load", "install: libxcb-cursor0").line()
    assert line == "FAIL  Qt platform plugin xcb: cannot load — install: libxcb-cursor0"
    assert Check("font", OK).line() == "OK    font"


def test_a_qt_module_that_does_not_import_fails_with_its_error() -> None:
    checks = import_qt(("QtCore", "QtNoSuchModule"))
    assert [c.status for c in checks] == [OK, FAIL]
    assert "QtNoSuchModule" in checks[1].line()
