"""A first draft of a report's narrative parts, written from the report's own figures.

`draft(figures, kind, office, units, previous)` gives the text of each part the officer types
(`ReportText`'s situation, strengths, limitations, causes, directions, recommendations), or None
where the figures say nothing. The sentences are data: one module per part (`situation`,
`strengths`, ...) holds its templates; one module per report kind in `kinds/` says which of them
the report's tables back and how its period is called. No Qt, no SQL.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..summary import Figures
from . import causes, directions, facts, limitations, recommendations, situation, strengths
from .render import render

# Part of ReportText -> its template module, in the order the report prints them.
PARTS: dict[str, ModuleType] = {
    "situation": situation,
    "strengths": strengths,
    "limitations": limitations,
    "causes": causes,
    "directions": directions,
    "recommendations": recommendations,
}


class NoTemplateError(LookupError):
    """The report kind has no module in `kinds/` yet."""


def kind_spec(kind: str) -> ModuleType:
    try:
        return importlib.import_module(f"{__name__}.kinds.{kind}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.kinds.{kind}":
            raise
        raise NoTemplateError(f"Chưa có mẫu soạn nháp cho loại báo cáo “{kind}”.") from None


def has_template(kind: str) -> bool:
    try:
        kind_spec(kind)
    except NoTemplateError:
        return False
    return True


def draft(figures: Figures, kind: str, office, units: dict[str, str], previous: Figures | None = None,
          previous_year: int | None = None) -> dict[str, str | None]:
    """Each narrative part's draft (None: nothing the figures can say, e.g. the causes).

    `previous` are the figures of the period compared with (same kind, year before), if any."""
    spec = kind_spec(kind)
    known = facts.build(figures, spec, office, units, previous, previous_year)
    return {part: render(module.ENTRIES, known, spec.TOPICS) for part, module in PARTS.items()}
