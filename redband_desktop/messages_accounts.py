"""Messages and field labels of accounts and rights: sign-in, passwords, district scope,
masking and `redband users`. `messages.py` merges them into
its catalogues, which are what everything else reads; each code is defined in one place."""

from __future__ import annotations

ACCOUNT_MESSAGES: dict[str, tuple[str, str]] = {
    "account_deactivated": (
        "账号已停用：{name} 不能再进行任何操作，请交给其他人员登录，或请管理员重新启用该账号",
        "The account has been deactivated: {name} can no longer do anything; let someone else "
        "sign in, or ask an administrator to enable the account again",
    ),
}

ACCOUNT_FIELD_LABELS: dict[str, tuple[str, str]] = {
}
