"""Printed forms of a people's mediation case: 人民调解协议书, 调解记录, 回访记录.

Pure functions: a case detail (the shape of `services.mediation.types.CaseDetail`, read
by attribute) in, PDF bytes or a list of reportlab flowables out. Text is set in the
bundled CJK font and wrapped by `Paragraph` (CJK word wrap), so long facts and terms flow
onto further lines and pages instead of leaving the form. `mediation_file` binds these
into the whole case file.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from redband_desktop.documents.card_faces import FONT, register_font
from redband_desktop.domain.enums import Gender
from redband_desktop.domain.mediation import (
    IdDocument,
    OutcomeKind,
    PartyRole,
    Performance,
    Satisfaction,
)

BODY = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=17, wordWrap="CJK")
SMALL = ParagraphStyle("small", parent=BODY, fontSize=10, leading=14)
TITLE = ParagraphStyle("title", parent=BODY, fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=4)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER)
WIDTH = A4[0] - 40 * mm
LINE = "＿" * 8


def p(text: object, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(str(text if text is not None else "")).replace("\n", "<br/>"), style)


def labelled(label: str, text: object) -> Paragraph:
    body = escape(str(text or "")).replace("\n", "<br/>") or "&nbsp;"
    return Paragraph(f"<b>{escape(label)}</b>{body}", BODY)


def grid(rows: list[list], widths: list[float], spans: tuple[int, ...] = ()) -> Table:
    """A ruled table whose cells are paragraphs (so they wrap); in rows `spans` the
    second cell runs to the right edge."""
    cells = [[c if isinstance(c, Flowable) else p(c, SMALL) for c in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=0)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *[("SPAN", (1, r), (-1, r)) for r in spans],
    ]))
    return table


def heading(title: str, number: str, committee: str) -> list[Flowable]:
    return [p(committee, CENTER), p(title, TITLE), p(f"编号：{number}", CENTER), Spacer(1, 4 * mm)]


def register() -> None:
    """The CJK font, also as its own bold (the font has no bold face; <b> must not fail)."""
    register_font()
    registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)


def render(story: list[Flowable], title: str) -> bytes:
    """Lay the story out on A4 pages; call `register()` before building the story."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=title, author="红袖标 Desktop")
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return out.getvalue()


