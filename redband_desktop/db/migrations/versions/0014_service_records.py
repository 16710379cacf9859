"""service records: commendations, yearly evaluations, the certificate register and its counter

Commendations and awards recorded on a volunteer (name, level, date, awarding body), the
yearly evaluation by the district's officer (1–5 stars and a comment, one per volunteer per
year), the register of service certificates (志愿服务证明) numbered per year
(2026-0001 …) by `certificate_counters`, and an index on the stand-in of a swapped shift.

Revision ID: 0014_service_records
Revises: 0013_activities
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_service_records"
down_revision = "0013_activities"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def _tracked() -> list[sa.Column]:
    return [sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "commendations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("awarded_on", sa.Date(), nullable=False),
        sa.Column("awarded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        *_tracked(),
        _fk("commendations", "volunteer_id", "volunteers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commendations")),
    )
    with op.batch_alter_table("commendations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commendations_volunteer_id"), ["volunteer_id"], unique=False)
    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("evaluated_by", sa.String(length=40), nullable=False),
        *_tracked(),
        sa.CheckConstraint("stars BETWEEN 1 AND 5", name=op.f("ck_evaluations_stars_range")),
        _fk("evaluations", "volunteer_id", "volunteers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
        sa.UniqueConstraint("volunteer_id", "year", name=op.f("uq_evaluations_volunteer_id_year")),
    )
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluations_volunteer_id"), ["volunteer_id"], unique=False)
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=40), nullable=False),
        sa.Column("printed_count", sa.Integer(), nullable=False),
        _fk("certificates", "volunteer_id", "volunteers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("number", name=op.f("uq_certificates_number")),
    )
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificates_volunteer_id"), ["volunteer_id"], unique=False)
    op.create_table(
        "certificate_counters",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_certificate_counters")),
    )
    # a stand-in's services are found by the swap (without it: every attendance row read)
    with op.batch_alter_table("shift_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shift_attendance_swapped_with_id"), ["swapped_with_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("shift_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shift_attendance_swapped_with_id"))
    for table in ("certificate_counters", "certificates", "evaluations", "commendations"):
        op.drop_table(table)
