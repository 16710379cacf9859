"""Portraits from a folder: files named by ID number or by a name only one volunteer has
are matched and cropped to 3:4 (what the volunteer dialog stores); files that match nobody,
several people, or are no usable picture are listed with the reason; then every usable one
is stored in one transaction, recorded in the audit trail."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from redband_desktop.domain.idnumber import make_id_number
from redband_desktop.errors import ValidationError
from redband_desktop.services.audit.types import AuditFilter
from redband_desktop.services.roster.types import VolunteerForm

NUMBER = make_id_number("510104", date(1988, 3, 8), 24)  # the place fixture's volunteer, 张洁


def picture(path: Path, size: tuple[int, int] = (600, 600), colour: str = "navy") -> Path:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def test_a_folder_is_matched_previewed_and_stored(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    other = services.roster.create(VolunteerForm(
        name="李明", id_number=make_id_number("530112", date(1960, 5, 1), 7), phone="13808710007",
        background="resident", political_status="masses", site_id=place["compound"].id, joined_on=date(2021, 7, 1)))
    for n in (8, 9):  # two people called 王芳
        services.roster.create(VolunteerForm(
            name="王芳", id_number=make_id_number("530112", date(1961, 5, n), n), phone=f"1380871000{n}",
            background="resident", political_status="masses", site_id=place["compound"].id,
            joined_on=date(2021, 7, 1)))
    folder = tmp_path / "照片"
    folder.mkdir()
    picture(folder / f"{NUMBER.lower()}.jpg", (800, 600))  # a lower-case x, a wide photo
    picture(folder / "李明 .jpeg", colour="red")
    picture(folder / "李明.png")  # the same person again
    picture(folder / "王芳.jpg")
    picture(folder / "赵无名.jpg")
    picture(folder / "张洁小.jpg", (50, 60))
    (folder / "说明.txt").write_text("not a photo")
    (folder / "坏图.jpg").write_bytes(b"not a jpeg")

    preview = services.importer.preview_portraits(folder)
    by_file = {p.file_name: p for p in preview.portraits}
    assert "说明.txt" not in by_file and preview.folder == "照片"
    assert by_file[f"{NUMBER.lower()}.jpg"].volunteer_name == "张洁" and by_file[f"{NUMBER.lower()}.jpg"].usable
    assert Image.open(io.BytesIO(by_file["李明 .jpeg"].thumbnail)).size == (36, 48)  # 3:4; the space is ignored
    assert by_file["李明.png"].problems[0].message() == "照片：与 李明 .jpeg 是同一名志愿者的照片，只用其中一张"
    assert by_file["王芳.jpg"].problems[0].message() == "照片：有 2 名同名志愿者，请用身份证号命名"
    assert by_file["赵无名.jpg"].problems[0].code == "import_photo_no_match"
    assert by_file["坏图.jpg"].problems[0].code == "import_photo_no_match"  # no such person, before reading
    assert preview.usable == 2
    assert services.roster.get(other.volunteer.id).has_photo is False  # nothing written yet

    assert services.importer.commit_portraits(preview) == 2
    stored = services.roster.photo(place["volunteer"])
    assert Image.open(io.BytesIO(stored)).size == (300, 400)
    entry = services.audit.page(AuditFilter(action="import"), 0, 1)[0]
    assert entry.summary == "导入照片 照片：2 张"


def test_an_unusable_picture_of_a_known_person_says_why(services, place, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "p"
    folder.mkdir()
    picture(folder / "张洁.jpg", (50, 60))
    (folder / f"{NUMBER}.jpg").write_bytes(b"not a jpeg")
    preview = services.importer.preview_portraits(folder)
    codes = {p.file_name: p.problems[0].code for p in preview.portraits}
    assert codes == {"张洁.jpg": "photo_too_small", f"{NUMBER}.jpg": "photo_unreadable"}
    assert preview.usable == 0


def test_an_empty_folder_is_said_so(services, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as empty:
        services.importer.preview_portraits(tmp_path)
    assert empty.value.problems[0].code == "import_photos_none"
