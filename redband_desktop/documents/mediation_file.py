"""The whole people's mediation case file (人民调解卷宗), after the Ministry of Justice's
model: a cover (卷名, 卷号, mediators, mediation dates, who filed it and when, how long it
is kept), the 卷内目录 listing the documents a file must hold with the page each starts on
(or "缺" where one is missing), then the documents in their order.

The cover and the contents carry no page number; the documents are numbered from 1, and
the 页号 in the contents are those numbers. They are found by laying the file out once,
noting the page each document lands on, and laying it out again with the numbers filled
in (the contents page keeps its size, so nothing moves between the two).

A pure function: a case detail (read by attribute) in, PDF bytes out."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from redband_desktop.documents.mediation_docs import (
    agreement_story,
    dispute_name,
    follow_ups_story,
    parties_table,
    performance_lines,
    sessions_story,
)
from redband_desktop.documents.mediation_layout import (
    CENTER,
    FOUR,
    LABEL_W,
    TITLE,
    WIDTH,
    PageMark,
    SealBlock,
    cn_date,
    grid,
    heading,
    p,
    printed_number,
    register,
    render,
    sign_row,
    text_rows,
)
from redband_desktop.domain.mediation import CaseSource, CaseStatus, DisputeType, OutcomeKind

UNNUMBERED = 2  # the cover and the contents
_END = "\0end"  # the page mark after the last document
_OUTCOME_TITLES = {OutcomeKind.WRITTEN: "人民调解协议书", OutcomeKind.ORAL: "口头调解协议登记",
                   OutcomeKind.NOT_REACHED: "调解终止（不成）记录", OutcomeKind.WITHDRAWN: "撤回调解记录"}


def checklist(case) -> list[tuple[str, bool]]:  # noqa: ANN001
    """(document, present) in the order the file binds them."""
    o = case.outcome
    kind = o.kind if o else None
    items = [("人民调解受理登记表", True), ("调查记录", bool(case.investigations)), ("调解记录", bool(case.sessions))]
    items.append((_OUTCOME_TITLES[kind], True) if kind is not None else ("调解结果（协议书或终止记录）", False))
    if kind is not None and kind.is_agreement:
        items += [("协议履行情况", bool(case.performances)), ("回访记录", bool(case.follow_ups))]
    return items


def cover(case, committee: str, filed_by: str, keep: str) -> list[Flowable]:  # noqa: ANN001
    end = case.closed_on or (case.outcome.on if case.outcome else None)
    mediators = case.form.mediators or "、".join(sorted({e.form.mediators for e in case.sessions}))
    rows = [
        ["卷　　名", dispute_name(case)],
        ["卷　　号", printed_number(case.number)],
        ["人民调解员", mediators],
        ["调解日期", f"{cn_date(case.form.registered_on)}至{cn_date(end)}" if end
         else f"{cn_date(case.form.registered_on)}起（未结案）"],
        ["立 卷 人", filed_by],
        ["立卷日期", cn_date(case.closed_on)],
        ["保管期限", keep],
    ]
    return [Spacer(1, 30 * mm), p(committee, CENTER), Spacer(1, 6 * mm), p("人民调解卷宗", TITLE),
            Spacer(1, 20 * mm), grid(rows, [LABEL_W, WIDTH - LABEL_W]), PageBreak()]


def contents(case, page_numbers: dict[str, str] | None) -> list[Flowable]:  # noqa: ANN001
    """卷内目录 with the model's columns; before the page numbers are known, a stand-in
    as wide as the widest so the first layout is the same as the last."""
    rows = [["序号", "文书名称", "页号", "备注"]]
    for i, (name, present) in enumerate(checklist(case), start=1):
        if page_numbers is None:
            page = "000–000" if present else ""
        else:
            page = page_numbers.get(name, "")
        rows.append([i, name, page, "" if present else "缺"])
    return [p("卷内目录", TITLE), Spacer(1, 4 * mm), grid(rows, [16 * mm, WIDTH - 76 * mm, 30 * mm, 30 * mm]),
            PageBreak()]


def registration(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    f = case.form
    rows = [
        ["受理日期", cn_date(f.registered_on), "纠纷来源", CaseSource(f.source).zh],
        ["纠纷类型", DisputeType(f.dispute_type).zh, "调解期限", cn_date(case.deadline) +
         ("（经双方同意延长）" if case.extended else "")],
        ["片区", case.district_name, "场所", case.site_name],
        ["登记人", f.registrar, "案卷状态", CaseStatus(case.status).zh],
    ]
    texts = [("纠纷简要情况", f.summary), ("纠纷事实及争议事项", f.facts)]
    if case.extended:
        texts.append(("延期理由", case.extension_reason))
    return heading("人民调解受理登记表", case.number, committee) + [
        parties_table(case), Spacer(1, 3 * mm), grid(rows, FOUR),
        text_rows(texts), Spacer(1, 2 * mm),
        KeepTogether([sign_row("当事人（签名）：", "登记人（签名）："), Spacer(1, 4 * mm),
                      SealBlock(committee, cn_date(f.registered_on))])]


def investigations(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    """调查记录: each inquiry with its findings inside the table, signed by who was asked,
    who asked and who wrote it down."""
    story = heading("调查记录", case.number, committee)
    for e in case.investigations:
        i = e.form
        story += [grid([["调查时间", cn_date(i.on), "地点", i.place],
                        ["调查人", i.investigator, "被调查人", i.interviewed]],
                       FOUR),
                  text_rows([("调查情况", i.findings)]), Spacer(1, 2 * mm),
                  sign_row("被调查人（签名）：", "调查人（签名）：", "记录人（签名）："), Spacer(1, 8 * mm)]
    return story


def outcome_pages(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    o = case.outcome
    if o.kind is OutcomeKind.WRITTEN:
        return agreement_story(case, committee)
    story = heading(_OUTCOME_TITLES[o.kind], case.number, committee) + [
        grid([["日期", cn_date(o.on)]], [LABEL_W, WIDTH - LABEL_W])]
    if o.kind is OutcomeKind.ORAL:
        texts = [("协议内容", o.terms), ("履行方式", o.perform_method)]
        signs = sign_row("当事人（签名）：", "调解员（签名）：", "记录人（签名）：")
    else:
        texts = [("原因", o.failure_reason), ("告知当事人的其他解决途径", o.referred_to)]
        signs = sign_row("人民调解员（签名）：", "记录人（签名）：")
    return story + [text_rows(texts), Spacer(1, 2 * mm),
                    KeepTogether([signs, Spacer(1, 6 * mm), SealBlock(committee, cn_date(o.on))])]


def documents(case, committee: str) -> list[tuple[str, list[Flowable]]]:  # noqa: ANN001
    """The documents the file holds, in the checklist's order and under its names."""
    parts = [("人民调解受理登记表", registration(case, committee))]
    if case.investigations:
        parts.append(("调查记录", investigations(case, committee)))
    if case.sessions:
        parts.append(("调解记录", sessions_story(case, committee)))
    if case.outcome is not None:
        parts.append((_OUTCOME_TITLES[case.outcome.kind], outcome_pages(case, committee)))
    if case.performances:
        parts.append(("协议履行情况", heading("协议履行情况", case.number, committee) + performance_lines(case)))
    if case.follow_ups:
        parts.append(("回访记录", follow_ups_story(case, committee)))
    return parts


