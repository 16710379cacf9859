"""Messages and field labels of points (积分). `messages.py` merges them into its
catalogues; each code is defined in one place."""

from __future__ import annotations

POINTS_MESSAGES: dict[str, tuple[str, str]] = {
    "points_over_balance": (
        "兑换 {points} 分超过 {name} 的积分余额（{balance} 分）",
        "{points} points is more than {name}'s balance ({balance} points)",
    ),
    "points_rule_in_force": (
        "该规则自 {day} 起已生效，不能删除（要改变以后的积分，请新增一条自某日起生效的规则）",
        "this rule has applied since {day} and cannot be removed (to change points from now on, add a rule "
        "with the date it applies from)",
    ),
}

POINTS_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "points": ("积分", "Points"),
    "prize": ("奖品", "Prize"),
    "handed_by": ("发放人", "Handed over by"),
    "effective_from": ("生效日期", "Applies from"),
    "rule_kind": ("积分项目", "Points for"),
}
