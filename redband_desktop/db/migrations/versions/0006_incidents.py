"""incidents: the incident register (警情登记)

Incidents with their number, times, channel, caller, place, category and outcome; the
volunteers who reported or helped with each; a per-year counter for incident numbers.

Revision ID: 0006_incidents
Revises: 0005_search_indexes
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_incidents"
down_revision = "0005_search_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_counters",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_incident_counters")),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("caller_name", sa.String(length=40), nullable=False),
        sa.Column("caller_phone", sa.String(length=20), nullable=False),
        sa.Column("caller_confidential", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("building_id", sa.Integer(), nullable=True),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("subcategory", sa.String(length=20), nullable=False),
        sa.Column("loss_yuan", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("fraud_method", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("handling_officer", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["building_id"], ["buildings.id"], name=op.f("fk_incidents_building_id_buildings")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name=op.f("fk_incidents_district_id_districts")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_incidents_site_id_sites")),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["market_zones.id"], name=op.f("fk_incidents_zone_id_market_zones")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
        sa.UniqueConstraint("number", name=op.f("uq_incidents_number")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_channel"), ["channel"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_status"), ["status"], unique=False)

    op.create_table(
        "incident_volunteers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_volunteers_incident_id_incidents"),
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteers.id"],
            name=op.f("fk_incident_volunteers_volunteer_id_volunteers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_volunteers")),
        sa.UniqueConstraint(
            "incident_id",
            "volunteer_id",
            "role",
            name=op.f("uq_incident_volunteers_incident_id_volunteer_id_role"),
        ),
    )
    with op.batch_alter_table("incident_volunteers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incident_volunteers_incident_id"), ["incident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_incident_volunteers_volunteer_id"), ["volunteer_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("incident_volunteers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_volunteers_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_incident_volunteers_incident_id"))

    op.drop_table("incident_volunteers")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_status"))
        batch_op.drop_index(batch_op.f("ix_incidents_site_id"))
        batch_op.drop_index(batch_op.f("ix_incidents_received_at"))
        batch_op.drop_index(batch_op.f("ix_incidents_district_id"))
        batch_op.drop_index(batch_op.f("ix_incidents_channel"))
        batch_op.drop_index(batch_op.f("ix_incidents_category"))

    op.drop_table("incidents")
    op.drop_table("incident_counters")