def _page_number(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback
    canvas.saveState()
    canvas.setFont(FONT, 9)
    canvas.drawCentredString(A4[0] / 2, 10 * mm, f"第 {doc.page} 页")
    canvas.restoreState()


def _party_rows(case) -> list[list]:  # noqa: ANN001
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
    return grid(rows or [["当事人", "（未登记）", "", ""]], [24 * mm, 55 * mm, 24 * mm, WIDTH - 103 * mm],
                tuple(spans))


def agreement_story(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    """人民调解协议书 of a case with an agreement."""
    o = case.outcome
    perform = "；".join(x for x in (
        o.perform_method, f"履行地点：{o.perform_place}" if o.perform_place else "",
        f"履行期限：{o.perform_by:%Y年%m月%d日}前" if o.perform_by else "",
        f"涉及金额：{o.amount_yuan}元" if o.amount_yuan is not None else "") if x)
    story = heading("人民调解协议书", case.number, committee) + [
        p("当事人基本情况：", BODY), parties_table(case), Spacer(1, 4 * mm),
        labelled("纠纷主要事实、争议事项：", case.form.facts or case.form.summary), Spacer(1, 3 * mm),
        labelled("经调解，双方当事人自愿达成如下协议：", o.terms), Spacer(1, 3 * mm),
        labelled("履行方式、时限：", perform or "—"), Spacer(1, 3 * mm),
        p(f"本协议书一式{o.copies}份，当事人、人民调解委员会各持一份，自各方当事人签名（盖章或按指印）、"
          "人民调解员签名并加盖人民调解委员会印章之日起生效。"),
        Spacer(1, 6 * mm),
    ]
    return story + [KeepTogether(_signatures(case, committee, o.on))]


def _signatures(case, committee: str, on) -> list[Flowable]:  # noqa: ANN001
    rows = [[p(f"{PartyRole(x.form.role).zh}（签名/盖章）：{LINE}"), p(f"按指印：{LINE}")] for x in case.parties]
    rows.append([p(f"人民调解员（签名）：{LINE}"), p(f"记录人（签名）：{LINE}")])
    signs = Table(rows, colWidths=[WIDTH * 0.6, WIDTH * 0.4])
    signs.setStyle(TableStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    seal = Table([[p("（人民调解委员会印章）", CENTER)]], colWidths=[45 * mm], rowHeights=[32 * mm])
    seal.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.grey, None, (2, 2)),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    when = f"{on:%Y年%m月%d日}" if on else "    年  月  日"
    foot = Table([[seal, [p(committee, CENTER), Spacer(1, 4 * mm), p(when, CENTER)]]],
                 colWidths=[WIDTH * 0.45, WIDTH * 0.55])
    foot.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [signs, Spacer(1, 4 * mm), foot]


def sign_row(*labels: str) -> Table:
    """Signature lines side by side: each label followed by its own blank line."""
    share = WIDTH / len(labels)
    widths = []
    for label in labels:
        label_w = stringWidth(label, FONT, SMALL.fontSize) + 10
        widths += [label_w, share - label_w]
    table = Table([[cell for label in labels for cell in (p(label, SMALL), "")]], colWidths=widths,
                  rowHeights=[10 * mm])
    table.setStyle(TableStyle([
        *[("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in range(1, 2 * len(labels), 2)],
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def sessions_story(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    """调解记录: one block per mediation session."""
    story = heading("调解记录", case.number, committee)
    for i, entry in enumerate(case.sessions, start=1):
        s = entry.form
        story += [p(f"第{i}次调解", BODY), grid([
            ["时间", f"{s.held_at:%Y年%m月%d日 %H:%M}", "地点", s.place],
            ["调解员", s.mediators, "记录人", s.recorder],
            ["参加人", p(s.participants, SMALL), "", ""],
        ], [22 * mm, 58 * mm, 22 * mm, WIDTH - 102 * mm], (2,)), Spacer(1, 2 * mm),
            labelled("当事人陈述：", s.statements), labelled("调解员查明的事实：", s.facts_checked),
            labelled("调解结果：", s.result), Spacer(1, 4 * mm),
            sign_row("当事人（签名）：", "调解员（签名）：", "记录人（签名）："), Spacer(1, 8 * mm)]
    return story


def follow_ups_story(case, committee: str) -> list[Flowable]:  # noqa: ANN001
    """回访记录: one table per visit."""
    story = heading("回访记录", case.number, committee)
    for entry in case.follow_ups:
        f = entry.form
        satisfaction = Satisfaction(f.satisfaction).zh if f.satisfaction else "—"
        story += [grid([
            ["回访时间", f"{f.visited_on:%Y年%m月%d日}", "回访人", f.visitor],
            ["回访对象", f.party, "协议履行", "已履行" if f.performed else "未履行"],
            ["满意程度", satisfaction, "", ""],
            ["矛盾激化迹象", p(f.escalation_signs or "无", SMALL), "", ""],
            ["回访情况", p(f.notes, SMALL), "", ""],
        ], [26 * mm, 56 * mm, 22 * mm, WIDTH - 104 * mm], (2, 3, 4)), Spacer(1, 3 * mm),
            sign_row("回访人（签名）：", "被回访人（签名）："), Spacer(1, 8 * mm)]
    return story


def performance_lines(case) -> list[Flowable]:  # noqa: ANN001
    rows = [["检查日期", "履行情况", "说明及凭证"]]
    rows += [[f"{e.form.checked_on:%Y-%m-%d}", Performance(e.form.status).zh, e.form.proof] for e in case.performances]
    return [grid(rows, [30 * mm, 30 * mm, WIDTH - 60 * mm])]


def agreement_pdf(case, committee: str) -> bytes:  # noqa: ANN001
    if case.outcome is None or case.outcome.kind is not OutcomeKind.WRITTEN:
        raise ValueError("only a written agreement has an agreement form")
    register()
    return render(agreement_story(case, committee), f"人民调解协议书 {case.number}")


def sessions_pdf(case, committee: str) -> bytes:  # noqa: ANN001
    register()
    return render(sessions_story(case, committee), f"调解记录 {case.number}")


def follow_ups_pdf(case, committee: str) -> bytes:  # noqa: ANN001
    register()
    return render(follow_ups_story(case, committee), f"回访记录 {case.number}")
