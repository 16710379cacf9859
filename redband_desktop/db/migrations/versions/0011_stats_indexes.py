"""statistics by date of occurrence: an index and a table of incidents per month

Statistics count incidents by the local date they happened (occurred_at, or received_at
when unknown) grouped by category, subtype, district and site. `incident_months` holds
those counts per month of occurrence, kept by triggers on `incidents` (insert, update,
delete; SQLite and PostgreSQL each in their own dialect) and filled from the incidents
already recorded; whole months of a period are read from it. The covering index on the
date of occurrence answers the days at a period's ends.

Revision ID: 0011_stats_indexes
Revises: 0010_party_id_type
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_stats_indexes"
down_revision = "0010_party_id_type"
branch_labels = None
depends_on = None

NAME = "ix_incidents_occurred_stats"
KEY = "month, category, subcategory, district_id, site_id"
COLUMNS = f"{KEY}, incidents, loss"


def _month(row: str, dialect: str) -> str:
    when = f"coalesce({row}.occurred_at, {row}.received_at)"
    return f"to_char({when}, 'YYYY-MM')" if dialect == "postgresql" else f"substr({when}, 1, 7)"


def _values(row: str, sign: str, dialect: str) -> str:
    return (f"{_month(row, dialect)}, {row}.category, {row}.subcategory, {row}.district_id, "
            f"coalesce({row}.site_id, 0), {sign}1, {sign}coalesce({row}.loss_yuan, 0)")


def _sqlite_upsert(row: str, sign: str) -> str:
    return (f"INSERT INTO incident_months ({COLUMNS}) VALUES ({_values(row, sign, 'sqlite')}) "
            f"ON CONFLICT ({KEY}) DO UPDATE SET incidents = incidents + excluded.incidents, "
            f"loss = loss + excluded.loss;")


def upgrade() -> None:
    op.create_index(NAME, "incidents", [sa.text("coalesce(occurred_at, received_at)"), "category", "subcategory",
                                        "district_id", "site_id", "loss_yuan", "occurred_at", "received_at"],
                    unique=False)
    op.create_table(
        "incident_months",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("subcategory", sa.String(length=20), nullable=False),
        sa.Column("district_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("site_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("incidents", sa.Integer(), nullable=False),
        sa.Column("loss", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.PrimaryKeyConstraint("month", "category", "subcategory", "district_id", "site_id",
                                name=op.f("pk_incident_months")),
    )
    dialect = op.get_bind().dialect.name
    op.execute(f"INSERT INTO incident_months ({COLUMNS}) SELECT {_month('incidents', dialect)}, category, "
               f"subcategory, district_id, coalesce(site_id, 0), count(*), coalesce(sum(loss_yuan), 0) "
               f"FROM incidents GROUP BY 1, 2, 3, 4, 5")
    if dialect == "postgresql":
        _postgres_triggers()
    else:
        _sqlite_triggers()


def _sqlite_triggers() -> None:
    op.execute(f"CREATE TRIGGER tr_incident_months_insert AFTER INSERT ON incidents BEGIN "
               f"{_sqlite_upsert('NEW', '')} END")
    op.execute(f"CREATE TRIGGER tr_incident_months_delete AFTER DELETE ON incidents BEGIN "
               f"{_sqlite_upsert('OLD', '-')} END")
    op.execute(f"CREATE TRIGGER tr_incident_months_update AFTER UPDATE OF occurred_at, received_at, category, "
               f"subcategory, district_id, site_id, loss_yuan ON incidents BEGIN "
               f"{_sqlite_upsert('OLD', '-')} {_sqlite_upsert('NEW', '')} END")


def _postgres_triggers() -> None:
    def apply(row: str, sign: str) -> str:
        return (f"INSERT INTO incident_months ({COLUMNS}) VALUES ({_values(row, sign, 'postgresql')}) "
                f"ON CONFLICT ({KEY}) DO UPDATE SET incidents = incident_months.incidents + EXCLUDED.incidents, "
                f"loss = incident_months.loss + EXCLUDED.loss;")
    op.execute(f"""CREATE FUNCTION incident_months_keep() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN {apply('OLD', '-')} END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN {apply('NEW', '')} END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""")
    op.execute("CREATE TRIGGER tr_incident_months AFTER INSERT OR UPDATE OR DELETE ON incidents "
               "FOR EACH ROW EXECUTE FUNCTION incident_months_keep()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS tr_incident_months ON incidents")
        op.execute("DROP FUNCTION IF EXISTS incident_months_keep()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS tr_incident_months_{name}")
    op.drop_table("incident_months")
    op.drop_index(NAME, table_name="incidents")
