"""A roster of 100,000 volunteers for the benchmarks, inserted in bulk.

The demo station (1,100 people with photos) is loaded first; the rest are synthetic
rows with valid ID numbers spread over the demo's sites, without photos.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from redband_desktop.db.engine import Database, database_url
from redband_desktop.db.migrate import migrate
from redband_desktop.db.models import Site, Volunteer
from redband_desktop.demo.station import load_demo
from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.domain.names import name_pinyin
from redband_desktop.services import build_services

BENCH_ADMIN = ("bench", "Speed#2026pw")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红建国文辉力斌波宇浩凯鹏飞琳晶燕雪梅"


def build_roster(path: Path, total: int = 100_000, seed: int = 7) -> Database:
    url = database_url(path)
    migrate(url, None)
    db = Database(url)
    services = build_services(db)
    services.accounts.create_first_admin(BENCH_ADMIN[0], "基准测试", BENCH_ADMIN[1], BENCH_ADMIN[1])
    load_demo(db, today=date(2026, 11, 28))
    services.station.initialise("金家河派出所")
    rng = random.Random(seed)
    with db.write() as s:
        sites = list(s.execute(select(Site.id, Site.kind)))
        existing = s.query(Volunteer).count()
        rows = [_row(rng, n, sites) for n in range(total - existing)]
        for start in range(0, len(rows), 5000):
            s.execute(insert(Volunteer), rows[start : start + 5000])
    return db


def _row(rng: random.Random, n: int, sites: list) -> dict:  # noqa: ANN001
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    birth = date(1945, 1, 1) + timedelta(days=rng.randrange(20_000))
    full, initials = name_pinyin(name)
    site_id, _kind = rng.choice(sites)
    joined = date(2021, 6, 1) + timedelta(days=rng.randrange(1900))
    return {
        "name": name, "name_pinyin": full, "name_initials": initials,
        "gender": "M" if n % 2 else "F",
        "id_number": _unique_id(birth, n),
        "birth_date": birth, "phone": f"1{rng.choice('3578')}{n:09d}", "background": "resident",
        "political_status": "masses", "site_id": site_id, "joined_on": joined,
        "status": rng.choice(("active",) * 9 + ("left",)), "status_since": joined,
        "volunteer_no": f"BENCH-{n:06d}",  # a bulk insert skips the numbering of added volunteers
    }


def _unique_id(birth: date, n: int) -> str:
    """Distinct for every n: region and sequence together encode it."""
    region = f"{530000 + 100 + (n // 1000) % 900:06d}"
    return make_id_number(region, birth, n % 1000)
