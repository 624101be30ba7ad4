"""Entry point: the data of one document in, a PDF or a Word file out (written atomically)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain.model import PLAN_DOCUMENTS, Office, ReportText, Signer
from ..domain.summary import Figures
from ..fileio import write_atomic
from . import blocks as B


@dataclass
class DocumentData:
    kind: str  # plan | year | mid_year | action_month
    office: Office
    figures: Figures
    units: dict[str, str]
    text: ReportText | None = None
    unit_kinds: dict[str, str] = field(default_factory=dict)  # code -> government, mass_org...
    default_signer: Signer | None = None  # from Settings
    # wordings that state their own figures (the national strategy's): printed as worded
    worded_targets: frozenset[str] = frozenset()


def build_blocks(data: DocumentData, margins: dict | None = None) -> B.Document:
    if data.kind in PLAN_DOCUMENTS:
        from .plan_doc import build_plan

        doc = build_plan(data)
    else:
        from .report_doc import build_report

        doc = build_report(data)
    doc.margins_mm = dict(margins or {})
    B.number_captions(doc.blocks)
    from ..domain.issuer import signer_or_standard

    for b in doc.blocks:  # every document is signed: a builder that found no signer gets the standard block
        if isinstance(b, B.Closing) and b.signer is None:
            b.signer = signer_or_standard(data.office, data.default_signer)
    return doc


def write_document(data: DocumentData, out: str | Path, margins: dict | None = None) -> Path:
    doc = build_blocks(data, margins)
    out = Path(out)
    if out.suffix.lower() == ".docx":
        from .docx_render import render_docx

        return write_atomic(out, lambda p: render_docx(doc, p))
    from .pdf_render import render_pdf

    return write_atomic(out, lambda p: render_pdf(doc, p))
