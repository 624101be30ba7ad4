"""The data package (bdg-exchange v1): read, check, import all-or-nothing, export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..domain.activity_fields import ACTIVITY_FIELDS, json_value
from ..domain.model import (
    Activity,
    ContentSection,
    Deadline,
    Office,
    Plan,
    ReportText,
    Target,
    Task,
    Unit,
)
from ..domain.text import TooDeep, clean, normalize_tree
from .errors import ValidationError, os_message
from .package_rules import MAX_DEPTH, package_errors
from .quick_package import quick_check
from .repository import Repository, signer_from_dict, signer_to_dict


class PackageFileError(Exception):
    """The file could not be read as JSON (exit code 2)."""


def read_package_file(path: str | Path) -> dict:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise PackageFileError(os_message(exc, str(path))) from exc
    if raw[:2] == b"PK":  # a zip: an Excel workbook, not a package
        raise PackageFileError(f"Tệp {path} là bảng tính Excel, không phải gói dữ liệu JSON. Phiếu số liệu hay "
                               "bảng hoạt động thì nhập kèm năm: import TỆP.xlsx --year N (hoặc Nhập từ Excel).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackageFileError(f"Tệp {path} không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start})") from exc
    try:
        # NaN / Infinity (which Python's json reads) and numbers too long to convert are kept
        # as values that the package checks refuse at their JSON path. The integer hook (a
        # Python call per number) is used only when the plain parser meets such a number.
        try:
            return json.loads(text, parse_constant=float)
        except ValueError as exc:
            if isinstance(exc, json.JSONDecodeError):
                raise
            return json.loads(text, parse_constant=float, parse_int=_parse_int)
    except RecursionError as exc:
        raise PackageFileError(f"Tệp {path} lồng nhau quá sâu, không phải gói dữ liệu hợp lệ") from exc
    except json.JSONDecodeError as exc:
        raise PackageFileError(
            f"Tệp {path} không phải JSON hợp lệ: lỗi ở dòng {exc.lineno}, cột {exc.colno}") from exc


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > 30:  # int() refuses beyond 4300 digits; no figure has 30
        return 10**31 * (-1 if text.startswith("-") else 1)
    return int(text)


def _d(v):
    return dt.date.fromisoformat(v) if v else None


def _num(v):
    return None if v is None else float(v)


def _target(t: dict) -> Target:
    return Target(
        code=t["code"], text=t["text"], kind=t["kind"], objective=t.get("objective"),
        unit=clean(t.get("unit")), comparison=t.get("comparison"), target=_num(t.get("target")),
        baseline=_num(t.get("baseline")), actual_mid_year=_num(t.get("actual_mid_year")),
        actual=_num(t.get("actual")), achieved=t.get("achieved"), lead=t.get("lead"),
        note=clean(t.get("note")), measure=_measure(t.get("measure")),
    )


def _measure(m: dict | None) -> dict | None:
    if not m:
        return None
    return {"what": m["what"], "activity_type": m.get("activity_type")}


def _task(t: dict) -> Task:
    return Task(
        code=t["code"], content=t["content"], lead=t["lead"], partners=list(t.get("partners") or []),
        targets=list(t.get("targets") or []), start=_d(t.get("start")), due=_d(t.get("due")),
        status=t.get("status") or "not_started", completed_on=_d(t.get("completed_on")),
        result=clean(t.get("result")),
    )


def _activity(a: dict) -> Activity:
    values = {}
    for f in ACTIVITY_FIELDS:
        v = json_value(a, f)
        if f.kind == "date":
            v = _d(v)
        elif f.kind == "units":
            v = list(v or [])
        elif f.kind == "count0":
            v = v or 0
        elif f.kind == "text":
            v = clean(v)
        values[f.name] = v
    values["id"] = values["id"] or None
    return Activity(**values)


def plan_from_dict(p: dict) -> Plan:
    return Plan(
        year=p["year"], kind=p["kind"], title=p["title"], number=clean(p.get("number")),
        issued_on=_d(p.get("issued_on")), legal_bases=list(p.get("legal_bases") or []),
        purposes=list(p.get("purposes") or []), requirements=list(p.get("requirements") or []),
        contents=[ContentSection(c["heading"], list(c.get("items") or []))
                  for c in p.get("contents") or []],
        budget_text=clean(p.get("budget_text")), budget_planned_vnd=p.get("budget_planned_vnd"),
        budget_by_source={k: v for k, v in (p.get("budget_by_source") or {}).items() if v is not None},
        action_month_start=p.get("action_month_start") or "11-15",
        action_month_end=p.get("action_month_end") or "12-15",
        action_month_theme=clean(p.get("action_month_theme")),
        deadlines=[Deadline(d["label"], _d(d["due"]), clean(d.get("to")))
                   for d in p.get("deadlines") or []],
        recipients=list(p.get("recipients") or []), signer=signer_from_dict(p.get("signer")),
        targets=[_target(t) for t in p.get("targets") or []],
        tasks=[_task(t) for t in p.get("tasks") or []],
    )


def _report(r: dict) -> ReportText:
    return ReportText(
        year=r["year"], period=r["period"], number=clean(r.get("number")),
        issued_on=_d(r.get("issued_on")), situation=clean(r.get("situation")),
        strengths=clean(r.get("strengths")), limitations=clean(r.get("limitations")),
        causes=clean(r.get("causes")), directions=clean(r.get("directions")),
        recommendations=clean(r.get("recommendations")), recipients=list(r.get("recipients") or []),
        signer=signer_from_dict(r.get("signer")),
    )


def check_package(data) -> dict:
    """Normalise (NFC, stripped) and check; returns the clean package or raises ValidationError."""
    quick = quick_check(data)  # the common case, a valid package, in one pass over its activities
    return quick if quick is not None else check_thoroughly(data)


def check_thoroughly(data) -> dict:
    """check_package without the quick path: every value walked, every problem named."""
    try:
        odd = [False]  # the same walk checks the depth and notices values no field can hold
        data = normalize_tree(data, limit=MAX_DEPTH, odd=odd)
    except TooDeep:
        raise ValidationError([f"(gói dữ liệu): dữ liệu lồng nhau quá {MAX_DEPTH} tầng, không phải gói dữ liệu hợp lệ"]) from None
    errors = package_errors(data, values_seen_fine=not odd[0])
    if errors:
        raise ValidationError(errors)
    return data


def import_package(repo: Repository, data, progress=None) -> dict:
    """Merge a package into the database, all or nothing. Returns counts of what it held."""
    data = check_package(data)
    other = _another_office(repo.office(), data["office"])
    if other:
        raise ValidationError([other])
    moved = _activities_of_other_years(repo, data)
    if moved:
        raise ValidationError(moved)
    counts = {"units": 0, "plans": 0, "targets": 0, "tasks": 0, "activities": 0, "reports": 0}
    plans = data.get("plans") or []
    total_acts = sum(len(p.get("activities") or []) for p in plans) or 1
    done = 0
    with repo.db.atomic():
        o = data["office"]
        repo.save_office(Office(name=o["name"], place_name=o["place_name"],
                                parent_body=clean(o.get("parent_body")),
                                province=clean(o.get("province")),
                                level=o.get("level") or "commune", code=clean(o.get("code"))))
        for u in data.get("units") or []:
            repo.save_unit(Unit(u["code"], u["name"], u.get("kind") or "other",
                                u.get("active", True)))
            counts["units"] += 1
        for p in plans:
            plan = plan_from_dict(p)
            pid = repo.save_plan_header(plan)
            for t in plan.targets:
                repo.save_target(pid, t)
            for t in plan.tasks:
                repo.save_task(pid, t)
            counts["plans"] += 1
            counts["targets"] += len(plan.targets)
            counts["tasks"] += len(plan.tasks)
            rows = [repo.activity_row(_activity(a), pid) for a in p.get("activities") or []]
            for i in range(0, len(rows), 500):
                # Nothing refers to an activity row, so replacing it whole is the merge rule
                # ("replaces the stored one it matches") and far faster than an upsert.
                repo.db["activities"].insert_all(rows[i:i + 500], pk="id", replace=True)
                done += len(rows[i:i + 500])
                if progress:
                    progress(done, total_acts)
            counts["activities"] += len(rows)
        for r in data.get("reports") or []:
            repo.save_report_text(_report(r))
            counts["reports"] += 1
    return counts


def _another_office(own: Office | None, o: dict) -> str | None:
    """`import` merges a package into the office's own data: a package that is plainly another
    office's (both carry official codes and they differ, or this office gathers offices below
    and the package names another office) would rename this office and mix its figures in. That
    package is for `receive`."""
    from ..domain.consolidation import office_key, same_office

    if own is None:
        return None
    code = clean(o.get("code"))
    same = same_office(own.code, office_key(own.name, own.province), code,
                       office_key(o.get("name"), o.get("province")))
    if same or not ((own.code and code) or own.level in ("province", "district")):
        return None
    return (f"office: gói dữ liệu này của {o.get('name')}"
            + (f" (mã {code})" if code else "") + f", không phải của {own.name}"
            + (f" (mã {own.code})" if own.code else "") + ". Nhập gói sẽ ghi đè thông tin cơ quan và trộn số liệu "
            "của hai nơi. Số liệu của cơ quan cấp dưới gửi lên: dùng lệnh receive (hoặc trang Tổng hợp → Nhận gói).")


def _activities_of_other_years(repo: Repository, data: dict) -> list[str]:
    """An activity id names one activity for good: a package may not move it to another year
    (that would take it out of the year it was reported in)."""
    wanted = {}
    for pi, p in enumerate(data.get("plans") or []):
        for ai, a in enumerate(p.get("activities") or []):
            if a.get("id"):
                wanted[a["id"]] = (f"plans[{pi}].activities[{ai}].id", p["year"])
    held = repo.activity_years(list(wanted))
    out = []
    for aid, (path, year) in wanted.items():
        if aid in held and held[aid] != year:
            out.append(f"{path}: mã hoạt động '{aid}' đã là một hoạt động của năm {held[aid]} trong dữ liệu; "
                       f"gói này ghi nó vào năm {year}. Hãy đổi mã (hoặc bỏ mã) của hoạt động năm {year}.")
    return out


# ---- export -------------------------------------------------------------------------------

def _num_out(x):
    """100.0 -> 100 so that exported figures read as they were typed."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def _iso(d):
    return d.isoformat() if d else None


