"""Pieces the plan and the reports share: header lines, dates, recipients, unit names."""

from __future__ import annotations

import datetime as dt

from ..domain.model import Office


def date_line(office: Office, d: dt.date | None, year: int) -> str:
    if d is None:
        # Non-breaking spaces: the blanks are filled in by hand and must survive line wrapping.
        gap = "\u00a0" * 8
        return f"{office.place_name}, ngày{gap}tháng{gap}năm {year}"
    return f"{office.place_name}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def date_words(d: dt.date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def number_line(number: str | None, suffix: str) -> str:
    """'Số: 45/KH-UBND', or a blank to fill in by hand."""
    if number:
        return f"Số: {number}"
    return "Số:" + "\u00a0" * 10 + "/" + suffix


def office_short(office: Office) -> str:
    """'UBND xã Đông Sơn' from 'Ủy ban nhân dân xã Đông Sơn' for running text."""
    name = office.name
    prefix = "Ủy ban nhân dân"
    if name.lower().startswith(prefix.lower()):
        return "UBND" + name[len(prefix):]
    return name


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text
