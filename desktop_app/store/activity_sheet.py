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
from ..domain.activity_fields import HEADERS, NUMBERS, ZERO_IF_EMPTY
from ..domain.model import ACTIVITY_TYPES, BUDGET_SOURCES, Activity
from ..domain.numbers import parse_vn_number
from ..domain.text import clean
from .errors import StoreError, ValidationError, os_message

# header (as exported) -> Activity field, from the one table of activity fields
COLUMNS = {header: name for name, header in HEADERS.items()}
LABELS = HEADERS
REQUIRED = ("start", "title", "type", "participants_total")
COUNTS = NUMBERS
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
        known = self.names[kind]
        found = known.get(_key(text))
        if found is None and _key(text) not in known:  # "Nguồn khác" is a name for no source
            hint = {"unit": "thêm đơn vị ở trang Đơn vị, hoặc sửa tên cho khớp",
                    "type": "dùng một trong: " + ", ".join(ACTIVITY_TYPES.values()),
                    "task": "dùng mã một nhiệm vụ của kế hoạch năm, hoặc để trống",
                    "source": "dùng một trong: " + ", ".join(v for k, v in BUDGET_SOURCES.items() if k)}[kind]
            self.error(field, f"không có “{text}”; {hint}")
        return found


# An .xlsx is a zip of XML. Its members' declared sizes are checked before openpyxl reads it:
# a real sheet of activities is a few MB unpacked; a "zip bomb" declares gigabytes.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200  # XML packs about 10:1; far beyond that is a file made to explode
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER_SEARCH_ROWS = 40  # a form has its unit, year, tasks and instruction above the table


def _archive_problem(path: Path) -> str | None:
    """Why the file cannot be an .xlsx to read (None: go ahead), judged from its bytes and
    its archive's directory only."""
    import zipfile

    name = path.name
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        return os_message(exc, name)
    if head == OLE_MAGIC:
        # Excel saves a password-protected workbook as an encrypted OLE compound file.
        try:
            raw = path.read_bytes() if path.stat().st_size < 64 * 1024 * 1024 else b""
        except OSError:
            raw = b""
        if "EncryptionInfo".encode("utf-16-le") in raw or "EncryptedPackage".encode("utf-16-le") in raw:
            return (f"Tệp {name} được đặt mật khẩu nên chương trình không đọc được. Hãy mở tệp bằng Excel, "
                    "gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), "
                    "lưu lại rồi nhập lại.")
        return (f"Tệp {name} là bảng tính Excel kiểu cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành "
                "“Sổ làm việc Excel (.xlsx)” rồi nhập tệp .xlsx đó.")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # openpyxl says it is not a workbook, below
    total = sum(i.file_size for i in infos)
    worst = max((i.file_size / max(i.compress_size, 1) for i in infos if i.file_size > 1024 * 1024), default=0)
    if total > MAX_UNPACKED or worst > MAX_RATIO:
        return (f"Tệp {name} khi giải nén sẽ chiếm {total / 1024 / 1024:,.0f} MB (nén {worst:,.0f} lần): "
                "quá lớn so với một bảng hoạt động, có thể là tệp lỗi hoặc tệp độc hại. Chưa đọc tệp này; "
                "hãy chép các hoạt động sang một bảng tính mới rồi nhập lại.")
    return None


