import copy
import json
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32" and os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # Qt's offscreen platform on Windows looks for fonts only in PySide6/lib/fonts (which the wheel
    # does not ship) and warns, failing the test that first draws text: give it the program's own.
    os.environ.setdefault("QT_QPA_FONTDIR", str(Path(__file__).resolve().parent.parent / "resources" / "fonts"))

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "quang-thanh-2019.json"
EXPECTED = DATA / "quang-thanh-2019.expected.json"


@pytest.fixture
def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The real main window on a fresh copy of the demo data (2025 and 2026), year 2026."""
    monkeypatch.setenv("BDG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)  # a stray relative file (sqlite3.connect("False")) lands here
    from desktop_app.app import _qt_settings
    from desktop_app.services import Workspace, create_demo_database
    from desktop_app.ui.main_window import MainWindow

    ws = Workspace(create_demo_database(tmp_path))
    win = MainWindow(ws, _qt_settings(tmp_path), year=2026)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for page in list(win.pages.values()):
        page.flush()  # no autosave may fire after the database is closed
    # a failed test may leave edits unsaved: closing must not wait for an answer
    win.settle_unsaved = lambda before: True
    win.close()
    win.deleteLater()
    ws.close()


@pytest.fixture
def workspace(tmp_path):
    from desktop_app.services import Workspace

    ws = Workspace(tmp_path / "test.db")
    yield ws
    ws.close()


@pytest.fixture
def loaded(workspace, example):
    from desktop_app.store.exchange import import_package

    import_package(workspace.repo, copy.deepcopy(example))
    return workspace


def dump_db(db) -> dict:
    """Every row of every data table, for comparing database states."""
    out = {}
    for name in db.table_names():
        if name in ("history", "sqlite_sequence"):  # the record of changes grows with each one
            continue
        out[name] = sorted(map(repr, db.execute(f"select * from [{name}]").fetchall()))
    return out


@pytest.fixture(scope="module")
def loaded_once(tmp_path_factory):
    """One database with the example, shared by many generated cases (each leaves it valid)."""
    from desktop_app.services import Workspace
    from desktop_app.store.exchange import import_package

    ws = Workspace(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    import_package(ws.repo, json.loads(EXAMPLE.read_text(encoding="utf-8")))
    yield ws
    ws.close()


# CI runs the generated cases with a fixed seed, so that a run is repeatable; locally each run
# explores new cases.
from hypothesis import settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hyp_settings.load_profile("ci")
