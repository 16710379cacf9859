"""Messages and field labels of the duty rota (排班): templates, generated shifts, who is
assigned to them and the days without shifts. `messages.py` merges them into its
catalogues, which are what everything else reads; each code is defined in one place."""

from __future__ import annotations

ROTA_MESSAGES: dict[str, tuple[str, str]] = {
    "rota_same_time": (
        "开始和结束时间不能相同（跨夜班次请让结束时间早于开始时间，如 22:00–02:00）",
        "the start and the end cannot be the same (an overnight shift ends before it starts, e.g. 22:00–02:00)",
    ),
    "rota_no_weekday": ("至少选择一天", "choose at least one day"),
    "rota_building_and_zone": ("楼栋和市场片区只能选一个", "choose a building or a market zone, not both"),
    "rota_period_too_long": ("一次最多生成 {max} 天的班次", "at most {max} days of shifts at a time"),
    "rota_volunteer_inactive": (
        "{name} 的状态为“{status}”，不能排班", "{name} is {status_en} and cannot be put on a shift",
    ),
    "rota_overlap": (
        "{name} 在 {day} {start}–{end} 已有值班（{place}，{duty}），时间重叠",
        "{name} already serves {day} {start}–{end} ({place}, {duty_en}): the shifts overlap",
    ),
    "rota_already_assigned": ("{name} 已安排在此班次", "{name} is already on this shift"),
    "rota_not_assigned": ("{name} 没有安排在此班次", "{name} is not on this shift"),
    "rota_attended": (
        "{name} 在此班次的考勤已登记，不能取消安排", "{name}'s attendance on this shift is recorded; they stay on it",
    ),
    "rota_card_expired": (
        "{name} 的志愿者证已于 {date} 过期，请及时换发", "{name}'s ID card expired on {date}; renew it soon",
    ),
    "rota_over_needed": (
        "此班次需要 {needed} 人，现已安排 {count} 人", "this shift needs {needed}; {count} are now on it",
    ),
    "rota_skipped_day": ("{day} 是停班日期（{reason}）", "{day} is a skipped day ({reason})"),
    "rota_skip_exists": ("此日期已是停班日期", "this day is already skipped"),
    "rota_no_district": ("没有编号为 {id} 的片区", "there is no district with id {id}"),
    "rota_no_site": ("没有编号为 {id} 的场所", "there is no site with id {id}"),
    "rota_no_folder": ("文件夹不存在：{folder}", "there is no folder {folder}"),
    "rota_not_written": ("无法写入 {file}：{error}", "{file} could not be written: {error}"),
    "rota_same_day": ("复制的目标日期不能与来源日期相同", "copy to a day other than the one copied"),
    "rota_not_monday": ("须为周一", "must be a Monday"),
    "rota_not_started": ("班次尚未开始，不能登记考勤", "the shift has not begun: no attendance yet"),
    "rota_too_late": (
        "只能登记 {days} 天内的考勤（可在本所设置中修改）",
        "attendance can be recorded up to {days} days back (a station setting)",
    ),
    "rota_swap_unexpected": ("只有“换班”才填写替班人", "name a stand-in only for a swap"),
    "rota_swap_on_shift": ("{name} 已安排在此班次，不能作为替班人", "{name} is on this shift already"),
    "rota_out_before_in": ("签退时间须晚于签到时间", "signing out must come after signing in"),
    "rota_time_far": (
        "签到签退时间与班次（{start}–{end}）相差过大", "too far from the shift's own times ({start}–{end})",
    ),
}

ROTA_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "duty_type": ("值班类型", "Duty type"),
    "weekdays": ("星期", "Weekdays"),
    "start_time": ("开始时间", "Start time"),
    "end_time": ("结束时间", "End time"),
    "needed": ("需要人数", "People needed"),
    "leader_id": ("带班负责人", "Leader"),
    "template_id": ("排班模板", "Shift template"),
    "shift_id": ("班次", "Shift"),
    "day": ("日期", "Day"),
    "period": ("时间段", "Period"),
    "source_day": ("复制来源日期", "Copied from"),
    "target_day": ("复制到", "Copied to"),
    "week": ("周", "Week"),
    "starts_at": ("开始时间", "Starts at"),
    "ends_at": ("结束时间", "Ends at"),
    "created": ("新生成班次", "Shifts created"),
    "assigned": ("安排人数", "People assigned"),
    "swapped_with_id": ("替班人", "Stood in by"),
    "signed_in_at": ("签到时间", "Signed in"),
    "signed_out_at": ("签退时间", "Signed out"),
    "attendance": ("考勤", "Attendance"),
    "route": ("巡逻路线／范围", "Route or places covered"),
    "note": ("所见情况", "What was seen"),
    "clue_id": ("上报的线索", "Clue reported"),
    "attendance_days_back": ("考勤补录天数", "Days to record attendance"),
    "rota.attendance_days_back": ("考勤补录天数", "Days to record attendance"),
}
