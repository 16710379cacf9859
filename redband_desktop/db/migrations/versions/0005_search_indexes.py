"""narrow covering indexes for roster search

One narrow index per kind of search word (name, initials/pinyin, digits), each with the
name sort key and the status, so a keystroke never reads the wide volunteers table.

Revision ID: 0005_search_indexes
Revises: 0004_cards
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0005_search_indexes"
down_revision = "0004_cards"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_volunteers_name_lookup": ["name", "name_pinyin", "status"],
    "ix_volunteers_initials_lookup": ["name_initials", "name_pinyin", "status"],
    "ix_volunteers_pinyin_lookup": ["name_pinyin", "status"],
    "ix_volunteers_number_lookup": ["phone", "id_number", "name_pinyin", "status"],
}


def upgrade() -> None:
    with op.batch_alter_table("volunteers", schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("volunteers", schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)
