"""Pieces the plan and the reports share: header lines, dates, recipients, unit names."""

from __future__ import annotations

import datetime as dt

from ..domain.model import Office
from ..domain.numbers import date_words
from ..domain.text import lower_first, office_short

# date_words, lower_first and office_short live in the domain (the narrative draft uses them too);
# they are re-exported here for the documents.
__all__ = ["date_line", "date_words", "lower_first", "number_line", "office_short"]


def date_line(office: Office, d: dt.date | None, year: int) -> str:
    if d is None:
        # Non-breaking spaces: the blanks are filled in by hand and must survive line wrapping.
        gap = "\u00a0" * 8
        return f"{office.place_name}, ngày{gap}tháng{gap}năm {year}"
    return f"{office.place_name}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def number_line(number: str | None, suffix: str) -> str:
    """'Số: 45/KH-UBND', or a blank to fill in by hand."""
    if number:
        return f"Số: {number}"
    return "Số:" + "\u00a0" * 10 + "/" + suffix
