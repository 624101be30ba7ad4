"""The reporting chain: units send their forms to the commune; communes send their packages to
the province (or district), which prints one consolidated report."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import summary
from ..domain.consolidation import (
    SUMMARY_KINDS,
    SUMMARY_NAMES,
    Consolidated,
    KnownOffice,
    OfficeRow,
    consolidate,
)
from ..domain.errors import NoPlanError, ValidationError
from ..domain.model import Deadline, ReportText, Unit

SUMMARY_DOCUMENTS = SUMMARY_NAMES
CONSOLIDATING_LEVELS = ("province", "district")


@dataclass
class Received:
    """The outcome of one file given to `receive_files`."""

    file: str
    taken: bool
    office: str | None = None
    years: list[int] = field(default_factory=list)
    activities: int = 0
    resent: bool = False
    unreadable: bool = False
    errors: list[str] = field(default_factory=list)


@dataclass
class UnitStatus:
    unit: Unit
    received_at: str | None
    file_name: str | None = None
    rows: int | None = None


@dataclass
class FormAgain:
    """A unit's form for a year it has sent a form for already."""

    earlier: UnitStatus
    repeated: int  # rows that repeat an activity taken in (same name, start and organiser)
    new: int


@dataclass
class OfficeStatus:
    office: KnownOffice
    received_at: str | None
    file_name: str | None = None


