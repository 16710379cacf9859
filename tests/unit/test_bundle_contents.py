"""What the PyInstaller spec keeps (installer/bundle_contents.py, installer/system_libs.py):
unused Qt plugins go, and so do the libraries only they needed; a library the .deb's
Depends provide comes from the system; data files other than Chinese go."""

from __future__ import annotations

import sys
from pathlib import Path

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
sys.path.insert(0, str(INSTALLER))

from bundle_contents import data_files, drop_orphans, keep_binary, keep_data  # noqa: E402
from system_libs import _alternatives, declared  # noqa: E402


def test_unused_plugins_are_left_out_and_the_display_ones_kept() -> None:
    assert not keep_binary("PySide6/Qt/plugins/platforms/libqwayland.so", "/x", None)
    assert not keep_binary("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/x", None)
    assert not keep_binary("PySide6\\Qt\\plugins\\tls\\qopensslbackend.dll", "/x", None)
    assert keep_binary("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", None)
    assert keep_binary("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", "/x", None)
    assert keep_binary("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/x", None)


def test_a_library_the_system_provides_is_left_to_it() -> None:
    assert not keep_binary("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", lambda src: src.startswith("/usr"))
    assert keep_binary("libpython3.11.so.1.0", "/opt/py/lib/libpython3.11.so.1.0", lambda src: src.startswith("/usr"))


def test_libraries_only_dropped_plugins_needed_go_too() -> None:
    links = {
        "/s/QtWidgets.abi3.so": {"libqt6widgets.so.6", "libqt6core.so.6"},
        "/s/libqxcb.so": {"libqt6xcbqpa.so.6", "libqt6core.so.6"},
        "/s/libqtvirtualkeyboardplugin.so": {"libqt6quick.so.6", "libqt6core.so.6"},
        "/s/libQt6Widgets.so.6": {"libqt6core.so.6"}, "/s/libQt6Core.so.6": set(),
        "/s/libQt6XcbQpa.so.6": {"libqt6core.so.6"}, "/s/libQt6Quick.so.6": {"libqt6core.so.6"},
    }
    entry = {src: (src.rsplit("/", 1)[1], src, "BINARY") for src in links}
    everything = list(entry.values())
    kept = [e for e in everything if "virtualkeyboard" not in e[0]]
    names = {e[0] for e in drop_orphans(everything, kept, lambda src: links[src])}
    assert "libQt6Quick.so.6" not in names
    assert {"QtWidgets.abi3.so", "libqxcb.so", "libQt6Core.so.6", "libQt6XcbQpa.so.6", "libQt6Widgets.so.6"} <= names


def test_only_chinese_and_needed_data_is_kept() -> None:
    assert keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert keep_data("stdnum/cn/loc.dat")
    assert not keep_data("stdnum/oui.dat")
    assert keep_data("resources/fonts/wqy-microhei.ttc")


def test_depends_field_alternatives_and_the_declared_list() -> None:
    assert list(_alternatives("libc6 (>= 2.34), libgl1 | libgl1-mesa-glx, libx11-6:any")) == [
        ["libc6"], ["libgl1", "libgl1-mesa-glx"], ["libx11-6"]]
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "libcups2"} <= set(declared())


def test_the_user_guide_and_its_pictures_go_into_the_bundle() -> None:
    root = INSTALLER.parent
    pairs = {(Path(src).relative_to(root).as_posix(), folder) for src, folder in data_files(root)}
    assert ("resources/guide/guide.html", "resources/guide") in pairs
    pictures = sorted((root / "resources" / "guide" / "images").glob("*.png"))
    assert pictures
    for picture in pictures:
        assert (f"resources/guide/images/{picture.name}", "resources/guide/images") in pairs
