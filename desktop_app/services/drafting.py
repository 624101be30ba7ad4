"""A first draft of a report's narrative parts, from the same figures the report prints."""

from __future__ import annotations

import datetime as dt

from ..domain import narrative
from ..domain.errors import NoPlanError
from ..domain.model import PLAN_DOCUMENTS

# Parts of ReportText the draft may fill, in the order the report page shows them.
NARRATIVE_PARTS = tuple(narrative.PARTS)


class DraftingOps:
    def can_draft(self, kind: str) -> bool:
        """Whether the report kind has its sentence templates (the plan has none)."""
        return kind not in PLAN_DOCUMENTS and narrative.has_template(kind)

    def draft_report_text(self, year: int, kind: str, today: dt.date | None = None) -> dict[str, str | None]:
        """Each narrative part's draft for the report of `year` and `kind` (None: nothing to say,
        e.g. the causes, left to the officer). Uses `document_data`, so every figure in the draft
        is one the report prints; compares with the same report of the year before when that
        year has a plan."""
        if not self.can_draft(kind):
            raise NoPlanError("Chưa có mẫu soạn nháp cho văn bản này.")
        data = self.document_data(year, kind, today)
        previous = None
        if self.repo.plans_of_year(year - 1):
            previous = self.figures(year - 1, kind, today)
        return narrative.draft(data.figures, kind, data.office, data.units, previous, year - 1)
