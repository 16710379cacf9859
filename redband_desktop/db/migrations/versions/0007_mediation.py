"""mediation: the people's mediation case book (人民调解案卷)

Cases numbered per year with their deadline, status and outcome; their parties,
investigations, mediation sessions, performance checks and follow-up visits.

Revision ID: 0007_mediation
Revises: 0006_incidents
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_mediation"
down_revision = "0006_incidents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mediation_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("dispute_type", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.String(length=100), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("registrar", sa.String(length=40), nullable=False),
        sa.Column("mediators", sa.String(length=100), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("outcome_kind", sa.String(length=20), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("perform_method", sa.Text(), nullable=False),
        sa.Column("perform_by", sa.Date(), nullable=True),
        sa.Column("perform_place", sa.String(length=100), nullable=False),
        sa.Column("amount_yuan", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("prevented_criminal", sa.Boolean(), nullable=False),
        sa.Column("failure_reason", sa.Text(), nullable=False),
        sa.Column("referred_to", sa.String(length=200), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name=op.f("fk_mediation_cases_district_id_districts")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_mediation_cases_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_mediation_cases_site_id_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_cases")),
        sa.UniqueConstraint("number", name=op.f("uq_mediation_cases_number")),
        sa.UniqueConstraint("year", "seq", name=op.f("uq_mediation_cases_year_seq")),
    )
    with op.batch_alter_table("mediation_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mediation_cases_deadline"), ["deadline"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mediation_cases_dispute_type"), ["dispute_type"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_mediation_cases_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_mediation_cases_incident_id"), ["incident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_mediation_cases_registered_on"), ["registered_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_mediation_cases_status"), ["status"], unique=False)

    op.create_table(
        "mediation_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=60), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("visitor", sa.String(length=60), nullable=False),
        sa.Column("performed", sa.Boolean(), nullable=False),
        sa.Column("satisfaction", sa.String(length=20), nullable=False),
        sa.Column("escalation_signs", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mediation_cases.id"],
            name=op.f("fk_mediation_follow_ups_case_id_mediation_cases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_follow_ups")),
    )
    with op.batch_alter_table("mediation_follow_ups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mediation_follow_ups_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "mediation_investigations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("investigator", sa.String(length=60), nullable=False),
        sa.Column("interviewed", sa.String(length=100), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mediation_cases.id"],
            name=op.f("fk_mediation_investigations_case_id_mediation_cases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_investigations")),
    )
    with op.batch_alter_table("mediation_investigations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mediation_investigations_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "mediation_parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("ethnicity", sa.String(length=20), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("occupation", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("agent", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mediation_cases.id"],
            name=op.f("fk_mediation_parties_case_id_mediation_cases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_parties")),
    )
    with op.batch_alter_table("mediation_parties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mediation_parties_case_id"), ["case_id"], unique=False)

    op.create_table(
        "mediation_performances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("proof", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mediation_cases.id"],
            name=op.f("fk_mediation_performances_case_id_mediation_cases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_performances")),
    )
    with op.batch_alter_table("mediation_performances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mediation_performances_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "mediation_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("mediators", sa.String(length=100), nullable=False),
        sa.Column("mediator_ids", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.String(length=200), nullable=False),
        sa.Column("recorder", sa.String(length=40), nullable=False),
        sa.Column("statements", sa.Text(), nullable=False),
        sa.Column("facts_checked", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mediation_cases.id"],
            name=op.f("fk_mediation_sessions_case_id_mediation_cases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_sessions")),
    )
    with op.batch_alter_table("mediation_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mediation_sessions_case_id"), ["case_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("mediation_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_sessions_case_id"))

    op.drop_table("mediation_sessions")
    with op.batch_alter_table("mediation_performances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_performances_case_id"))

    op.drop_table("mediation_performances")
    with op.batch_alter_table("mediation_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_parties_case_id"))

    op.drop_table("mediation_parties")
    with op.batch_alter_table("mediation_investigations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_investigations_case_id"))

    op.drop_table("mediation_investigations")
    with op.batch_alter_table("mediation_follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_follow_ups_case_id"))

    op.drop_table("mediation_follow_ups")
    with op.batch_alter_table("mediation_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_cases_status"))
        batch_op.drop_index(batch_op.f("ix_mediation_cases_registered_on"))
        batch_op.drop_index(batch_op.f("ix_mediation_cases_incident_id"))
        batch_op.drop_index(batch_op.f("ix_mediation_cases_district_id"))
        batch_op.drop_index(batch_op.f("ix_mediation_cases_dispute_type"))
        batch_op.drop_index(batch_op.f("ix_mediation_cases_deadline"))

    op.drop_table("mediation_cases")
