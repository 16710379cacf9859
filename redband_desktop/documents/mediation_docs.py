"""Printed forms of a people's mediation case: 人民调解协议书, 调解记录, 回访记录 (and the
parties table and performance table the case file shares).

Pure functions: a case detail (the shape of `services.mediation.types.CaseDetail`, read
by attribute) in, PDF bytes or a list of reportlab flowables out. Text is set in the
bundled CJK font and wrapped by `Paragraph` (CJK word wrap), so long facts and terms flow
onto further lines and pages instead of leaving the form. The shared layout (heading,
tables, signature blanks, seal, dates) is `mediation_layout`; `mediation_file` binds these
into the whole case file.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from redband_desktop.documents.mediation_layout import (
    BODY,
    FOUR,
    WIDTH,
    SealBlock,
    cn_date,
    cn_datetime,
    grid,
    heading,
    labelled,
    p,
    printed_number,
    register,
    render,
    sign_row,
    text_rows,
)
from redband_desktop.domain.enums import Gender
from redband_desktop.domain.mediation import (
    DisputeType,
    IdDocument,
    OutcomeKind,
    PartyRole,
    Performance,
    Satisfaction,
)


def _party_rows(case) -> tuple[list[list], list[int]]:  # noqa: ANN001
    """Four columns (label, value, label, value), three or four rows per party."""
    rows, spans = [], []
    for party in case.parties:
        f = party.form
        who = f"{f.name}（{Gender(f.gender).zh}）" if f.gender else f.name
        age = "" if f.age is None else f"{f.age}岁"
        rows += [[PartyRole(f.role).zh, who, "民族、年龄", "　".join(x for x in (f.ethnicity, age) if x)],
                 [_document_label(f.id_type), f.id_number, "联系电话", f.phone],
                 ["职业", f.occupation, "住所或单位", f.address]]
        if f.agent:
            rows.append(["委托代理人", f.agent, "", ""])
            spans.append(len(rows) - 1)
    return rows, spans


def _document_label(kind: str) -> str:
    """身份证号 for an identity card (and an empty number), else the document named."""
    document = IdDocument(kind or IdDocument.RESIDENT_ID)
    return "身份证号" if document is IdDocument.RESIDENT_ID else f"{document.zh}号码"


def parties_table(case) -> Table:  # noqa: ANN001
    rows, spans = _party_rows(case)
    return grid(rows or [["当事人", "（未登记）", "", ""]], FOUR, tuple(spans))


def dispute_name(case) -> str:  # noqa: ANN001
    """张立飞与蒋平邻里纠纷: the parties and the kind of dispute (卷名, 回访事由)."""
    names = [x.form.name for x in case.parties]
    who = ("与".join(names[:2]) + ("等" if len(names) > 2 else "")) if names else ""
    return f"{who}{DisputeType(case.form.dispute_type).zh}纠纷"


def agreement_story(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    """人民调解协议书 of a case with an agreement."""
    o = case.outcome
    perform = "；".join(x for x in (
        o.perform_method, f"履行地点：{o.perform_place}" if o.perform_place else "",
        f"履行期限：{cn_date(o.perform_by)}前" if o.perform_by else "",
        f"涉及金额：{o.amount_yuan}元" if o.amount_yuan is not None else "") if x)
    story = heading("人民调解协议书", case.number, committee) + [
        p("当事人基本情况：", BODY), parties_table(case), Spacer(1, 4 * mm),
        labelled("纠纷主要事实、争议事项：", case.form.facts or case.form.summary), Spacer(1, 3 * mm),
        labelled("经调解，双方当事人自愿达成如下协议：", o.terms), Spacer(1, 3 * mm),
        labelled("履行方式、时限：", perform or "—"), Spacer(1, 3 * mm),
        p(f"本协议书一式{o.copies}份，当事人、人民调解委员会各持一份，自各方当事人签名（盖章或按指印）、"
          "人民调解员签名并加盖人民调解委员会印章之日起生效。"),
        Spacer(1, 4 * mm),
    ]
    return story + [KeepTogether(_signatures(case, committee, o.on))]


def _signatures(case, committee: str, on) -> list[Flowable]:  # noqa: ANN001
    """Each party signs (or seals) and leaves a fingerprint; the mediator and the recorder
    sign; the committee's seal goes over its name and the date, bottom right."""
    labels = [label for x in case.parties for label in (f"{PartyRole(x.form.role).zh} {x.form.name}（签名或盖章）：",
                                                         "按指印：")]
    return [sign_row(*labels, "人民调解员（签名）：", "记录人（签名）："), Spacer(1, 6 * mm),
            SealBlock(committee, cn_date(on))]


def sessions_story(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    """调解记录: one block per mediation session, signed by the parties, the mediators and
    the recorder."""
    story = heading("调解记录", case.number, committee)
    for i, entry in enumerate(case.sessions, start=1):
        s = entry.form
        story += [p(f"第{i}次调解", BODY), Spacer(1, 1 * mm), grid([
            ["时间", cn_datetime(s.held_at), "地点", s.place],
            ["调解员", s.mediators, "记录人", s.recorder],
            ["参加人", s.participants, "", ""],
        ], FOUR, (2,)),
            text_rows([("当事人陈述", s.statements), ("调解员查明的事实", s.facts_checked), ("调解结果", s.result)]),
            Spacer(1, 2 * mm), sign_row("当事人（签名）：", "调解员（签名）：", "记录人（签名）："),
            Spacer(1, 8 * mm)]
    return story


def follow_ups_story(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    """回访记录: one table per visit (the model text's 当事人, 调解协议编号, 回访事由 and
    回访情况), signed by the visitor and the party visited."""
    story = heading("回访记录", case.number, committee)
    for entry in case.follow_ups:
        f = entry.form
        satisfaction = Satisfaction(f.satisfaction).zh if f.satisfaction else "—"
        story += [grid([
            ["回访时间", cn_date(f.visited_on), "回访人", f.visitor],
            ["当事人", f.party, "协议履行", "已履行" if f.performed else "未履行"],
            ["调解协议编号", printed_number(case.number), "满意程度", satisfaction],
            ["回访事由", dispute_name(case), "", ""],
        ], FOUR, (3,)),
            text_rows([("矛盾激化迹象", f.escalation_signs or "无"), ("回访情况", f.notes)]),
            Spacer(1, 2 * mm), sign_row("回访人（签名）：", "被回访人（签名）："), Spacer(1, 8 * mm)]
    return story


def performance_lines(case) -> list[Flowable]:  # noqa: ANN001
    rows = [["检查日期", "履行情况", "说明及凭证"]]
    rows += [[cn_date(e.form.checked_on), Performance(e.form.status).zh, e.form.proof] for e in case.performances]
    return [grid(rows, [36 * mm, 28 * mm, WIDTH - 64 * mm])]


def agreement_pdf(case, committee: str) -> bytes:  # noqa: ANN001
    if case.outcome is None or case.outcome.kind is not OutcomeKind.WRITTEN:
        raise ValueError("only a written agreement has an agreement form")
    register()
    return render(agreement_story(case, committee), f"人民调解协议书 {printed_number(case.number)}")


def sessions_pdf(case, committee: str) -> bytes:  # noqa: ANN001
    register()
    return render(sessions_story(case, committee), f"调解记录 {printed_number(case.number)}")


def follow_ups_pdf(case, committee: str) -> bytes:  # noqa: ANN001
    register()
    return render(follow_ups_story(case, committee), f"回访记录 {printed_number(case.number)}")
