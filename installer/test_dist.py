"""`make test-dist`: the built bundle and .deb, run the way a station would run them.

Everything runs headless in temporary folders (HOME and the XDG folders point there, so
the per-user data folder is a scratch one) and from the built files, never the source:

1. dist/redband: `self-test`, `init --demo`, `cards print`, `check`, and portable mode.
2. The .deb, installed with `dpkg --root` into a scratch root: its /usr/bin launchers run
   the same commands; a database one schema version behind is upgraded after a verified
   backup by the first command that opens it; reinstalling and purging the package leave
   the user's data alone.
3. Libraries: every library of the installed bundle resolves (ldd), inside the bundle or
   from a package the .deb depends on (installer/system_libs.py).
4. desktop-file-validate on the desktop entry; makensis compiles the Windows installer
   script over a stand-in folder.

Exit status 0 when everything passed; the first failure stops the run with its output.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "redband"
PASSWORD = "Station#2026"
sys.path.insert(0, str(ROOT / "installer"))
from system_libs import check as check_libraries  # noqa: E402


class Failed(Exception):
    pass


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def run(cmd: list[str], env: dict[str, str], expect: int = 0, timeout: int = 600) -> str:
    started = time.monotonic()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.monotonic() - started
    shown = " ".join(str(c) for c in cmd)
    print(f"$ {shown}  [{took:.1f}s, exit {done.returncode}]", flush=True)
    if done.returncode != expect:
        raise Failed(f"{shown}: exit {done.returncode}, expected {expect}\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def scratch_env(home: Path) -> dict[str, str]:
    """A user whose folders are all under `home`, no display, no network settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "DISPLAY", "WAYLAND"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_STATE_HOME=str(home / ".local/state"), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_CACHE_HOME=str(home / ".cache"), QT_QPA_PLATFORM="offscreen",
               REDBAND_PASSWORD=PASSWORD, LANG="C.UTF-8")
    return env


def station_commands(program: Path, work: Path, env: dict[str, str]) -> None:
    """The commands the issue names, through `program` (the bundle's or a launcher)."""
    out = run([str(program), "self-test", "--screenshot", str(work / "self-test.png")], env)
    if "FAIL" in out:
        raise Failed(out)
    db = work / "station.sqlite3"
    run([str(program), "--db", str(db), "init", "--demo", "--admin", "admin"], env)
    cards = work / "cards.pdf"
    run([str(program), "--db", str(db), "--user", "admin", "cards", "print", "--out", str(cards)], env)
    if not cards.read_bytes().startswith(b"%PDF") or cards.stat().st_size < 100_000:
        raise Failed(f"{cards} is not a card sheet")
    run([str(program), "--db", str(db), "check"], env)


def per_user_and_portable(program: Path, home: Path, env: dict[str, str]) -> None:
    """Without --db the database goes to the per-user folder; with portable.txt beside
    the program, to data/ beside it, and the per-user folder is not touched."""
    run([str(program), "init", "--station", "测试派出所"], env)
    per_user = home / ".local/share/redband-desktop/redband.sqlite3"
    if not per_user.is_file():
        raise Failed(f"no per-user database at {per_user}")
    folder = program.resolve().parent
    marker = folder / "portable.txt"
    marker.write_text("", encoding="utf-8")
    try:
        stamp = per_user.stat().st_mtime_ns
        run([str(program), "init", "--station", "U盘派出所"], env)
        if not (folder / "data" / "redband.sqlite3").is_file():
            raise Failed("portable mode: no data/redband.sqlite3 beside the program")
        if per_user.stat().st_mtime_ns != stamp:
            raise Failed("portable mode wrote to the per-user database")
        print("portable.txt → data/ beside the program; without it → the per-user folder", flush=True)
    finally:
        marker.unlink()
        shutil.rmtree(folder / "data", ignore_errors=True)


def older_database(path: Path) -> str:
    """A station database one schema version behind: the demo database with the newest
    migration undone (made with the source tree's Alembic, like a copy of last release)."""
    from alembic import command
    from sqlalchemy import create_engine

    sys.path.insert(0, str(ROOT))
    from redband_desktop.db.migrate import alembic_config, head_revision

    cfg = alembic_config()
    head = head_revision()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    engine.dispose()
    return head


