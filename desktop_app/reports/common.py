"""Pieces the plan and the reports share: header lines, dates, recipients, unit names."""

from __future__ import annotations

import datetime as dt
import re

from ..domain.issuer import document_number
from ..domain.model import Office

NBSP = "\u00a0"


def month_word(month: int) -> str:
    """Decree 30: months 1 and 2 take a leading zero ("tháng 02"), no other does ("tháng 3")."""
    return f"{month:02d}" if month < 3 else str(month)


def date_words(d: dt.date) -> str:
    """'ngày 05 tháng 3 năm 2024': days under 10 padded, months as `month_word`."""
    return f"ngày {d.day:02d} tháng {month_word(d.month)} năm {d.year}"


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


def office_short(office: Office) -> str:
    """'UBND xã Đông Sơn' from 'Ủy ban nhân dân xã Đông Sơn' for running text."""
    name = office.name
    prefix = "Ủy ban nhân dân"
    if name.lower().startswith(prefix.lower()):
        return "UBND" + name[len(prefix):]
    return name


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
