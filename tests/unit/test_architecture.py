"""The layers described in the README ("How it is built") hold: no Qt below the UI, no
SQLAlchemy and no documents in the UI (exports and prints go through a service, which
checks the right and records them), no module imports a layer above its own, and the
capability packages under `services/` use each other only through their public face
(`service` and `types`), sharing rules through
`services/shared`. import-linter checks the layers too (pyproject.toml); these tests keep
the rules in the suite, with the capability rule that import-linter cannot express."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "redband_desktop"
RANK = {"domain": 0, "db": 1, "documents": 1, "demo": 2, "services": 3, "ui": 4}
PUBLIC_FACE = {"service", "types"}  # what one capability may import of another
# What the UI may not import itself: the database, and the documents layer.
UI_FORBIDDEN = ("sqlalchemy", "alembic", "redband_desktop.documents")


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
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def forbidden_in_ui(imports: set[str]) -> list[str]:
    return sorted(m for m in imports if any(m == f or m.startswith(f"{f}.") for f in UI_FORBIDDEN))


def _layer(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 and parts[0] in RANK else None


def _capability(module: str) -> tuple[str, str] | None:
    """("roster", "query") for redband_desktop.services.roster.query(.name)."""
    parts = module.split(".")
    if parts[:2] != ["redband_desktop", "services"] or len(parts) < 4:
        return None
    return parts[2], parts[3]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    layer = _layer(path)
    imports = _imports(path)
    if layer in ("domain", "db", "documents", "demo", "services"):
        assert not [m for m in imports if m.split(".")[0] in ("PySide6", "shiboken6")], "Qt below the UI"
    if layer == "ui":
        assert forbidden_in_ui(imports) == [], "SQLAlchemy or documents in the UI"
    if layer is None:
        return
    for module in imports:
        parts = module.split(".")
        if parts[0] == "redband_desktop" and len(parts) > 1 and parts[1] in RANK:
            assert RANK[parts[1]] <= RANK[layer] or parts[1] == layer, f"{layer} imports {module}"
        assert not (parts[0] == "redband_desktop" and parts[1:2] in (["app"], ["cli"])), "imports the top"


def capability_violations(path: Path) -> list[str]:
    """Imports by a module of one capability package of another's private modules."""
    own = path.relative_to(PACKAGE).parts
    if own[:1] != ("services",) or len(own) < 3:
        return []
    found = set()
    for module in _imports(path):
        target = _capability(module)
        if target is None or target[0] in (own[1], "shared") or target[1] in PUBLIC_FACE:
            continue
        if not (PACKAGE / "services" / target[0] / target[1]).exists() and \
                not (PACKAGE / "services" / target[0] / f"{target[1]}.py").exists():
            continue  # `from redband_desktop.services.x import name`: a name, not a module
        found.add(f"redband_desktop.services.{target[0]}.{target[1]}")
    return sorted(found)


@pytest.mark.parametrize("path", sorted((PACKAGE / "services").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_capabilities_use_each_others_public_face(path: Path) -> None:
    assert capability_violations(path) == []


def test_checker_catches_an_upward_import(tmp_path: Path) -> None:
    """The test above is not vacuous: a services module importing Qt is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport redband_desktop.ui.i18n\n")
    imports = _imports(bad)
    assert "PySide6.QtWidgets" in imports and "redband_desktop.ui.i18n" in imports


def test_checker_catches_documents_or_sqlalchemy_in_the_ui(tmp_path: Path) -> None:
    """A page building a workbook itself, in any import spelling, is caught; a service is not."""
    bad = tmp_path / "page.py"
    bad.write_text("from redband_desktop.documents.xlsx import table_to_xlsx\n"
                   "from redband_desktop import documents\n"
                   "import sqlalchemy.orm\n"
                   "from redband_desktop.services.audit.service import AuditService\n"
                   "from redband_desktop.documents_index import x\n")
    assert forbidden_in_ui(_imports(bad)) == [
        "redband_desktop.documents", "redband_desktop.documents.xlsx", "redband_desktop.documents.xlsx.table_to_xlsx",
        "sqlalchemy.orm"]


def test_checker_catches_a_private_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A roster module reaching into the incidents' query module is caught; its service is not."""
    fake = tmp_path / "redband_desktop"
    (fake / "services" / "roster").mkdir(parents=True)
    (fake / "services" / "incidents").mkdir(parents=True)
    for name in ("query.py", "service.py"):
        (fake / "services" / "incidents" / name).write_text("")
    bad = fake / "services" / "roster" / "x.py"
    bad.write_text("from redband_desktop.services.incidents.query import filtered\n"
                   "from redband_desktop.services.incidents.service import IncidentService\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert capability_violations(bad) == ["redband_desktop.services.incidents.query"]
