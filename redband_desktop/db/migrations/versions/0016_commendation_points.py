"""commendation points: a points rule per commendation level (积分：表彰奖励)

Commendations recorded on a volunteer (国家级 … 派出所级) earn points like shifts, clues and
activities do. Each level gets its default rule in force from the beginning, so the
commendations already on record count the day the station upgrades; a rule the station
has already set for a level (it cannot have, before this revision) is left alone.

Revision ID: 0016_commendation_points
Revises: 0015_points
Create Date: 2026-12-01
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0016_commendation_points"
down_revision = "0015_points"
branch_labels = None
depends_on = None

# domain.points.RULE_KINDS for commendations as they were when this migration was written.
DEFAULTS = {"commendation.national": 100, "commendation.province": 50, "commendation.city": 30,
            "commendation.county": 20, "commendation.station": 10, "commendation.other": 5}
RULES = sa.table("point_rules", sa.column("kind", sa.String), sa.column("points", sa.Integer),
                 sa.column("effective_from", sa.Date), sa.column("created_at", sa.DateTime),
                 sa.column("created_by", sa.String))


def upgrade() -> None:
    have = {k for (k,) in op.get_bind().execute(sa.select(RULES.c.kind).where(RULES.c.kind.in_(list(DEFAULTS))))}
    stamp = datetime.now().replace(microsecond=0)
    op.bulk_insert(RULES, [{"kind": k, "points": p, "effective_from": date(2000, 1, 1), "created_at": stamp,
                            "created_by": ""} for k, p in DEFAULTS.items() if k not in have])


def downgrade() -> None:
    op.execute(RULES.delete().where(RULES.c.kind.in_(list(DEFAULTS))))
