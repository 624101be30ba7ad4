"""Numbered schema migrations, recorded in PRAGMA user_version; each runs in one transaction."""

from __future__ import annotations

import sqlite_utils


def _m1_initial(db: sqlite_utils.Database) -> None:
    db["office"].create(
        {"id": int, "name": str, "parent_body": str, "place_name": str, "province": str,
         "level": str},
        pk="id",
    )
    db["units"].create(
        {"code": str, "name": str, "kind": str, "active": int}, pk="code",
        not_null={"name"}, defaults={"kind": "other", "active": 1},
    )
    db["plans"].create(
        {"id": int, "year": int, "kind": str, "number": str, "issued_on": str, "title": str,
         "legal_bases": str, "purposes": str, "requirements": str, "contents": str,
         "budget_text": str, "budget_planned_vnd": int, "action_month_start": str,
         "action_month_end": str, "action_month_theme": str, "deadlines": str,
         "recipients": str, "signer": str},
        pk="id", not_null={"year", "kind", "title"},
    )
    db["plans"].create_index(["year", "kind"], unique=True)
    db["targets"].create(
        {"id": int, "plan_id": int, "code": str, "objective": int, "text": str, "kind": str,
         "unit": str, "comparison": str, "target": float, "baseline": float,
         "actual_mid_year": float, "actual": float, "achieved": int, "lead": str, "note": str},
        pk="id", not_null={"plan_id", "code", "text", "kind"},
        foreign_keys=[("plan_id", "plans", "id"), ("lead", "units", "code")],
    )
    db["targets"].create_index(["plan_id", "code"], unique=True)
    # Partner and target lists are small and edited as a whole: JSON arrays of codes.
    db["tasks"].create(
        {"id": int, "plan_id": int, "code": str, "content": str, "lead": str, "partners": str,
         "targets": str, "start": str, "due": str, "status": str, "completed_on": str,
         "result": str},
        pk="id", not_null={"plan_id", "code", "content", "lead"},
        foreign_keys=[("plan_id", "plans", "id"), ("lead", "units", "code")],
        defaults={"status": "not_started", "partners": "[]", "targets": "[]"},
    )
    db["tasks"].create_index(["plan_id", "code"], unique=True)
    db["activities"].create(
        {"id": str, "plan_id": int, "title": str, "type": str, "start": str, "end": str,
         "location": str, "organizer": str, "partners": str, "task": str,
         "participants_total": int, "participants_female": int, "participants_male": int,
         "participants_ethnic_minority": int, "leaflets": int, "posters_banners": int,
         "articles": int, "broadcasts": int, "outputs_other": str, "budget_vnd": int,
         "budget_source": str, "notes": str},
        pk="id", not_null={"plan_id", "title", "type", "start", "participants_total"},
        foreign_keys=[("plan_id", "plans", "id"), ("organizer", "units", "code")],
        defaults={"participants_total": 0, "leaflets": 0, "posters_banners": 0, "articles": 0,
                  "broadcasts": 0, "partners": "[]"},
    )
    db["activities"].create_index(["plan_id", "start"])
    db["activities"].create_index(["start"])
    db["reports"].create(
        {"year": int, "period": str, "number": str, "issued_on": str, "situation": str,
         "strengths": str, "limitations": str, "causes": str, "directions": str,
         "recommendations": str, "recipients": str, "signer": str},
        pk=("year", "period"),
    )
    db["settings"].create({"key": str, "value": str}, pk="key")


def _m2_history(db: sqlite_utils.Database) -> None:
    """The change history (written by the triggers of `store.history`, never edited)."""
    db.execute("""
        create table history (
            id integer primary key autoincrement,
            at text not null,          -- local time, YYYY-MM-DD HH:MM:SS
            os_user text,              -- the operating-system user
            user_name text,            -- the name typed in Settings, if any
            action text,               -- what the user did, when more than one row changed
            kind text not null,        -- the table, or 'package' for an imported package
            op text not null,          -- insert | update | delete | import | form | receive | restore
            record text,               -- which record: its key (HD-..., 2025/annual/T1, ...)
            label text,                -- its name for people (title, text, file name)
            before text,               -- JSON of the row before (null: it did not exist)
            after text,                -- JSON of the row after (null: deleted)
            parent integer references history (id)  -- the package entry a row change belongs to
        )""")
    db.execute("create index history_record on history (kind, record)")
    db.execute("create index history_at on history (at)")


def _m3_money_and_measures(db: sqlite_utils.Database) -> None:
    """A plan's planned money by source; a target measured from the activities (JSON)."""
    db.execute("alter table plans add column budget_by_source text")
    db.execute("alter table targets add column measure text")



def _m4_reporting_chain(db: sqlite_utils.Database) -> None:
    """Issue 13: the office's official code; offices below and what they sent (kept apart from
    this office's own data); units' forms taken in."""
    db["office"].add_column("code", str)
    # Every office ever received or added by hand. `match_key` is name|province folded, the
    # contract's second way of telling offices apart (the code is the first).
    db["offices"].create(
        {"id": int, "code": str, "name": str, "parent_body": str, "place_name": str,
         "province": str, "level": str, "match_key": str, "added": str, "units": str},
        pk="id", not_null={"name", "match_key"}, defaults={"added": "received", "units": "[]"},
    )
    db["offices"].create_index(["code"])
    db["offices"].create_index(["match_key"])
    # One row per (office, year) the office has sent: when, from which file, its typed reports.
    db["received"].create(
        {"office_id": int, "year": int, "received_at": str, "file_name": str, "reports": str},
        pk=("office_id", "year"), foreign_keys=[("office_id", "offices", "id")],
    )
    # A received plan's header, targets and tasks as the package wrote them (read as a whole).
    db["received_plans"].create(
        {"office_id": int, "year": int, "kind": str, "data": str},
        pk=("office_id", "year", "kind"), foreign_keys=[("office_id", "offices", "id")],
    )
    # Received activities: the columns of `activities`, keyed by office (ids never clash
    # between offices), with the plan they came in.
    db.execute("""
        create table received_activities (
            office_id integer not null references offices(id),
            year integer not null, plan_kind text not null, id text not null,
            title text not null, type text not null, start text not null, "end" text,
            location text, organizer text, partners text, task text,
            participants_total integer not null default 0, participants_female integer,
            participants_male integer, participants_ethnic_minority integer,
            leaflets integer default 0, posters_banners integer default 0,
            articles integer default 0, broadcasts integer default 0, outputs_other text,
            budget_vnd integer, budget_source text, notes text,
            primary key (office_id, id)
        ) without rowid""")
    # One b-tree, clustered by office: a province's year (45,000 rows) goes in at the speed of
    # a plain table; a report reads a year by scanning, which is fast at this size.
    # Units that have sent their form for a year, and when.
    db["unit_reports"].create(
        {"year": int, "unit": str, "received_at": str, "file_name": str, "rows": int},
        pk=("year", "unit"),
    )


MIGRATIONS = [_m1_initial, _m2_history, _m3_money_and_measures, _m4_reporting_chain]
SCHEMA_VERSION = len(MIGRATIONS)
