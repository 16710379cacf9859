"""Messages and field labels of the input checks every form shares: text cleaning, dates and
numbers in range, search text. `messages.py` merges them into
its catalogues, which are what everything else reads; each code is defined in one place."""

from __future__ import annotations

INPUT_MESSAGES: dict[str, tuple[str, str]] = {
    "date_after": ("不能晚于{other}", "cannot be after {other}"),
    "number_invalid": ("“{value}”不是有效的数字", "“{value}” is not a valid number"),
    "money_cents": ("金额最多保留两位小数（分）", "an amount has at most two decimals (fen)"),
    "volunteer_too_young": (
        "出生日期 {date}：志愿者须年满 {age} 周岁",
        "born {date}: a volunteer must be at least {age} years old",
    ),
    "document_number_invalid": (
        "证件号码只能包含字母、数字、“-”和括号，最多 {max} 位",
        "a document number may only hold letters, digits, “-” and brackets, at most {max} characters",
    ),
}

INPUT_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "on": ("日期", "Date"),
    "held_at": ("调解时间", "Held at"),
    "checked_on": ("核查日期", "Checked on"),
    "visited_on": ("回访日期", "Visited on"),
    "mediator_ids": ("调解员（志愿者）", "Mediators (volunteers)"),
    "id_type": ("证件类型", "Document type"),
    "source": ("纠纷来源", "Source"),
    "dispute_type": ("纠纷类型", "Dispute type"),
    "satisfaction": ("满意度", "Satisfaction"),
}