class ChainOps:
    def _consolidation(self):
        from ..store.consolidation import Consolidation

        return Consolidation(self.repo)

    # ---- communes -> province ---------------------------------------------------------------
    def receive_files(self, paths, progress=None) -> list[Received]:
        """Each file as one lower office's package, checked as `import` checks it and taken or
        refused whole; the others are still taken. One transaction for the whole batch (one
        wait for the disk), a savepoint per file."""
        from ..store.exchange import PackageFileError, read_package_file

        store = self._consolidation()
        own = self.repo.office()
        out: list[Received] = []
        paths = [Path(p) for p in paths]
        with self.db.atomic():
            for n, path in enumerate(paths, 1):
                try:
                    data = read_package_file(path)
                except PackageFileError as exc:
                    out.append(Received(str(path), False, unreadable=True, errors=[str(exc)]))
                    continue
                try:
                    # One history entry per package, naming its file, with its counts; a refused
                    # package leaves none (the savepoint is rolled back).
                    with self.recorded_package("receive", path) as note:
                        got = store.receive(data, path.name, own)
                        note({"office": got["office"], "years": got["years"], "activities": got["activities"],
                              "resent": got["resent"]})
                except ValidationError as exc:
                    out.append(Received(str(path), False, errors=list(exc.messages)))
                else:
                    out.append(Received(str(path), True, got["office"], got["years"], got["activities"],
                                        got["resent"]))
                if progress:
                    progress(n, len(paths))
        return out

    def package_files_in(self, folder: str | Path) -> list[Path]:
        """The packages in a folder (a USB stick): its .json files, not its sub-folders."""
        return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() == ".json")

    def received_years(self) -> list[int]:
        """Years for which an office below has sent data (the level above works on them too)."""
        return self._consolidation().received_years()

    def anything_received(self) -> bool:
        return self._consolidation().anything_received()

    def consolidates(self) -> bool:
        """Whether this office gathers offices below: a province or district, or it has received."""
        office = self.repo.office()
        return bool(office and office.level in CONSOLIDATING_LEVELS) or self.anything_received()

    def known_offices(self) -> list[KnownOffice]:
        return self._consolidation().offices()

    def add_office(self, name: str, code: str | None = None, province: str | None = None) -> bool:
        """Add an office by hand; False when it was already known."""
        from ..domain.text import clean

        name, code = clean(name), clean(code)
        errors = []
        if not name:
            errors.append("Tên cơ quan: không được để trống")
        if code and not (code.isascii() and code.isdigit() and len(code) <= 10):
            errors.append(f"Mã: “{code}” phải gồm chữ số, tối đa 10 chữ số")
        if errors:
            raise ValidationError(errors)
        with self.db.atomic():
            _, new = self._consolidation().add_office(name, code, clean(province) or self._own_province())
        return new

    def _own_province(self) -> str | None:
        """An office added by hand is taken to be in the receiving office's province (a
        package is matched by name and province when it carries no code)."""
        office = self.repo.office()
        return office.province if office else None

    def import_office_list(self, path: str | Path) -> int:
        """Offices from an Excel list (code, name): how many were new. All rows or none."""
        from ..store.consolidation import read_office_list

        found = read_office_list(path)
        store = self._consolidation()
        added = 0
        with self.db.atomic():
            for code, name, province in found:
                added += store.add_office(name, code, province or self._own_province())[1]
        return added

    def forget_office(self, office_id: int) -> None:
        with self.db.atomic():
            self._consolidation().delete_office(office_id)

    def office_status(self, year: int) -> list[OfficeStatus]:
        """Every known office with when it sent data for the year (None: not yet)."""
        store = self._consolidation()
        sent = {s.office.id: s for s in store.senders(year)}
        return [OfficeStatus(o, sent[o.id].received_at if o.id in sent else None,
                             sent[o.id].file_name if o.id in sent else None) for o in store.offices()]

    def consolidated(self, year: int, kind: str = "summary", today: dt.date | None = None) -> Consolidated:
        """Each office's figures by the rules of its own year (6-month) report, then summed."""
        period = SUMMARY_KINDS[kind]
        store = self._consolidation()
        known = store.offices()
        sent = store.senders(year)
        acts = store.activities_by_office(year)
        order = {o.id: i for i, o in enumerate(known)}
        rows = []
        for s in sorted(sent, key=lambda s: order.get(s.office.id, 0)):
            plans = store.office_plans(s.office.id, year)
            f = summary.compute(year, plans, acts.get(s.office.id, []), period, today)
            rows.append(OfficeRow(s.office, s.received_at, f))
        return consolidate(year, period, known, rows)

    def summary_text(self, year: int, kind: str) -> ReportText:
        """The typed parts of the consolidated report; a new one starts with the default signer."""
        text = self.repo.report_text(year, kind)
        if text is None:
            text = ReportText(year=year, period=kind, signer=self.default_signer())
        return text

    def summary_data(self, year: int, kind: str, today: dt.date | None = None):
        from ..reports.summary_doc import SummaryData

        if kind not in SUMMARY_KINDS:
            raise ValueError(kind)
        office = self.repo.office()
        if office is None:
            raise NoPlanError("Chưa có tên cơ quan: hãy nhập ở trang Cài đặt trước khi in báo cáo tổng hợp.")
        c = self.consolidated(year, kind, today)
        # With offices known and none sent yet, the report still says so and names them all: the
        # list the province chases. With no office known at all there is nothing to say.
        if not c.rows and not c.known:
            raise NoPlanError(
                f"Chưa nhận được số liệu năm {year} của cơ quan nào và chưa có danh sách cơ quan cấp dưới: chưa có "
                "gì để tổng hợp. Hãy nhận các gói dữ liệu của cấp dưới (trang Tổng hợp → Nhận gói dữ liệu) hoặc "
                "thêm các cơ quan phải báo cáo.")
        return SummaryData(kind=kind, office=office, consolidated=c, text=copy.deepcopy(self.summary_text(year, kind)))

    def build_summary(self, year: int, kind: str, out: str | Path, today: dt.date | None = None) -> Path:
        """The consolidated report as PDF, DOCX or XLSX (by the file's suffix), atomically."""
        from ..reports.summary_doc import write_summary

        out = Path(out)
        if out.suffix.lower() not in (".pdf", ".docx", ".xlsx"):
            raise ValueError("Chỉ xuất được tệp .pdf, .docx hoặc .xlsx")
        return write_summary(self.summary_data(year, kind, today), out, self.page_settings())

    # ---- units -> commune -----------------------------------------------------------------------
    def write_unit_form(self, year: int, unit_code: str, out: str | Path) -> Path:
        """The form a unit fills in with its activities of the year (.xlsx)."""
        from ..reports.unit_form import FormData, write_unit_form

        units = {u.code: u for u in self.repo.units()}
        if unit_code not in units:
            raise ValidationError([f"Không có đơn vị mã “{unit_code}”: hãy xem mã ở trang Đơn vị."])
        plans = self.repo.plans_of_year(year)
        if not plans:
            raise NoPlanError(f"Năm {year} chưa có kế hoạch: hãy tạo kế hoạch trước khi gửi phiếu cho đơn vị.")
        tasks = [t for p in plans for t in p.tasks if t.lead == unit_code or unit_code in t.partners]
        deadlines = [d for p in plans for d in p.deadlines]
        data = FormData(year=year, unit=units[unit_code], office=self.repo.office(), tasks=tasks,
                        deadlines=deadlines, units=self.repo.unit_names(),
                        task_codes=sorted({t.code for p in plans for t in p.tasks}))
        return write_unit_form(data, out)

    def write_unit_forms(self, year: int, unit_codes: list[str], folder: str | Path) -> list[Path]:
        """One form per unit, each named after its unit, in `folder`."""
        from ..reports.unit_form import form_file_name

        names = self.repo.unit_names()
        return [self.write_unit_form(year, code, Path(folder) / form_file_name(names.get(code, code), year))
                for code in unit_codes]

    def unit_status(self, year: int) -> list[UnitStatus]:
        """Every active unit with when its form for the year was taken in (None: not yet)."""
        rows = {r[0]: r[1:] for r in self.db.execute(
            "select unit, received_at, file_name, rows from unit_reports where year = ?", [year])}
        from ..domain.text import sort_key

        units = [u for u in self.repo.units() if u.active or u.code in rows]
        units.sort(key=lambda u: sort_key(u.name))
        return [UnitStatus(u, *(rows.get(u.code) or (None, None, None))) for u in units]

    def form_sent_again(self, path, year: int) -> FormAgain | None:
        """When `path` is the form of a unit that has sent one for the year already: that earlier
        form and how many of this one's rows repeat activities taken in (form rows carry no
        ids: taking them again adds them again). None otherwise, and when the sheet cannot be
        taken in at all (taking it in says why)."""
        from ..domain.rules import activity_key
        from ..store.errors import StoreError

        try:
            _, got = self._read_year_sheet(path, year)
        except (ValidationError, StoreError):
            return None
        earlier = next((s for s in self.unit_status(year)
                        if got.form_unit and s.unit.code == got.form_unit and s.received_at), None)
        if earlier is None:
            return None
        known = self._taken_in(year)
        repeated = sum(1 for a in got.activities if not a.id and activity_key(a) in known)
        return FormAgain(earlier, repeated, len(got.activities) - repeated)

    def units_not_sent(self, year: int) -> int:
        return sum(1 for s in self.unit_status(year) if s.received_at is None)

    def chain_line(self, year: int) -> str:
        """The dashboard's line on who has sent: '3 đơn vị chưa gửi số liệu' (and the offices below)."""
        parts = []
        if self.repo.plans_of_year(year):
            missing = self.units_not_sent(year)
            if missing:
                parts.append(f"{missing} đơn vị chưa gửi số liệu năm {year}")
            elif self.unit_status(year):
                parts.append(f"Tất cả đơn vị đã gửi số liệu năm {year}")
        if self.consolidates():
            status = self.office_status(year)
            if status:
                sent = sum(1 for s in status if s.received_at)
                parts.append(f"đã nhận số liệu của {sent}/{len(status)} cơ quan cấp dưới"
                             + (f", {len(status) - sent} cơ quan chưa gửi báo cáo" if sent < len(status) else ""))
        text = "; ".join(parts)
        return text[:1].upper() + text[1:] + "." if text else ""

    def report_deadlines(self, year: int) -> list[Deadline]:
        """The plan's deadlines, for the 'who has sent' list."""
        return sorted((d for p in self.repo.plans_of_year(year) for d in p.deadlines), key=lambda d: d.due)

    def _record_unit_report(self, year: int, unit: str, file_name: str, rows: int) -> None:
        self.db["unit_reports"].upsert(
            {"year": year, "unit": unit, "file_name": file_name, "rows": rows,
             "received_at": dt.datetime.now().astimezone().isoformat(timespec="seconds")},
            pk=("year", "unit"))


def describe_received(r: Received) -> str:
    if not r.taken:
        return f"{Path(r.file).name}: không nhận"
    years = ", ".join(str(y) for y in r.years) or "không có năm nào"
    return (f"{Path(r.file).name}: đã nhận {r.office} (năm {years}, {r.activities} hoạt động)"
            + (" - gửi lại, thay cho lần nhận trước" if r.resent else ""))

