"""Packages of the offices below, kept as each office's own data, apart from this office's.

Tables (migration 2): `offices` (every office ever received or added by hand), `received`
(which years each office has sent, when, from which file), `received_plans` (a plan's header,
targets and tasks as the package wrote them) and `received_activities` (keyed by office, so
ids of different offices never clash). A package received again from the same office replaces
what that office sent for the years the package holds; its other years stay."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..domain.activity_fields import ACTIVITY_FIELDS
from ..domain.consolidation import KnownOffice, Sent, office_key, same_office
from ..domain.model import Activity, Office, Plan
from ..domain.text import clean
from .errors import ValidationError
from .exchange import check_package, plan_from_dict
from .repository import Repository, new_activity_id

# From the one table of activity fields. The receiving loop below unpacks these keys by position
# (the fast path for 45,000 activities): their order is the table's, which a test checks.
ACTIVITY_COLS = ("office_id", "year", "plan_kind", *(f.name for f in ACTIVITY_FIELDS))
ACTIVITY_KEYS = tuple(f.json[0] for f in ACTIVITY_FIELDS if len(f.json) == 1)
OUTPUT_KEYS = tuple(f.json[1] for f in ACTIVITY_FIELDS if f.json[0] == "outputs")
_NO_OUTPUTS: dict = {}
_INSERT = (f"insert into received_activities ({', '.join(f'[{c}]' for c in ACTIVITY_COLS)}) "
           f"values ({', '.join('?' * len(ACTIVITY_COLS))})")


def _codes_json(codes) -> str:
    """A list of unit codes as JSON. The schema allows only [A-Za-z0-9_.-] in a code (checked
    before this), so nothing needs escaping; json.dumps per activity was a tenth of receiving."""
    if not codes:
        return "[]"
    joined = "".join(codes)
    if joined.isascii() and joined.isprintable() and '"' not in joined and "\\" not in joined:
        return '["' + '","'.join(codes) + '"]'
    return json.dumps(codes, ensure_ascii=False)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _known(r) -> KnownOffice:
    return KnownOffice(id=r[0], name=r[1], code=r[2], province=r[3], level=r[4], added=r[5])


class Consolidation:
    """The receiving office's store of what the offices below sent."""

    def __init__(self, repo: Repository):
        self.repo = repo
        self.db = repo.db

    # ---- offices --------------------------------------------------------------------------
    def offices(self) -> list[KnownOffice]:
        from ..domain.text import sort_key

        rows = self.db.execute(
            "select id, name, code, province, level, added from offices").fetchall()
        return sorted((_known(r) for r in rows), key=lambda o: (sort_key(o.name), o.code or ""))

    def find_office(self, code: str | None, name: str, province: str | None) -> int | None:
        key = office_key(name, province)
        if code:
            row = self.db.execute("select id from offices where code = ?", [code]).fetchone()
            if row:
                return row[0]
            # A stored office without a code is the same when name and province match.
            row = self.db.execute(
                "select id from offices where code is null and match_key = ? order by id", [key]).fetchone()
            return row[0] if row else None
        row = self.db.execute("select id from offices where match_key = ? order by id", [key]).fetchone()
        return row[0] if row else None

    def add_office(self, name: str, code: str | None = None, province: str | None = None,
                   level: str | None = None) -> tuple[int, bool]:
        """An office known by hand (or from a list): (its id, whether it is new)."""
        name, code, province = clean(name), clean(code), clean(province)
        found = self.find_office(code, name, province)
        if found is not None:
            if code:
                self.db.execute("update offices set code = ? where id = ? and code is null", [code, found])
            return found, False
        cur = self.db.execute(
            "insert into offices (code, name, province, level, match_key, added) values (?, ?, ?, ?, ?, 'hand')",
            [code, name, province, level, office_key(name, province)])
        return cur.lastrowid, True

    def delete_office(self, office_id: int) -> None:
        """Forget an office and everything it sent."""
        for table in ("received_activities", "received_plans", "received"):
            self.db.execute(f"delete from {table} where office_id = ?", [office_id])
        self.db.execute("delete from offices where id = ?", [office_id])

    # ---- who has sent -------------------------------------------------------------------------
    def senders(self, year: int) -> list[Sent]:
        rows = self.db.execute(
            """select o.id, o.name, o.code, o.province, o.level, o.added, r.received_at, r.file_name
               from received r join offices o on o.id = r.office_id where r.year = ?""", [year]).fetchall()
        return [Sent(_known(r[:6]), r[6], r[7]) for r in rows]

    def received_years(self) -> list[int]:
        return [r[0] for r in self.db.execute("select distinct year from received order by year")]

    def anything_received(self) -> bool:
        return self.db.execute("select exists(select 1 from offices)").fetchone()[0] == 1

    # ---- what one office sent ---------------------------------------------------------------
    def office_plans(self, office_id: int, year: int) -> list[Plan]:
        rows = self.db.execute(
            "select data from received_plans where office_id = ? and year = ? order by kind",
            [office_id, year]).fetchall()
        return [plan_from_dict(json.loads(r[0])) for r in rows]

    def activities_by_office(self, year: int) -> dict[int, list[Activity]]:
        """Every received activity of `year`, grouped by office (one query)."""
        q = f"""select {', '.join(f'[{c}]' for c in ACTIVITY_COLS)} from received_activities
                where year = ? order by office_id, start, id"""
        cur = self.db.execute(q, [year])
        names = [d[0] for d in cur.description]
        out: dict[int, list[Activity]] = {}
        make = Repository._activity
        for values in cur:
            r = dict(zip(names, values))
            r["plan_year"] = r["year"]
            out.setdefault(r["office_id"], []).append(make(r))
        return out

    # ---- receiving ----------------------------------------------------------------------------
    def receive(self, data, file_name: str, own: Office | None, now: str | None = None) -> dict:
        """Check a package as `import` does and keep it as its office's data. Raises
        ValidationError (nothing changed) with every problem found. The caller holds the
        transaction."""
        data = check_package(data)
        o = data["office"]
        name, code, province = o["name"], clean(o.get("code")), clean(o.get("province"))
        key = office_key(name, province)
        if own is not None and same_office(code, key, clean(own.code), office_key(own.name, own.province)):
            raise ValidationError([
                f"office: gói này là dữ liệu của chính cơ quan này ({name}); chỉ nhận gói của các "
                "cơ quan cấp dưới. Dữ liệu của chính mình thì dùng Nhập gói dữ liệu."])
        plans = data.get("plans") or []
        years = sorted({p["year"] for p in plans} | {r["year"] for r in data.get("reports") or []})
        office_id = self.find_office(code, name, province)
        resent = office_id is not None and bool(years) and self.db.execute(
            f"select exists(select 1 from received where office_id = ? and year in ({','.join('?' * len(years))}))",
            [office_id, *years]).fetchone()[0] == 1

        # Ids must stay unique within what is kept for the office after the replacement.
        if office_id is not None:
            ids = {a["id"]: (pi, ai) for pi, p in enumerate(plans)
                   for ai, a in enumerate(p.get("activities") or []) if a.get("id")}
            if ids:
                kept = self._kept_ids(office_id, years, list(ids))
                if kept:
                    raise ValidationError([
                        f"plans[{ids[i][0]}].activities[{ids[i][1]}].id: mã hoạt động '{i}' đã có trong số liệu "
                        f"năm {y} đã nhận của cơ quan này" for i, y in kept])

        units = [{"code": u["code"], "name": u["name"]} for u in data.get("units") or []]
        record = {"name": name, "code": code, "province": province, "level": o.get("level"),
                  "parent_body": clean(o.get("parent_body")), "place_name": o["place_name"],
                  "match_key": key, "units": json.dumps(units, ensure_ascii=False)}
        if office_id is None:
            office_id = self.db["offices"].insert({**record, "added": "received"}).last_pk
        else:
            if not code:
                record.pop("code")  # a package without a code keeps the code known before
            record["added"] = "received"
            self.db["offices"].update(office_id, record)

        marks = ",".join("?" * len(years))
        if years:
            for table in ("received_activities", "received_plans", "received"):
                self.db.execute(f"delete from {table} where office_id = ? and year in ({marks})",
                                [office_id, *years])
        now = now or _now()
        reports = {}
        for r in data.get("reports") or []:
            reports.setdefault(r["year"], []).append(r)
        self.db.conn.executemany(
            "insert into received (office_id, year, received_at, file_name, reports) values (?, ?, ?, ?, ?)",
            [(office_id, y, now, file_name, json.dumps(reports.get(y, []), ensure_ascii=False)) for y in years])
        count = 0
        rows = []
        plan_rows = []
        for p in plans:
            year, kind = p["year"], p["kind"]
            header = {k: v for k, v in p.items() if k != "activities"}
            plan_rows.append((office_id, year, kind, json.dumps(header, ensure_ascii=False)))
            for a in p.get("activities") or []:
                # C calls only (a field left out reads as null): a province takes 45,000 of these
                values = tuple(map(a.get, ACTIVITY_KEYS))
                out_values = tuple(map((a.get("outputs") or _NO_OUTPUTS).get, OUTPUT_KEYS))
                (aid, title, kind_, start, end, location, organizer, partners, task, total, female, male,
                 ethnic, budget, source, notes) = values
                leaflets, posters, articles, broadcasts, other = out_values
                rows.append((
                    office_id, year, kind, aid or new_activity_id(), title, kind_, start, end, location, organizer,
                    _codes_json(partners), task, total or 0, female,
                    male, ethnic, leaflets or 0, posters or 0, articles or 0, broadcasts or 0, other, budget,
                    source, notes,
                ))
            count += len(p.get("activities") or [])
        self.db.conn.executemany(
            "insert into received_plans (office_id, year, kind, data) values (?, ?, ?, ?)", plan_rows)
        self.db.conn.executemany(_INSERT, rows)
        return {"office": name, "office_id": office_id, "years": years, "activities": count,
                "resent": resent}

    def _kept_ids(self, office_id: int, years: list[int], ids: list[str]) -> list[tuple[str, int]]:
        found = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = (f"select id, year from received_activities where office_id = ? and id in ({','.join('?' * len(chunk))})"
                 + (f" and year not in ({','.join('?' * len(years))})" if years else ""))
            found += self.db.execute(q, [office_id, *chunk, *years]).fetchall()
        return [(r[0], r[1]) for r in found]


