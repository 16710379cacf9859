"""Build the .deb from the PyInstaller bundle with dpkg-deb (no network, no root needed).

    python installer/deb/build_deb.py dist/redband dist/

Layout: the bundle under /opt/redband; /usr/bin/redband and /usr/bin/redband-desktop as
relative links into it (so the package also runs when unpacked into a scratch root, as
`make test-dist` does); a desktop entry with Chinese and English names; the icon in the
hicolor theme. There are no maintainer scripts: the package only adds and removes its own
files, so installing, upgrading and removing it never touch anyone's data (the database
lives in each user's folder, and the program upgrades it itself, after a verified backup,
at its first start after an upgrade). Icon and menu caches are refreshed by dpkg's file
triggers of the packages that own them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
from system_libs import depends_line  # noqa: E402

PACKAGE = "redband-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
DESCRIPTION = """\
红袖标 Desktop - public-security volunteer management (offline)
 红袖标治安志愿者管理系统: the roster of a police station's volunteers with search
 as you type, districts and sites with their building heads and coverage, printable
 and verifiable volunteer ID cards, mediation case files, incidents and clue reports,
 accounts with roles, an audit trail and verified backups. Works without any network;
 the data stays in the user's folder (or on the station's PostgreSQL server)."""


def version() -> str:
    text = (ROOT / "redband_desktop" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def stage(bundle: Path, root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / "opt" / "redband", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    for name in ("redband", "redband-desktop"):
        (root / "usr" / "bin" / name).symlink_to(f"../../opt/redband/{name}")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(HERE / f"{PACKAGE}.desktop", apps)
    for size in ICON_SIZES:
        icons = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        icons.mkdir(parents=True)
        shutil.copy(ROOT / "resources" / "icons" / f"redband-{size}.png", icons / f"{PACKAGE}.png")
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "fonts" / "LICENSE-wqy-microhei.txt", doc / "copyright-wqy-microhei")
    for path in root.rglob("*"):  # dpkg keeps the modes it is given: no group/other writes
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & 0o755 | (0o755 if path.is_dir() else 0))


def control(root: Path, bundle: Path) -> str:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    return "\n".join([
        f"Package: {PACKAGE}",
        f"Version: {version()}",
        f"Architecture: {arch}",
        "Maintainer: 红袖标 Desktop developers <redband@localhost>",
        f"Installed-Size: {size_kb}",
        f"Depends: {depends_line(bundle)}",
        "Section: misc",
        "Priority: optional",
        f"Description: {DESCRIPTION}",
        "",
    ])


def build(bundle: Path, out_dir: Path) -> Path:
    root = ROOT / "build" / "deb" / "root"
    stage(bundle, root)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control(root, bundle), encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    deb = out_dir / f"{PACKAGE}_{version()}_{arch}.deb"
    # xz: what every dpkg reads (zstd only from dpkg 1.21.18; Kylin V10 and UOS 20 are older)
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)], check=True)
    return deb


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(build(Path(sys.argv[1]), Path(sys.argv[2])))
