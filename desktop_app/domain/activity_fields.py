"""The fields of an activity, written once: each with its name (the `Activity` attribute and the
database column), where it sits in the data package, its column header on the exported sheet
and on a unit's form, and its kind (how it is stored, read and written). The repository, the
package reader and writer, the exported sheet, the sheet importer and the unit form all read
this table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActivityField:
    name: str           # Activity attribute = database column
    json: tuple         # path in a package's activity object
    header: str | None  # column header of the "Hoạt động" sheet and of the unit form
    kind: str           # text | date | code | type | unit | units | task | count | count0 | money | source


# In the package's (the schema's) order: export writes keys in this order.
ACTIVITY_FIELDS = (
    ActivityField("id", ("id",), "Mã", "code"),
    ActivityField("title", ("title",), "Tên hoạt động", "text"),
    ActivityField("type", ("type",), "Loại", "type"),
    ActivityField("start", ("start",), "Ngày bắt đầu", "date"),
    ActivityField("end", ("end",), "Ngày kết thúc", "date"),
    ActivityField("location", ("location",), "Địa điểm", "text"),
    ActivityField("organizer", ("organizer",), "Đơn vị tổ chức", "unit"),
    ActivityField("partners", ("partners",), "Đơn vị phối hợp", "units"),
    ActivityField("task", ("task",), "Nhiệm vụ", "task"),
    ActivityField("participants_total", ("participants_total",), "Tổng số người", "count0"),
    ActivityField("participants_female", ("participants_female",), "Nữ", "count"),
    ActivityField("participants_male", ("participants_male",), "Nam", "count"),
    ActivityField("participants_ethnic_minority", ("participants_ethnic_minority",), "Dân tộc thiểu số", "count"),
    ActivityField("leaflets", ("outputs", "leaflets"), "Tờ rơi", "count0"),
    ActivityField("posters_banners", ("outputs", "posters_banners"), "Pa nô, băng rôn", "count0"),
    ActivityField("articles", ("outputs", "articles"), "Tin bài", "count0"),
    ActivityField("broadcasts", ("outputs", "broadcasts"), "Phát thanh", "count0"),
    ActivityField("outputs_other", ("outputs", "other"), None, "text"),
    ActivityField("budget_vnd", ("budget_vnd",), "Kinh phí (đồng)", "money"),
    ActivityField("budget_source", ("budget_source",), "Nguồn kinh phí", "source"),
    ActivityField("notes", ("notes",), "Ghi chú", "text"),
)
BY_NAME = {f.name: f for f in ACTIVITY_FIELDS}
# The columns of the exported "Hoạt động" sheet, in the order a person reads them.
SHEET_ORDER = ("id", "start", "end", "title", "type", "location", "organizer", "partners", "task",
               "participants_total", "participants_female", "participants_male",
               "participants_ethnic_minority", "leaflets", "posters_banners", "articles", "broadcasts",
               "budget_vnd", "budget_source", "notes")
# A unit's form: the same headers, without the code (the program gives one) and with the title first.
FORM_ORDER = ("title", "type", "start", "end", "location", "organizer", "partners", "task",
              "participants_total", "participants_female", "participants_male",
              "participants_ethnic_minority", "leaflets", "posters_banners", "articles", "broadcasts",
              "budget_vnd", "budget_source", "notes")
HEADERS = {f.name: f.header for f in ACTIVITY_FIELDS if f.header}
NUMBERS = tuple(f.name for f in ACTIVITY_FIELDS if f.kind in ("count", "count0", "money"))
ZERO_IF_EMPTY = tuple(f.name for f in ACTIVITY_FIELDS if f.kind == "count0")
TEXTS = tuple(f.name for f in ACTIVITY_FIELDS if f.kind == "text")


def json_value(data: dict, f: ActivityField):
    """The field's value in a package's activity object (None when absent)."""
    node = data
    for key in f.json:
        node = (node or {}).get(key) if isinstance(node, dict) or node is None else None
    return node
