"""Messages and field labels of the statistics and the 治安成绩单 (periods, comparisons,
report files). `messages.py` merges them into its catalogues; each code is defined once."""

from __future__ import annotations

STATS_MESSAGES: dict[str, tuple[str, str]] = {
    "stats_date_out_of_range": ("日期须在 {earliest} 至 2100-12-31 之间", "must be between {earliest} and 2100-12-31"),
    "stats_end_before_start": ("结束日期不能早于开始日期", "the end date is before the start date"),
    "stats_period_too_long": ("统计时段不能超过 {years} 年", "a period may not be longer than {years} years"),
    "stats_compare_invalid": ("对比方式须为 yoy（同比）或 pop（环比）", "must be yoy (year on year) or pop (period on period)"),
    "report_format_invalid": ("文件须以 .pdf 或 .xlsx 结尾：{name}", "the file must end in .pdf or .xlsx: {name}"),
}

STATS_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "date_from": ("开始日期", "Start date"),
    "date_to": ("结束日期", "End date"),
    "compare": ("对比方式", "Comparison"),
    "report_file": ("报告文件", "Report file"),
}