def _target_out(t: Target) -> dict:
    out = {
        "code": t.code, "objective": t.objective, "text": t.text, "kind": t.kind, "unit": t.unit,
        "comparison": t.comparison, "target": _num_out(t.target), "baseline": _num_out(t.baseline),
        "actual_mid_year": _num_out(t.actual_mid_year), "actual": _num_out(t.actual),
        "achieved": t.achieved, "lead": t.lead, "note": t.note,
    }
    if t.measure:  # optional: written only when set, so packages without it read as before
        out = _after(out, "actual", "measure", dict(t.measure))
    return out


def _after(d: dict, key: str, new_key: str, value) -> dict:
    """`d` with `new_key` placed right after `key` (export keeps the schema's order)."""
    out = {}
    for k, v in d.items():
        out[k] = v
        if k == key:
            out[new_key] = value
    return out


def _task_out(t: Task) -> dict:
    return {
        "code": t.code, "content": t.content, "lead": t.lead, "partners": list(t.partners),
        "targets": list(t.targets), "start": _iso(t.start), "due": _iso(t.due),
        "status": t.status, "completed_on": _iso(t.completed_on), "result": t.result,
    }


def activity_out(a: Activity) -> dict:
    out: dict = {}
    for f in ACTIVITY_FIELDS:  # in the schema's order
        v = getattr(a, f.name)
        v = _iso(v) if f.kind == "date" else list(v) if f.kind == "units" else v
        node = out
        for key in f.json[:-1]:
            node = node.setdefault(key, {})
        node[f.json[-1]] = v
    return out


