"""Rows for the demo's largest tables (shifts, assignments, attendance) written straight to
the database driver, dates and date-times already in the form the driver takes: a year of
the station's rota (`demo.rota_templates`, `demo.rota`) goes in this way in a fraction of
a second.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session


def insert_rows(s: Session, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One executemany straight to the driver: SQLAlchemy's per-value processing of a
    hundred thousand rows took longer than making them. Date-times arrive already as the
    driver takes them (`Stamps`)."""
    if rows:
        conn = s.connection()
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) "
                             f"VALUES ({', '.join([mark] * len(columns))})", rows)


class Stamps(dict):
    """Date-times and days as the database driver takes them: for SQLite the text
    SQLAlchemy itself stores ('2026-11-28 19:00:00.000000', '2026-11-28'), so the rota's
    comparisons see one format; other databases take the values. Each distinct value is
    formatted once."""

    def __init__(self, s: Session) -> None:
        super().__init__()
        self.text = s.connection().dialect.name == "sqlite"

    def __call__(self, value: date | None) -> object:
        if not self.text or value is None:
            return value
        out = self.get(value)
        if out is None:
            if isinstance(value, datetime):
                out = value.isoformat(" ") + ("" if value.microsecond else ".000000")
            else:
                out = value.isoformat()
            self[value] = out
        return out
