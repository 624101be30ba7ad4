"""Every figure of the drafted narrative is one the report prints (the three public packages)."""

import copy
import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest

from desktop_app.domain.model import ReportText
from desktop_app.services import Workspace
from desktop_app.store.exchange import import_package

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {
    "quang-thanh-2019": (ROOT / "tests" / "data" / "quang-thanh-2019.json", 2019, dt.date(2019, 12, 20)),
    "demo-2025": (ROOT / "resources" / "demo" / "demo.json", 2025, dt.date(2025, 12, 20)),
    "demo-2026": (ROOT / "resources" / "demo" / "demo.json", 2026, dt.date(2026, 12, 20)),
}
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text))


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory):
    opened = {}
    for path in {p for p, _, _ in PACKAGES.values()}:
        ws = Workspace(tmp_path_factory.mktemp("nar") / "t.db")
        import_package(ws.repo, copy.deepcopy(json.loads(path.read_text(encoding="utf-8"))))
        opened[path] = ws
    yield opened
    for ws in opened.values():
        ws.close()


# The report's own sentences and the draft's that must carry the same figures.
SAME_FIGURES = (
    (r"tổ chức ([\d.]+) hoạt động với ([\d.]+) lượt người tham gia, trong đó nữ ([\d.]+) lượt \(([\d,]+%)\)",
     r"tổ chức ([\d.]+) hoạt động với ([\d.]+) lượt người tham gia, trong đó nữ ([\d.]+) lượt \(([\d,]+%)\)"),
    (r"Trong số ([\d.]+) nhiệm vụ: hoàn thành ([\d.]+)", r"hoàn thành ([\d.]+) trong số ([\d.]+) nhiệm vụ"),
    (r"([\d.]+) chỉ tiêu không đạt", r"Còn ([\d.]+) chỉ tiêu chưa đạt"),
    (r"([\d.]+) chỉ tiêu chưa có số liệu", r"Còn ([\d.]+) chỉ tiêu chưa có số liệu"),
    (r"Tổng kinh phí đã chi [^:]*: ([\d.]+) đồng", r"Tổng kinh phí đã chi [^.]* là ([\d.]+) đồng"),
)


def report_text(out) -> str:
    raw = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", raw)


def pdf_numbers(ws, year, kind, today, out) -> set[str]:
    """The numbers of the report as printed with no narrative typed."""
    text = ws.report_text(year, kind)
    ws.save_report_text(ReportText(year=year, period=kind, number=text.number, issued_on=text.issued_on,
                                   recipients=text.recipients, signer=text.signer))
    ws.build_document(year, kind, out, today=today)
    return numbers(report_text(out))


@pytest.mark.parametrize("kind", ["year", "mid_year", "action_month", "q3", "nine_month"])
@pytest.mark.parametrize("package", list(PACKAGES))
def test_every_number_of_the_draft_is_printed_in_the_report(workspaces, tmp_path, package, kind):
    path, year, today = PACKAGES[package]
    ws = workspaces[path]
    printed = pdf_numbers(ws, year, kind, today, tmp_path / "bc.pdf")
    before = (pdf_numbers(ws, year - 1, kind, today, tmp_path / "truoc.pdf")
              if ws.has_plan(year - 1) else set())
    draft = ws.draft_report_text(year, kind, today=today)
    assert draft["situation"] and draft["strengths"]
    checked = 0
    for part, text in draft.items():
        for line in (text or "").splitlines():
            # A comparison names last period's figures, which that period's report prints.
            allowed = printed | before if line.startswith("So với") else printed
            missing = numbers(line) - allowed
            assert not missing, f"{part}: {line!r} has {missing} that the report does not print"
            checked += len(numbers(line))
    assert checked > 5


@pytest.mark.parametrize("kind", ["year", "mid_year", "action_month"])
@pytest.mark.parametrize("package", list(PACKAGES))
def test_the_drafts_key_figures_are_the_reports_own(workspaces, tmp_path, package, kind):
    """Not only printed somewhere: the activities, tasks, targets and money the draft states are
    the ones the report's sentences give."""
    path, year, today = PACKAGES[package]
    ws = workspaces[path]
    pdf_numbers(ws, year, kind, today, tmp_path / "bc.pdf")
    printed = report_text(tmp_path / "bc.pdf")
    draft = " ".join(t for t in ws.draft_report_text(year, kind, today=today).values() if t)
    compared = 0
    for in_report, in_draft in SAME_FIGURES:
        said = re.search(in_draft, draft)
        if not said:
            continue
        shown = re.search(in_report, printed)
        assert shown, f"the draft says {said.group(0)!r}; the report has no {in_report!r}"
        a, b = shown.groups(), said.groups()
        if "Trong số" in in_report:
            b = b[::-1]
        assert a == b, f"report {shown.group(0)!r} but draft {said.group(0)!r}"
        compared += 1
    assert compared >= (2 if kind == "action_month" else 3)
