"""The change history, recorded by the database itself.

Every connection the program opens gets TEMP triggers on the data tables that write each
insert, update and delete into `history` (when, who, which table and record, the row before
and after as JSON). Recording at this level means no write path (a form, an undo, a plan
copied forward, one added next year) can forget it, and it costs one small INSERT inside the
transaction that already writes the row. The triggers are TEMP, made from the tables' columns
at each opening, so they follow every migration and leave the file itself plain: another tool
opening it sees no triggers (and the history is never edited by the program).

Who and what come from a one-row TEMP table of the connection. An import of a package writes
one entry for the package (`package`); the rows it changes are recorded under that entry
(`parent`), so the history lists the package once and every record still has all its versions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import sqlite3

# table -> (SQL of the record's key from a row R, SQL of its human label from R)
TRACKED: dict[str, tuple[str, str]] = {
    "office": ("'1'", "R.name"),
    "units": ("R.code", "R.name"),
    "plans": ("R.year || '/' || R.kind", "R.title"),
    "targets": ("(select year || '/' || kind from main.plans where id = R.plan_id) || '/' || R.code", "R.text"),
    "tasks": ("(select year || '/' || kind from main.plans where id = R.plan_id) || '/' || R.code", "R.content"),
    "activities": ("R.id", "R.title"),
    "reports": ("R.year || '/' || R.period", "R.period"),
    "settings": ("R.key", "R.key"),
}
# Natural key columns: what identifies a record across deletions (ids of targets and tasks
# are row numbers that a deletion and a new row may not share).
NATURAL_KEYS = {
    "office": ("id",), "units": ("code",), "plans": ("year", "kind"), "targets": ("plan_id", "code"),
    "tasks": ("plan_id", "code"), "activities": ("id",), "reports": ("year", "period"), "settings": ("key",),
}
# What is not a change of the data: the plan form's draft kept while typing.
_SKIP = {"settings": "R.key not like 'draft\\_%' escape '\\'"}
PACKAGE = "package"  # the kind of an entry that stands for a whole imported package
# The name the user typed in Settings, read when the change is written (so it is always current).
TYPED_NAME = "(select nullif(trim(value), '') from main.settings where key = 'user_name')"


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment
        return ""


def install(conn: sqlite3.Connection) -> None:
    """Create this connection's context row and recording triggers (again after a restore)."""
    conn.execute("create temp table if not exists history_context "
                 "(id integer primary key check (id = 1), os_user text, "
                 "action text, recording integer not null default 1, batch integer)")
    conn.execute("insert or ignore into temp.history_context (id, os_user) values (1, ?)", [os_user()])
    tables = {r[0] for r in conn.execute("select name from main.sqlite_master where type = 'table'")}
    if "history" not in tables:
        return
    for table, (key, label) in TRACKED.items():
        if table not in tables:
            continue
        cols = [r[1] for r in conn.execute(f"pragma main.table_info([{table}])")]
        for op in ("insert", "update", "delete"):
            conn.execute(f"drop trigger if exists temp.history_{table}_{op}")
            conn.execute(_trigger_sql(table, op, cols, key, label))


def _trigger_sql(table: str, op: str, cols: list[str], key: str, label: str) -> str:
    def obj(row: str) -> str:
        return "json_object(" + ", ".join(f"'{c}', {row}.[{c}]" for c in cols) + ")"

    row = "OLD" if op == "delete" else "NEW"
    before = "NULL" if op == "insert" else obj("OLD")
    after = "NULL" if op == "delete" else obj("NEW")
    when = ["(select recording from temp.history_context) = 1"]
    if op == "update":
        # a save that changes nothing is no change
        when.append("(" + " or ".join(f"OLD.[{c}] is not NEW.[{c}]" for c in cols) + ")")
    if table in _SKIP:
        when.append(_SKIP[table].replace("R.", f"{row}."))
    return f"""
        create temp trigger history_{table}_{op} after {op} on main.[{table}]
        when {' and '.join(when)}
        begin
          insert into history (at, os_user, user_name, action, kind, op, record, label, before, after, parent)
          select strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), os_user, {TYPED_NAME}, action, '{table}',
                 '{op}', {key.replace('R.', row + '.')}, {label.replace('R.', row + '.')}, {before}, {after},
                 batch
          from temp.history_context;
        end"""


def context(conn: sqlite3.Connection) -> dict:
    row = conn.execute(f"select os_user, {TYPED_NAME}, action, recording from temp.history_context").fetchone()
    return {"os_user": row[0], "user_name": row[1], "action": row[2], "recording": row[3]}


@contextlib.contextmanager
def action(conn: sqlite3.Connection, label: str):
    """Entries written meanwhile say what the user did ('Sao chép kế hoạch sang năm sau')."""
    old = context(conn)["action"]
    conn.execute("update temp.history_context set action = ?", [label])
    try:
        yield
    finally:
        conn.execute("update temp.history_context set action = ?", [old])


@contextlib.contextmanager
def quiet(conn: sqlite3.Connection):
    """No row-level entries meanwhile (an import writes one entry for its package)."""
    old = context(conn)["recording"]
    conn.execute("update temp.history_context set recording = 0")
    try:
        yield
    finally:
        conn.execute("update temp.history_context set recording = ?", [old])


