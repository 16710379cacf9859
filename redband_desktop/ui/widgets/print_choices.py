"""Handing a PDF to CUPS as it is (Linux, Kylin, UOS, macOS): `lp` to the queue the user
chose in the print dialog, with the dialog's copies, sides and page range, the document's
own paper size, and no scaling — CUPS' default ("auto") shrinks a page whose content runs
into the printer's unprintable margins, and an ID card must stay 85.6 × 54 mm.

Nothing is rasterised on this PC: the spool is the PDF itself (about 7 MB for 1,100
cards, where painting every page at 600 dpi sent about 650 MB) and CUPS' filters draw it
at the printer's own resolution. No Qt here: the dialog's choices arrive as a
`PrintChoices` read on the GUI thread, and `submit` runs on a worker.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from redband_desktop.errors import RedbandError

SIDES = ("one-sided", "two-sided-long-edge", "two-sided-short-edge")
_JOB = re.compile(r"request id is (\S+)")
_TIMEOUT = 120  # seconds for lp to hand the file to the scheduler


class PrintFailed(RedbandError):
    """The print system did not take the job (unknown queue, stopped scheduler …)."""

    code = "print_failed"


@dataclass(frozen=True)
class PrintChoices:
    printer: str  # the CUPS destination chosen in the dialog
    title: str = ""
    copies: int = 1
    collate: bool = True
    sides: str = ""  # one of SIDES; "" leaves the queue's default
    pages: str = ""  # "1-3,5"; "" for every page
    media: str = ""  # "A4", "Custom.85.60x53.98mm"; "" leaves the queue's default
    grayscale: bool = False


def cups_available() -> bool:
    """Whether PDFs go to CUPS as they are: a Unix with the `lp` command (Windows has
    no CUPS; there the pages are rasterised instead)."""
    return sys.platform != "win32" and shutil.which("lp") is not None


def media_for(width_pt: float, height_pt: float, standard: str = "") -> str:
    """The CUPS media name: a standard size's own name ("A4"), else the exact size in mm."""
    if standard:
        return standard
    return f"Custom.{width_pt * 25.4 / 72:.2f}x{height_pt * 25.4 / 72:.2f}mm"


def lp_command(choices: PrintChoices) -> list[str]:
    """The `lp` command that prints the PDF read from standard input."""
    cmd = ["lp", "-d", choices.printer, "-n", str(max(1, choices.copies)), "-o", "print-scaling=none"]
    if choices.title:
        cmd += ["-t", choices.title]
    if choices.copies > 1:
        cmd += ["-o", f"collate={'true' if choices.collate else 'false'}"]
    if choices.sides:
        if choices.sides not in SIDES:
            raise ValueError(choices.sides)
        cmd += ["-o", f"sides={choices.sides}"]
    if choices.pages:
        if not re.fullmatch(r"\d+(-\d+)?(,\d+(-\d+)?)*", choices.pages):
            raise ValueError(choices.pages)
        cmd += ["-o", f"page-ranges={choices.pages}"]
    if choices.media:
        cmd += ["-o", f"media={choices.media}"]
    if choices.grayscale:
        cmd += ["-o", "print-color-mode=monochrome"]
    return cmd + ["--"]  # the file is standard input


def submit(pdf: bytes, choices: PrintChoices) -> str:
    """Send `pdf` to the queue; the job id CUPS gave it (e.g. "HP_LaserJet-42")."""
    try:
        done = subprocess.run(lp_command(choices), input=pdf, capture_output=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintFailed(printer=choices.printer, detail=str(exc)) from exc
    out = done.stdout.decode(errors="replace")
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip() or out.strip() or f"lp exit {done.returncode}"
        raise PrintFailed(printer=choices.printer, detail=detail)
    found = _JOB.search(out)
    return found.group(1) if found else ""
