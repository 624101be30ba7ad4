"""Rules of the domain: target verdicts, the Action Month window, overdue tasks, form checks."""

from __future__ import annotations

import datetime as dt
import re

from .model import Activity, Plan, Target, Task

MET = "Đạt"
NOT_MET = "Không đạt"
NO_DATA = "Chưa có số liệu"


def target_verdict(target: Target, period: str = "year") -> str:
    """Đạt / Không đạt / Chưa có số liệu, from the year-end (or mid-year) value."""
    if target.kind == "qualitative":
        # One flag serves both reports: a qualitative target met by June stays met.
        if target.achieved is None:
            return NO_DATA
        return MET if target.achieved else NOT_MET
    value = period_value(target, period)
    if value is None or target.target is None or target.comparison not in (">=", "<="):
        return NO_DATA
    # Values are typed with at most a few decimals; compare after rounding so that 26,05 typed
    # against a target of 26,05 is met whatever binary float each became.
    v, t = round(value, 9), round(target.target, 9)
    ok = v >= t if target.comparison == ">=" else v <= t
    return MET if ok else NOT_MET


# Reports of the first half judge targets on the mid-year value; later ones on the year value
# when it has been typed, else on the mid-year one (the latest known).
FIRST_HALF = ("mid_year", "q1", "q2")
LATEST = ("q3", "q4", "nine_month")


def period_value(target: Target, period: str = "year") -> float | None:
    """The value a report of `period` shows and judges a numeric target on."""
    if period in FIRST_HALF:
        return target.actual_mid_year
    if period in LATEST:
        return target.actual if target.actual is not None else target.actual_mid_year
    return target.actual


def action_month_window(plan: Plan) -> tuple[dt.date, dt.date]:
    def at(mmdd: str) -> dt.date:
        m, d = mmdd.split("-")
        return dt.date(plan.year, int(m), int(d))

    return at(plan.action_month_start or "11-15"), at(plan.action_month_end or "12-15")


def in_action_month(activity: Activity, window: tuple[dt.date, dt.date]) -> bool:
    return window[0] <= activity.start <= window[1]


def is_overdue(task: Task, today: dt.date) -> bool:
    return task.status not in ("done", "cancelled") and task.due is not None and task.due < today


def days_until(start: dt.date, today: dt.date) -> int:
    return (start - today).days


def participant_errors(total, female, male, ethnic=None) -> dict[str, str]:
    """Checks on the participant counts of an activity, keyed by field, in Vietnamese."""
    errors: dict[str, str] = {}
    for key, value, label in (
        ("participants_total", total, "Tổng số người tham gia"),
        ("participants_female", female, "Số nữ"),
        ("participants_male", male, "Số nam"),
        ("participants_ethnic_minority", ethnic, "Số người dân tộc thiểu số"),
    ):
        if value is not None and value < 0:
            errors[key] = f"{label} không được âm"
    if errors:
        return errors
    total = total or 0
    if female is not None and female > total:
        errors["participants_female"] = f"số nữ tham gia ({female}) lớn hơn tổng số ({total})"
    if male is not None and male > total:
        errors["participants_male"] = f"số nam tham gia ({male}) lớn hơn tổng số ({total})"
    if (
        female is not None and male is not None and "participants_female" not in errors
        and "participants_male" not in errors and female + male > total
    ):
        errors["participants_male"] = (
            f"số nữ ({female}) cộng số nam ({male}) lớn hơn tổng số ({total})"
        )
    if ethnic is not None and ethnic > total:
        errors["participants_ethnic_minority"] = (
            f"số người dân tộc thiểu số ({ethnic}) lớn hơn tổng số ({total})"
        )
    return errors


def activity_errors(a: Activity, plan_year: int | None = None) -> dict[str, str]:
    """Every problem of an activity typed in a form, keyed by field."""
    errors: dict[str, str] = {}
    if not (a.title or "").strip():
        errors["title"] = "Tên hoạt động không được để trống"
    if plan_year is not None and a.start.year != plan_year:
        errors["start"] = (
            f"ngày bắt đầu {a.start.strftime('%d/%m/%Y')} không thuộc năm kế hoạch {plan_year}"
        )
    problem = date_order_error(a.start, a.end, "ngày kết thúc", "ngày bắt đầu")
    if problem:
        errors["end"] = problem
    errors.update(
        participant_errors(
            a.participants_total, a.participants_female, a.participants_male,
            a.participants_ethnic_minority,
        )
    )
    if a.budget_vnd is not None and a.budget_vnd < 0:
        errors["budget_vnd"] = "Kinh phí không được âm"
    return errors


CODE_PATTERN = re.compile(r"[A-Za-z0-9_.-]{1,32}")


def code_error(code: str, existing: set[str] = frozenset(), example: str = "NV01") -> str | None:
    """Codes (of units, targets, tasks) as the exchange format allows them."""
    if not (code or "").strip():
        return "Chưa nhập mã"
    if not CODE_PATTERN.fullmatch(code or ""):
        return ("Mã chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (tối đa 32 ký tự), "
                f"ví dụ {example}")
    if code in existing:
        return f"Mã {code} đã có, hãy chọn mã khác"
    return None