def case_file_pdf(case, committee: str, filed_by: str, keep: str = "长期") -> bytes:  # noqa: ANN001
    register()
    title = f"人民调解卷宗 {printed_number(case.number)}"
    landed: dict[str, int] = {}
    render(_story(case, committee, filed_by, keep, landed, None), title, UNNUMBERED)
    return render(_story(case, committee, filed_by, keep, {}, page_numbers(landed)), title, UNNUMBERED)


def page_numbers(landed: dict[str, int]) -> dict[str, str]:
    """页号 of each document from the pages its start (and the file's end) landed on:
    "3", or "3–4" for one of several pages, counted after the unnumbered pages."""
    order = sorted(landed.items(), key=lambda item: item[1])
    numbers = {}
    for (name, first), (_next, following) in zip(order, order[1:], strict=False):
        last = max(first, following - 1 if _next != _END else following)
        a, b = first - UNNUMBERED, last - UNNUMBERED
        numbers[name] = str(a) if a == b else f"{a}–{b}"
    return numbers


def _story(case, committee: str, filed_by: str, keep: str, landed: dict[str, int],  # noqa: ANN001
           numbers: dict[str, str] | None) -> list[Flowable]:
    story = cover(case, committee, filed_by, keep) + contents(case, numbers)
    for i, (name, part) in enumerate(documents(case, committee)):
        story += ([PageBreak()] if i else []) + [PageMark(landed, name), *part]
    return story + [PageMark(landed, _END)]
