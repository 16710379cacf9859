"""sites: site details per kind, building-head and zone-lead history

Compounds gain their property company and households, markets their operator and own
contact, organizations their type and in-house security lead; `place_heads` keeps every
building head and zone lead with start and end dates.

Revision ID: 0003_sites
Revises: 0002
Create Date: 2026-11-29 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_sites"
down_revision = "0002"
branch_labels = None
depends_on = None

_SITE_COLUMNS = (
    ("property_company", sa.String(length=100), ""),
    ("households", sa.Integer(), "0"),
    ("operator", sa.String(length=100), ""),
    ("contact_name", sa.String(length=40), ""),
    ("contact_phone", sa.String(length=20), ""),
    ("org_type", sa.String(length=40), ""),
    ("security_lead", sa.String(length=40), ""),
)


def upgrade() -> None:
    with op.batch_alter_table("sites", schema=None) as batch_op:
        for name, type_, default in _SITE_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=False, server_default=default))
    op.create_table(
        "place_heads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("building_id", sa.Integer(), nullable=True),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(building_id IS NULL) <> (zone_id IS NULL)", name=op.f("ck_place_heads_one_place")
        ),
        sa.ForeignKeyConstraint(
            ["building_id"], ["buildings.id"], name=op.f("fk_place_heads_building_id_buildings")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_place_heads_volunteer_id_volunteers")
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["market_zones.id"], name=op.f("fk_place_heads_zone_id_market_zones")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place_heads")),
    )
    with op.batch_alter_table("place_heads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_heads_building_id"), ["building_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_heads_volunteer_id"), ["volunteer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_heads_zone_id"), ["zone_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("place_heads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_heads_zone_id"))
        batch_op.drop_index(batch_op.f("ix_place_heads_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_place_heads_building_id"))
    op.drop_table("place_heads")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        for name, _type, _default in reversed(_SITE_COLUMNS):
            batch_op.drop_column(name)
