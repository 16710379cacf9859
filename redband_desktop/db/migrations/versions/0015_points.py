"""points: the station's points rules (积分规则) and the prizes volunteers exchanged points for

The rule table starts with the default rules (points per attended duty hour, per clue
verified, per clue that led to an incident, per activity by type) in force from the
beginning, so the points of everything already on record are counted the day the station
upgrades; a change the station makes later is a new row with the date it applies from.

Revision ID: 0015_points
Revises: 0014_service_records
Create Date: 2026-12-01
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0015_points"
down_revision = "0014_service_records"
branch_labels = None
depends_on = None

# domain.points.RULE_KINDS as they were when this migration was written (a migration never
# follows later code); in force from domain.points.BEGINNING.
DEFAULTS = {"duty_hour": 1, "clue_verified": 2, "clue_incident": 5, "activity.anti_fraud": 3,
            "activity.fire_drill": 2, "activity.training": 2, "activity.visits": 3, "activity.three_checks": 3,
            "activity.dispute_screening": 3, "activity.meeting": 1, "activity.other": 1}


def upgrade() -> None:
    rules = op.create_table(
        "point_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.CheckConstraint("points >= 0", name=op.f("ck_point_rules_points_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_rules")),
        sa.UniqueConstraint("kind", "effective_from", name=op.f("uq_point_rules_kind_effective_from")),
    )
    with op.batch_alter_table("point_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_point_rules_kind"), ["kind"], unique=False)
    op.create_table(
        "point_redemptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("prize", sa.String(length=100), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("handed_by", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        sa.CheckConstraint("points > 0", name=op.f("ck_point_redemptions_points_positive")),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteers.id"],
                                name=op.f("fk_point_redemptions_volunteer_id_volunteers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_redemptions")),
    )
    with op.batch_alter_table("point_redemptions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_point_redemptions_volunteer_id"), ["volunteer_id"], unique=False)
    stamp = datetime.now().replace(microsecond=0)
    op.bulk_insert(rules, [{"kind": k, "points": p, "effective_from": date(2000, 1, 1), "created_at": stamp,
                            "created_by": ""} for k, p in DEFAULTS.items()])


def downgrade() -> None:
    op.drop_table("point_redemptions")
    op.drop_table("point_rules")
