"""The level above: which offices are known, which have sent, and the consolidated figures.

Each office's figures are computed by `summary.compute`, the same rules as its own year
(6-month) report; this module only sums them. No SQL, no Qt."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .model import ACTIVITY_TYPES, BUDGET_SOURCES
from .rules import MET, NO_DATA, NOT_MET
from .summary import Figures, Totals
from .text import clean

SUMMARY_KINDS = {"summary": "year", "summary_mid_year": "mid_year"}  # report kind -> period
SUMMARY_NAMES = {"summary": "Báo cáo tổng hợp năm", "summary_mid_year": "Báo cáo tổng hợp 6 tháng"}


def office_key(name: str | None, province: str | None) -> str:
    """How two offices without codes are told apart: name and province, after NFC, trimming
    and case folding."""
    return f"{(clean(name) or '').casefold()}|{(clean(province) or '').casefold()}"


def same_office(code_a: str | None, key_a: str, code_b: str | None, key_b: str) -> bool:
    """The contract's rule: when both carry a code, the codes alone decide."""
    if code_a and code_b:
        return code_a == code_b
    return key_a == key_b


@dataclass
class KnownOffice:
    id: int
    name: str
    code: str | None = None
    province: str | None = None
    level: str | None = None
    added: str = "received"  # received | hand


@dataclass
class Sent:
    """What one office sent for a year, and when."""

    office: KnownOffice
    received_at: str | None
    file_name: str | None = None


@dataclass
class OfficeRow:
    office: KnownOffice
    received_at: str | None
    figures: Figures


@dataclass
class Consolidated:
    year: int
    period: str  # year | mid_year
    known: list[KnownOffice]
    rows: list[OfficeRow]
    missing: list[KnownOffice]
    totals: Totals = field(default_factory=Totals)
    by_type: dict[str, Totals] = field(default_factory=dict)
    action_month: Totals = field(default_factory=Totals)
    action_month_by_type: dict[str, Totals] = field(default_factory=dict)
    money_by_source: dict[str | None, int] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)
    verdicts_by_objective: dict[int | None, Counter] = field(default_factory=dict)


def add_totals(into: Totals, t: Totals) -> None:
    for name in Totals.__dataclass_fields__:
        setattr(into, name, getattr(into, name) + getattr(t, name))


def consolidate(year: int, period: str, known: list[KnownOffice], rows: list[OfficeRow]) -> Consolidated:
    """Sum the offices' own figures. `rows` are the offices that sent data for the year."""
    sent_ids = {r.office.id for r in rows}
    c = Consolidated(year=year, period=period, known=list(known), rows=list(rows),
                     missing=[o for o in known if o.id not in sent_ids])
    c.by_type = {k: Totals() for k in ACTIVITY_TYPES}
    c.action_month_by_type = {k: Totals() for k in ACTIVITY_TYPES}
    c.money_by_source = {k: 0 for k in BUDGET_SOURCES}
    c.verdicts = {MET: 0, NOT_MET: 0, NO_DATA: 0}
    per_obj: dict[int | None, Counter] = {}
    for r in rows:
        f = r.figures
        add_totals(c.totals, f.totals)
        add_totals(c.action_month, f.action_month)
        for k, t in f.by_type.items():
            add_totals(c.by_type.setdefault(k, Totals()), t)
        for k, t in f.action_month_by_type.items():
            add_totals(c.action_month_by_type.setdefault(k, Totals()), t)
        for k, v in f.money_by_source.items():
            c.money_by_source[k] = c.money_by_source.get(k, 0) + v
        for k, v in f.verdict_counts.items():
            c.verdicts[k] += v
        for obj, counter in f.verdicts_by_objective.items():
            per_obj.setdefault(obj, Counter()).update(counter)
    c.verdicts_by_objective = per_obj
    return c

