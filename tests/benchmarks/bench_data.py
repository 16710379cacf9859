"""Scale data for the benchmarks, generated with the app's own models (bulk inserts,
seeded) and cached between runs by a hash of this generator and the schema/demo sources.

Stations (`station(volunteers, incidents)`): the demo station (1,100 people with photos,
its sites, buildings, clues, cases, shifts and activities) topped up with synthetic
volunteers (valid ID numbers, spread over the demo's sites, no photos) and synthetic
incidents over ten years. Each is built once into
`~/.cache/redband-bench/<hash>/station-<volunteers>-<incidents>.sqlite3` (or
$REDBAND_BENCH_CACHE) and copied into the test's own folder for every run; larger
stations start from a copy of the smaller one. On PostgreSQL (`make bench-postgres`) the
same generator fills a database named after the hash, kept between runs too.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

from sqlalchemy import func, insert, select

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import Site, Volunteer
from redband_desktop.db.models.incidents import Incident
from redband_desktop.demo.station import load_demo
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.incidents import SUBTYPES, IncidentCategory, IncidentChannel
from redband_desktop.domain.names import name_pinyin
from redband_desktop.services import build_services

BENCH_ADMIN = ("bench", "Speed#2026pw")
TODAY = date(2026, 11, 28)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红建国文辉力斌波宇浩凯鹏飞琳晶燕雪梅"
PLACES = ["东门", "北门", "菜场口", "3栋楼下", "地下车库", "广场", "停车场", "小卖部", "快递柜", "二单元"]
FIRST_INCIDENT = datetime(2016, 12, 1)
ROOT = Path(__file__).resolve().parents[2]
BATCH = 20_000


def source_hash() -> str:
    """Of this generator and everything the data depends on (models, migrations, demo)."""
    digest = hashlib.sha256()
    files = [Path(__file__)] + sorted((ROOT / "redband_desktop" / "db").rglob("*.py")) \
        + sorted((ROOT / "redband_desktop" / "demo").rglob("*.py"))
    for f in files:
        digest.update(f.read_bytes())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    base = Path(os.environ.get("REDBAND_BENCH_CACHE", Path.home() / ".cache" / "redband-bench"))
    folder = base / source_hash()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def station(volunteers: int, incidents: int = 0) -> Path:
    """The cached SQLite file of that station, built first if missing (prints how long)."""
    path = cache_dir() / f"station-{volunteers}-{incidents}.sqlite3"
    if path.exists():
        return path
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    if incidents:
        shutil.copyfile(station(volunteers, 100_000 if incidents > 100_000 else 0), partial)
    elif volunteers > 100_000:
        shutil.copyfile(station(100_000, 0), partial)
    fill(database_url(partial), volunteers, incidents, fresh=not partial.exists())
    partial.rename(path)
    print(f"\n[bench data] {volunteers:,} volunteers, {incidents:,} incidents generated in "
          f"{time.perf_counter() - started:.0f} s → {path}")
    return path


def station_copy(volunteers: int, incidents: int, folder: Path) -> Path:
    """A copy of the cached station the test may change (sign-in writes, imports)."""
    target = folder / f"station-{volunteers}-{incidents}.sqlite3"
    shutil.copyfile(station(volunteers, incidents), target)
    return target


def fill(url: str, volunteers: int, incidents: int, fresh: bool = True) -> None:
    """Create (when `fresh`) or top up the station at `url` to that many people and incidents."""
    migrate(url, None)
    db = Database(url)
    try:
        if fresh:
            services = build_services(db)
            services.accounts.create_first_admin(BENCH_ADMIN[0], "基准测试", BENCH_ADMIN[1], BENCH_ADMIN[1])
            load_demo(db, today=TODAY)
            services.station.initialise("金家河派出所")
        _add_volunteers(db, volunteers)
        _add_incidents(db, incidents)
    finally:
        db.dispose()


def build_roster(path: Path, total: int = 100_000, seed: int = 7) -> Database:  # noqa: ARG001 - seed kept fixed
    """A copy of the cached station with `total` volunteers at `path`, opened."""
    shutil.copyfile(station(total, 0), path)
    return Database(database_url(path))


def _add_volunteers(db: Database, total: int) -> None:
    with db.write() as s:
        sites = list(s.execute(select(Site.id, Site.kind).order_by(Site.id)))
        existing = s.scalar(select(func.count()).select_from(Volunteer))
        rng = random.Random(7 + existing)
        for first in range(existing, total, BATCH):
            rows = [_volunteer(rng, n, sites) for n in range(first, min(first + BATCH, total))]
            s.execute(insert(Volunteer), rows)


@cache
def _pinyin(name: str) -> tuple[str, str]:
    return name_pinyin(name)


def _volunteer(rng: random.Random, n: int, sites: list) -> dict:  # noqa: ANN001
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    birth = date(1945, 1, 1) + timedelta(days=rng.randrange(20_000))
    full, initials = _pinyin(name)
    site_id, _kind = rng.choice(sites)
    joined = date(2021, 6, 1) + timedelta(days=rng.randrange(1900))
    return {
        "name": name, "name_pinyin": full, "name_initials": initials,
        "gender": "M" if n % 2 else "F",
        "id_number": _unique_id(birth, n),
        "birth_date": birth, "phone": f"1{rng.choice('3578')}{n:09d}", "background": "resident",
        "political_status": "masses", "site_id": site_id, "joined_on": joined,
        "status": rng.choice(("active",) * 9 + ("left",)), "status_since": joined,
        "volunteer_no": f"BENCH-{n:07d}",  # a bulk insert skips the numbering of added volunteers
    }


def _unique_id(birth: date, n: int) -> str:
    """Distinct for every n below 1,800,000: the sequence holds n % 1000, the region n // 1000."""
    block = n // 1000
    region = f"{530100 + block:06d}" if block < 900 else f"{510100 + block - 900:06d}"
    return make_id_number(region, birth, n % 1000)


