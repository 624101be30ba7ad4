"""Reading and writing domain records. Every change that touches several rows is one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import uuid

import sqlite_utils

from ..domain.activity_fields import ACTIVITY_FIELDS
from ..domain.model import (
    Activity,
    ContentSection,
    Deadline,
    Office,
    Plan,
    ReportText,
    Signer,
    Target,
    Task,
    Unit,
)
from ..domain.text import clean, clean_list
from .errors import StaleRowsError


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _from_column(f, value):
    """An activity field as the database holds it -> as the program uses it."""
    if f.kind == "date":
        return _d(value)
    if f.kind == "units":
        return json.loads(value or "[]")
    if f.kind == "count0":
        return value or 0
    return value


def _to_column(f, value):
    if f.kind == "date":
        return _iso(value)
    if f.kind == "units":
        return _json(list(value))
    if f.kind == "count0":
        return value or 0
    if f.kind == "text":
        return clean(value)
    return value


def signer_to_dict(s: Signer | None) -> dict | None:
    if s is None:
        return None
    return {"authority": s.authority, "on_behalf": s.on_behalf, "title": s.title, "name": s.name}


def signer_from_dict(d: dict | None) -> Signer | None:
    if not d:
        return None
    return Signer(title=d.get("title") or "", name=d.get("name") or "",
                  authority=d.get("authority"), on_behalf=d.get("on_behalf"))


def new_activity_id() -> str:
    return "HD-" + uuid.uuid4().hex[:12].upper()


class Repository:
    """The one way to the data for services, the command line and (through services) the GUI."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # ---- office, settings -------------------------------------------------------------
    def office(self) -> Office | None:
        rows = list(self.db.query("select * from office where id = 1"))
        if not rows:
            return None
        r = rows[0]
        return Office(name=r["name"], place_name=r["place_name"], parent_body=r["parent_body"],
                      province=r["province"], level=r["level"] or "commune", code=r["code"])

    def save_office(self, office: Office) -> None:
        self.db["office"].upsert(
            {"id": 1, "name": clean(office.name), "parent_body": clean(office.parent_body),
             "place_name": clean(office.place_name), "province": clean(office.province),
             "level": office.level or "commune", "code": clean(office.code)},
            pk="id",
        )

    def setting(self, key: str, default: str | None = None) -> str | None:
        rows = list(self.db.query("select value from settings where key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_setting(self, key: str, value: str | None) -> None:
        self.db["settings"].upsert({"key": key, "value": value}, pk="key")

    # ---- units -------------------------------------------------------------------------
    def units(self, active_only: bool = False) -> list[Unit]:
        sql = "select * from units" + (" where active = 1" if active_only else "") + " order by code"
        return [Unit(r["code"], r["name"], r["kind"] or "other", bool(r["active"]))
                for r in self.db.query(sql)]

    def unit_names(self) -> dict[str, str]:
        return {r["code"]: r["name"] for r in self.db.query("select code, name from units")}

    def save_unit(self, unit: Unit) -> None:
        self.db["units"].upsert(
            {"code": unit.code, "name": clean(unit.name), "kind": unit.kind or "other",
             "active": 1 if unit.active else 0},
            pk="code",
        )

    def unit_usage(self, code: str) -> int:
        """How many targets, tasks and activities name the unit (lead, partner or organiser)."""
        q = """
          select (select count(*) from targets where lead = :c)
               + (select count(*) from tasks where lead = :c
                    or exists (select 1 from json_each(tasks.partners) where value = :c))
               + (select count(*) from activities where organizer = :c
                    or exists (select 1 from json_each(activities.partners) where value = :c))
        """
        return self.db.execute(q, {"c": code}).fetchone()[0]

    def delete_unit(self, code: str) -> None:
        self.db["units"].delete(code)

    # ---- plans -------------------------------------------------------------------------
    def plan_years(self) -> list[int]:
        return [r["year"] for r in self.db.query("select distinct year from plans order by year")]

    def plan_id(self, year: int, kind: str) -> int | None:
        row = self.db.execute(
            "select id from plans where year = ? and kind = ?", [year, kind]).fetchone()
        return row[0] if row else None

    def plans_of_year(self, year: int) -> list[Plan]:
        return [p for p in (self.plan(year, "annual"), self.plan(year, "action_month")) if p]

    def plan(self, year: int, kind: str = "annual") -> Plan | None:
        rows = list(self.db.query("select * from plans where year = ? and kind = ?", [year, kind]))
        if not rows:
            return None
        r = rows[0]
        plan = Plan(
            year=r["year"], kind=r["kind"], title=r["title"], number=r["number"],
            issued_on=_d(r["issued_on"]),
            legal_bases=json.loads(r["legal_bases"] or "[]"),
            purposes=json.loads(r["purposes"] or "[]"),
            requirements=json.loads(r["requirements"] or "[]"),
            contents=[ContentSection(c["heading"], c.get("items") or [])
                      for c in json.loads(r["contents"] or "[]")],
            budget_text=r["budget_text"], budget_planned_vnd=r["budget_planned_vnd"],
            budget_by_source=json.loads(r["budget_by_source"] or "{}"),
            action_month_start=r["action_month_start"] or "11-15",
            action_month_end=r["action_month_end"] or "12-15",
            action_month_theme=r["action_month_theme"],
            deadlines=[Deadline(x["label"], _d(x["due"]), x.get("to"))
                       for x in json.loads(r["deadlines"] or "[]")],
            recipients=json.loads(r["recipients"] or "[]"),
            signer=signer_from_dict(json.loads(r["signer"] or "null")),
        )
        plan.targets = self.targets(r["id"])
        plan.tasks = self.tasks(r["id"])
        return plan

    def save_plan_header(self, plan: Plan) -> int:
        """Insert or replace the plan's own parts (not its targets, tasks or activities)."""
        row = {
            "year": plan.year, "kind": plan.kind, "number": clean(plan.number),
            "issued_on": _iso(plan.issued_on), "title": clean(plan.title),
            "legal_bases": _json(clean_list(plan.legal_bases)),
            "purposes": _json(clean_list(plan.purposes)),
            "requirements": _json(clean_list(plan.requirements)),
            "contents": _json([{"heading": clean(c.heading), "items": clean_list(c.items)}
                               for c in plan.contents if clean(c.heading)]),
            "budget_text": clean(plan.budget_text), "budget_planned_vnd": plan.budget_planned_vnd,
            "budget_by_source": _json({k: v for k, v in plan.budget_by_source.items() if v is not None})
            if plan.budget_by_source else None,
            "action_month_start": plan.action_month_start or "11-15",
            "action_month_end": plan.action_month_end or "12-15",
            "action_month_theme": clean(plan.action_month_theme),
            "deadlines": _json([{"label": clean(d.label), "due": _iso(d.due), "to": clean(d.to)}
                                for d in plan.deadlines if clean(d.label) and d.due]),
            "recipients": _json(clean_list(plan.recipients)),
            "signer": _json(signer_to_dict(plan.signer)),
        }
        pid = self.plan_id(plan.year, plan.kind)
        if pid is None:
            return self.db["plans"].insert(row).last_pk
        self.db["plans"].update(pid, row)
        return pid

    def save_plan(self, plan: Plan) -> int:
        """The plan with its targets and tasks, in one transaction."""
        with self.db.atomic():
            pid = self.save_plan_header(plan)
            for t in plan.targets:
                self.save_target(pid, t)
            for t in plan.tasks:
                self.save_task(pid, t)
        return pid

    # ---- targets -----------------------------------------------------------------------
    def targets(self, plan_id: int) -> list[Target]:
        out = []
        for r in self.db.query("select * from targets where plan_id = ? order by code", [plan_id]):
            out.append(Target(
                code=r["code"], text=r["text"], kind=r["kind"], objective=r["objective"],
                unit=r["unit"], comparison=r["comparison"], target=r["target"],
                baseline=r["baseline"], actual_mid_year=r["actual_mid_year"], actual=r["actual"],
                achieved=None if r["achieved"] is None else bool(r["achieved"]),
                lead=r["lead"], note=r["note"], measure=json.loads(r["measure"]) if r["measure"] else None,
            ))
        return out

    def save_target(self, plan_id: int, t: Target) -> None:
        row = {
            "plan_id": plan_id, "code": t.code, "objective": t.objective, "text": clean(t.text),
            "kind": t.kind, "unit": clean(t.unit), "comparison": t.comparison,
            "target": t.target, "baseline": t.baseline, "actual_mid_year": t.actual_mid_year,
            "actual": t.actual, "achieved": None if t.achieved is None else int(t.achieved),
            "lead": t.lead, "note": clean(t.note), "measure": _json(t.measure) if t.measure else None,
        }
        existing = self.db.execute(
            "select id from targets where plan_id = ? and code = ?", [plan_id, t.code]).fetchone()
        if existing:
            self.db["targets"].update(existing[0], row)
        else:
            self.db["targets"].insert(row)

    def delete_target(self, plan_id: int, code: str) -> None:
        with self.db.atomic():
            self.db.execute("delete from targets where plan_id = ? and code = ?", [plan_id, code])

    # ---- tasks -------------------------------------------------------------------------
    def tasks(self, plan_id: int) -> list[Task]:
        return [
            Task(code=r["code"], content=r["content"], lead=r["lead"],
                 partners=json.loads(r["partners"] or "[]"),
                 targets=json.loads(r["targets"] or "[]"), start=_d(r["start"]),
                 due=_d(r["due"]), status=r["status"] or "not_started",
                 completed_on=_d(r["completed_on"]), result=r["result"])
            for r in self.db.query("select * from tasks where plan_id = ? order by code", [plan_id])
        ]

    def save_task(self, plan_id: int, t: Task) -> None:
        row = {
            "plan_id": plan_id, "code": t.code, "content": clean(t.content), "lead": t.lead,
            "partners": _json(list(t.partners)), "targets": _json(list(t.targets)),
            "start": _iso(t.start), "due": _iso(t.due), "status": t.status,
            "completed_on": _iso(t.completed_on), "result": clean(t.result),
        }
        existing = self.db.execute(
            "select id from tasks where plan_id = ? and code = ?", [plan_id, t.code]).fetchone()
        if existing:
            self.db["tasks"].update(existing[0], row)
        else:
            self.db["tasks"].insert(row)

    def unlink_task_from_activities(self, plan_id: int, code: str) -> None:
        self.db.execute("update activities set task = null where plan_id = ? and task = ?", [plan_id, code])

    def delete_task(self, plan_id: int, code: str) -> None:
        with self.db.atomic():
            self.db.execute("delete from tasks where plan_id = ? and code = ?", [plan_id, code])

    # ---- activities --------------------------------------------------------------------
    ACTIVITY_COLUMNS = (
        "id", "title", "type", "start", "end", "location", "organizer", "partners", "task",
        "participants_total", "participants_female", "participants_male",
        "participants_ethnic_minority", "leaflets", "posters_banners", "articles", "broadcasts",
        "outputs_other", "budget_vnd", "budget_source", "notes",
    )

    @staticmethod
    def _activity(r: dict) -> Activity:
        values = {f.name: _from_column(f, r[f.name]) for f in ACTIVITY_FIELDS}
        return Activity(**values, plan_year=r.get("plan_year"), plan_kind=r.get("plan_kind") or "annual")

    def activities_of_year(self, year: int) -> list[Activity]:
        """Every activity held by a plan of `year`, by (start, id)."""
        q = """select a.*, p.year as plan_year, p.kind as plan_kind from activities a
               join plans p on p.id = a.plan_id where p.year = ? order by a.start, a.id"""
        return [self._activity(r) for r in self.db.query(q, [year])]

    def activities_of_plan(self, plan_id: int) -> list[Activity]:
        q = """select a.*, p.year as plan_year, p.kind as plan_kind from activities a
               join plans p on p.id = a.plan_id where a.plan_id = ? order by a.start, a.id"""
        return [self._activity(r) for r in self.db.query(q, [plan_id])]

    def activity(self, activity_id: str) -> Activity | None:
        q = """select a.*, p.year as plan_year, p.kind as plan_kind from activities a
               join plans p on p.id = a.plan_id where a.id = ?"""
        rows = list(self.db.query(q, [activity_id]))
        return self._activity(rows[0]) if rows else None

    def activity_row(self, a: Activity, plan_id: int) -> dict:
        row = {f.name: _to_column(f, getattr(a, f.name)) for f in ACTIVITY_FIELDS}
        row["id"] = a.id or new_activity_id()
        row["plan_id"] = plan_id
        return row

    def save_activity(self, a: Activity, plan_id: int) -> str:
        row = self.activity_row(a, plan_id)
        with self.db.atomic():
            self.db["activities"].upsert(row, pk="id")
        return row["id"]

    # ---- rows as they are, for undoing a deletion ---------------------------------------------
    def snapshot(self, table: str, where: str = "", args=None, ids=None) -> list[dict]:
        if ids is not None:  # in chunks: SQLite limits the number of parameters
            ids = list(ids)
            return [r for i in range(0, len(ids), 500)
                    for r in self.snapshot(table, f"id in ({', '.join('?' * len(ids[i:i + 500]))})",
                                           ids[i:i + 500])]
        return list(self.db.query(f"select * from [{table}] where {where}", args or []))

    def put_back(self, table: str, rows: list[dict]) -> None:
        if rows:
            try:
                self.db[table].upsert_all(rows, pk=self.db[table].pks)
            except sqlite3.IntegrityError as exc:
                raise StaleRowsError(str(exc)) from exc

    def activity_years(self, ids: list[str]) -> dict[str, int]:
        """The plan year of each stored activity among `ids`."""
        out = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows = self.db.execute(
                f"select a.id, p.year from activities a join plans p on p.id = a.plan_id "
                f"where a.id in ({', '.join('?' * len(chunk))})", chunk).fetchall()
            out.update(dict(rows))
        return out

    def change_count(self) -> int:
        """Rows changed through this connection so far: a later write changes it."""
        return self.db.conn.total_changes

    def delete_activity(self, activity_id: str) -> None:
        with self.db.atomic():
            self.db["activities"].delete(activity_id)

    def activity_list_rows(self, year: int | None = None) -> list[tuple]:
        """Flat rows for the activity list (fast: one query, tuples, no objects)."""
        q = """select a.id, a.start, a.title, a.type, a.organizer, a.location,
                      a.participants_total, a.participants_female, a.participants_male,
                      a.budget_vnd, p.year
               from activities a join plans p on p.id = a.plan_id"""
        args: list = []
        if year is not None:
            q += " where p.year = ?"
            args.append(year)
        q += " order by a.start desc, a.id"
        return self.db.execute(q, args).fetchall()

    # ---- reports -----------------------------------------------------------------------
    def report_text(self, year: int, period: str) -> ReportText | None:
        rows = list(self.db.query(
            "select * from reports where year = ? and period = ?", [year, period]))
        if not rows:
            return None
        r = rows[0]
        return ReportText(
            year=r["year"], period=r["period"], number=r["number"],
            issued_on=_d(r["issued_on"]), situation=r["situation"], strengths=r["strengths"],
            limitations=r["limitations"], causes=r["causes"], directions=r["directions"],
            recommendations=r["recommendations"],
            recipients=json.loads(r["recipients"] or "[]"),
            signer=signer_from_dict(json.loads(r["signer"] or "null")),
        )

    def report_texts(self, year: int | None = None) -> list[ReportText]:
        q = "select year, period from reports"
        args = []
        if year is not None:
            q += " where year = ?"
            args.append(year)
        return [self.report_text(r[0], r[1]) for r in self.db.execute(q + " order by year, period", args)]

    def save_report_text(self, r: ReportText) -> None:
        row = {f.name: getattr(r, f.name) for f in dataclasses.fields(r)}
        for key in ("number", "situation", "strengths", "limitations", "causes", "directions",
                    "recommendations"):
            row[key] = clean(row[key])
        row["issued_on"] = _iso(r.issued_on)
        row["recipients"] = _json(clean_list(r.recipients))
        row["signer"] = _json(signer_to_dict(r.signer))
        with self.db.atomic():
            self.db["reports"].upsert(row, pk=("year", "period"))