def _plan_out(repo: Repository, plan: Plan) -> dict:
    pid = repo.plan_id(plan.year, plan.kind)
    acts = repo.activities_of_plan(pid)
    return {
        **plan_header_out(plan),
        "targets": [_target_out(t) for t in sorted(plan.targets, key=lambda t: t.code)],
        "tasks": [_task_out(t) for t in sorted(plan.tasks, key=lambda t: t.code)],
        "activities": [activity_out(a) for a in sorted(acts, key=lambda a: (a.start, a.id))],
    }


def plan_header_out(plan: Plan) -> dict:
    """Everything of a plan but its targets, tasks and activities, as the package writes it."""
    out = {
        "year": plan.year, "kind": plan.kind, "number": plan.number,
        "issued_on": _iso(plan.issued_on), "title": plan.title,
        "legal_bases": list(plan.legal_bases), "purposes": list(plan.purposes),
        "requirements": list(plan.requirements),
        "contents": [{"heading": c.heading, "items": list(c.items)} for c in plan.contents],
        "budget_text": plan.budget_text, "budget_planned_vnd": plan.budget_planned_vnd,
        "action_month_start": plan.action_month_start, "action_month_end": plan.action_month_end,
        "action_month_theme": plan.action_month_theme,
        "deadlines": [{"label": d.label, "due": _iso(d.due), "to": d.to} for d in plan.deadlines],
        "recipients": list(plan.recipients), "signer": signer_to_dict(plan.signer),
    }
    if plan.budget_by_source:  # optional: written only when set
        out = _after(out, "budget_planned_vnd", "budget_by_source", dict(plan.budget_by_source))
    return out