def next_code(existing, prefix: str = "NV", width: int = 2) -> str:
    """The code after the highest PREFIX<number> in use: NV13 in use gives NV14 (same width)."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)", re.IGNORECASE)
    numbers = [(int(m.group(1)), len(m.group(1))) for m in map(pattern.fullmatch, existing) if m]
    if not numbers:
        return f"{prefix}{1:0{width}d}"
    n, w = max(numbers)
    return f"{prefix}{n + 1:0{max(w, width)}d}"


def target_errors(t: Target) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not (t.text or "").strip():
        errors["text"] = "Nội dung chỉ tiêu không được để trống"
    errors.update(target_kind_errors(t.kind, t.comparison, t.target, t.measure))
    return errors


def target_kind_errors(kind, comparison, target, measure=None) -> dict[str, str]:
    """A numeric target has a comparison and a value; a qualitative one has neither (the form
    and the package checks both ask this, with plain values)."""
    errors: dict[str, str] = {}
    if kind == "numeric":
        if comparison is None:
            errors["comparison"] = "chỉ tiêu định lượng phải có phép so sánh (>= hoặc <=)"
        if target is None:
            errors["target"] = "chỉ tiêu định lượng phải có giá trị kế hoạch"
    elif kind == "qualitative":
        if comparison is not None:
            errors["comparison"] = "chỉ tiêu định tính không có phép so sánh"
        if target is not None:
            errors["target"] = "chỉ tiêu định tính không có giá trị kế hoạch bằng số"
        if measure:
            errors["measure"] = "chỉ tiêu định tính không tính được từ hoạt động"
    return errors


def task_errors(t: Task) -> dict[str, str]:
    """A task as a form or a service gets it (the code is checked by `code_error`)."""
    errors: dict[str, str] = {}
    if not (t.content or "").strip():
        errors["content"] = "Nội dung nhiệm vụ không được để trống"
    if not t.lead:
        errors["lead"] = "Hãy chọn đơn vị chủ trì"
    problem = date_order_error(t.start, t.due, "hạn hoàn thành", "ngày bắt đầu")
    if problem:
        errors["due"] = problem
    return errors


def date_order_error(start: dt.date | None, end: dt.date | None, end_label: str, start_label: str) -> str | None:
    """`end` may not come before `start` (both optional)."""
    if start and end and end < start:
        return f"{end_label} {end:%d/%m/%Y} trước {start_label} {start:%d/%m/%Y}"
    return None


def unit_errors(u, existing: set[str] = frozenset()) -> dict[str, str]:
    errors: dict[str, str] = {}
    problem = code_error(u.code, existing, example="THON1")
    if problem:
        errors["code"] = problem
    if not (u.name or "").strip():
        errors["name"] = "Tên đơn vị không được để trống"
    return errors


def office_errors(office) -> dict[str, str]:
    """What every printed document needs of the issuing office."""
    errors: dict[str, str] = {}
    if not (office.name or "").strip():
        errors["name"] = "Hãy nhập tên cơ quan: tên được in ở đầu mọi văn bản"
    if not (office.place_name or "").strip():
        errors["place_name"] = "Hãy nhập địa danh: địa danh được in cạnh ngày tháng của mọi văn bản"
    code = (getattr(office, "code", None) or "").strip()
    if code and not (code.isascii() and code.isdigit() and len(code) <= 10):
        errors["code"] = ("Mã đơn vị hành chính chỉ gồm chữ số, tối đa 10 chữ số (ví dụ 23015); "
                          "để trống nếu chưa biết")
    return errors


def plan_header_errors(plan: Plan) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not (plan.title or "").strip():
        errors["title"] = "tên (trích yếu) kế hoạch không được để trống"
    if (plan.action_month_start and plan.action_month_end
            and plan.action_month_end < plan.action_month_start):
        errors["action_month_end"] = "ngày kết thúc Tháng hành động trước ngày bắt đầu"
    if plan.budget_planned_vnd is not None and plan.budget_planned_vnd < 0:
        errors["budget_planned_vnd"] = "tổng kinh phí dự kiến phải là số không âm"
    if any(v is not None and v < 0 for v in plan.budget_by_source.values()):
        errors["budget_by_source"] = "kinh phí dự kiến theo nguồn phải là số không âm"
    return errors


# What an officer types for a qualitative target's result (with or without the marks).
_ACHIEVED = {"đạt", "có", "x", "rồi", "hoàn thành", "đã hoàn thành"}
_NOT_ACHIEVED = {"không đạt", "không", "chưa đạt", "chưa", "chưa hoàn thành"}


def parse_achieved(text: str | None) -> bool | None:
    """'Đạt' -> True, 'Không đạt' -> False, '' -> None (no figure yet); ValueError otherwise."""
    from .text import fold

    low = " ".join((text or "").split()).lower()
    if not low:
        return None
    if low in _ACHIEVED or low in {fold(w) for w in _ACHIEVED}:
        return True
    if low in _NOT_ACHIEVED or low in {fold(w) for w in _NOT_ACHIEVED}:
        return False
    raise ValueError("hãy gõ “Đạt” hoặc “Không đạt” (hoặc để trống)")


def activity_key(a: Activity) -> tuple:
    """What makes a row of a unit's form the activity already taken in from an earlier form:
    its name (marks, case and spacing aside), its start and its organiser."""
    from .text import fold

    return fold(" ".join((a.title or "").split())), a.start, a.organizer