def upgrade_after_backup(program: Path, work: Path, home: Path, env: dict[str, str], venv_python: Path) -> None:
    db = work / "old.sqlite3"
    shutil.copy(work / "station.sqlite3", db)
    done = subprocess.run([str(venv_python), __file__, "--downgrade", str(db)], capture_output=True, text=True)
    if done.returncode:
        raise Failed(f"could not make an older database:\n{done.stderr}")
    head = done.stdout.strip()
    run([str(program), "--db", str(db), "stats"], env)
    version = sqlite3.connect(db).execute("select version_num from alembic_version").fetchone()[0]
    backups = list((home / ".local/share/redband-desktop/backups").glob("*"))
    if version != head or not backups:
        raise Failed(f"after the upgrade: schema {version} (want {head}), backups {backups}")
    print(f"upgraded to {head} after a backup: {backups[0].name}", flush=True)


def dpkg(root: Path, *args: str) -> None:
    run(["dpkg", f"--root={root}", "--force-not-root", "--force-depends", "--force-script-chrootless",
         f"--log={root}/dpkg.log", *args], dict(os.environ))


def scratch_root(base: Path) -> Path:
    root = base / "root"
    for d in ("var/lib/dpkg/updates", "var/lib/dpkg/info", "var/lib/dpkg/triggers"):
        (root / d).mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()
    return root


def windows_installer(base: Path) -> None:
    """makensis compiles the installer script over a stand-in for the Windows bundle."""
    stand_in = base / "stand-in"
    (stand_in / "_internal").mkdir(parents=True)
    for name in ("redband.exe", "redband-desktop.exe"):
        (stand_in / name).write_bytes(b"MZ stand-in")
    (stand_in / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    out = base / "redband-setup-0.1.0.exe"  # "setup.exe" alone draws a compatibility-shim warning
    run(["makensis", "-V2", "-WX", "-INPUTCHARSET", "UTF8", f"-DSOURCE_DIR={stand_in}", "-DVERSION=0.1.0",
         f"-DOUTFILE={out}", str(ROOT / "installer" / "windows" / "redband.nsi")], dict(os.environ))
    if not out.is_file() or out.stat().st_size < 50_000:
        raise Failed(f"makensis made no installer at {out}")
    print(f"installer script compiles: {out.name} {out.stat().st_size // 1024} KB", flush=True)


def main() -> int:
    debs = sorted((ROOT / "dist").glob("redband-desktop_*.deb"))
    if not BUNDLE.is_dir() or not debs:
        print("test-dist: run `make dist` first", file=sys.stderr)
        return 2
    venv_python = ROOT / ".venv" / "bin" / "python"
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="redband-test-dist-") as tmp:
        base = Path(tmp)
        try:
            step(f"bundle {BUNDLE}")
            home = base / "home-bundle"
            env = scratch_env(home)
            (base / "bundle").mkdir()
            station_commands(BUNDLE / "redband", base / "bundle", env)
            step(f"package {debs[-1].name}, installed into a scratch root")
            root = scratch_root(base)
            dpkg(root, "-i", str(debs[-1]))
            home = base / "home-deb"
            env = scratch_env(home)
            (base / "deb").mkdir()
            station_commands(root / "usr/bin/redband", base / "deb", env)
            run([str(root / "usr/bin/redband-desktop"), "--version"], env)
            per_user_and_portable(root / "usr/bin/redband", home, env)
            upgrade_after_backup(root / "usr/bin/redband", base / "deb", home, env, venv_python)
            dpkg(root, "-i", str(debs[-1]))  # the same package again: an upgrade in place
            dpkg(root, "--purge", "redband-desktop")
            if (root / "opt/redband").exists() or not (base / "deb" / "station.sqlite3").is_file() \
                    or not (home / ".local/share/redband-desktop/redband.sqlite3").is_file():
                raise Failed("after reinstall and purge: program left behind or user data gone")
            print("reinstalled and purged: program gone, user data kept", flush=True)
            step("libraries of the installed bundle")
            dpkg(root, "-i", str(debs[-1]))
            problems = check_libraries(root / "opt/redband")
            if problems:
                raise Failed("\n".join(problems))
            print("every library resolves, in the bundle or from a declared Depends", flush=True)
            step("desktop entry and Windows installer script")
            run(["desktop-file-validate", str(root / "usr/share/applications/redband-desktop.desktop")],
                dict(os.environ))
            windows_installer(base)
        except Failed as failure:
            print(f"\ntest-dist: FAILED\n{failure}", file=sys.stderr)
            return 1
    print(f"\ntest-dist: passed in {time.monotonic() - started:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--downgrade"]:
        print(older_database(Path(sys.argv[2])))
        raise SystemExit(0)
    raise SystemExit(main())
