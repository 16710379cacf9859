"""Which shared libraries the Linux bundle takes from the system, read from dpkg.

The packages in installer/deb/depends.txt are the .deb's Depends. Every library that they,
or the packages they depend on in turn, install is left out of the bundle: at run time the
system's copy is used, never an older copy from the build machine that would shadow it
(a system fontconfig loaded next to a bundled, older freetype fails on missing symbols).
Everything else a bundled program needs (libpython, OpenSSL, SQLite, the Qt libraries of
the wheels …) stays in the bundle.

    python installer/system_libs.py depends        the Depends line for a bundle folder
    python installer/system_libs.py check DIR      every library DIR needs is bundled or
                                                   comes from a declared package (exit 1 if not)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEPENDS_FILE = HERE / "deb" / "depends.txt"


def declared() -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in DEPENDS_FILE.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _query(package: str, field: str) -> str:
    done = subprocess.run(["dpkg-query", "-W", "-f", f"${{{field}}}", package],
                          capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else ""


def _installed(package: str) -> bool:
    return "install ok installed" in _query(package, "Status")


def _alternatives(field: str) -> Iterable[list[str]]:
    """'a (>= 1), b | c' → [['a'], ['b', 'c']] (names only, architecture qualifiers dropped)."""
    for group in filter(None, (g.strip() for g in field.split(","))):
        yield [re.split(r"[\s:(]", alt.strip(), maxsplit=1)[0] for alt in group.split("|")]


@cache
def closure(roots: tuple[str, ...]) -> frozenset[str]:
    """The installed packages `roots` pull in (Depends and Pre-Depends, recursively; of
    alternatives the ones installed here)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        package = todo.pop()
        if package in seen:
            continue
        if not _installed(package):
            raise SystemExit(f"system_libs: {package} is not installed here (run `make sysdeps-dist`)")
        seen.add(package)
        field = _query(package, "Depends") + ", " + _query(package, "Pre-Depends")
        for alternatives in _alternatives(field):
            todo.extend(alt for alt in alternatives if alt not in seen and _installed(alt))
    return frozenset(seen)


@cache
def system_files() -> frozenset[str]:
    """Real paths of every file the declared packages' closure installs."""
    packages = sorted(closure(tuple(declared())))
    listed = subprocess.run(["dpkg-query", "-L", *packages], capture_output=True, text=True, check=True)
    return frozenset(os.path.realpath(p) for p in listed.stdout.splitlines() if p.startswith("/"))


def from_system(path: str) -> bool:
    """True when the library at `path` belongs to a declared package (or one it needs)."""
    return os.path.realpath(path) in system_files()


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def glibc_floor(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file in `folder` asks for."""
    versions: set[tuple[int, ...]] = set()
    for path in elf_files(folder):
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        versions.update(tuple(int(n) for n in v.split(".")) for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out))
    return ".".join(map(str, max(versions))) if versions else "0"


def depends_line(folder: Path) -> str:
    return ", ".join([f"libc6 (>= {glibc_floor(folder)})", *declared()])


def check(folder: Path) -> list[str]:
    """Problems: a library that ldd cannot find, or one found outside the bundle that no
    declared package provides (the .deb would then start only where it happens to be)."""
    problems = []
    bundle = str(folder.resolve())
    # the bootloader puts _internal/ on the library path (LD_LIBRARY_PATH) for the program it starts
    env = {**os.environ, "LD_LIBRARY_PATH": str(folder / "_internal")}
    for path in elf_files(folder):
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for soname, target in re.findall(r"^\s*(\S+) => (.+?) \(0x", out, flags=re.M):
            if target == "not found":
                problems.append(f"{path.relative_to(folder)}: {soname} not found")
            elif not os.path.realpath(target).startswith(bundle) and not from_system(target):
                problems.append(f"{path.relative_to(folder)}: {soname} from {target}, in no declared package")
        problems += [f"{path.relative_to(folder)}: {line.strip()}" for line in out.splitlines()
                     if "not found" in line and "=>" not in line]
    return sorted(set(problems))


def main(argv: list[str]) -> int:
    if argv[:1] == ["depends"] and len(argv) == 2:
        print(depends_line(Path(argv[1])))
        return 0
    if argv[:1] == ["check"] and len(argv) == 2:
        problems = check(Path(argv[1]))
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"system_libs: {len(elf_files(Path(argv[1])))} ELF files checked, {len(problems)} problems")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
