"""Upgrades: a database made by each released schema version opens in this program, is
brought up to date, and every row survives."""

import sqlite3
from pathlib import Path

import pytest

from desktop_app.services import Workspace
from desktop_app.store.migrations import SCHEMA_VERSION

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema-v*.sql"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_old_database_upgrades_with_every_row(fixture, tmp_path):
    db = tmp_path / "cu.db"
    conn = sqlite3.connect(db)
    conn.executescript(fixture.read_text(encoding="utf-8"))
    old_version = conn.execute("PRAGMA user_version").fetchone()[0]
    counts = {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0]
              for (t,) in conn.execute("select name from sqlite_master where type='table'")}
    conn.close()
    assert old_version <= SCHEMA_VERSION
    ws = Workspace(db)
    try:
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for table, n in counts.items():
            assert ws.db[table].count >= n, table
        assert ws.db.execute("PRAGMA foreign_key_check").fetchall() == []
        f = ws.figures(2019)
        assert f.totals.activities == 24 and f.totals.participants_total == 4730
        assert ws.repo.setting("margin_left") == "32"
    finally:
        ws.close()


def test_a_fixture_of_an_older_version_runs_the_migrations():
    """Without one, the upgrade test above would run no migration at all."""
    versions = []
    for fixture in FIXTURES:
        conn = sqlite3.connect(":memory:")
        conn.executescript(fixture.read_text(encoding="utf-8"))
        versions.append(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.close()
    assert min(versions) < SCHEMA_VERSION


def test_there_is_a_fixture_for_the_current_version():
    assert (Path(__file__).parent / "fixtures" / f"schema-v{SCHEMA_VERSION}.sql").exists()