def _add_incidents(db: Database, total: int) -> None:
    """Incidents over ten years up to TODAY, every category, open and closed, with places
    and occurrence times; written in batches through the month table's trigger."""
    categories = list(IncidentCategory)
    channels = [c.value for c in IncidentChannel]
    minutes = int((datetime.combine(TODAY, datetime.min.time()) - FIRST_INCIDENT).total_seconds() // 60)
    with db.write() as s:
        sites = list(s.execute(select(Site.id, Site.district_id, Site.name).order_by(Site.id)))
        existing = s.scalar(select(func.count()).select_from(Incident))
    rng = random.Random(11 + existing)
    for first in range(existing, total, BATCH):
        rows = []
        for n in range(first, min(first + BATCH, total)):
            site_id, district_id, name = rng.choice(sites)
            at = FIRST_INCIDENT + timedelta(minutes=rng.randrange(minutes))
            category = rng.choice(categories)
            kind = SUBTYPES.get(category)
            rows.append({
                "number": f"BEN-{at.year}-{n:07d}", "received_at": at + timedelta(minutes=30), "occurred_at": at,
                "channel": rng.choice(channels), "caller_name": "", "caller_phone": "", "caller_confidential": False,
                "district_id": district_id, "site_id": site_id, "location": f"{name}{rng.choice(PLACES)}",
                "category": category.value, "subcategory": rng.choice(list(kind)).value if kind else "",
                "fraud_method": "", "loss_yuan": Decimal(rng.randrange(100, 9000)) if category == "fraud" else None,
                "summary": "基准数据", "handling_officer": "", "outcome": "",
                "status": "open" if rng.random() < 0.05 else "closed", "version": 1})
        with db.write() as s:
            s.execute(insert(Incident), rows)


if __name__ == "__main__":  # `PYTHONPATH=. python tests/benchmarks/bench_data.py [100000-0 …]` builds ahead of a run
    import sys

    import redband_desktop

    assert Path(redband_desktop.__file__).resolve().parents[1] == ROOT, f"run with PYTHONPATH={ROOT}"
    for v, i in ((0, 0), (100_000, 0), (100_000, 100_000), (100_000, 1_000_000), (1_000_000, 0)):
        if len(sys.argv) < 2 or f"{v}-{i}" in sys.argv[1:]:
            station(v, i)