EXCHANGED_PERIODS = ("mid_year", "year", "action_month")


def _report_out(r: ReportText) -> dict:
    return {
        "year": r.year, "period": r.period, "number": r.number, "issued_on": _iso(r.issued_on),
        "situation": r.situation, "strengths": r.strengths, "limitations": r.limitations,
        "causes": r.causes, "directions": r.directions, "recommendations": r.recommendations,
        "recipients": list(r.recipients), "signer": signer_to_dict(r.signer),
    }


def export_package(repo: Repository, year: int | None = None, now: dt.datetime | None = None) -> dict:
    office = repo.office()
    if office is None:
        raise ValidationError(["office: chưa nhập thông tin cơ quan (Cài đặt), chưa xuất được dữ liệu"])
    years = repo.plan_years() if year is None else [year]
    plans = []
    for y in years:
        for kind in ("action_month", "annual"):  # sorted by (year, kind)
            p = repo.plan(y, kind)
            if p:
                plans.append(_plan_out(repo, p))
    now = now or dt.datetime.now().astimezone()
    return {
        "format": "bdg-exchange",
        "version": 1,
        "exported_at": now.isoformat(timespec="seconds"),
        "office": {"name": office.name, "parent_body": office.parent_body,
                   "place_name": office.place_name, "province": office.province,
                   "level": office.level, "code": office.code},
        "units": [{"code": u.code, "name": u.name, "kind": u.kind, "active": u.active}
                  for u in repo.units()],
        "plans": plans,
        # The typed parts of quarterly, 9-month and consolidated reports stay in the database:
        # the package format carries those of the 6-month, year and Action Month reports only.
        "reports": [_report_out(r) for r in repo.report_texts(year) if r.period in EXCHANGED_PERIODS],
    }


def dump_package(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
