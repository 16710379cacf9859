"""0015 (points) goes up and down on SQLite and PostgreSQL: the rule table starts with the
default rules in force from the beginning (so what is already on record earns points),
the database refuses negative rules, two versions of a rule on one date and redemptions
of no points; going down removes both tables and nothing else. 0016 adds the default rule
of each commendation level, and takes exactly those back going down."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest
from pgtest import ON_POSTGRES, fresh_database
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from redband_desktop.db.engine import Database, database_url
from redband_desktop.domain.points import BEGINNING, COMMENDATION_PREFIX, RULE_KINDS
from tests.unit.test_migrations import _step, table_names

PREVIOUS = "0014_service_records"
TABLES = {"point_rules", "point_redemptions"}



def test_points_go_up_with_the_default_rules_and_down_again(tmp_path: Path) -> None:
    with fresh_database() if ON_POSTGRES else nullcontext(database_url(tmp_path / "p.sqlite3")) as url:
        _step(url, "upgrade", PREVIOUS)
        assert not TABLES & table_names(url)
        _step(url, "upgrade", "0015_points")
        assert table_names(url) >= TABLES
        db = Database(url)

        def rules() -> dict:
            with db.engine.begin() as conn:
                return {k: (p, str(d)[:10]) for k, p, d in conn.execute(
                    text("select kind, points, effective_from from point_rules"))}
        everything = {k.code: (k.default, BEGINNING.isoformat()) for k in RULE_KINDS.values()}
        before = {k: v for k, v in everything.items() if not k.startswith(COMMENDATION_PREFIX)}
        assert rules() == before
        _step(url, "upgrade", "0016_commendation_points")
        assert rules() == everything and len(everything) == len(before) + 6
        _step(url, "downgrade", "0015_points")
        assert rules() == before
        for bad in ("insert into point_rules (kind, points, effective_from, created_at, created_by)"
                    " values ('duty_hour', -1, '2027-01-01', '2026-12-01', '')",
                    "insert into point_rules (kind, points, effective_from, created_at, created_by)"
                    " values ('duty_hour', 2, '2000-01-01', '2026-12-01', '')"):
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                conn.execute(text(bad))
        db.dispose()
        _step(url, "downgrade", PREVIOUS)
        assert not TABLES & table_names(url)
        assert "activities" in table_names(url) and "certificates" in table_names(url)
