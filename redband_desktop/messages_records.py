"""Messages and field labels of service records, certificates and recognition.
`messages.py` merges them into its catalogues; each code is defined in one place."""

from __future__ import annotations

RECORD_MESSAGES: dict[str, tuple[str, str]] = {
    "records_no_service": (
        "{name} 在 {first} 至 {last} 期间没有登记的志愿服务，不能出具志愿服务证明",
        "{name} has no recorded service from {first} to {last}: no certificate can be issued",
    ),
    "records_no_service_any": (
        "所选志愿者在 {first} 至 {last} 期间都没有登记的志愿服务，没有出具证明",
        "none of the chosen volunteers has recorded service from {first} to {last}: no certificate was issued",
    ),
    "records_period_reversed": ("结束日期不能早于开始日期", "the end date cannot come before the start date"),
    "records_evaluation_officer": (
        "年度评价须由本片区社区民警或管理员填写",
        "the yearly evaluation is written by the district's community officer or an administrator",
    ),
    "records_no_unknown": ("没有志愿者编号为 {value} 的志愿者", "no volunteer has the number {value}"),
}

RECORD_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "award_name": ("表彰奖励名称", "Commendation"),
    "award_level": ("级别", "Level"),
    "awarded_on": ("表彰日期", "Date awarded"),
    "awarded_by": ("授予单位", "Awarded by"),
    "year": ("年度", "Year"),
    "stars": ("评价星级", "Stars"),
    "comment": ("评语", "Comment"),
    "first_day": ("开始日期", "From"),
    "last_day": ("结束日期", "To"),
    "inactive_days": ("未服务天数", "Days without service"),
    "station_head": ("负责人", "Head of the station"),
    "station_phone": ("联系电话", "Contact phone"),
    "certificate_id": ("证明", "Certificate"),
    "award_id": ("表彰奖励", "Commendation"),
    "search": ("查询", "Search"),
}
