"""Is the database file on a network share? SQLite's locking is unreliable over SMB/CIFS
and NFS (a mapped drive, a shared station folder): two PCs writing at once can corrupt
the file without either noticing. Stations with several PCs should use the PostgreSQL
set-up instead; the window and the commands warn when they see a share.

Linux (and Kylin/UOS): the file system type of the longest mount point above the file,
from /proc/self/mounts. Windows: a UNC path (\\\\server\\share) or a drive letter whose
drive type is "remote". Elsewhere nothing is detected, and nothing is claimed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

# File system types that live on another machine.
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "fuse.s3fs", "fuse.davfs2", "davfs", "fuse.glusterfs", "fuse.rclone",
})
_DRIVE_REMOTE = 4  # GetDriveTypeW


def network_share(path: Path) -> str | None:
    """A short name of the network file system holding `path` ("cifs", "nfs4", "SMB"…),
    or None when it is local or cannot be told."""
    if sys.platform.startswith("win"):
        return _windows_share(str(path))
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return filesystem_of(path, mounts)


def filesystem_of(path: Path, mounts: str) -> str | None:
    """The network file system type of `path` according to a /proc/mounts text."""
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")  # /proc/mounts escapes spaces
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type if best_type in NETWORK_TYPES else None


def _windows_share(text: str) -> str | None:
    windows = PureWindowsPath(text)
    if windows.drive.startswith("\\\\"):
        return "SMB"
    if not windows.drive:
        return None
    import ctypes  # Windows only

    drive_type = ctypes.windll.kernel32.GetDriveTypeW(windows.drive + "\\")  # type: ignore[attr-defined]
    return "network drive" if drive_type == _DRIVE_REMOTE else None
