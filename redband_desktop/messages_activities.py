"""Messages and field labels of activities (活动) and volunteer numbers. `messages.py`
merges them into its catalogues; each code is defined in one place."""

from __future__ import annotations

ACTIVITY_MESSAGES: dict[str, tuple[str, str]] = {
    "activity_volunteer_inactive": (
        "{name} 的状态为“{status}”，不能登记为活动参加人", "{name} is {status_en} and cannot take part in an activity",
    ),
    "activity_overlap": (
        "{name} 在 {day} {start}–{end} 已参加另一活动（{type}，{place}），时间重叠",
        "{name} already took part in another activity {day} {start}–{end} ({type_en}, {place}): the times overlap",
    ),
    "activity_minutes_over_span": (
        "{name} 的服务时长不能超过活动时长（{hours} 小时）",
        "{name}'s hours cannot exceed the activity's span ({hours} h)",
    ),
    "activity_minutes_positive": ("{name} 的服务时长须大于 0", "{name}'s hours must be more than 0"),
    "activity_participant_twice": ("{name} 已在参加人中", "{name} is already a participant"),
    "activity_end_before_start": ("结束时间须晚于开始时间", "the end must come after the start"),
    "activity_field_unexpected": ("“{type}”活动不登记此项", "a “{type_en}” activity does not record this"),
}

ACTIVITY_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "activity_type": ("活动类型", "Activity type"),
    "theme": ("活动主题", "Theme"),
    "organiser_kind": ("组织方", "Organised by"),
    "organiser": ("组织单位名称", "Organiser's name"),
    "audience": ("受众人数", "Audience"),
    "leaflets": ("发放宣传资料（份）", "Leaflets handed out"),
    "cases_note": ("所用案例说明", "Cases used"),
    "incident_ids": ("所用真实案例（警情）", "Real cases used (incidents)"),
    "needs_raised": ("收集诉求（条）", "Needs raised"),
    "subject": ("培训科目", "Training subject"),
    "counts_as_training": ("计入志愿服务记录的培训", "Counts as training in the service record"),
    "minutes": ("服务时长", "Hours served"),
    "volunteer_no": ("志愿者编号", "Volunteer number"),
}
