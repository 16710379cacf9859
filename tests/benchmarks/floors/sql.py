"""Raw SQL floors: the narrowest query that returns the same count and first page.

`connect(url_or_path)` gives a DB-API connection (sqlite3 for a file, psycopg2 for a
postgresql:// URL); each floor returns what the service's answer is checked against."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime


def connect(target: str):  # noqa: ANN201 - a DB-API connection
    if target.startswith("postgresql"):
        import psycopg2

        return psycopg2.connect(target)
    return sqlite3.connect(target)


def _run(conn, sql: str, params: tuple = ()) -> list[tuple]:  # noqa: ANN001
    if not isinstance(conn, sqlite3.Connection):
        sql = sql.replace("?", "%s")
    cur = conn.cursor()
    cur.execute(sql, params)
    rows = cur.fetchall()
    cur.close()
    return rows


def _roster_term(term: str) -> tuple[str, tuple]:
    lowered = term.lower()
    if re.fullmatch(r"[0-9xX]+", term) and any(ch.isdigit() for ch in term):
        return "(phone LIKE ? OR id_number LIKE ?)", (f"%{term.upper()}%",) * 2
    if re.fullmatch(r"[a-z]+", lowered):
        upper = lowered[:-1] + chr(ord(lowered[-1]) + 1)
        return ("((name_initials >= ? AND name_initials < ?) OR (name_pinyin >= ? AND name_pinyin < ?))",
                (lowered, upper, lowered, upper))
    return "name LIKE ?", (f"%{term}%",)


def roster_search(conn, text: str, page: int = 100) -> tuple[int, list[tuple]]:  # noqa: ANN001
    """Count and first page (by pinyin) of the volunteers a search finds, with the roster's
    rule: every word must match — digits in phone/ID number, latin letters as a pinyin or
    initials prefix, anything else within the name."""
    parts = [_roster_term(t) for t in text.split()]
    where = " AND ".join(w for w, _ in parts) or "1=1"
    params = tuple(p for _, ps in parts for p in ps)
    total = _run(conn, f"SELECT count(*) FROM volunteers WHERE {where}", params)[0][0]
    rows = _run(conn, f"SELECT id, name, phone FROM volunteers WHERE {where} ORDER BY name_pinyin, id LIMIT {page}",
                params)
    return total, rows


def register(conn, page: int = 100) -> tuple[int, list[tuple]]:  # noqa: ANN001
    """The incident register with no filter: count, and the newest `page` incidents."""
    total = _run(conn, "SELECT count(*) FROM incidents")[0][0]
    rows = _run(conn, f"SELECT id, number, received_at, category, status, location FROM incidents "
                      f"ORDER BY received_at DESC, id DESC LIMIT {page}")
    return total, rows


def register_text(conn, text: str, page: int = 100) -> tuple[int, list[tuple]]:  # noqa: ANN001
    """The register searched for a place: count and newest first page of matches."""
    where = "(number LIKE ? OR summary LIKE ? OR location LIKE ? OR caller_name LIKE ? OR caller_phone LIKE ?)"
    params = (f"%{text}%",) * 5
    total = _run(conn, f"SELECT count(*) FROM incidents WHERE {where}", params)[0][0]
    rows = _run(conn, f"SELECT id, number, received_at FROM incidents WHERE {where} "
                      f"ORDER BY received_at DESC, id DESC LIMIT {page}", params)
    return total, rows


def statistics(conn, periods: list[tuple[datetime, datetime]]) -> list[dict]:  # noqa: ANN001
    """Incidents by category for each [start, after) of `periods` (the period and its
    comparison), by date of occurrence — the statistics' first table, nothing else."""
    out = []
    for start, after in periods:
        params = (start, after) if not isinstance(conn, sqlite3.Connection) else \
            (f"{start:%Y-%m-%d %H:%M:%S.%f}", f"{after:%Y-%m-%d %H:%M:%S.%f}")
        out.append(dict(_run(conn, "SELECT category, count(*) FROM incidents WHERE coalesce(occurred_at, received_at) >= ? "
                                   "AND coalesce(occurred_at, received_at) < ? GROUP BY category", params)))
    return out
