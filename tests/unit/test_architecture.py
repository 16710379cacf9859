"""The layers in DESIGN.md hold: no Qt below the UI, no SQLAlchemy in the UI, and no
module imports a layer above its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "redband_desktop"
RANK = {"domain": 0, "db": 1, "documents": 1, "services": 2, "ui": 3}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _layer(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 and parts[0] in RANK else None


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    layer = _layer(path)
    imports = _imports(path)
    if layer in ("domain", "db", "documents", "services"):
        assert not [m for m in imports if m.split(".")[0] in ("PySide6", "shiboken6")], "Qt below the UI"
    if layer == "ui":
        assert not [m for m in imports if m.split(".")[0] in ("sqlalchemy", "alembic")], "SQLAlchemy in the UI"
    if layer is None:
        return
    for module in imports:
        parts = module.split(".")
        if parts[0] == "redband_desktop" and len(parts) > 1 and parts[1] in RANK:
            assert RANK[parts[1]] <= RANK[layer] or parts[1] == layer, f"{layer} imports {module}"
        assert not (parts[0] == "redband_desktop" and parts[1:2] in (["app"], ["cli"])), "imports the top"


def test_checker_catches_an_upward_import(tmp_path: Path) -> None:
    """The test above is not vacuous: a services module importing Qt is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport redband_desktop.ui.i18n\n")
    imports = _imports(bad)
    assert "PySide6.QtWidgets" in imports and "redband_desktop.ui.i18n" in imports
