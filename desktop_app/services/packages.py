"""Data packages (JSON) and activity sheets (Excel) in and out."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import ValidationError
from ..domain.rules import activity_key
from ..fileio import write_text_atomic
from ..store.exchange import dump_package, export_package, import_package, read_package_file


class PackageOps:
    def import_file(self, path: str | Path, progress=None) -> dict:
        data = read_package_file(path)
        with self.recorded_package("import", path) as note:  # one history entry for the package
            counts = import_package(self.repo, data, progress=progress)
            note(counts)
        return counts

    def export_json(self, out: str | Path, year: int | None = None) -> Path:
        return write_text_atomic(out, dump_package(export_package(self.repo, year)))

    def import_activity_sheet(self, path: str | Path, year: int, only_new: bool = False) -> dict[str, int]:
        """Activities from an Excel sheet (as exported): a row whose Mã is an activity of this
        year updates it in the columns the sheet has; any other row is a new activity of the
        year's plan. All rows or none. A unit's form fills empty organisers with its unit and
        records that the unit has sent its figures for the year. `only_new`: rows without a Mã
        that repeat an activity of the year (same name, start and organiser: a form sent again
        with rows added) are left out."""
        from ..store.activity_sheet import merge

        plan_id, got = self._read_year_sheet(path, year)
        read, fields = got.activities, got.fields
        counts = {"added": 0, "updated": 0}
        if only_new:
            known = self._taken_in(year)
            kept = [a for a in read if a.id or activity_key(a) not in known]
            counts["skipped"] = len(read) - len(kept)
            read = kept
        errors = []
        with self.recorded_package("form", path) as note:
            for a in read:
                stored = self.repo.activity(a.id) if a.id else None
                if stored is not None and stored.plan_year != year:
                    errors.append(f"Mã {a.id} là một hoạt động của năm {stored.plan_year}: chọn năm đó rồi nhập lại, "
                                  "hoặc xóa mã để nhập thành hoạt động mới.")
                    continue
                target = plan_id if stored is None else self.repo.plan_id(stored.plan_year, stored.plan_kind)
                self.repo.save_activity(a if stored is None else merge(stored, a, fields), target)
                counts["updated" if stored else "added"] += 1
            if errors:
                raise ValidationError(errors)  # leaves the transaction: nothing is stored
            if got.form_unit:
                self._record_unit_report(year, got.form_unit, Path(path).name, len(read))
            note(counts)
        return counts

    def _read_year_sheet(self, path: str | Path, year: int):
        """The plan a sheet's new activities go into, and the sheet read against the year (its
        units and tasks). ValidationError when the year has no plan or rows are at fault."""
        from ..store.activity_sheet import read_sheet

        plan_id = self.repo.plan_id(year, "annual") or self.repo.plan_id(year, "action_month")
        if plan_id is None:
            raise ValidationError([f"Năm {year} chưa có kế hoạch: hãy tạo kế hoạch trước khi nhập hoạt động."])
        tasks = {t.code for t in self.repo.tasks(plan_id)}
        return plan_id, read_sheet(path, self.repo.unit_names(), tasks, year)

    def _taken_in(self, year: int) -> set[tuple]:
        """What identifies each activity of the year when a form's rows (without ids) come again."""
        return {activity_key(a) for a in self.repo.activities_of_year(year)}

    def export_xlsx(self, out: str | Path, year: int) -> Path:
        from ..reports import blocks
        from ..reports.build import build_blocks
        from ..reports.xlsx_export import write_xlsx

        figures = self.figures(year)
        tables = []
        if self.repo.office() is not None:  # the year report's tables (Bảng 1-5) as sheets too
            doc = build_blocks(self.document_data(year, "year"))
            tables = [b for b in doc.blocks if isinstance(b, blocks.Table) and b.sheet]
        return write_xlsx(out, figures, self.repo.unit_names(), tables)
