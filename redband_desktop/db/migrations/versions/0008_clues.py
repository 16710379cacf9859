"""clues: clue reports (线索上报)

Clues reported by volunteers with their number, reporter, time, place, type, urgency and
content; where each stands in the flow (verified, transferred, closed, the incident it led
to, the feedback given); their photos; a per-year counter for clue numbers.

Revision ID: 0008_clues
Revises: 0007_mediation
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_clues"
down_revision = "0007_mediation"
branch_labels = None
depends_on = None

CLUE_INDEXES = ("clue_type", "district_id", "incident_id", "reported_at", "reporter_id", "site_id", "status",
                "urgency")


def upgrade() -> None:
    op.create_table(
        "clue_counters",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_clue_counters")),
    )
    op.create_table(
        "clues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("building_id", sa.Integer(), nullable=True),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("clue_type", sa.String(length=30), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=15), nullable=False),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("verified_by", sa.String(length=40), nullable=False),
        sa.Column("verify_note", sa.Text(), nullable=False),
        sa.Column("transferred_at", sa.DateTime(), nullable=True),
        sa.Column("transferred_to", sa.String(length=100), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closing", sa.String(length=20), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("feedback_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["building_id"], ["buildings.id"], name=op.f("fk_clues_building_id_buildings")),
        sa.ForeignKeyConstraint(["district_id"], ["districts.id"], name=op.f("fk_clues_district_id_districts")),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], name=op.f("fk_clues_incident_id_incidents")),
        sa.ForeignKeyConstraint(["reporter_id"], ["volunteers.id"], name=op.f("fk_clues_reporter_id_volunteers")),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_clues_site_id_sites")),
        sa.ForeignKeyConstraint(["zone_id"], ["market_zones.id"], name=op.f("fk_clues_zone_id_market_zones")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clues")),
        sa.UniqueConstraint("number", name=op.f("uq_clues_number")),
    )
    with op.batch_alter_table("clues", schema=None) as batch_op:
        for column in CLUE_INDEXES:
            batch_op.create_index(batch_op.f(f"ix_clues_{column}"), [column], unique=False)

    op.create_table(
        "clue_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clue_id", sa.Integer(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["clue_id"], ["clues.id"], name=op.f("fk_clue_attachments_clue_id_clues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clue_attachments")),
    )
    with op.batch_alter_table("clue_attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clue_attachments_clue_id"), ["clue_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("clue_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clue_attachments_clue_id"))
    op.drop_table("clue_attachments")
    with op.batch_alter_table("clues", schema=None) as batch_op:
        for column in reversed(CLUE_INDEXES):
            batch_op.drop_index(batch_op.f(f"ix_clues_{column}"))
    op.drop_table("clues")
    op.drop_table("clue_counters")
