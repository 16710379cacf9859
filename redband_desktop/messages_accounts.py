"""Messages and field labels of accounts and rights: sign-in, passwords, district scope,
masking and `redband users`. `messages.py` merges them into
its catalogues, which are what everything else reads; each code is defined in one place."""

from __future__ import annotations

ACCOUNT_MESSAGES: dict[str, tuple[str, str]] = {
    # The same words whether the user name exists or not: no count of tries left.
    "sign_in_failed": (
        "用户名或密码不正确（连续输错 {max} 次，账号将锁定 {minutes} 分钟）",
        "Wrong user name or password ({max} wrong tries in a row lock the account for {minutes} minutes)",
    ),
    "password_wrong": (
        "当前密码不正确（与登录一样，连续输错 {max} 次账号将锁定 {minutes} 分钟）",
        "the current password is wrong (as at sign-in, {max} wrong tries in a row lock the account "
        "for {minutes} minutes)",
    ),
    "new_password_needed": (
        "需要新密码：请在终端中运行，或设置 REDBAND_NEW_PASSWORD",
        "A new password is needed: run it in a terminal or set REDBAND_NEW_PASSWORD",
    ),
    "password_common": (
        "这是最常见的密码之一，很容易被猜中，请换一个",
        "is one of the commonest passwords and easily guessed; choose another",
    ),
    "password_padded": (
        "不能用首尾空格凑长度或充当符号：去掉首尾空格后至少 {min} 位，且须包含三种字符",
        "must not be padded with spaces: without the spaces at either end it needs at least {min} "
        "characters of three kinds",
    ),
    "account_deactivated": (
        "账号已停用：{name} 不能再进行任何操作，请交给其他人员登录，或请管理员重新启用该账号",
        "The account has been deactivated: {name} can no longer do anything; let someone else "
        "sign in, or ask an administrator to enable the account again",
    ),
}

ACCOUNT_FIELD_LABELS: dict[str, tuple[str, str]] = {
}
