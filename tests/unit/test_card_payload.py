"""The signed QR payload: round trip, and any changed character makes it forged."""

from __future__ import annotations

import string
from datetime import date

import pytest

from redband_desktop.domain.cards import (
    card_no,
    new_private_key_pem,
    payload_card_no,
    public_key_pem,
    read_payload,
    sign_payload,
    station_code,
)


@pytest.fixture(scope="module")
def keys() -> tuple[str, str]:
    private = new_private_key_pem()
    return private, public_key_pem(private)


def _payload(keys: tuple[str, str]) -> str:
    private, public = keys
    return sign_payload(private, station_code(public), card_no(2026, 42), date(2029, 11, 28))


def test_round_trip_holds_no_personal_data(keys) -> None:  # noqa: ANN001
    text = _payload(keys)
    content = read_payload(text, keys[1])
    assert content is not None
    assert (content.card_no, content.valid_until) == ("2026-00042", date(2029, 11, 28))
    assert set(text) <= set(string.ascii_uppercase + string.digits + ":-")  # QR alphanumeric mode
    assert payload_card_no(text) == "2026-00042"


def test_any_changed_character_is_forged(keys) -> None:  # noqa: ANN001
    text = _payload(keys)
    alphabet = string.ascii_uppercase + string.digits + ":-a "
    for i, original in enumerate(text):
        for ch in alphabet:
            if ch != original:
                changed = text[:i] + ch + text[i + 1:]
                assert read_payload(changed, keys[1]) is None, (i, ch)
    assert read_payload(text[:-1], keys[1]) is None
    assert read_payload(text + "A", keys[1]) is None


def test_another_stations_key_does_not_verify(keys) -> None:  # noqa: ANN001
    other = public_key_pem(new_private_key_pem())
    assert read_payload(_payload(keys), other) is None
