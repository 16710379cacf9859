"""Messages and field labels of the case records — incidents, clue reports and people's
mediation — in Chinese and English. `messages.py` merges them into its catalogues, which
are what everything else reads; a code or field must be defined in one place only."""

from __future__ import annotations

CASE_MESSAGES: dict[str, tuple[str, str]] = {
    # mediation
    "mediation_needs_parties": (
        "达成协议前须至少登记一名申请人和一名被申请人",
        "an agreement needs at least one applicant and one respondent on file",
    ),
    "mediation_wrong_stage": ("该案卷处于“{status}”阶段，不能进行此操作", "not possible while the case is at “{status}”"),
    "mediation_before_agreement": ("不能早于达成协议的日期", "cannot be before the agreement"),
    "mediation_not_dispute": ("该警情类别为“{category}”，只有矛盾纠纷警情可以移交调解",
                              "is a “{category_en}” incident; only dispute incidents can be referred to mediation"),
    "mediation_incident_linked": ("该警情已移交调解，案号 {number}", "was already referred to mediation as case {number}"),
    "mediation_before_incident": ("不能早于接警日期 {date}", "cannot be before the incident was received ({date})"),
    # printing documents
    "print_failed": ("打印未完成（{printer}）：{detail}", "Not printed ({printer}): {detail}"),
    "printer_unavailable": ("无法打开打印机“{printer}”，未打印", "Cannot open the printer “{printer}”; nothing was printed"),
    # clue reports
    "clue_wrong_stage": (
        "该线索处于“{status}”状态，不能{step}",
        "a clue that is “{status_en}” cannot take the step “{step_en}”",
    ),
    "clue_incident_unexpected": ("只有办结方式为“引发警情”时才关联警情", "only a clue that led to an incident links one"),
    "too_many_attachments": ("每条线索最多 {max} 张照片", "a clue can have at most {max} photos"),
    # incidents
    "in_future": ("不能晚于现在", "cannot be in the future"),
    "occurred_after_received": ("发案时间不能晚于接警时间", "cannot be after the time it was received"),
    "subcategory_mismatch": ("不属于所选类别", "does not belong to the chosen category"),
    "fraud_method_mismatch": ("只有电信网络诈骗才填写诈骗手法", "only telecom / network fraud has a fraud method"),
    "loss_negative": ("不能为负数", "cannot be negative"),
    "closed_before_received": ("办结时间不能早于接警时间", "cannot be before the time it was received"),
    "prefix_invalid": ("须为 1–10 位大写字母或数字，如 JJH", "must be 1–10 capital letters or digits, e.g. JJH"),
}

CASE_FIELD_LABELS: dict[str, tuple[str, str]] = {
    # mediation
    "facts": ("纠纷事实及争议事项", "Facts and disputed matters"),
    "registrar": ("登记人", "Registered by"),
    "mediators": ("调解员", "Mediators"),
    "ethnicity": ("民族", "Ethnicity"),
    "age": ("年龄", "Age"),
    "occupation": ("职业", "Occupation"),
    "agent": ("委托代理人", "Agent"),
    "place": ("地点", "Place"),
    "investigator": ("调查人", "Investigator"),
    "interviewed": ("被调查人", "Interviewed"),
    "findings": ("调查情况", "Findings"),
    "participants": ("参加人", "Participants"),
    "recorder": ("记录人", "Recorder"),
    "statements": ("当事人陈述", "Statements"),
    "facts_checked": ("调解员查明的事实", "Facts checked"),
    "result": ("调解结果", "Result"),
    "terms": ("协议内容", "Agreed terms"),
    "perform_method": ("履行方式", "How it is performed"),
    "perform_place": ("履行地点", "Where it is performed"),
    "perform_by": ("履行期限", "Perform by"),
    "amount_yuan": ("涉及金额（元）", "Amount (yuan)"),
    "copies": ("协议书份数", "Copies of the agreement"),
    "failure_reason": ("调解不成的原因", "Why it failed"),
    "referred_to": ("告知当事人的其他途径", "Referred to"),
    "proof": ("履行情况说明", "Proof of performance"),
    "party": ("回访对象", "Party visited"),
    "visitor": ("回访人", "Visitor"),
    "escalation_signs": ("矛盾激化迹象", "Signs of escalation"),
    "extension_reason": ("延期理由", "Reason for extension"),
    "parties": ("当事人", "Parties"),
    "days": ("天数", "Days"),
    # clue reports
    "reporter_id": ("上报人", "Reported by"),
    "reported_at": ("上报时间", "Reported at"),
    "clue_type": ("线索类型", "Clue type"),
    "urgency": ("紧急程度", "Urgency"),
    "content": ("线索内容", "Content"),
    "attachments": ("照片", "Photos"),
    "verify_note": ("核实情况", "What the check found"),
    "transferred_to": ("移交对象", "Transferred to"),
    "closing": ("办结方式", "Closed as"),
    "feedback": ("反馈情况", "Feedback"),
    "incident_id": ("警情", "Incident"),
    "registered_on": ("受理日期", "Registered on"),
    # incidents
    "received_at": ("接警时间", "Received at"),
    "occurred_at": ("发案时间", "Occurred at"),
    "channel": ("警情来源", "Channel"),
    "caller_name": ("报警人", "Caller"),
    "caller_phone": ("报警人电话", "Caller phone"),
    "location": ("地点", "Location"),
    "category": ("警情类别", "Category"),
    "subcategory": ("细类", "Subtype"),
    "loss_yuan": ("损失金额", "Loss (yuan)"),
    "fraud_method": ("诈骗手法", "Fraud method"),
    "summary": ("简要情况", "Summary"),
    "handling_officer": ("处置民警", "Handling officer"),
    "outcome": ("处置结果", "Outcome"),
    "closed_at": ("办结时间", "Closed at"),
    "volunteers": ("志愿者", "Volunteers"),
    "incident_prefix": ("警情编号前缀", "Incident number prefix"),
    "committee": ("人民调解委员会名称", "Mediation committee name"),
}
