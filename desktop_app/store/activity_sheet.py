"""Activities read from an Excel sheet laid out like the exported "Hoạt động" sheet.

Units often send their activities as a spreadsheet; the officer should not retype them. The header
row names the columns (their order, and any column not listed here, do not matter). Every row is
checked and every problem reported with its row and column before anything is stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from ..domain import rules
from ..domain.model import ACTIVITY_TYPES, BUDGET_SOURCES, Activity
from ..domain.numbers import parse_vn_number
from ..domain.text import clean
from .errors import StoreError, ValidationError

# header (as exported) -> Activity field
COLUMNS = {
    "Mã": "id", "Ngày bắt đầu": "start", "Ngày kết thúc": "end", "Tên hoạt động": "title",
    "Loại": "type", "Địa điểm": "location", "Đơn vị tổ chức": "organizer",
    "Đơn vị phối hợp": "partners", "Nhiệm vụ": "task", "Tổng số người": "participants_total",
    "Nữ": "participants_female", "Nam": "participants_male",
    "Dân tộc thiểu số": "participants_ethnic_minority", "Tờ rơi": "leaflets",
    "Pa nô, băng rôn": "posters_banners", "Tin bài": "articles", "Phát thanh": "broadcasts",
    "Kinh phí (đồng)": "budget_vnd", "Nguồn kinh phí": "budget_source", "Ghi chú": "notes",
}
LABELS = {field: header for header, field in COLUMNS.items()}
REQUIRED = ("start", "title", "type", "participants_total")
COUNTS = ("participants_total", "participants_female", "participants_male",
          "participants_ethnic_minority", "leaflets", "posters_banners", "articles", "broadcasts",
          "budget_vnd")
ZERO_IF_EMPTY = ("participants_total", "leaflets", "posters_banners", "articles", "broadcasts")
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


class SheetError(StoreError):
    """The file is not a workbook that can be read."""


def _key(text) -> str:
    return (clean(str(text)) or "").casefold()


class _Row:
    """One sheet row turned into field values, collecting what is wrong with it."""

    def __init__(self, number: int, cells: dict[str, object], names: dict[str, dict[str, str]]):
        self.number, self.cells, self.names = number, cells, names
        self.errors: list[str] = []

    def error(self, field: str, message: str) -> None:
        self.errors.append(f"Dòng {self.number}, cột “{LABELS[field]}”: {message}")

    def text(self, field: str) -> str | None:
        value = self.cells.get(field)
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a code typed as a number
        return None if value is None else clean(str(value))

    def date(self, field: str) -> dt.date | None:
        value = self.cells.get(field)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = self.text(field)
        if not text:
            return None
        m = _DATE.fullmatch(text)
        try:
            if m:
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        self.error(field, f"“{text}” không phải ngày; hãy ghi ngày/tháng/năm, ví dụ 20/11/2025")
        return None

    def count(self, field: str) -> int | None:
        value = self.cells.get(field)
        if isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            try:
                value = parse_vn_number(value)
            except ValueError as exc:
                self.error(field, str(exc))
                return None
        if value is None:
            return 0 if field in ZERO_IF_EMPTY else None
        if not isinstance(value, int | float) or value < 0 or value != int(value):
            self.error(field, f"“{value}” phải là số nguyên không âm")
            return None
        return int(value)

    def pick(self, field: str, kind: str, text: str | None) -> str | None:
        """A unit, type, task or budget source given by its name or its code."""
        if not text:
            return None
        found = self.names[kind].get(_key(text))
        if found is None:
            hint = {"unit": "thêm đơn vị ở trang Đơn vị, hoặc sửa tên cho khớp",
                    "type": "dùng một trong: " + ", ".join(ACTIVITY_TYPES.values()),
                    "task": "dùng mã một nhiệm vụ của kế hoạch năm, hoặc để trống",
                    "source": "dùng một trong: " + ", ".join(v for k, v in BUDGET_SOURCES.items() if k)}[kind]
            self.error(field, f"không có “{text}”; {hint}")
        return found


def read_activity_sheet(path: str | Path, units: dict[str, str], task_codes: set[str],
                        plan_year: int) -> tuple[list[Activity], set[str]]:
    """The sheet's activities, and the fields its columns give (others are left as stored when
    a row updates an existing activity). Raises ValidationError listing every problem."""
    try:
        from openpyxl import load_workbook

        wb = load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise SheetError(f"Không đọc được tệp Excel {Path(path).name}: hãy mở nó bằng Excel, lưu lại dạng "
                         f".xlsx rồi nhập lại. ({type(exc).__name__})") from exc
    try:
        ws = wb["Hoạt động"] if "Hoạt động" in wb.sheetnames else wb.active
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None) or ()
        by_header = {_key(h): f for h, f in COLUMNS.items()}
        where = {by_header[_key(h)]: i for i, h in enumerate(header) if h is not None and _key(h) in by_header}
        missing = [LABELS[f] for f in REQUIRED if f not in where]
        if missing:
            raise ValidationError([
                "Dòng 1 (tiêu đề) thiếu cột: " + ", ".join(f"“{m}”" for m in missing)
                + ". Hãy dùng bảng tính xuất từ chương trình (Báo cáo → Lưu Excel) làm mẫu."])
        names = {
            "unit": {**{_key(c): c for c in units}, **{_key(n): c for c, n in units.items()}},
            "type": {**{_key(k): k for k in ACTIVITY_TYPES}, **{_key(v): k for k, v in ACTIVITY_TYPES.items()}},
            "task": {_key(c): c for c in task_codes},
            "source": {**{_key(k): k for k in BUDGET_SOURCES if k}, **{_key(v): k for k, v in BUDGET_SOURCES.items()}},
        }
        out, errors, seen = [], [], {}
        for number, values in enumerate(rows, start=2):
            cells = {f: values[i] if i < len(values) else None for f, i in where.items()}
            cells = {f: (None if isinstance(v, str) and not v.strip() else v) for f, v in cells.items()}
            if all(v is None for v in cells.values()):
                continue  # blank rows between blocks are common
            row = _Row(number, cells, names)
            a = _activity(row, plan_year)
            if a.id and a.id in seen:
                row.error("id", f"mã {a.id} đã có ở dòng {seen[a.id]}")
            elif a.id:
                seen[a.id] = number
            errors.extend(row.errors)
            out.append(a)
        if errors:
            raise ValidationError(errors)
        return out, set(where)
    finally:
        wb.close()


def _activity(row: _Row, plan_year: int) -> Activity:
    start = row.date("start")
    if start is None and not any(e.startswith(f"Dòng {row.number}, cột “Ngày bắt đầu”") for e in row.errors):
        row.error("start", "không được để trống")
    type_text = row.text("type")
    kind = row.pick("type", "type", type_text)
    if not type_text:
        row.error("type", "không được để trống")
    partners = [row.pick("partners", "unit", p) for p in re.split(r"[,;]", row.text("partners") or "")
                if clean(p)]
    a = Activity(
        id=row.text("id"), title=row.text("title") or "", type=kind or "other",
        start=start or dt.date(plan_year, 1, 1), end=row.date("end"), location=row.text("location"),
        organizer=row.pick("organizer", "unit", row.text("organizer")),
        partners=[p for p in partners if p], task=row.pick("task", "task", row.text("task")),
        budget_source=row.pick("budget_source", "source", row.text("budget_source")),
        notes=row.text("notes"), **{f: row.count(f) for f in COUNTS},
    )
    for field, message in rules.activity_errors(a, plan_year=plan_year if start else None).items():
        row.error(field if field in LABELS else "participants_total", message)
    return a


def merge(stored: Activity, read: Activity, fields: set[str]) -> Activity:
    """An existing activity updated only in the fields the sheet has columns for."""
    return dataclasses.replace(stored, **{f: getattr(read, f) for f in fields if f != "id"})
