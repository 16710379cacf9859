"""party_id_type: the document a mediation party's number comes from

A party's number is checked to GB 11643 (resident identity card, or the residence permit
of Hong Kong, Macao and Taiwan residents) unless another document — a passport, a
home-return permit … — is chosen explicitly; such numbers can be longer than 18
characters, so the column grows to 30. Parties already on file keep their numbers and
count as identity cards, which is what the form asked for until now.

Revision ID: 0010_party_id_type
Revises: 0009_station_id
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_party_id_type"
down_revision = "0009_station_id"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mediation_parties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("id_type", sa.String(length=20), nullable=False,
                                      server_default="resident_id"))
        batch_op.alter_column("id_number", existing_type=sa.String(length=18), type_=sa.String(length=30),
                              existing_nullable=False)


def downgrade() -> None:
    # A number longer than 18 characters makes PostgreSQL refuse this step rather than
    # cut it: a downgrade must not lose what was recorded.
    with op.batch_alter_table("mediation_parties", schema=None) as batch_op:
        batch_op.alter_column("id_number", existing_type=sa.String(length=30), type_=sa.String(length=18),
                              existing_nullable=False)
        batch_op.drop_column("id_type")