def open_workbook(path: str | Path, data_only: bool = True):
    """openpyxl's workbook, after the archive is checked; SheetError when it cannot be read."""
    path = Path(path)
    problem = _archive_problem(path)
    if problem:
        raise SheetError(problem)
    try:
        from openpyxl import load_workbook

        return load_workbook(str(path), data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise SheetError(f"Không đọc được tệp Excel {path.name}: tệp bị hỏng hoặc không phải bảng tính .xlsx. "
                         "Hãy mở nó bằng Excel, lưu lại dạng .xlsx rồi nhập lại.") from exc


def _grid(ws) -> list[list]:
    """The sheet's values, with a merged range's value given to every cell it covers (a unit
    name merged over three rows belongs to all three)."""
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    for rng in ws.merged_cells.ranges:
        value = ws.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, min(rng.max_row, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < rng.max_col:
                row.extend([None] * (rng.max_col - len(row)))
            for c in range(rng.min_col, rng.max_col + 1):
                row[c - 1] = value
    return rows


def _uncomputed_formulas(path: Path, sheet: str, grid: list[list], first: int, where: dict) -> list[str]:
    """Cells that hold a formula Excel never computed (a file written by a program, not saved
    in Excel): read with data_only they are empty, which would be misleading."""
    wb = open_workbook(path, data_only=False)
    try:
        ws = wb[sheet]
        out = []
        for field, col in where.items():
            for r in range(first, len(grid) + 1):
                if grid[r - 1][col] if col < len(grid[r - 1]) else None:
                    continue
                v = ws.cell(r, col + 1).value
                if isinstance(v, str) and v.startswith("=") or type(v).__name__ in ("ArrayFormula", "DataTableFormula"):
                    out.append(f"Dòng {r}, cột “{LABELS[field]}”: ô có công thức nhưng chưa có kết quả tính. "
                               "Hãy mở tệp bằng Excel, bấm Lưu rồi nhập lại.")
        return out
    finally:
        wb.close()


def _find_header(grid: list[list], by_header: dict) -> int | None:
    """The row (0-based) that names the columns: the one with the most known headers."""
    best, best_n = None, 0
    for i, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        n = sum(1 for h in row if h is not None and _key(h) in by_header)
        if n > best_n:
            best, best_n = i, n
    return best if best_n >= 2 else None


def _form_label(grid: list[list], upto: int, label: str):
    """The value beside a label cell ("Mã đơn vị:") above the table of a unit's form."""
    for row in grid[:upto]:
        for i, v in enumerate(row):
            if isinstance(v, str) and _key(v).rstrip(":").strip() == label:
                rest = [x for x in row[i + 1:] if x is not None and str(x).strip()]
                if rest:
                    value = rest[0]
                    if isinstance(value, float) and value.is_integer():
                        value = int(value)
                    return clean(str(value))
    return None


FORM_UNIT_LABEL, FORM_YEAR_LABEL = "mã đơn vị", "năm"


@dataclasses.dataclass
class SheetRead:
    activities: list[Activity]
    fields: set[str]  # the Activity fields the sheet has columns for
    form_unit: str | None = None  # the unit of a unit's form (its empty organisers are it)


def read_activity_sheet(path: str | Path, units: dict[str, str], task_codes: set[str],
                        plan_year: int) -> tuple[list[Activity], set[str]]:
    got = read_sheet(path, units, task_codes, plan_year)
    return got.activities, got.fields


def read_sheet(path: str | Path, units: dict[str, str], task_codes: set[str], plan_year: int) -> SheetRead:
    """The sheet's activities (a unit's form or the exported sheet), and the fields its columns
    give (others are left as stored when a row updates an existing activity). Raises
    ValidationError listing every problem, by row and column."""
    path = Path(path)
    wb = open_workbook(path)
    try:
        ws = wb["Hoạt động"] if "Hoạt động" in wb.sheetnames else wb.active
        grid = _grid(ws)
        sheet_name = ws.title
    finally:
        wb.close()
    by_header = {_key(h): f for h, f in COLUMNS.items()}
    at = _find_header(grid, by_header)
    header = grid[at] if at is not None else (grid[0] if grid else [])
    where = {by_header[_key(h)]: i for i, h in enumerate(header) if h is not None and _key(h) in by_header}
    missing = [LABELS[f] for f in REQUIRED if f not in where]
    head_line = (at or 0) + 1
    if missing:
        raise ValidationError([
            f"Dòng {head_line} (tiêu đề) thiếu cột: " + ", ".join(f"“{m}”" for m in missing)
            + ". Hãy dùng phiếu của đơn vị hoặc bảng tính xuất từ chương trình (Báo cáo → Lưu Excel) làm mẫu."])
    form_unit = _form_label(grid, head_line - 1, FORM_UNIT_LABEL)
    errors: list[str] = []
    if form_unit is not None and form_unit not in units:
        errors.append(f"Phiếu ghi “Mã đơn vị: {form_unit}” nhưng chưa có đơn vị mã này (trang Đơn vị). "
                      "Hãy thêm đơn vị hoặc sửa mã trên phiếu.")
        form_unit = None
    form_year = _form_label(grid, head_line - 1, FORM_YEAR_LABEL)
    if form_year and form_year.isdigit() and int(form_year) != plan_year:
        errors.append(f"Đây là phiếu năm {form_year}, đang nhập vào năm {plan_year}: hãy chọn năm {form_year}.")
    formulas = _uncomputed_formulas(path, sheet_name, grid, head_line + 1, where)
    if formulas:
        raise ValidationError(formulas)
    names = {
        "unit": {**{_key(c): c for c in units}, **{_key(n): c for c, n in units.items()}},
        "type": {**{_key(k): k for k in ACTIVITY_TYPES}, **{_key(v): k for k, v in ACTIVITY_TYPES.items()}},
        "task": {_key(c): c for c in task_codes},
        "source": {**{_key(k): k for k in BUDGET_SOURCES if k}, **{_key(v): k for k, v in BUDGET_SOURCES.items()},
                   _key("Không ghi nguồn"): None},  # the label sheets exported before 0.2 carry
    }
    out, seen = [], {}
    for number, values in enumerate(grid[head_line:], start=head_line + 1):
        cells = {f: values[i] if i < len(values) else None for f, i in where.items()}
        cells = {f: (None if isinstance(v, str) and not v.strip() else v) for f, v in cells.items()}
        if all(v is None for v in cells.values()):
            continue  # blank rows between blocks are common
        if form_unit and cells.get("organizer") is None:
            cells["organizer"] = form_unit  # the form's unit organised what it reports
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
    fields = set(where) | ({"organizer"} if form_unit else set())
    return SheetRead(out, fields, form_unit)


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
