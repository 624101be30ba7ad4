"""Hostile input: generated packages and form values are either accepted or refused with
messages; no exception escapes and nothing is half-written. Plus the classic bad files."""

import copy
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, dump_db
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.model import Activity
from desktop_app.domain.numbers import parse_vn_number
from desktop_app.domain.rules import activity_errors, participant_errors
from desktop_app.store.errors import ValidationError
from desktop_app.store.exchange import PackageFileError, import_package, read_package_file

BASE = json.loads(EXAMPLE.read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parent.parent

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
    | st.sampled_from(["", "  ", "2019-02-30", "2019-11-20", "11-15", "LDTBXH", "NV1", "T1", ">=", "<=",
                       "numeric", "qualitative", "training", "Tháng hành động\x00\x07", "ỦY BAN"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths(v, prefix + (i,))


ALL_PATHS = [p for p in paths(BASE) if p]


@st.composite
def mutated_packages(draw):
    pkg = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = pkg
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue
    return pkg


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "1500" if os.environ.get("CI") else "200")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(pkg=mutated_packages())
def test_generated_packages_are_accepted_or_refused_cleanly(loaded_once, pkg):
    ws = loaded_once
    before = dump_db(ws.db)
    try:
        import_package(ws.repo, pkg)
    except ValidationError as exc:
        assert exc.messages and all(isinstance(m, str) and ": " in m for m in exc.messages)
        assert dump_db(ws.db) == before
    else:
        assert ws.db.execute("PRAGMA foreign_key_check").fetchall() == []


@settings(max_examples=2000, deadline=None)
@given(total=st.one_of(st.none(), st.integers(-5, 10**9)), female=st.one_of(st.none(), st.integers(-5, 10**9)),
       male=st.one_of(st.none(), st.integers(-5, 10**9)), ethnic=st.one_of(st.none(), st.integers(-5, 10**9)),
       start=st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
       end=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
       title=st.text(max_size=30))
def test_form_values_never_raise(total, female, male, ethnic, start, end, title):
    errs = participant_errors(total, female, male, ethnic)
    if (total is not None and total >= 0 and female is not None and 0 <= female and male is not None
            and 0 <= male and (ethnic is None or ethnic >= 0)):
        assert ("participants_female" in errs or "participants_male" in errs) == (
            female > total or male > total or female + male > total)
    a = Activity(title=title, type="other", start=start, end=end, participants_total=total or 0,
                 participants_female=female, participants_male=male, participants_ethnic_minority=ethnic)
    errs = activity_errors(a, plan_year=2025)
    assert ("start" in errs) == (start.year != 2025)


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=20))
def test_number_parsing_never_raises_anything_but_value_error(text):
    try:
        v = parse_vn_number(text)
    except ValueError as exc:
        assert "không phải là số" in str(exc)
    else:
        assert v is None or isinstance(v, float)


def test_truncated_json(tmp_path):
    path = tmp_path / "gói bị cắt.json"
    path.write_text(EXAMPLE.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    try:
        read_package_file(path)
    except PackageFileError as exc:
        assert "không phải JSON hợp lệ" in str(exc)
    else:
        raise AssertionError("a truncated file was read")


def test_very_deep_nesting(tmp_path, workspace):
    path = tmp_path / "sâu.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    try:
        workspace.import_file(path)
    except PackageFileError as exc:
        assert "lồng nhau quá sâu" in str(exc) or "JSON" in str(exc)
    else:
        raise AssertionError("deep nesting accepted")
    deep = copy.deepcopy(BASE)
    node = deep["plans"][0]["activities"][0]
    for _ in range(500):
        node["notes"] = {"notes": None}
        node = node["notes"]
    before = dump_db(workspace.db)
    try:
        import_package(workspace.repo, deep)
    except ValidationError:
        pass
    assert dump_db(workspace.db) == before


def test_wrong_types_everywhere(workspace):
    for bad in (None, 42, "text", [], [BASE], {"format": "bdg-exchange"}):
        try:
            import_package(workspace.repo, bad)
        except ValidationError as exc:
            assert exc.messages
        else:
            raise AssertionError(f"accepted {bad!r}")
    assert workspace.db["plans"].count == 0


def test_fifty_megabyte_file_and_control_characters(tmp_path):
    pkg = copy.deepcopy(BASE)
    pkg["plans"][0]["activities"][0]["notes"] = "Ghi chú dài. " * 4_000_000  # ~52 MB
    pkg["plans"][0]["activities"][1]["title"] = "Tuyên\x00 truyền\x07 luật\x1b bình đẳng giới\u0085"
    folder = tmp_path / "Thư mục có dấu và khoảng trắng"
    folder.mkdir()
    path = folder / "Gói dữ liệu 50 MB.json"
    path.write_text(json.dumps(pkg, ensure_ascii=False), encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    db = folder / "Dữ liệu xã.db"
    run = lambda *a: subprocess.run([sys.executable, "-m", "desktop_app", *map(str, a)], cwd=ROOT,  # noqa: E731
                                    capture_output=True, text=True, encoding="utf-8")
    r = run("import", path, "--db", db)
    assert r.returncode == 0, r.stderr
    out = folder / "Báo cáo năm 2019.pdf"
    r = run("report", "--db", db, "--year", 2019, "--kind", "year", "--out", out)
    assert r.returncode == 0, r.stderr
    import pdfcheck

    assert "Tuyên truyền luật bình đẳng giới" in pdfcheck.flat(out)
    r = run("export", "--db", db, "--out", folder / "Xuất lại.json", "--year", 2019)
    assert r.returncode == 0
    exported = json.loads((folder / "Xuất lại.json").read_text(encoding="utf-8"))
    titles = [a["title"] for a in exported["plans"][0]["activities"]]
    assert "Tuyên truyền luật bình đẳng giới" in titles
