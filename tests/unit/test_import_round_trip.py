"""Import beyond the roster sheet: the heads sheet, the command line's JSON and exit codes,
an exported roster coming back as all "unchanged" (hypothesis), the new exports, and an
import killed at random moments (the roster as before, or with every row)."""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_sheets import person, workbook, write
from openpyxl import Workbook, load_workbook

from redband_desktop.cli import main
from redband_desktop.db.engine import Database, database_url
from redband_desktop.errors import ConflictError
from redband_desktop.services import build_services
from redband_desktop.services.importing.places import create_all
from redband_desktop.services.importing.types import ImportKind, PlaceChoice, RowStatus
from redband_desktop.services.roster.types import RosterFilter, VolunteerForm


def _heads_sheet(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    book.active.append(["小区", "楼栋", "楼栋长", "身份证号", "任职日期"])
    for r in rows:
        book.active.append(r)
    book.save(path)
    return path


def test_heads_sheet_assigns_by_name_or_number(services, place, tmp_path: Path, sign_in) -> None:  # noqa: ANN001
    services.places.add_buildings(place["compound"].id, "1-3栋")
    number = services.roster.reveal(place["volunteer"], "id_number", "测试")
    path = _heads_sheet(tmp_path / "heads.xlsx", [
        ["金色家园", "1", "张洁", None, "2022-01-01"],
        ["金色家园", "2栋", None, number, "2022.3.1"],
        ["金色家园", "3栋", "无此人", None, "2022-01-01"],
        ["金色家园", "1栋", "张洁", None, "2022-01-01"],
        ["金色家园", "2", "张洁", None, "2020-01-01"],
    ])
    table = services.importer.read(path)
    preview = services.importer.preview(table, ImportKind.HEADS, services.importer.guess(table, ImportKind.HEADS))
    assert [r.status for r in preview.rows] == [RowStatus.NEW, RowStatus.NEW, RowStatus.INVALID,
                                                RowStatus.DUPLICATE, RowStatus.DUPLICATE]
    assert preview.rows[2].problems[0].code == "import_head_unknown"
    result = services.importer.commit(preview)
    assert (result.new, result.updated) == (2, 0)
    again = services.importer.preview(table, ImportKind.HEADS, services.importer.guess(table, ImportKind.HEADS))
    assert again.counts()["unchanged"] == 2
    heads = load_workbook(io.BytesIO(services.sites.export_heads(full=True).data)).active
    cells = list(heads.iter_rows(values_only=True))
    assert cells[1][:5] == ("片区", "场所", "场所类型", "楼栋/市场片区", "负责人")
    assert ("金色家园", "1栋", "张洁") in {(r[1], r[3], r[4]) for r in cells[2:]}


def test_a_heads_preview_imported_twice_is_refused_not_a_crash(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    """The wizard once committed its preview a second time: the building it planned to
    create existed by then and SQLite's unique constraint surfaced as a raw error."""
    number = services.roster.reveal(place["volunteer"], "id_number", "测试")
    table = services.importer.read(_heads_sheet(tmp_path / "heads.xlsx", [["金色家园", "9栋", None, number, "2022-01-01"]]))
    create = [PlaceChoice("place", "9栋", "金色家园", create=True)]
    preview = services.importer.preview(table, ImportKind.HEADS, services.importer.guess(table, ImportKind.HEADS), create)
    assert services.importer.commit(preview).places_created == 1
    with pytest.raises(ConflictError) as refused:
        services.importer.commit(preview)
    assert refused.value.code == "import_stale"


def test_command_line_json_dry_run_and_write(db_path: Path, tmp_path: Path, monkeypatch, capsys, sign_in) -> None:  # noqa: ANN001
    db = Database(database_url(db_path))
    svc = sign_in(build_services(db))
    d = svc.structure.create_district("金家河片区")
    svc.structure.create_site(d.id, "compound", "金色家园")
    db.dispose()
    monkeypatch.setenv("REDBAND_PASSWORD", "Station#2026")
    rows = [[1, "张三", person(1), "13808712345", "", "金色家园", "", "2021-06-01", "热心居民"],
            [None] * 9,
            [2, "李四", 5.30102e17, "13808712346", "", "金色家园", "", "2021-06-01", "热心居民"]]
    sheet = str(write(tmp_path / "a.xlsx", workbook(rows)))
    base = ["--db", str(db_path), "--user", "admin", "import", "roster", sheet, "--json"]
    assert main([*base, "--dry-run"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("total", "new", "invalid")} == {"total": 2, "new": 1, "invalid": 1}
    assert out["errors"] == [{"row": 5, "field": "id_number",
                              "message": "表格把身份证号存成了数字，末位或 X 已丢失，请把该列设为文本后重新导出"}]
    assert main(base) == 0 and json.loads(capsys.readouterr().out)["written"] is True
    assert main([*base, "--dry-run"]) == 0 and json.loads(capsys.readouterr().out)["unchanged"] == 1
    assert main([*base[:6], str(tmp_path / "missing.xlsx"), "--json"]) == 2
    for what in ("cards", "heads", "sites", "volunteers"):
        assert main(["--db", str(db_path), "--user", "admin", "export", what, str(tmp_path / f"{what}.xlsx")]) == 0
        sheet = load_workbook(tmp_path / f"{what}.xlsx").active
        assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"


names = st.text(alphabet="张王李赵刘陈杨黄周吴洁伟芳娜敏静丽强磊军", min_size=2, max_size=4)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(st.tuples(names, st.integers(0, 99_999_999), st.dates(date(2000, 1, 1), date(2026, 1, 1)),
                                 st.sampled_from(["resident", "merchant", "party_member"]), st.booleans()),
                       min_size=1, max_size=6))
def test_an_exported_roster_comes_back_unchanged(services, place, tmp_path: Path, people) -> None:  # noqa: ANN001
    for name, phone, joined, background, wechat in people:
        seq = services.roster.search(RosterFilter(), limit=0).total + 100
        services.roster.create(VolunteerForm(
            name=name, id_number=person(seq), phone=f"139{phone:08d}", background=background,
            political_status="masses", site_id=place["compound"].id, joined_on=joined, in_wechat_group=wechat))
    path = write(tmp_path / "roster.xlsx", services.roster.export(RosterFilter(), full=True).data)
    table = services.importer.read(path)
    preview = services.importer.preview(table, ImportKind.ROSTER, services.importer.guess(table, ImportKind.ROSTER))
    assert preview.counts()["unchanged"] == preview.counts()["total"] == services.roster.search(RosterFilter(), limit=0).total


def _child(url: str, sheet: Path, fd: int) -> None:  # pragma: no cover - runs in the forked child
    from conftest import sign_in_admin

    svc = sign_in_admin(build_services(Database(url)))
    table = svc.importer.read(sheet)
    mapping = svc.importer.guess(table, ImportKind.ROSTER)
    unknown = svc.importer.preview(table, ImportKind.ROSTER, mapping).unknown_places  # 30 buildings to create
    preview = svc.importer.preview(table, ImportKind.ROSTER, mapping, create_all(list(unknown)))
    os.write(fd, b"previewed\n")
    svc.importer.commit(preview)
    os.write(fd, b"committed\n")


def _line(fd: int, timeout: float = 60.0) -> bytes:
    import select

    data, deadline = b"", time.monotonic() + timeout
    while b"\n" not in data and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.05)[0]:
            chunk = os.read(fd, 100)
            if not chunk:
                break
            data += chunk
    return data


@pytest.mark.sqlite_only
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_an_import_killed_at_random_moments_leaves_all_or_nothing(db_path: Path, tmp_path: Path, sign_in) -> None:  # noqa: ANN001
    url = database_url(db_path)
    db = Database(url)
    svc = sign_in(build_services(db))
    d = svc.structure.create_district("金家河片区")
    svc.structure.create_site(d.id, "compound", "金色家园")
    db.dispose()
    rows = [[i, "张三", person(i), f"138{i:08d}", "", "金色家园", f"{i % 30 + 1}栋", "2021-06-01", "热心居民"]
            for i in range(1, 401)]
    sheet = write(tmp_path / "big.xlsx", workbook(rows))
    rng, seen = random.Random(5), {"none": 0, "all": 0}
    for _ in range(12):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover
            os.close(read_fd)
            try:
                _child(url, sheet, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        ready = _line(read_fd)  # the preview is done: the commit starts now
        time.sleep(rng.uniform(0, 0.6))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        con = sqlite3.connect(db_path)
        count = con.execute("select count(*) from volunteers").fetchone()[0]
        buildings = con.execute("select count(*) from buildings").fetchone()[0]
        con.close()
        assert ready == b"previewed\n"
        assert (count, buildings) in ((0, 0), (400, 30)), "an import saved in part"
        seen["all" if count else "none"] += 1
        if count:
            con = sqlite3.connect(db_path)
            con.execute("pragma foreign_keys=off")
            for table_name in ("volunteer_status_changes", "volunteers", "buildings"):
                con.execute(f"delete from {table_name}")  # noqa: S608 - fixed names
            con.commit()
            con.close()
    print(f"\nkill test (import): {seen}")
