"""Vietnamese number and date conventions: 1.234; 26,05; 05/12/2025."""

from __future__ import annotations

import datetime as dt
import re


def fmt_int(n: int | float | None) -> str:
    if n is None:
        return ""
    return f"{int(round(n)):,}".replace(",", ".")


def fmt_num(x: float | int | None, max_decimals: int = 2) -> str:
    """26.05 -> '26,05'; 1234.5 -> '1.234,5'; 100.0 -> '100'."""
    if x is None:
        return ""
    if float(x).is_integer():
        return fmt_int(x)
    s = f"{float(x):,.{max_decimals}f}".rstrip("0").rstrip(".")
    return s.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_percent(part: float, whole: float) -> str:
    if not whole:
        return ""
    return fmt_num(round(100.0 * part / whole, 2)) + "%"


def fmt_date(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


# The largest figure the program takes anywhere (people, money in đồng, a target's value):
# far above any real one, and exact both as a SQLite integer and as a float.
MAX_ABS_NUMBER = 10**15


def number_problem(x) -> str | None:
    """Why a number cannot be stored (None: it can): not finite, or absurdly large."""
    import math

    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    if isinstance(x, float) and not math.isfinite(x):
        return "phải là một số hữu hạn (không nhận NaN, Infinity)"
    if abs(x) > MAX_ABS_NUMBER:
        digits = len(str(int(abs(x)))) if abs(x) < 10**30 else "hơn 30"
        return f"số quá lớn ({digits} chữ số); tối đa {fmt_int(MAX_ABS_NUMBER)}"
    return None


def month_word(month: int) -> str:
    """Decree 30: months 1 and 2 take a leading zero ("tháng 02"), no other does ("tháng 3")."""
    return f"{month:02d}" if month < 3 else str(month)


def date_words(d: dt.date) -> str:
    """'ngày 05 tháng 3 năm 2025', as documents cite a date in running text (Decree 30: a day
    under 10 and the months 1 and 2 take a leading zero, no other)."""
    return f"ngày {d.day:02d} tháng {month_word(d.month)} năm {d.year}"


def fmt_quantity(value: float | None, unit: str | None) -> str:
    """A measured value with its unit: '26,05%', '1,7 lần', '3 tin, bài/quý'; '-' when missing."""
    if value is None:
        return "-"
    unit = unit or ""
    return fmt_num(value) + ("" if unit in ("", "%") or unit.startswith("/") else " ") + unit


_NUM_RE = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def parse_vn_number(text: str | None, percent: bool = False) -> float | None:
    """Parse what an officer types: '26,05', '26.05', '1.234', '1.234,5', '5 000 000', and with
    `percent` (a value counted in %) '50%' or '50 %' as 50.

    Returns None for an empty field; raises ValueError with a Vietnamese message otherwise.
    """
    if text is None:
        return None
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if s.endswith("%"):
        if not percent:
            raise ValueError(f"'{text.strip()}' không phải là số: giá trị này không tính bằng %, hãy gõ số không kèm dấu %")
        s = s[:-1]
    if not s:
        return None
    if "," in s and "." in s:
        # Vietnamese style: '.' groups thousands, ',' marks decimals.
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".")
    elif s.count(".") > 1 or re.fullmatch(r"\d{1,3}(\.\d{3})+", s) and len(s.split(".")[-1]) == 3 \
            and not s.startswith("0."):
        # '1.234' or '1.234.567' are thousands separators, as Vietnamese users write them.
        s = s.replace(".", "")
    if not _NUM_RE.match(s):
        raise ValueError(f"'{text.strip()}' không phải là số (ví dụ đúng: 26,05 hoặc 1.234)")
    value = float(s)
    problem = number_problem(value)
    if problem:
        raise ValueError(f"'{text.strip()}': {problem}")
    return value


def parse_iso_date(text: str) -> dt.date:
    """A real calendar date from 'YYYY-MM-DD' (raises ValueError on 2019-02-30)."""
    return dt.date.fromisoformat(text)


# What people type for a date, as in Excel: 15/3/2025, 15/03/2025, 15-3-2025, 15.3.2025,
# 15 3 2025, 15032025 (ddmmyyyy), 150325 (ddmmyy), two-digit years, or 15/3 (the year assumed).
_DATE_PARTS = re.compile(r"^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})(?:\s*[/.\- ]\s*(\d{2}|\d{4}))?$")
_DATE_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")
DATE_EXAMPLE = "ví dụ 15/03/2025"


def parse_vn_date(text: str | None, default_year: int | None = None) -> dt.date | None:
    """The date a Vietnamese officer typed (day first), or None for an empty field.

    Raises ValueError with a Vietnamese message naming what is wrong: a date that does not
    exist (31/02) is refused, never turned into another one."""
    s = (text or "").strip()
    if not s:
        return None
    m = _DATE_PARTS.match(s) or _DATE_DIGITS.match(s)
    if not m:
        raise ValueError(f"“{s}” không phải là ngày: hãy gõ ngày/tháng/năm, {DATE_EXAMPLE}")
    day, month = int(m.group(1)), int(m.group(2))
    if m.group(3) is None:
        year = default_year or dt.date.today().year
    else:
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
    if not 1900 <= year <= 2100:
        raise ValueError(f"“{s}”: năm {year} nằm ngoài khoảng 1900-2100")
    if not 1 <= month <= 12:
        raise ValueError(f"“{s}”: không có tháng {month} (tháng từ 1 đến 12)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        raise ValueError(f"“{s}”: tháng {month}/{year} không có ngày {day} "
                         f"(tháng này có {last} ngày)") from None
