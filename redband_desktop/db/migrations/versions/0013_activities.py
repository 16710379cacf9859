"""activities: activities, their participants, linked incidents and photos; volunteer numbers

Activities (outreach, drills, training, visiting campaigns, meetings) with their place,
organiser, type-specific figures, the volunteers who took part (minutes each, more than
none) and the incidents used as real cases. Every volunteer gets a stable volunteer number
(志愿者编号): those already on file are numbered here by year of joining, in the order
they joined, after the station's incident number prefix (JJH-ZY2019-00001); the counters
go on from there for volunteers added later.

Revision ID: 0013_activities
Revises: 0012_duty_rota
Create Date: 2026-12-01
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0013_activities"
down_revision = "0012_duty_rota"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, **kw) -> sa.ForeignKeyConstraint:  # noqa: ANN003
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), **kw)


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_type", sa.String(length=30), nullable=False),
        sa.Column("theme", sa.String(length=100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("building_id", sa.Integer(), nullable=True),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("organiser_kind", sa.String(length=20), nullable=False),
        sa.Column("organiser", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("audience", sa.Integer(), nullable=True),
        sa.Column("leaflets", sa.Integer(), nullable=True),
        sa.Column("cases_note", sa.String(length=500), nullable=False),
        sa.Column("households", sa.Integer(), nullable=True),
        sa.Column("needs_raised", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("counts_as_training", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_activities_span")),
        _fk("activities", "district_id", "districts"), _fk("activities", "site_id", "sites"),
        _fk("activities", "building_id", "buildings"), _fk("activities", "zone_id", "market_zones"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activities_activity_type"), ["activity_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_site_id"), ["site_id"], unique=False)
    op.create_table(
        "activity_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_activity_participants_minutes_positive")),
        _fk("activity_participants", "activity_id", "activities", ondelete="CASCADE"),
        _fk("activity_participants", "volunteer_id", "volunteers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_participants")),
        sa.UniqueConstraint("activity_id", "volunteer_id", name=op.f("uq_activity_participants_activity_id_volunteer_id")),
    )
    with op.batch_alter_table("activity_participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_participants_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_participants_volunteer_id"), ["volunteer_id"], unique=False)
    op.create_table(
        "activity_incidents",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        _fk("activity_incidents", "activity_id", "activities", ondelete="CASCADE"),
        _fk("activity_incidents", "incident_id", "incidents"),
        sa.PrimaryKeyConstraint("activity_id", "incident_id", name=op.f("pk_activity_incidents")),
    )
    with op.batch_alter_table("activity_incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_incidents_incident_id"), ["incident_id"], unique=False)
    op.create_table(
        "activity_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        _fk("activity_photos", "activity_id", "activities", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_photos")),
    )
    with op.batch_alter_table("activity_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_photos_activity_id"), ["activity_id"], unique=False)
    _number_volunteers()


def _number_volunteers() -> None:
    op.create_table(
        "volunteer_number_counters",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_volunteer_number_counters")),
    )
    with op.batch_alter_table("volunteers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("volunteer_no", sa.String(length=20), nullable=True))
    conn = op.get_bind()
    raw = conn.scalar(sa.text("select value from settings where key = 'incidents.prefix'"))
    prefix = str(json.loads(raw) or "JJH") if raw else "JJH"
    last: dict[int, int] = {}
    numbers = []
    for vid, joined in conn.execute(sa.text("select id, joined_on from volunteers order by joined_on, id")):
        year = joined.year if hasattr(joined, "year") else int(str(joined)[:4])
        last[year] = last.get(year, 0) + 1
        numbers.append({"i": vid, "n": f"{prefix}-ZY{year:04d}-{last[year]:05d}"})
    if numbers:
        conn.execute(sa.text("update volunteers set volunteer_no = :n where id = :i"), numbers)
    if last:
        conn.execute(sa.text("insert into volunteer_number_counters (year, last) values (:y, :l)"),
                     [{"y": y, "l": n} for y, n in last.items()])
    with op.batch_alter_table("volunteers", schema=None) as batch_op:
        batch_op.alter_column("volunteer_no", existing_type=sa.String(length=20), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_volunteers_volunteer_no"), ["volunteer_no"])


def downgrade() -> None:
    with op.batch_alter_table("volunteers", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_volunteers_volunteer_no"), type_="unique")
        batch_op.drop_column("volunteer_no")
    op.drop_table("volunteer_number_counters")
    for table in ("activity_photos", "activity_incidents", "activity_participants", "activities"):
        op.drop_table(table)
