"""Free text as it may be stored and shown: what a clerk types or pastes, cleaned.

Pasted text brings what nobody meant to type: control characters (NUL, BEL, ESC …) that
make the Excel writer refuse the whole workbook, bidirectional overrides and marks that
turn text around on screen ("Trojan source" tricks in a name or a place), byte-order
marks, and lone UTF-16 surrogates from a broken clipboard, which cannot be encoded at
all and would crash the save. This module removes them, keeps newlines only where a
field is multi-line (a tab becomes a space) and normalises to NFC, so the same words are
stored — and found by a search — the same way whatever the input method sent. Pure
functions, no I/O: the services clean every form field through `clean`
(`services.shared.rules.clean_text`), and the documents layer cleans every cell of a
workbook with it on the way out, so rows stored before this existed still export.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional formatting characters: the embeddings and overrides (U+202A–U+202E), the
# isolates (U+2066–U+2069) and the marks (U+200E/F and the Arabic letter mark U+061C).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Every control character (Unicode category Cc) but the newline and tab, which are dealt
# with on their own; the byte-order mark and the two non-characters U+FFFE/U+FFFF,
# which XML (and so .xlsx) does not allow either.
_DROP = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ufeff\ufffe\uffff]")
# Carriage returns (Windows and old Mac line ends) and the Unicode line and paragraph
# separators end a line the same way a newline does.
_LINE_END = re.compile("\r\n?|[\u2028\u2029]")


def clean(raw: object, multiline: bool = False) -> str:
    """`raw` as text fit to store: control, bidi-format and unencodable characters removed,
    NFC, surrounding white space trimmed; white space runs become one space, except that a
    multi-line text keeps its line breaks (as "\\n")."""
    text = _without_lone_surrogates("" if raw is None else str(raw))
    text = _LINE_END.sub("\n", text)
    text = _DROP.sub("", text).replace("\t", " ")
    text = unicodedata.normalize("NFC", text)
    if multiline:
        return text.strip()
    return " ".join(text.split())


def _without_lone_surrogates(text: str) -> str:
    """Join surrogate pairs into the character they encode (text read from UTF-16 can keep
    them apart) and drop a surrogate that has no partner: UTF-8 cannot encode it."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
