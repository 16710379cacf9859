"""duty_rota: shift templates, shifts, assignments, skipped dates, attendance, patrol log

Shift templates say which shifts a place (a site, or a building or market zone in it) has
each week: duty type, weekdays, time span, people needed, leader. Shifts are the concrete
shifts generated from them (one per template and day at most); shift assignments say who
serves on each; skipped dates are days without shifts for the station or one site;
attendance records what became of each assignment, and patrol logs what was seen on a
shift with the clue or incident raised.

Revision ID: 0012_duty_rota
Revises: 0011_stats_indexes
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_duty_rota"
down_revision = "0011_stats_indexes"
branch_labels = None
depends_on = None

INDEXES = {
    "skipped_dates": [("ix_skipped_dates_day", ["day"])],
    "shift_templates": [("ix_shift_templates_district_id", ["district_id"]),
                        ("ix_shift_templates_site_id", ["site_id"])],
    "shifts": [("ix_shifts_day", ["day"]), ("ix_shifts_district_day", ["district_id", "day"]),
               ("ix_shifts_site_id", ["site_id"])],
    "patrol_logs": [("ix_patrol_logs_shift_id", ["shift_id"])],
    "shift_assignments": [("ix_shift_assignments_shift_id", ["shift_id"]),
                          ("ix_shift_assignments_volunteer_id", ["volunteer_id"])],
}


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def _tracked() -> list[sa.Column]:
    return [sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False)]


def _place(table: str) -> list:
    return [sa.Column("district_id", sa.Integer(), nullable=False),
            sa.Column("site_id", sa.Integer(), nullable=False),
            sa.Column("building_id", sa.Integer(), nullable=True),
            sa.Column("zone_id", sa.Integer(), nullable=True),
            _fk(table, "district_id", "districts"), _fk(table, "site_id", "sites"),
            _fk(table, "building_id", "buildings"), _fk(table, "zone_id", "market_zones")]


def upgrade() -> None:
    op.create_table(
        "skipped_dates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("skipped_dates", "site_id", "sites"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skipped_dates")),
        sa.UniqueConstraint("day", "site_id", name=op.f("uq_skipped_dates_day_site_id")),
    )
    op.create_table(
        "shift_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        *_place("shift_templates"),
        sa.Column("duty_type", sa.String(length=20), nullable=False),
        sa.Column("weekdays", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("needed", sa.Integer(), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_tracked(),
        _fk("shift_templates", "leader_id", "volunteers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_templates")),
    )
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=True),
        *_place("shifts"),
        sa.Column("duty_type", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("needed", sa.Integer(), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=True),
        *_tracked(),
        _fk("shifts", "leader_id", "volunteers"),
        _fk("shifts", "template_id", "shift_templates"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
        sa.UniqueConstraint("template_id", "day", name=op.f("uq_shifts_template_id_day")),
    )
    op.create_table(
        "patrol_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("route", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("clue_id", sa.Integer(), nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        _fk("patrol_logs", "clue_id", "clues"),
        _fk("patrol_logs", "incident_id", "incidents"),
        _fk("patrol_logs", "shift_id", "shifts"),
        _fk("patrol_logs", "volunteer_id", "volunteers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_logs")),
    )
    op.create_table(
        "shift_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        _fk("shift_assignments", "shift_id", "shifts"),
        _fk("shift_assignments", "volunteer_id", "volunteers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_assignments")),
        sa.UniqueConstraint("shift_id", "volunteer_id", name=op.f("uq_shift_assignments_shift_id_volunteer_id")),
    )
    op.create_table(
        "shift_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("swapped_with_id", sa.Integer(), nullable=True),
        sa.Column("signed_in_at", sa.DateTime(), nullable=True),
        sa.Column("signed_out_at", sa.DateTime(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        _fk("shift_attendance", "assignment_id", "shift_assignments"),
        _fk("shift_attendance", "swapped_with_id", "volunteers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_attendance")),
        sa.UniqueConstraint("assignment_id", name=op.f("uq_shift_attendance_assignment_id")),
    )
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, columns in indexes:
                batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _columns in indexes:
                batch_op.drop_index(name)
    for table in ("shift_attendance", "shift_assignments", "patrol_logs", "shifts", "shift_templates",
                  "skipped_dates"):
        op.drop_table(table)
