"""The change history in words: what an entry says to a person (no SQL here)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from .consolidation import SUMMARY_NAMES
from .model import (
    ACTIVITY_TYPES,
    BUDGET_SOURCES,
    OFFICE_LEVELS,
    PLAN_KINDS,
    REPORT_PERIODS,
    TASK_STATUSES,
    UNIT_KINDS,
)
from .numbers import fmt_num

KIND_NAMES = {
    "activities": "hoạt động", "targets": "chỉ tiêu", "tasks": "nhiệm vụ", "units": "đơn vị",
    "plans": "kế hoạch", "reports": "báo cáo", "office": "cơ quan", "settings": "cài đặt",
    "package": "gói dữ liệu", "backup": "bản sao lưu",
}
OP_WORDS = {"insert": "Thêm", "update": "Sửa", "delete": "Xóa"}
PACKAGE_OPS = {"import": "Nhập gói dữ liệu", "form": "Nhập phiếu số liệu", "receive": "Nhận gói dữ liệu",
               "restore": "Khôi phục bản sao lưu"}
COUNT_WORDS = {"units": "đơn vị", "plans": "kế hoạch", "targets": "chỉ tiêu", "tasks": "nhiệm vụ",
               "activities": "hoạt động", "reports": "báo cáo", "added": "thêm", "updated": "cập nhật"}
# Columns a person does not need to compare (row numbers and links by number).
HIDDEN_FIELDS = {"plan_id"}
FIELD_NAMES = {
    "id": "Mã", "title": "Tên", "type": "Loại", "start": "Ngày bắt đầu", "end": "Ngày kết thúc",
    "location": "Địa điểm", "organizer": "Đơn vị tổ chức", "partners": "Đơn vị phối hợp", "task": "Nhiệm vụ",
    "participants_total": "Tổng số người", "participants_female": "Nữ", "participants_male": "Nam",
    "participants_ethnic_minority": "Dân tộc thiểu số", "leaflets": "Tờ rơi", "posters_banners": "Pa nô, áp phích",
    "articles": "Tin, bài", "broadcasts": "Phát thanh", "outputs_other": "Sản phẩm khác",
    "budget_vnd": "Kinh phí (đồng)", "budget_source": "Nguồn kinh phí", "notes": "Ghi chú", "code": "Mã",
    "text": "Nội dung", "kind": "Loại", "objective": "Mục tiêu", "unit": "Đơn vị tính",
    "comparison": "So sánh", "target": "Kế hoạch", "baseline": "Năm gốc", "actual_mid_year": "6 tháng",
    "actual": "Cả năm", "achieved": "Đạt", "lead": "Đơn vị chủ trì", "note": "Ghi chú", "content": "Nội dung",
    "targets": "Chỉ tiêu", "due": "Hạn", "status": "Trạng thái", "completed_on": "Ngày hoàn thành",
    "result": "Kết quả", "name": "Tên", "active": "Đang dùng", "year": "Năm", "period": "Kỳ báo cáo",
    "number": "Số, ký hiệu", "issued_on": "Ngày ban hành", "key": "Khóa", "value": "Giá trị",
}


SETTING_NAMES = {
    "user_name": "Tên người nhập liệu", "default_signer": "Người ký mặc định",
    "backup_extra_dir": "Thư mục sao lưu thêm", "margin_top": "Lề trên", "margin_bottom": "Lề dưới",
    "margin_left": "Lề trái", "margin_right": "Lề phải",
}
_CHOICES = {"type": ACTIVITY_TYPES, "status": TASK_STATUSES, "budget_source": BUDGET_SOURCES,
            "kind": {**UNIT_KINDS, **PLAN_KINDS, "numeric": "Định lượng", "qualitative": "Định tính"},
            "level": OFFICE_LEVELS, "period": {**REPORT_PERIODS, **SUMMARY_NAMES}}


def shown_value(field: str, value) -> str:
    """A stored value as a person reads it: names instead of codes of choices, dates as
    dd/mm/yyyy, lists without brackets, numbers the Vietnamese way."""
    if value is None:
        return ""
    if field in _CHOICES and value in _CHOICES[field]:
        return _CHOICES[field][value]
    if field in ("achieved", "active") and value in (0, 1):
        return "Có" if value else "Không"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return f"{value[8:]}/{value[5:7]}/{value[:4]}"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and field not in ("year", "id", "objective"):
        return fmt_num(value)
    if isinstance(value, str) and value[:1] in "[{":
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        if isinstance(parsed, list):
            return ", ".join(str(x) if not isinstance(x, dict) else "; ".join(str(v) for v in x.values() if v)
                             for x in parsed)
        if isinstance(parsed, dict):
            return ", ".join(str(v) for v in parsed.values() if v)
    return str(value)


@dataclass
class Entry:
    id: int
    at: dt.datetime
    os_user: str | None
    user_name: str | None
    action: str | None
    kind: str
    op: str
    record: str | None
    label: str | None
    before: dict | None
    after: dict | None

    @classmethod
    def from_row(cls, r: dict) -> Entry:
        return cls(id=r["id"], at=dt.datetime.fromisoformat(r["at"]), os_user=r["os_user"],
                   user_name=r["user_name"], action=r["action"], kind=r["kind"], op=r["op"],
                   record=r["record"], label=r["label"],
                   before=json.loads(r["before"]) if r["before"] else None,
                   after=json.loads(r["after"]) if r["after"] else None)

    @property
    def when(self) -> str:
        return self.at.strftime("%d/%m/%Y %H:%M")

    @property
    def who(self) -> str:
        if self.user_name and self.os_user and self.user_name != self.os_user:
            return f"{self.user_name} ({self.os_user})"
        return self.user_name or self.os_user or "không rõ"

    @property
    def what(self) -> str:
        if self.op in PACKAGE_OPS:
            return PACKAGE_OPS[self.op]
        words = f"{OP_WORDS.get(self.op, self.op)} {KIND_NAMES.get(self.kind, self.kind)}"
        return f"{words} ({self.action})" if self.action else words

    @property
    def which(self) -> str:
        if self.op == "receive":  # kept apart as the sending office's data: no record of ours changed
            got = self.after or {}
            years = ", ".join(str(y) for y in got.get("years") or [])
            return (f"tệp {self.record}: {got.get('office') or ''}" + (f", năm {years}" if years else "")
                    + f", {got.get('activities', 0)} hoạt động" + (" (gửi lại, thay lần nhận trước)" if got.get("resent") else ""))
        if self.op in PACKAGE_OPS:
            counts = self.after or {}
            said = ", ".join(f"{v} {COUNT_WORDS.get(k, k)}" for k, v in counts.items() if isinstance(v, int))
            line = f"tệp {self.record}" + (f": {said}" if said else "")
            if "changed" in counts:
                line += "; " + changes_words(counts["changed"])
            return line
        label = (self.label or "").strip()
        if len(label) > 60:
            label = label[:59].rstrip() + "…"
        key = self.record or ""
        if self.kind in ("targets", "tasks"):  # '2025/annual/T1' -> 'T1 (2025)'
            parts = key.split("/")
            key = f"{parts[-1]} ({parts[0]})" if len(parts) == 3 else key
        if self.kind == "settings":
            return SETTING_NAMES.get(key, key)
        if self.kind == "reports":  # '2025/year' -> 'Báo cáo năm 2025'
            year, _, period = key.partition("/")
            return f"{REPORT_PERIODS.get(period) or SUMMARY_NAMES.get(period, period)} {year}"
        if self.kind == "plans":  # '2025/annual' -> 'Kế hoạch năm 2025'
            year, _, kind = key.partition("/")
            return f"{PLAN_KINDS.get(kind, kind)} {year}"
        if not label or label == key:
            return key
        return f"{key} “{label}”"

    def line(self) -> str:
        """One line of `history`: when | who | what | which record."""
        return " | ".join((self.when, self.who, self.what, self.which))


def changes_words(changed: dict[str, int]) -> str:
    """{'update:activities': 2, 'insert:units': 1} -> 'thay đổi: thêm 1 đơn vị, sửa 2 hoạt động'."""
    if not changed:
        return "không thay đổi dữ liệu"
    parts = []
    for op in ("insert", "update", "delete"):
        for kind in KIND_NAMES:
            n = changed.get(f"{op}:{kind}")
            if n:
                parts.append(f"{OP_WORDS[op].lower()} {n} {KIND_NAMES[kind]}")
    return "thay đổi: " + ", ".join(parts)


def changed_fields(a: dict | None, b: dict | None) -> set[str]:
    a, b = a or {}, b or {}
    return {k for k in set(a) | set(b) if a.get(k) != b.get(k)}
