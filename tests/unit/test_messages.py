"""The message catalogue is split by feature; a code or field label defined in two parts
would silently win or lose depending on merge order, so each is defined once."""

from __future__ import annotations

import ast
from pathlib import Path

import redband_desktop

PACKAGE = Path(redband_desktop.__file__).parent


def _keys(path: Path, name: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == name:
            return [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    raise AssertionError(f"{name} not in {path.name}")


PARTS = {"messages_cases.py": "CASE", "messages_safety.py": "SAFETY", "messages_accounts.py": "ACCOUNT",
         "messages_input.py": "INPUT", "messages_stats.py": "STATS",
         "messages_import.py": "IMPORT", "messages_rota.py": "ROTA",
         "messages_activities.py": "ACTIVITY", "messages_records.py": "RECORD",
         "messages_points.py": "POINTS"}


def test_each_code_and_label_is_defined_once() -> None:
    assert {p.name for p in PACKAGE.glob("messages_*.py")} == set(PARTS), "a part not merged into the catalogue"
    for kind in ("MESSAGES", "FIELD_LABELS"):
        keys = _keys(PACKAGE / "messages.py", kind)
        for part, prefix in PARTS.items():
            keys += _keys(PACKAGE / part, f"{prefix}_{kind}")
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_case_record_messages_render() -> None:
    from redband_desktop.messages import field_label, render

    assert render("prefix_invalid", {}, "zh_CN").startswith("须为")
    assert field_label("incident_prefix", "en") == "Incident number prefix"
    assert "{" not in render("mediation_incident_linked", {"number": "(2026)人调字第1号"}, "zh_CN")
