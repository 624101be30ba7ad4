"""The plan and the reports as documents: their data, their typed parts, the page settings."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from ..domain.decree30 import DEFAULT_MARGINS
from ..domain.errors import NoPlanError
from ..domain.model import PLAN_DOCUMENTS, REPORT_PERIODS, ReportText

# As the report page lists them; the Action Month's own plan last (few years have one).
DOCUMENT_KINDS = {"plan": PLAN_DOCUMENTS["plan"], **REPORT_PERIODS,
                  "action_month_plan": PLAN_DOCUMENTS["action_month_plan"]}


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
        if kind == "action_month_plan" and self.repo.plan(year, "action_month") is None:
            raise NoPlanError(f"Năm {year} không có kế hoạch Tháng hành động riêng: các hoạt động của Tháng hành động "
                              "nằm trong kế hoạch năm (chọn “Kế hoạch”).")
        period = "year" if kind in PLAN_DOCUMENTS else kind
        text = None if kind in PLAN_DOCUMENTS else self.report_text(year, kind)
        # printed: overdue as at the earliest of the report's date, its period's end and today
        figures = self.figures(year, period, today, report_date=text.issued_on if text else None,
                               printed=True)
        from .strategy import strategy_targets

        return DocumentData(
            kind=kind, office=office, figures=figures, units=self.repo.unit_names(),
            text=text, unit_kinds={u.code: u.kind for u in self.repo.units()}, default_signer=self.default_signer(),
            worded_targets=frozenset(e.text for e in strategy_targets()),
        )

    def document_gaps(self, year: int, kind: str) -> list[str]:
        """What the officer has not filled in for this document, in Vietnamese, to show before
        printing: the document still prints (a standard signature block, parts left out or
        dotted lines to write on by hand), but the officer should know. A blank number or date
        is not listed: Decree 30 leaves them to be written by hand."""
        from ..domain.issuer import signer_is_set

        plans = self.repo.plans_of_year(year)
        want = "action_month" if kind == "action_month_plan" else "annual"
        plan = next((p for p in plans if p.kind == want), None) or (
            plans[0] if plans and kind != "action_month_plan" else None)
        if plan is None:
            return []
        gaps: list[str] = []
        if kind in PLAN_DOCUMENTS:
            where = ("ở trang Kế hoạch, chọn “Kế hoạch Tháng hành động”, hoặc ở trang Cài đặt"
                     if plan.kind == "action_month" and kind == "action_month_plan" else "ở trang Kế hoạch hoặc Cài đặt")
            if not signer_is_set(plan.signer, self.default_signer()):
                gaps.append("Chưa có người ký: khối chữ ký in chức danh chuẩn, tên người ký để trống "
                            f"để ký tay (nhập {where}).")
            for label, value in (("Mục đích", plan.purposes), ("Yêu cầu", plan.requirements),
                                 ("Nội dung hoạt động", plan.contents),
                                 ("Phân công nhiệm vụ (Tổ chức thực hiện)", plan.tasks)):
                if not value:
                    gaps.append(f"Chưa nhập {label}: phần này được bỏ khỏi văn bản.")
            return gaps
        text = self.report_text(year, kind)
        if not signer_is_set(text.signer, plan.signer, self.default_signer()):
            gaps.append("Chưa có người ký: khối chữ ký in chức danh chuẩn, tên người ký để trống "
                        "để ký tay (nhập ở trang Báo cáo, Kế hoạch hoặc Cài đặt).")
        for label, value in (("Ưu điểm", text.strengths), ("Tồn tại, hạn chế", text.limitations),
                             ("Nguyên nhân", text.causes), ("Phương hướng, nhiệm vụ", text.directions),
                             ("Kiến nghị, đề xuất", text.recommendations)):
            if not (value or "").strip():
                gaps.append(f"Chưa nhập {label}: in dòng chấm để viết tay.")
        return gaps

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
