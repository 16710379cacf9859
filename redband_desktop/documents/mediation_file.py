"""The whole people's mediation case file (人民调解卷宗): a cover with the file's name,
number, mediators, dates, who filed it and how long it is kept, a checklist of the
documents a file must hold (present or missing), then the documents in their order.

A pure function: a case detail (read by attribute) in, PDF bytes out."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from redband_desktop.documents.mediation_docs import (
    CENTER,
    TITLE,
    WIDTH,
    agreement_story,
    follow_ups_story,
    grid,
    heading,
    labelled,
    p,
    parties_table,
    performance_lines,
    register,
    render,
    sessions_story,
)
from redband_desktop.domain.mediation import CaseSource, CaseStatus, DisputeType, OutcomeKind


def checklist(case) -> list[tuple[str, bool]]:  # noqa: ANN001
    """(document, present) in the order the file binds them."""
    o = case.outcome
    kind = o.kind if o else None
    items = [("人民调解受理登记表", True), ("调查记录", bool(case.investigations)), ("调解记录", bool(case.sessions))]
    if kind is OutcomeKind.WRITTEN:
        items.append(("人民调解协议书", True))
    elif kind is OutcomeKind.ORAL:
        items.append(("口头调解协议登记", True))
    elif kind is OutcomeKind.NOT_REACHED:
        items.append(("调解终止（不成）记录", True))
    elif kind is OutcomeKind.WITHDRAWN:
        items.append(("撤回调解记录", True))
    else:
        items.append(("调解结果（协议书或终止记录）", False))
    if kind is not None and kind.is_agreement:
        items += [("协议履行情况", bool(case.performances)), ("回访记录", bool(case.follow_ups))]
    return items


def cover(case, committee: str, filed_by: str, keep: str) -> list[Flowable]:  # noqa: ANN001
    end = case.closed_on or (case.outcome.on if case.outcome else None)
    rows = [
        ["卷  名", f"{_names(case)}{DisputeType(case.form.dispute_type).zh}纠纷"],
        ["卷  号", case.number],
        ["调 解 员", case.form.mediators or "、".join(sorted({e.form.mediators for e in case.sessions}))],
        ["受理日期", f"{case.form.registered_on:%Y年%m月%d日}"],
        ["结案日期", f"{end:%Y年%m月%d日}" if end else "（未结案）"],
        ["立 卷 人", filed_by],
        ["保管期限", keep],
    ]
    table = grid(rows, [35 * mm, WIDTH - 35 * mm])
    return [Spacer(1, 30 * mm), p(committee, CENTER), Spacer(1, 6 * mm), p("人民调解卷宗", TITLE),
            Spacer(1, 20 * mm), table, PageBreak()]


def contents(case) -> list[Flowable]:  # noqa: ANN001
    rows = [["序号", "文书名称", "情况"]]
    rows += [[i, name, "有" if present else "缺"] for i, (name, present) in enumerate(checklist(case), start=1)]
    return [p("卷内文书目录", TITLE), Spacer(1, 4 * mm), grid(rows, [18 * mm, WIDTH - 48 * mm, 30 * mm]), PageBreak()]


def registration(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    f = case.form
    rows = [
        ["受理日期", f"{f.registered_on:%Y年%m月%d日}", "纠纷来源", CaseSource(f.source).zh],
        ["纠纷类型", DisputeType(f.dispute_type).zh, "调解期限", f"{case.deadline:%Y年%m月%d日}" +
         ("（经双方同意延长）" if case.extended else "")],
        ["片区", case.district_name, "场所", case.site_name],
        ["登记人", f.registrar, "案卷状态", CaseStatus(case.status).zh],
    ]
    return heading("人民调解受理登记表", case.number, committee) + [
        parties_table(case), Spacer(1, 3 * mm), grid(rows, [24 * mm, 61 * mm, 24 * mm, WIDTH - 109 * mm]),
        Spacer(1, 3 * mm), labelled("纠纷简要情况：", f.summary), labelled("纠纷事实及争议事项：", f.facts),
        labelled("延期理由：", case.extension_reason) if case.extended else Spacer(1, 1), PageBreak()]


def investigations(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    story = heading("调查记录", case.number, committee)
    for e in case.investigations:
        i = e.form
        story += [grid([["调查时间", f"{i.on:%Y年%m月%d日}", "地点", i.place],
                        ["调查人", i.investigator, "被调查人", i.interviewed]],
                       [24 * mm, 61 * mm, 24 * mm, WIDTH - 109 * mm]),
                  labelled("调查情况：", i.findings), Spacer(1, 6 * mm)]
    return story + [PageBreak()]


def outcome_pages(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    o = case.outcome
    if o is None:
        return []
    if o.kind is OutcomeKind.WRITTEN:
        return agreement_story(case, committee) + [PageBreak()]
    title = {OutcomeKind.ORAL: "口头调解协议登记", OutcomeKind.NOT_REACHED: "调解终止（不成）记录",
             OutcomeKind.WITHDRAWN: "撤回调解记录"}[o.kind]
    story = heading(title, case.number, committee) + [labelled("日期：", f"{o.on:%Y年%m月%d日}")]
    if o.kind is OutcomeKind.ORAL:
        story += [labelled("协议内容：", o.terms), labelled("履行方式：", o.perform_method)]
    else:
        story += [labelled("原因：", o.failure_reason), labelled("告知当事人的其他解决途径：", o.referred_to)]
    return story + [PageBreak()]


def case_file_pdf(case, committee: str, filed_by: str, keep: str = "长期") -> bytes:  # noqa: ANN001
    register()
    story = cover(case, committee, filed_by, keep) + contents(case) + registration(case, committee)
    if case.investigations:
        story += investigations(case, committee)
    if case.sessions:
        story += sessions_story(case, committee) + [PageBreak()]
    story += outcome_pages(case, committee)
    if case.performances:
        story += heading("协议履行情况", case.number, committee) + performance_lines(case) + [PageBreak()]
    if case.follow_ups:
        story += follow_ups_story(case, committee)
    if isinstance(story[-1], PageBreak):
        story.pop()
    return render(story, f"人民调解卷宗 {case.number}")


def _names(case) -> str:  # noqa: ANN001
    names = [x.form.name for x in case.parties]
    return ("与".join(names[:2]) + ("等" if len(names) > 2 else "")) if names else ""