def read_office_list(path: str | Path) -> list[tuple[str | None, str, str | None]]:
    """(code, name, province) from an Excel list of offices: a header row with a column "Mã"
    (or "Mã đơn vị hành chính") and a column "Tên" (or "Tên cơ quan", "Tên đơn vị"); an
    optional "Tỉnh" column. Raises ValidationError naming what is wrong, by row."""
    from .activity_sheet import open_workbook

    wb = open_workbook(path)
    try:
        ws = wb.active
        rows = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()

    def k(v):
        return (clean(str(v)) or "").casefold() if v is not None else ""

    head_at, cols = None, {}
    for n, row in enumerate(rows[:20]):
        keys = [k(v) for v in row]
        name_col = next((i for i, v in enumerate(keys) if v.startswith("tên")), None)
        if name_col is not None:
            head_at = n
            cols["name"] = name_col
            cols["code"] = next((i for i, v in enumerate(keys) if v.startswith("mã")), None)
            cols["province"] = next((i for i, v in enumerate(keys) if v.startswith("tỉnh")), None)
            break
    if head_at is None:
        raise ValidationError(["Dòng tiêu đề phải có cột “Tên” (tên cơ quan) và cột “Mã” (mã đơn vị hành chính)."])
    out, errors = [], []
    for n, row in enumerate(rows[head_at + 1:], start=head_at + 2):
        def cell(c, row=row):
            i = cols.get(c)
            v = row[i] if i is not None and i < len(row) else None
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            return clean(str(v)) if v is not None else None
        name, code, province = cell("name"), cell("code"), cell("province")
        if not name and not code:
            continue
        if not name:
            errors.append(f"Dòng {n}, cột “Tên”: không được để trống")
            continue
        if code and not (code.isascii() and code.isdigit() and len(code) <= 10):
            errors.append(f"Dòng {n}, cột “Mã”: “{code}” phải gồm chữ số, tối đa 10 chữ số")
            continue
        out.append((code, name, province))
    if errors:
        raise ValidationError(errors)
    return out
