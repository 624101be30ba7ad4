"""What a document says, independent of PDF or Word: the builders produce these blocks and
the two renderers lay them out, so the plan and the reports are written once."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.model import Office, Signer


@dataclass
class Header:
    """The Decree 30 header block of page 1."""

    office: Office
    number: str  # "Số: 45/KH-UBND"
    date_line: str  # "Đông Sơn, ngày 05 tháng 12 năm 2025"


@dataclass
class Title:
    kind: str  # "KẾ HOẠCH", "BÁO CÁO"
    subject: str
    note: str | None = None  # e.g. the Action Month theme under the subject


@dataclass
class Para:
    text: str
    style: str = "body"  # body | h1 | h2 | h3 | item | plain | center | note
    bold_lead: str | None = None  # bold words that open the paragraph ("1. Ưu điểm: ")


@dataclass
class Table:
    """Cells hold text, or numbers (int/float) that each copy formats its own way: Vietnamese
    separators on paper, real numbers in Excel."""

    header: list[str]
    rows: list[list]
    widths: list[float]  # relative widths
    align: list[str] = field(default_factory=list)  # per column: L | C | R
    total_row: bool = False  # last row bold
    group_rows: set[int] = field(default_factory=set)  # indexes of rows spanning all columns
    font_size: float = 11
    caption: str | None = None  # "Hoạt động theo loại": numbered "Bảng 1. ..." in order of appearance
    sheet: str | None = None  # the Excel sheet's name when the table is also a sheet


@dataclass
class Chart:
    kind: str  # "participants_by_type" | "targets_by_objective"
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]


@dataclass
class Closing:
    recipients: list[str]
    signer: Signer | None  # None: build_blocks puts the office's standard block (issuer.py)


@dataclass
class PageBreak:
    pass


@dataclass
class Document:
    title: str  # for the PDF's metadata and the window title
    blocks: list
    margins_mm: dict = field(default_factory=dict)


def cell_text(v) -> str:
    """A table cell as printed: numbers with Vietnamese separators."""
    from ..domain.numbers import fmt_int, fmt_num

    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return fmt_int(v)
    if isinstance(v, float):
        return fmt_num(v)
    return str(v)


def number_captions(blocks: list) -> None:
    """Number tables and charts in the order they appear ("Bảng 1", "Bảng 2", ...): a part left
    out never leaves a gap in the numbering, and a number a builder wrote itself is replaced."""
    import re

    tables = charts = 0
    for b in blocks:
        if isinstance(b, Table) and b.caption:
            tables += 1
            b.caption = f"Bảng {tables}. " + re.sub(r"^Bảng \d+\w?\.\s*", "", b.caption)
        elif isinstance(b, Chart):
            charts += 1
            b.title = f"Biểu đồ {charts}. " + re.sub(r"^Biểu đồ \d+\w?\.\s*", "", b.title)