@contextlib.contextmanager
def package(conn: sqlite3.Connection, op: str, name: str):
    """One entry for a package (or form) taken in; the rows it changes are recorded under it.
    Yields a dict the caller fills with the package's counts; the entry then gets them, and how
    many records of each kind the package added, changed or deleted. Call inside the import's
    transaction: refused data leaves no entry."""
    counts: dict = {}
    cur = record(conn, PACKAGE, op, name, name)
    conn.execute("update temp.history_context set batch = ?", [cur])
    try:
        yield counts
    finally:
        conn.execute("update temp.history_context set batch = null")
    _pair_replacements(conn, cur)
    changed = {f"{o}:{k}": n for k, o, n in conn.execute(
        "select kind, op, count(*) from main.history where parent = ? group by kind, op", [cur])}
    conn.execute("update main.history set after = ? where id = ?",
                 [json.dumps({**counts, "changed": changed}, ensure_ascii=False), cur])


def _pair_replacements(conn: sqlite3.Connection, parent: int) -> None:
    """A row the importer replaced whole (INSERT OR REPLACE) shows as a delete and an insert:
    make them one update, or nothing when the row came back as it was."""
    rows = conn.execute(
        "select d.id, i.id, d.before, i.after from main.history d join main.history i "
        "on i.parent = d.parent and i.kind = d.kind and i.record = d.record and i.id > d.id "
        "where d.parent = ? and d.op = 'delete' and i.op = 'insert'", [parent]).fetchall()
    for d_id, i_id, before, after in rows:
        conn.execute("delete from main.history where id = ?", [d_id])
        if before == after:
            conn.execute("delete from main.history where id = ?", [i_id])
        else:
            conn.execute("update main.history set op = 'update', before = ? where id = ?", [before, i_id])


def record(conn: sqlite3.Connection, kind: str, op: str, record: str, label: str | None,
           before=None, after=None, action: str | None = None) -> int:
    """One entry written by the program itself (a package imported, a backup restored)."""
    ctx = context(conn)
    return conn.execute(
        "insert into main.history (at, os_user, user_name, action, kind, op, record, label, before, after) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"), ctx["os_user"], ctx["user_name"],
         action or ctx["action"], kind, op, record, label,
         None if before is None else json.dumps(before, ensure_ascii=False),
         None if after is None else json.dumps(after, ensure_ascii=False)]).lastrowid


COLUMNS = ("id", "at", "os_user", "user_name", "action", "kind", "op", "record", "label", "before", "after")


def entries(conn: sqlite3.Connection, limit: int | None = None, since: str | None = None,
            until: str | None = None, person: str | None = None, kind: str | None = None,
            record_key: str | None = None) -> list[dict]:
    """Entries newest first, filtered; `person` matches the OS user or the typed name. The rows
    a package changed are listed under its entry, not here (but among a record's versions)."""
    where, args = ([], []) if record_key is not None else (["parent is null"], [])
    if since:
        where.append("at >= ?")
        args.append(since)
    if until:
        where.append("at < ?")
        args.append(until)
    if person:
        where.append("(os_user = ? or user_name = ?)")
        args += [person, person]
    if kind:
        where.append("kind = ?")
        args.append(kind)
    if record_key is not None:
        where.append("record = ?")
        args.append(record_key)
    sql = f"select {', '.join(COLUMNS)} from main.history"
    if where:
        sql += " where " + " and ".join(where)
    sql += " order by id desc"
    if limit:
        sql += f" limit {int(limit)}"
    return [dict(zip(COLUMNS, r)) for r in conn.execute(sql, args)]


def people(conn: sqlite3.Connection) -> list[str]:
    names = set()
    for os_name, typed in conn.execute("select distinct os_user, user_name from main.history"):
        names.update(n for n in (os_name, typed) if n)
    return sorted(names)


def entry(conn: sqlite3.Connection, entry_id: int) -> dict | None:
    row = conn.execute(f"select {', '.join(COLUMNS)} from main.history where id = ?", [entry_id]).fetchone()
    return dict(zip(COLUMNS, row)) if row else None


def put_row(conn: sqlite3.Connection, table: str, row: dict | None, natural: dict) -> None:
    """Make the record `natural` (its natural key) be `row` (None: not there), through ordinary
    writes, so the triggers record the change like any other."""
    keys = NATURAL_KEYS[table]
    where = " and ".join(f"[{k}] = ?" for k in keys)
    if row is None:
        conn.execute(f"delete from main.[{table}] where {where}", [natural[k] for k in keys])
        return
    cols = list(row)
    exists = conn.execute(f"select 1 from main.[{table}] where {where}", [natural[k] for k in keys]).fetchone()
    if exists:
        settable = [c for c in cols if c not in keys and not (c == "id" and table in ("targets", "tasks"))]
        conn.execute(f"update main.[{table}] set {', '.join(f'[{c}] = ?' for c in settable)} where {where}",
                     [row[c] for c in settable] + [natural[k] for k in keys])
    else:
        if table in ("targets", "tasks"):  # its old row number may have been given to another
            cols = [c for c in cols if c != "id"]
        conn.execute(f"insert into main.[{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                     f"values ({', '.join('?' * len(cols))})", [row[c] for c in cols])
