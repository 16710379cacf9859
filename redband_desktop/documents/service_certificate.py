"""The volunteer service certificate (志愿服务证明), after 《志愿服务记录与证明出具办法》:
the holder's name, ID document type and full number (the holder uses it), volunteer
number, the period, total hours and what the service was, the issuing body with its head
and a contact phone, the certificate number and date, and the seal area over the issuer's
name. Plain data in, PDF bytes out; the bundled CJK font is embedded, as on every form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from redband_desktop.documents.mediation_layout import (
    BODY,
    CENTER,
    TITLE,
    WIDTH,
    SealBlock,
    cn_date,
    grid,
    p,
    register,
    render,
)

ID_TYPE = "居民身份证"
NO_PAGE_NUMBERS = 10**6  # a certificate is a page of its own: no "第 1 页" under it


@dataclass(frozen=True)
class CertificateData:
    number: str
    name: str
    gender: str  # 男 / 女
    id_type: str
    id_number: str
    volunteer_no: str
    first_day: date
    last_day: date
    hours: str  # 36.5
    content: str
    issuer: str
    head: str
    phone: str
    issued_on: date


def _story(c: CertificateData) -> list[Flowable]:
    label = 30 * mm
    rows = [
        ["姓　　名", c.name, "性　　别", c.gender],
        ["证件类型", c.id_type, "证件号码", c.id_number],
        ["志愿者编号", c.volunteer_no, "服务时长", f"{c.hours} 小时"],
        ["服务期间", f"{cn_date(c.first_day)} 至 {cn_date(c.last_day)}", "", ""],
        ["服务内容", c.content, "", ""],
    ]
    table = grid(rows, [label, (WIDTH - 2 * label) / 2, label, (WIDTH - 2 * label) / 2], spans=(3, 4))
    text = (f"兹证明 {c.name}（志愿者编号 {c.volunteer_no}）于 {cn_date(c.first_day)} 至 {cn_date(c.last_day)}"
            f"期间在{c.issuer}参加红袖标群防群治志愿服务，累计志愿服务时长 {c.hours} 小时。"
            "服务时长依据考勤与活动登记记载的实际服务时间计算，同一时间只计一次。")
    contact = "　　".join(t for t in (f"负责人：{c.head}" if c.head else "",
                                     f"联系电话：{c.phone}" if c.phone else "") if t)
    return [
        p(f"证明编号：{c.number}", BODY), Spacer(1, 6 * mm),
        p("志愿服务证明", TITLE), Spacer(1, 8 * mm),
        p("　　" + text, BODY), Spacer(1, 6 * mm),
        table, Spacer(1, 8 * mm),
        p("　　特此证明。", BODY), Spacer(1, 10 * mm),
        p(contact, BODY) if contact else Spacer(1, 1), Spacer(1, 12 * mm),
        SealBlock(f"出具单位：{c.issuer}", cn_date(c.issued_on)),
        Spacer(1, 10 * mm),
        p("本证明依据《志愿服务记录与证明出具办法（试行）》出具，涂改无效。", CENTER),
    ]


def certificate_pdf(certificates: list[CertificateData],
                    progress: Callable[[int, int], None] | None = None) -> bytes:
    """One A4 page per certificate (a batch prints several in one file); `progress(done,
    total)` is told as each page is laid out."""
    from reportlab.platypus import PageBreak

    register()
    story: list[Flowable] = []
    for i, c in enumerate(certificates):
        if i:
            story.append(PageBreak())
        story += _story(c)
        if progress is not None:
            story.append(_Reached(i + 1, len(certificates), progress))
    title = f"志愿服务证明 {certificates[0].number}" if len(certificates) == 1 else "志愿服务证明"
    return render(story, title, unnumbered=NO_PAGE_NUMBERS)


class _Reached(Flowable):
    """Takes no room; says how far the layout has come when it is drawn."""

    def __init__(self, done: int, total: int, progress: Callable[[int, int], None]) -> None:
        super().__init__()
        self.done, self.total, self.progress = done, total, progress

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.progress(self.done, self.total)
