"""The records of a commune's year: office, units, plans, targets, tasks, activities, reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

OBJECTIVES: dict[int | None, str] = {
    1: "Mục tiêu 1: Chính trị",
    2: "Mục tiêu 2: Kinh tế, lao động",
    3: "Mục tiêu 3: Đời sống gia đình và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
    4: "Mục tiêu 4: Y tế",
    5: "Mục tiêu 5: Giáo dục và đào tạo",
    6: "Mục tiêu 6: Thông tin, truyền thông",
    None: "Chỉ tiêu khác của địa phương",
}

ACTIVITY_TYPES: dict[str, str] = {
    "communication": "Truyền thông",
    "training": "Tập huấn",
    "contest": "Hội thi",
    "dialogue": "Đối thoại, tọa đàm",
    "launch_event": "Lễ phát động",
    "support_visit": "Thăm hỏi, hỗ trợ",
    "inspection": "Kiểm tra, giám sát",
    "club_meeting": "Sinh hoạt câu lạc bộ",
    "other": "Hoạt động khác",
}

TASK_STATUSES: dict[str, str] = {
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "done": "Hoàn thành",
    "cancelled": "Hủy bỏ",
}

UNIT_KINDS: dict[str, str] = {
    "government": "Cơ quan chính quyền",
    "mass_org": "Đoàn thể",
    "village": "Thôn, tổ dân phố",
    "school": "Trường học",
    "other": "Khác",
}

OFFICE_LEVELS: dict[str, str] = {
    "commune": "Xã",
    "ward": "Phường",
    "special_zone": "Đặc khu",
    "district": "Huyện",
    "province": "Tỉnh",
}

BUDGET_SOURCES: dict[str | None, str] = {
    "state": "Ngân sách nhà nước",
    "mobilized": "Nguồn vận động",
    "mixed": "Ngân sách và vận động",
    None: "Nguồn khác",  # money whose source was not chosen: a heading of the printed money table
}

PLAN_KINDS = {"annual": "Kế hoạch năm", "action_month": "Kế hoạch Tháng hành động"}
# The plans as printed documents: "plan" is the year's plan (the annual one, else the Action
# Month's); "action_month_plan" the Action Month's own plan of a year that has both.
PLAN_DOCUMENTS = {"plan": "Kế hoạch", "action_month_plan": PLAN_KINDS["action_month"]}
REPORT_PERIODS = {
    "mid_year": "Báo cáo 6 tháng",
    "year": "Báo cáo năm",
    "action_month": "Báo cáo Tháng hành động",
    "q1": "Báo cáo quý I",
    "q2": "Báo cáo quý II",
    "q3": "Báo cáo quý III",
    "nine_month": "Báo cáo 9 tháng",
    "q4": "Báo cáo quý IV",
}


@dataclass
class Office:
    name: str
    place_name: str
    parent_body: str | None = None
    province: str | None = None
    level: str = "commune"
    code: str | None = None  # official administrative unit code: how the level above knows it


@dataclass
class Unit:
    code: str
    name: str
    kind: str = "other"
    active: bool = True


@dataclass
class Signer:
    title: str
    name: str
    authority: str | None = None
    on_behalf: str | None = None


@dataclass
class ContentSection:
    heading: str
    items: list[str] = field(default_factory=list)


@dataclass
class Deadline:
    label: str
    due: dt.date
    to: str | None = None


@dataclass
class Target:
    code: str
    text: str
    kind: str = "numeric"  # numeric | qualitative
    objective: int | None = None
    unit: str | None = None
    comparison: str | None = None  # ">=" | "<="
    target: float | None = None
    baseline: float | None = None
    actual_mid_year: float | None = None
    actual: float | None = None
    achieved: bool | None = None
    lead: str | None = None
    note: str | None = None
    # {"what": ..., "activity_type": ...}: the value is counted from the activities unless typed
    measure: dict | None = None


@dataclass
class Task:
    code: str
    content: str
    lead: str
    partners: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    start: dt.date | None = None
    due: dt.date | None = None
    status: str = "not_started"
    completed_on: dt.date | None = None
    result: str | None = None


@dataclass
class Activity:
    title: str
    type: str
    start: dt.date
    id: str | None = None
    end: dt.date | None = None
    location: str | None = None
    organizer: str | None = None
    partners: list[str] = field(default_factory=list)
    task: str | None = None
    participants_total: int = 0
    participants_female: int | None = None
    participants_male: int | None = None
    participants_ethnic_minority: int | None = None
    leaflets: int = 0
    posters_banners: int = 0
    articles: int = 0
    broadcasts: int = 0
    outputs_other: str | None = None
    budget_vnd: int | None = None
    budget_source: str | None = None
    notes: str | None = None
    plan_year: int | None = None
    plan_kind: str = "annual"


@dataclass
class Plan:
    year: int
    kind: str
    title: str
    number: str | None = None
    issued_on: dt.date | None = None
    legal_bases: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    contents: list[ContentSection] = field(default_factory=list)
    budget_text: str | None = None
    budget_planned_vnd: int | None = None
    # planned money by source (state, mobilized, mixed), in đồng; empty when not given
    budget_by_source: dict[str, int] = field(default_factory=dict)
    action_month_start: str = "11-15"
    action_month_end: str = "12-15"
    action_month_theme: str | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: Signer | None = None
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


@dataclass
class ReportText:
    """The parts of a report the officer types; the figures are computed."""

    year: int
    period: str  # mid_year | year | action_month
    number: str | None = None
    issued_on: dt.date | None = None
    situation: str | None = None
    strengths: str | None = None
    limitations: str | None = None
    causes: str | None = None
    directions: str | None = None
    recommendations: str | None = None
    recipients: list[str] = field(default_factory=list)
    signer: Signer | None = None
