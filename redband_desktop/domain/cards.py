"""Volunteer ID cards (志愿者证): card numbers, statuses and the signed QR payload.

The QR code holds no personal data, only what a checker needs to trust the card:

    RB1:<station code>:<card number>:<valid until YYYYMMDD>:<signature>

The signature is Ed25519 over everything before the last colon, written in base32
without padding. Every character is in the QR alphanumeric set (upper-case letters,
digits, ``:`` and ``-``), which keeps the code small and lets a USB scanner "type" it
whatever the keyboard layout. Any PC holding the station's public key can check a card;
the private key stays in the station's database. A payload is accepted only in its one
canonical spelling, so changing any character (even one that base32 would ignore) makes
the signature check fail.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from redband_desktop.domain.enums import LabeledEnum

PAYLOAD_PREFIX = "RB1"
_PAYLOAD = re.compile(r"RB1:([A-Z2-7]{8}):(\d{4}-\d{5}):(\d{8}):([A-Z2-7]{103})")
_CARD_NO = re.compile(r"(\d{4})-(\d{5})")


class CardStatus(LabeledEnum):
    """What the register stores. "Expired" is not stored: it follows from the date."""

    VALID = ("valid", "有效", "Valid")
    REVOKED = ("revoked", "已注销", "Revoked")
    LOST = ("lost", "已挂失", "Lost")
    REPLACED = ("replaced", "已换发", "Replaced")


class CheckResult(LabeledEnum):
    """The verdict on a scanned card."""

    VALID = ("valid", "有效", "Valid")
    EXPIRED = ("expired", "已过期", "Expired")
    REVOKED = ("revoked", "已注销", "Revoked")
    LOST = ("lost", "已挂失", "Reported lost")
    UNKNOWN = ("unknown", "未登记的证件", "Unknown card")
    FORGED = ("forged", "伪造（签名无效）", "Forged (signature fails)")
    # Text that is not one of this station's card codes at all: a misread, another
    # organisation's QR, "hello world" — not a forgery, just nothing to judge.
    UNKNOWN_FORMAT = ("unknown_format", "无法识别：不是本所证件，或未读清，请重新扫描",
                      "Not recognised: not a card of this station, or misread — scan again")


def card_no(year: int, seq: int) -> str:
    """The printed card number, e.g. 2026-00042: issue year and a running number."""
    return f"{year:04d}-{seq:05d}"


def parse_card_no(text: str) -> tuple[int, int] | None:
    m = _CARD_NO.fullmatch(text.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


# -- keys -------------------------------------------------------------------------
def new_private_key_pem() -> str:
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def public_key_pem(private_pem: str) -> str:
    key = _private(private_pem)
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def station_code(public_pem: str) -> str:
    """Eight base32 characters naming a station's key (its fingerprint)."""
    raw = serialization.load_pem_public_key(public_pem.encode("ascii")).public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return base64.b32encode(hashlib.sha256(raw).digest()).decode("ascii")[:8]


def _private(pem: str) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 key")
    return key


# -- payload ----------------------------------------------------------------------
@dataclass(frozen=True)
class Payload:
    station: str
    card_no: str
    valid_until: date


def sign_payload(private_pem: str, station: str, number: str, valid_until: date) -> str:
    body = f"{PAYLOAD_PREFIX}:{station}:{number}:{valid_until:%Y%m%d}"
    signature = _private(private_pem).sign(body.encode("ascii"))
    return f"{body}:{_b32(signature)}"


def claims_station(text: str, station: str) -> bool:
    """Whether `text` is shaped like a card code of the station `station` (its key's
    fingerprint), signed or not: only such a text can be called forged."""
    m = _PAYLOAD.fullmatch(text.strip())
    return m is not None and m.group(1) == station


def read_payload(text: str, public_pem: str) -> Payload | None:
    """The payload's content when its signature holds for `public_pem`, else None
    (forged, damaged, or from another station)."""
    m = _PAYLOAD.fullmatch(text)
    if m is None:
        return None
    body, sig_text = text.rsplit(":", 1)
    try:
        signature = base64.b32decode(sig_text + "=" * (-len(sig_text) % 8), casefold=False)
        if _b32(signature) != sig_text:  # only the canonical spelling counts
            return None
        key = serialization.load_pem_public_key(public_pem.encode("ascii"))
        if not isinstance(key, Ed25519PublicKey):
            return None
        key.verify(signature, body.encode("ascii"))
        until = date(int(m.group(3)[:4]), int(m.group(3)[4:6]), int(m.group(3)[6:]))
    except (InvalidSignature, binascii.Error, ValueError):
        return None
    return Payload(m.group(1), m.group(2), until)


def payload_card_no(text: str) -> str:
    """The card number a payload claims (unverified; for messages about forged cards)."""
    parts = text.strip().split(":")
    return parts[2] if len(parts) >= 3 and _CARD_NO.fullmatch(parts[2]) else ""


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")
