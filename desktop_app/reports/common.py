"""Pieces the plan and the reports share: header lines, dates, recipients, unit names."""

from __future__ import annotations

import datetime as dt
import re

from ..domain.issuer import document_number, place_start
from ..domain.model import Office
from ..domain.numbers import date_words, month_word
from ..domain.text import fold, lower_first, office_short

# date_words, lower_first and office_short live in the domain (the narrative draft uses them too);
# they are re-exported here for the documents.
__all__ = ["NBSP", "date_line", "date_words", "keep_last_words", "lower_first", "month_word", "number_line",
           "office_short", "upper_first"]

NBSP = "\u00a0"


def date_line(office: Office, d: dt.date | None, year: int) -> str:
    if d is None:
        # Non-breaking spaces: the blanks are filled in by hand and must survive line wrapping.
        gap = NBSP * 8
        return f"{office.place_name}, ngày{gap}tháng{gap}năm {year}"
    return f"{office.place_name}, {date_words(d)}"


def number_line(number: str | None, doc_type: str, office: Office) -> str:
    """'Số: 45/KH-UBND' with the issuing body's symbol, or a blank to fill in by hand."""
    return document_number(number, doc_type, office)


def keep_last_words(text: str, words: int = 4) -> str:
    """Glue the last words of a title with no-break spaces, and a number to the word after it
    ("6 tháng"), so that a wrapped title never ends with the year ("năm 2019") or a short piece
    alone on its last line."""
    text = re.sub(r"(?<=\d) (?=\S)", NBSP, text)
    parts = text.rsplit(" ", words)
    if len(parts) <= words or len(text) < 40:
        return text
    return parts[0] + " " + NBSP.join(parts[1:])


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


UBND = "Ủy ban nhân dân"


def _without_parents_place(name: str, parent: str | None) -> str:
    """"Sở Nội vụ" from "Sở Nội vụ tỉnh Thanh Hóa" under "Ủy ban nhân dân tỉnh Thanh Hóa": the
    line above already names the place (Nghị định 30: "UBND TỈNH THANH HÓA" / "SỞ NỘI VỤ").
    Places compare without marks: "Thanh Hoá" typed the old way is the same province."""
    at = place_start(name)
    if at is None or not parent:
        return name
    return name[:at].strip() if fold(" ".join(parent.split())).endswith(fold(" ".join(name[at:].split()))) else name


def issuing_body_lines(office: Office) -> list[str]:
    """The issuing body in capitals as the header prints it: an Ủy ban nhân dân on two lines
    ("ỦY BAN NHÂN DÂN" / "XÃ QUẢNG THÀNH"), any other body on one. The last line takes the rule."""
    name = _without_parents_place(office.name.strip(), office.parent_body)
    if name.lower().startswith(UBND.lower()) and len(name) > len(UBND) + 1:
        return [UBND.upper(), name[len(UBND):].strip().upper()]
    # A long name breaks before its locality ("SỞ NỘI VỤ" / "TỈNH QUẢNG TRỊ"), never inside it
    # (nor at the "Xã" of "Xã hội").
    at = place_start(name)
    if at is not None and len(name) > 18:
        return [name[:at].strip().upper(), name[at:].strip().upper()]
    return [name.upper()]


def recipient_lines(recipients: list[str]) -> list[str]:
    """'- X;' lines of the Nơi nhận block, the last one ending in '.'; the archive copy
    ("Lưu: VT") is always there."""
    items = list(recipients)
    if not any(x.lower().startswith("lưu") for x in items):
        items.append("Lưu: VT")
    return [f"- {x.rstrip(';.')}{'.' if i == len(items) - 1 else ';'}" for i, x in enumerate(items)]
