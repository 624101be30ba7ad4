"""Who issues a document: the body's symbol in the document number ("45/KH-UBND") and the
signature block it prints when no signer is set (Nghị định 30/2020/NĐ-CP, Phụ lục I and III)."""

from __future__ import annotations

import re
import unicodedata

from .model import Office, Signer

# The body's name stops where its place begins: "Ủy ban nhân dân | xã Quảng Thành". A place
# name is capitalised, which tells "xã Quảng Thành" from "Xã hội".
_PLACE = re.compile(r"\s+(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+(?=\w)",
                    re.IGNORECASE)
# Words that take no letter in a symbol ("Sở Lao động - Thương binh và Xã hội" -> SLĐTBXH;
# "Ban Vì sự tiến bộ của phụ nữ" -> BVSTBCPN).
_SKIP = {"và", "-", "–"}

# Standard authority line and title for the kinds of bodies that print plans and reports. The
# head of an Ủy ban signs for the collective ("TM."); a Sở or a Phòng is led by one head.
_STANDARD = (
    ("ủy ban nhân dân", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    ("uỷ ban nhân dân", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    ("sở ", None, "GIÁM ĐỐC"),
    ("phòng ", None, "TRƯỞNG PHÒNG"),
)


GENERIC_TITLE = "THỦ TRƯỞNG CƠ QUAN"  # a body of no known kind


def place_start(name: str) -> int | None:
    """Where the place begins in a body's name: at "xã" in "Ủy ban nhân dân xã Quảng Thành",
    nowhere in "Phòng Văn hóa - Xã hội" (a place name is capitalised)."""
    for m in _PLACE.finditer(name):
        if m.start() > 0 and (name[m.end()].isupper() or name[m.end()].isdigit()):
            return m.start()
    return None


def body_name(office: Office) -> str:
    """'Ủy ban nhân dân' from 'Ủy ban nhân dân xã Quảng Thành'."""
    name = (office.name or "").strip()
    at = place_start(name)
    return name if at is None else name[:at]


def _plain(ch: str) -> str:
    if ch in "đĐ":
        return "Đ"
    return unicodedata.normalize("NFD", ch)[0].upper()


def body_symbol(office: Office) -> str:
    """The issuing body's letters in a document symbol: UBND, SNV, BVSTBPN."""
    body = body_name(office)
    if re.fullmatch(r"[A-ZĐ]{2,}", body):  # already a symbol: "UBND phường Gò Vấp"
        return body
    words = [w for w in re.split(r"[\s,]+", body) if w and w.lower() not in _SKIP]
    letters = "".join(_plain(w[0]) for w in words if w[0].isalpha())
    return letters or "UBND"


def document_number(number: str | None, doc_type: str, office: Office) -> str:
    """'Số: 45/KH-UBND'. A number typed with its own symbol ('45/KH-BVSTBPN') is printed as
    typed; a bare number gets the symbol of the document type and the issuing body; no number
    leaves the blank that is filled in by hand."""
    symbol = f"{doc_type}-{body_symbol(office)}"
    number = (number or "").strip()
    if "/" in number:
        return f"Số: {number}"
    if number:
        return f"Số: {number}/{symbol}"
    return "Số:" + "\u00a0" * 10 + "/" + symbol


def standard_signer(office: Office) -> Signer:
    """The authority line and title an issuing body signs with; the name left to be written."""
    body = body_name(office)
    low = body.lower()
    if low == "ubnd":
        low = "ủy ban nhân dân"
    for prefix, authority, title in _STANDARD:
        if low.startswith(prefix):
            return Signer(title=title, name="", authority=authority)
    if low.startswith("ban "):
        return Signer(title="TRƯỞNG BAN", name="", authority="TM. " + body.upper())
    return Signer(title=GENERIC_TITLE, name="", authority=None)


def signer_or_standard(office: Office, *candidates: Signer | None) -> Signer:
    """The first signer set (document, plan, Settings), else the standard block of the office.
    A signer with a name but no title still gets the office's standard title."""
    for s in candidates:
        if s and ((s.name or "").strip() or (s.title or "").strip()):
            if not (s.title or "").strip():
                std = standard_signer(office)
                return Signer(title=std.title, name=s.name, authority=s.authority or std.authority,
                              on_behalf=s.on_behalf)
            return s
    return standard_signer(office)


def signer_is_set(*candidates: Signer | None) -> bool:
    return any(s and (s.name or "").strip() for s in candidates)
