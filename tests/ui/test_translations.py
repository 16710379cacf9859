"""Every UI string has a Chinese translation, and the shipped .qm matches the .ts.

A new `self.tr("…")` without a translation fails here with the missing text named, so
Chinese users never meet a stray English label. Fix with `make i18n` and translate the
new entries in resources/i18n/redband_zh_CN.ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "redband_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "redband_zh_CN.qm"
TOOLS = Path(sys.executable).parent


def _sources() -> list[str]:
    files = sorted((ROOT / "redband_desktop" / "ui").rglob("*.py")) + [ROOT / "redband_desktop" / "app.py"]
    return [str(f) for f in files]


def test_every_ui_string_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "check.ts"
    shutil.copy(TS, fresh)
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *_sources(), "-no-obsolete", "-ts", str(fresh)],
                   check=True, capture_output=True)
    missing = [
        m.findtext("source")
        for m in ET.parse(fresh).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert missing == [], f"untranslated UI strings (run `make i18n`, then translate): {missing}"


def test_no_tr_call_hides_inside_an_f_string() -> None:
    """lupdate does not look inside f-strings: a tr() there is never translated, and an
    English word shows in the Chinese window (the case window's "overdue" did)."""
    import ast

    hidden = []
    for source in _sources():
        for node in ast.walk(ast.parse(Path(source).read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "attr", getattr(inner.func, "id", "")) in (
                            "tr", "translate"):
                        hidden.append(f"{Path(source).name}:{inner.lineno}")
    assert hidden == [], f"tr() inside an f-string (lupdate misses it): {hidden}"


def test_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "check.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(built)], check=True,
                   capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "redband_zh_CN.qm is stale: run `make i18n`"


def test_chinese_is_loaded_at_runtime(qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    from redband_desktop.ui.i18n import install_language, ui_lang

    translators = install_language(qapp, "zh_CN")
    try:
        assert ui_lang() == "zh_CN"
        assert QCoreApplication.translate("RosterPage", "Add volunteer") == "新增志愿者"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_language(qapp, "en")
