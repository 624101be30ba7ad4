"""Which report a plan's reporting deadline asks for, read from its label ("Báo cáo quý III",
"Báo cáo 6 tháng", ...), so the dashboard can open that report."""

from __future__ import annotations

import datetime as dt
import re

from .text import fold

_QUARTER = re.compile(r"\bquy\s*(iv|iii|ii|i|4|3|2|1)\b")
_QUARTER_KIND = {"i": "q1", "1": "q1", "ii": "q2", "2": "q2", "iii": "q3", "3": "q3", "iv": "q4", "4": "q4"}


def deadline_kind(label: str, due: dt.date | None = None) -> str | None:
    """The report kind (q1..q4, nine_month, mid_year, action_month, year) a deadline is for,
    or None when its label names none. 'Báo cáo quý' without a number is the quarter the
    deadline falls in, counted from three weeks before it (a report due early in a quarter is
    the previous quarter's)."""
    text = fold(label or "")
    m = _QUARTER.search(text)
    if m:
        return _QUARTER_KIND[m.group(1)]
    if re.search(r"\b(9|chin)\s*thang\b", text):
        return "nine_month"
    if re.search(r"\b(6|06|sau)\s*thang\b", text):
        return "mid_year"
    if "thang hanh dong" in text:
        return "action_month"
    if re.search(r"\bquy\b", text) and due is not None:
        return f"q{((due - dt.timedelta(days=21)).month - 1) // 3 + 1}"
    if re.search(r"\bnam\b", text):
        return "year"
    return None
