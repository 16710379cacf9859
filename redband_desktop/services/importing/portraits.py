"""Portraits from a folder: each picture file named by a volunteer's ID number (or by a
name only one volunteer has) is matched, cropped to 3:4 from the centre the way the
volunteer dialog crops a new photo, and previewed; then every usable one is stored in
one transaction, recorded in the audit trail.

Pillow's work (about half a second for a 12-megapixel photo) happens in the preview,
outside any transaction; the commit only writes the prepared images.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redband_desktop.db.models import Site, VolunteerPhoto
from redband_desktop.db.models import Volunteer as VolunteerRow
from redband_desktop.domain.access import Action
from redband_desktop.domain.photo import Portrait as Stored
from redband_desktop.domain.photo import make_portrait
from redband_desktop.errors import ConflictError, Problem, ValidationError
from redband_desktop.services.importing.rights import DistrictRights
from redband_desktop.services.importing.types import Portrait, PortraitPreview
from redband_desktop.services.shared.access import AccessControl
from redband_desktop.services.shared.audit_log import record

PICTURES = (".jpg", ".jpeg", ".png", ".bmp")
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    district_id: int
    status: str


@dataclass(frozen=True)
class PortraitPlan:
    images: tuple[tuple[int, Stored], ...]  # volunteer id → the prepared portrait


def picture_files(folder: Path) -> list[Path]:
    """The folder's picture files (not its sub-folders), in name order."""
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in PICTURES)
    except OSError as exc:
        raise ValidationError.single("file", "import_file_unreadable", detail=exc.strerror or str(exc)) from exc
    if not files:
        raise ValidationError.single("file", "import_photos_none")
    return files


def people(s: Session, access: AccessControl) -> tuple[dict[str, _Person], dict[str, list[_Person]]]:
    """Whom the user may edit, by ID number and by name."""
    by_number: dict[str, _Person] = {}
    by_name: dict[str, list[_Person]] = {}
    rights = DistrictRights(access)
    q = select(VolunteerRow.id, VolunteerRow.name, VolunteerRow.id_number, Site.district_id, VolunteerRow.status) \
        .join(Site, VolunteerRow.site_id == Site.id)
    for vid, name, number, district_id, status in s.execute(q):
        if not rights.can(Action.EDIT, district_id):
            continue
        person = _Person(vid, name, district_id, status)
        by_number[number.upper()] = person
        by_name.setdefault(name, []).append(person)
    return by_number, by_name


def match(stem: str, by_number: dict[str, _Person], by_name: dict[str, list[_Person]]) -> tuple[_Person | None, Problem | None]:
    """A file name (without its extension) → the volunteer, or why not."""
    key = unicodedata.normalize("NFKC", stem).strip().replace(" ", "")
    if key.upper() in by_number:
        return by_number[key.upper()], None
    found = by_name.get(key, [])
    active = [p for p in found if p.status == "active"] or found
    if len(active) == 1:
        return active[0], None
    if active:
        return None, Problem("photo", "import_photo_ambiguous", {"count": len(active)})
    return None, Problem("photo", "import_photo_no_match")


def prepare(files: list[Path], by_number: dict[str, _Person], by_name: dict[str, list[_Person]],
            progress: Progress | None = None) -> PortraitPreview:
    """Match and crop every file (no transaction: Pillow is slow)."""
    shown: list[Portrait] = []
    images: list[tuple[int, Stored]] = []
    taken: dict[int, str] = {}
    for i, path in enumerate(files):
        if progress is not None and not progress(i, len(files)):
            raise ValidationError.single("file", "cancelled")
        person, problem = match(path.stem, by_number, by_name)
        if person is None:
            shown.append(Portrait(path.name, None, "", (problem,)))
            continue
        if person.id in taken:
            twice = Problem("photo", "import_photo_twice", {"file": taken[person.id]})
            shown.append(Portrait(path.name, person.id, person.name, (twice,)))
            continue
        try:
            stored = make_portrait(path.read_bytes())
        except ValidationError as exc:
            shown.append(Portrait(path.name, person.id, person.name, exc.problems))
            continue
        except OSError as exc:
            unreadable = Problem("photo", "import_file_unreadable", {"detail": exc.strerror or str(exc)})
            shown.append(Portrait(path.name, person.id, person.name, (unreadable,)))
            continue
        taken[person.id] = path.name
        images.append((person.id, stored))
        shown.append(Portrait(path.name, person.id, person.name, thumbnail=stored.thumbnail))
    return PortraitPreview("", tuple(shown), PortraitPlan(tuple(images)))


def commit_portraits(s: Session, access: AccessControl, plan: PortraitPlan, folder: str) -> int:
    """Store the prepared portraits (replacing older photos); all or nothing."""
    rights = DistrictRights(access)
    for vid, stored in plan.images:
        row = s.get(VolunteerRow, vid)
        if row is None:
            raise ConflictError("import_stale", count=1)
        rights.require(Action.EDIT, s.scalar(select(Site.district_id).where(Site.id == row.site_id)))
        had = row.photo is not None
        if row.photo is None:
            row.photo = VolunteerPhoto(image=stored.image, thumbnail=stored.thumbnail)
        else:
            row.photo.image, row.photo.thumbnail = stored.image, stored.thumbnail
        record(s, access, "update", "volunteer", vid, {"photo": ["old photo" if had else "", "new photo"]},
               f"{row.name}（导入照片）")
    s.flush()
    record(s, access, "import", "import", "", {"folder": [None, folder], "photos": [None, len(plan.images)]},
           f"导入照片 {folder}：{len(plan.images)} 张")
    return len(plan.images)
