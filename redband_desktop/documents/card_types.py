"""What an ID card PDF is made from: one `CardFace` per card and the station's `CardDesign`."""

from __future__ import annotations

from dataclasses import dataclass, fields

DEFAULT_TITLE = "红袖标 治安志愿者证"
DEFAULT_DUTIES = (
    "佩戴红袖标、持证上岗；协助开展巡逻防范、信息预警、线索上报、秩序维护和矛盾纠纷化解；"
    "发现警情及时报告，不得以志愿者名义从事与治安防范无关的活动。本证仅限本人使用。"
)
DEFAULT_RETURN = "拾到本证请交{station}或就近投入邮筒，谢谢！"
LAYOUTS = ("a4", "cr80")  # A4 sheets of 2 × 5 cards, or one CR80 card a page (card printers)


@dataclass(frozen=True)
class CardFace:
    card_no: str
    name: str
    district: str
    site: str
    role: str
    valid_until: str  # as printed, e.g. 2029年11月28日
    issued_on: str
    photo: bytes | None  # JPEG, 3:4
    payload: str  # the signed QR text


@dataclass(frozen=True)
class CardDesign:
    station_name: str
    title: str = DEFAULT_TITLE
    duties: str = DEFAULT_DUTIES
    phone: str = ""
    return_text: str = DEFAULT_RETURN
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    back_offset_x_mm: float = 0.0
    back_offset_y_mm: float = 0.0

    @property
    def return_line(self) -> str:
        return self.return_text.replace("{station}", self.station_name)


# Station settings of the card design, with their defaults (merged into the station
# settings' DEFAULTS): the design's own defaults, plus validity and warning days. The
# private key ("cards.private_key") has no default: it is made on first use.
CARD_DEFAULTS: dict[str, object] = {
    "cards.validity_years": 3,
    **{f"cards.{f.name}": f.default for f in fields(CardDesign) if f.name != "station_name"},
    "cards.warn_days": 60,
}
