"""The plan and the reports as documents: their data, their typed parts, the page settings."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from ..domain.decree30 import DEFAULT_MARGINS
from ..domain.errors import NoPlanError
from ..domain.model import REPORT_PERIODS, ReportText

DOCUMENT_KINDS = {"plan": "Kế hoạch", **REPORT_PERIODS}  # as the report page lists them



class DocumentOps:
    def report_text(self, year: int, period: str) -> ReportText:
        """The typed parts of a report; a new one starts from the plan's recipients and signer."""
        text = self.repo.report_text(year, period)
        if text is None:
            plan = self.repo.plan(year, "annual") or self.repo.plan(year, "action_month")
            text = ReportText(year=year, period=period)
            if plan:
                text.signer = copy.deepcopy(plan.signer)
        return text

    def save_report_text(self, text: ReportText) -> None:
        self.repo.save_report_text(text)

    def build_document(self, year: int, kind: str, out: str | Path,
                       today: dt.date | None = None) -> Path:
        """Write the plan or a report as PDF or DOCX (by the file's suffix), atomically."""
        self._require_plan(year)
        from ..reports import build

        out = Path(out)
        if kind not in DOCUMENT_KINDS:
            raise ValueError(kind)
        if out.suffix.lower() not in (".pdf", ".docx"):
            raise ValueError("Chỉ xuất được tệp .pdf hoặc .docx")
        doc = self.document_data(year, kind, today)
        return build.write_document(doc, out, self.page_settings())

    def document_data(self, year: int, kind: str, today: dt.date | None = None):
        from ..reports.build import DocumentData

        self._require_plan(year)
        office = self.repo.office()
        if office is None:
            raise NoPlanError("Chưa có tên cơ quan ban hành: hãy nhập ở trang Cài đặt trước khi in.")
        period = "year" if kind == "plan" else kind
        figures = self.figures(year, period, today)
        return DocumentData(
            kind=kind, office=office, figures=figures, units=self.repo.unit_names(),
            text=None if kind == "plan" else self.report_text(year, kind),
        )

    def page_settings(self) -> dict:
        out = {}
        for key, default in DEFAULT_MARGINS.items():
            try:
                out[key] = float(self.repo.setting(key, str(default)))
            except (TypeError, ValueError):
                out[key] = float(default)
        return out


def render_document(data, out: str | Path, margins: dict) -> Path:
    """Write gathered document data (`Workspace.document_data`) to PDF or DOCX. Touches no
    database, so the GUI runs it off its thread."""
    from ..reports.build import write_document

    return write_document(data, out, margins)
