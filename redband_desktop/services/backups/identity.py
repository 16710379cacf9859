"""Which database a backup belongs to: the station id.

Every station database holds a random id (settings key `station.id`, written by the
migration that introduced it, or here at first need), and every backup, being a whole
copy, holds the same id. Several databases may share one backup folder (the per-user
folder serves every `--db`), so listing, thinning, start-up recovery and the audit
anchors look only at backups whose id is this database's.

A damaged file may no longer say its id, so each backup also notes, in the per-user
folder's `stations.json`, which id the database at that path had: recovery asks the
damaged file first and this note second, and offers nothing it cannot tie to the file.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Setting
from redband_desktop.db.snapshot import STATION_KEY, station_id_of

log = logging.getLogger(__name__)
REGISTRY_FILE = "stations.json"


def station_id(session: Session) -> str | None:
    raw = session.scalar(select(Setting.value).where(Setting.key == STATION_KEY))
    value = json.loads(raw) if raw else None
    return value if isinstance(value, str) and value else None


def ensure_station_id(session: Session) -> str:
    """This database's id, written now if it has none yet (inside the caller's write)."""
    existing = station_id(session)
    if existing:
        return existing
    new = str(uuid.uuid4())
    session.merge(Setting(key=STATION_KEY, value=json.dumps(new)))
    return new


def _key(db_path: Path) -> str:
    return str(Path(db_path).expanduser().resolve())


def remember(default_dir: Path, db_path: Path, station: str) -> None:
    """Note that the database at `db_path` is `station` (for recovery after damage)."""
    registry = default_dir / REGISTRY_FILE
    known = _read(registry)
    if known.get(_key(db_path)) == station:
        return
    known[_key(db_path)] = station
    try:
        default_dir.mkdir(parents=True, exist_ok=True)
        tmp = registry.with_name(registry.name + ".tmp")
        tmp.write_text(json.dumps(known, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, registry)
    except OSError as exc:  # the backup itself still carries the id
        log.warning("could not note the station id in %s: %s", registry, exc)


def remembered(default_dir: Path, db_path: Path) -> str | None:
    return _read(default_dir / REGISTRY_FILE).get(_key(db_path))


def _read(registry: Path) -> dict[str, str]:
    try:
        data = json.loads(registry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def damaged_station(moved_to: Path, original: Path, default_dir: Path) -> str | None:
    """The id of a damaged database moved aside to `moved_to` from `original`: what the
    file still says, else what its backups noted; None when neither knows."""
    return station_id_of(moved_to) or remembered(default_dir, original)
