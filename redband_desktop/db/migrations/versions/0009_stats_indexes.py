"""an index for statistics by date of occurrence

Statistics count incidents by the local date they happened (occurred_at, or received_at
when unknown) grouped by category, district and site; one covering index on that
expression keeps the statistics page quick with a million incidents.

Revision ID: 0009_stats_indexes
Revises: 0008_clues
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_stats_indexes"
down_revision = "0008_clues"
branch_labels = None
depends_on = None

NAME = "ix_incidents_occurred_stats"


def upgrade() -> None:
    op.create_index(NAME, "incidents", [sa.text("coalesce(occurred_at, received_at)"), "category", "subcategory",
                                        "district_id", "site_id", "loss_yuan"], unique=False)


def downgrade() -> None:
    op.drop_index(NAME, table_name="incidents")
