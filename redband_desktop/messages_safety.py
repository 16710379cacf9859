"""Messages and field labels of data safety: storage, backups and their encryption, the audit
trail and `redband check`. `messages.py` merges them into
its catalogues, which are what everything else reads; each code is defined in one place."""

from __future__ import annotations

SAFETY_MESSAGES: dict[str, tuple[str, str]] = {
    "backup_passphrase_needed": (
        "导出的备份须用口令加密：请设置 REDBAND_BACKUP_PASSPHRASE，或在终端中运行以输入口令",
        "An exported backup is encrypted with a passphrase: set REDBAND_BACKUP_PASSPHRASE, or run "
        "this in a terminal to type it",
    ),
    "backup_passphrase_wrong": (
        "口令不正确，无法打开加密备份 {path}。数据库未改动。",
        "Wrong passphrase for the encrypted backup {path}. The database was not changed.",
    ),
    "backup_sealed_damaged": (
        "加密备份 {path} 已损坏或被改动，无法解密（{detail}）。数据库未改动。",
        "The encrypted backup {path} is damaged or was altered and cannot be decrypted ({detail}). "
        "The database was not changed.",
    ),
    "passphrase_short": ("至少 {min} 个字符", "must have at least {min} characters"),
    "passphrase_mismatch": ("两次输入的口令不一致", "the two passphrases differ"),
    "backup_witness_failed": (
        "备份已写入，但无法在 {path} 记录审计链锚点：{detail}",
        "The backup was written, but the audit chain's anchor could not be recorded in {path}: {detail}",
    ),
}

SAFETY_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "passphrase": ("备份口令", "Backup passphrase"),
    "passphrase_confirm": ("再次输入口令", "Passphrase again"),
    # the changes of a backup, export, restore or public key in the audit trail
    "file": ("文件", "File"),
    "sealed": ("已加密", "Encrypted"),
    "pre_restore": ("恢复前备份", "Pre-restore backup"),
    "folder": ("备份文件夹", "Backup folder"),
}
