"""Every rule of spec/exchange-format.md, through the importer and exporter."""

import copy
import json
import unicodedata

import pytest
from conftest import dump_db

from desktop_app.store.errors import ValidationError
from desktop_app.store.exchange import export_package, import_package


def errors_of(workspace, pkg) -> list[str]:
    before = dump_db(workspace.db)
    with pytest.raises(ValidationError) as info:
        import_package(workspace.repo, pkg)
    assert dump_db(workspace.db) == before, "a refused package must change nothing"
    return info.value.messages


def strip_time(pkg):
    pkg = copy.deepcopy(pkg)
    pkg.pop("exported_at", None)
    return pkg


def test_example_imports_and_round_trips(workspace, example, tmp_path):
    from desktop_app.services import Workspace

    import_package(workspace.repo, example)
    first = export_package(workspace.repo)
    other = Workspace(tmp_path / "empty.db")
    try:
        import_package(other.repo, copy.deepcopy(first))
        second = export_package(other.repo)
    finally:
        other.close()
    assert json.dumps(strip_time(first), ensure_ascii=False) == json.dumps(strip_time(second), ensure_ascii=False)
    assert first["exported_at"][-6] in "+-"  # local time with an offset
    # every key of the schema, in schema order, nulls included
    act = first["plans"][0]["activities"][0]
    assert list(act) == ["id", "title", "type", "start", "end", "location", "organizer", "partners",
                         "task", "participants_total", "participants_female", "participants_male",
                         "participants_ethnic_minority", "outputs", "budget_vnd", "budget_source", "notes"]
    assert list(act["outputs"]) == ["leaflets", "posters_banners", "articles", "broadcasts", "other"]
    assert list(first) == ["format", "version", "exported_at", "office", "units", "plans", "reports"]
    starts = [(a["start"], a["id"]) for a in first["plans"][0]["activities"]]
    assert starts == sorted(starts)
    assert [u["code"] for u in first["units"]] == sorted(u["code"] for u in first["units"])


def test_import_twice_changes_nothing(workspace, example):
    import_package(workspace.repo, copy.deepcopy(example))
    once = dump_db(workspace.db)
    import_package(workspace.repo, copy.deepcopy(example))
    assert dump_db(workspace.db) == once


def test_nfd_is_stored_as_nfc(workspace, example):
    nfd = json.loads(unicodedata.normalize("NFD", json.dumps(example, ensure_ascii=False)))
    assert nfd["office"]["name"] != example["office"]["name"]
    import_package(workspace.repo, nfd)
    assert workspace.repo.office().name == "Ủy ban nhân dân xã Quảng Thành"
    for (title,) in workspace.db.execute("select title from activities"):
        assert unicodedata.is_normalized("NFC", title)
    exported = export_package(workspace.repo)
    assert exported["plans"][0]["title"] == example["plans"][0]["title"]


def test_strings_are_stripped(workspace, example):
    example["units"][0]["name"] = "   Bộ phận LĐTBXH  "
    import_package(workspace.repo, example)
    assert workspace.repo.unit_names()["LDTBXH"] == "Bộ phận LĐTBXH"


def test_several_errors_all_reported_and_nothing_changes(workspace, example):
    import_package(workspace.repo, copy.deepcopy(example))  # the database is not empty
    pkg = copy.deepcopy(example)
    plan = pkg["plans"][0]
    acts = plan["activities"]
    acts[1]["participants_female"] = acts[1]["participants_total"] + 10      # women > total
    acts[2]["organizer"] = "KHONG-CO"                                         # unknown unit
    acts[3].update(start="2020-01-05", end=None)                             # outside the year
    acts[4]["end"] = "2019-01-01"                                             # end before start
    plan["tasks"][1]["code"] = plan["tasks"][0]["code"]                       # duplicate task code
    plan["targets"][1]["comparison"] = ">="                                   # qualitative + comparison
    acts[5]["task"] = "NV99"                                                  # unknown task
    msgs = errors_of(workspace, pkg)
    text = "\n".join(msgs)
    assert f"plans[0].activities[1].participants_female: số nữ tham gia ({acts[1]['participants_female']}) lớn hơn tổng số ({acts[1]['participants_total']})" in msgs
    assert "plans[0].activities[2].organizer:" in text and "KHONG-CO" in text
    assert "plans[0].activities[3].start:" in text
    assert "plans[0].activities[4].end:" in text
    assert "plans[0].tasks[1].code:" in text
    assert "plans[0].targets[1].comparison:" in text
    assert "plans[0].activities[5].task:" in text and "NV99" in text
    assert all(": " in m for m in msgs)


@pytest.mark.parametrize("mutate,path", [
    (lambda p: p["units"].append(dict(p["units"][0])), "units[8].code"),
    (lambda p: p["plans"][0]["tasks"][0].__setitem__("lead", "X"), "plans[0].tasks[0].lead"),
    (lambda p: p["plans"][0]["tasks"][0]["partners"].append("X"), "plans[0].tasks[0].partners[1]"),
    (lambda p: p["plans"][0]["targets"][0].__setitem__("lead", "X"), "plans[0].targets[0].lead"),
    (lambda p: p["plans"][0]["activities"][0]["partners"].append("X"), "plans[0].activities[0].partners[1]"),
    (lambda p: p["plans"][0]["targets"].append(dict(p["plans"][0]["targets"][0])), "plans[0].targets[3].code"),
    (lambda p: p["plans"][0]["tasks"][1]["targets"].append("T9"), "plans[0].tasks[1].targets[1]"),
    (lambda p: p["plans"].append(copy.deepcopy(p["plans"][0]) | {"activities": []}), "plans[1]"),
    (lambda p: p["plans"][0]["activities"][0].__setitem__("participants_male", 10_000), "plans[0].activities[0].participants_male"),
    (lambda p: p["plans"][0]["activities"][1].update(participants_total=100, participants_female=60, participants_male=50), "plans[0].activities[1].participants_male"),
    (lambda p: p["plans"][0]["targets"][0].__setitem__("comparison", None), "plans[0].targets[0].comparison"),
    (lambda p: p["plans"][0]["targets"][0].__setitem__("target", None), "plans[0].targets[0].target"),
    (lambda p: p["plans"][0]["targets"][1].__setitem__("target", 5), "plans[0].targets[1].target"),
    (lambda p: p["plans"][0]["activities"][0].__setitem__("title", "   "), "plans[0].activities[0].title"),
    (lambda p: p["plans"][0]["activities"][0].update(start="2019-02-30", end=None), "plans[0].activities[0].start"),
    (lambda p: p["plans"][0]["activities"][0].__setitem__("start", "05/12/2019"), "plans[0].activities[0].start"),
    (lambda p: p["plans"][0]["activities"][1].__setitem__("id", p["plans"][0]["activities"][0]["id"]), "plans[0].activities[1].id"),
    (lambda p: p["plans"][0]["activities"][0].__setitem__("type", "party"), "plans[0].activities[0].type"),
    (lambda p: p["plans"][0]["activities"][0].__setitem__("participants_total", -1), "plans[0].activities[0].participants_total"),
    (lambda p: p["plans"][0]["activities"][0].__setitem__("colour", "red"), "plans[0].activities[0].colour"),
    (lambda p: p["plans"][0]["activities"][0].pop("title"), "plans[0].activities[0].title"),
    (lambda p: p.__setitem__("format", "other"), "format"),
    (lambda p: p["office"].__setitem__("name", ""), "office.name"),
    (lambda p: p["plans"][0].__setitem__("action_month_start", "02-30"), "plans[0].action_month_start"),
    (lambda p: p["plans"][0]["tasks"][0].__setitem__("due", "2019-13-01"), "plans[0].tasks[0].due"),
    (lambda p: p["units"][0].__setitem__("code", "có dấu"), "units[0].code"),
    (lambda p: p["plans"][0].__setitem__("deadlines", True), "plans[0].deadlines"),  # found by hypothesis
    (lambda p: p["plans"][0]["activities"][0].__setitem__("participants_total", True), "plans[0].activities[0].participants_total"),
    (lambda p: p["plans"][0]["targets"][0].__setitem__("target", "60"), "plans[0].targets[0].target"),
])
def test_each_rule_is_enforced(workspace, example, mutate, path):
    mutate(example)
    msgs = errors_of(workspace, example)
    assert any(m.startswith(path + ":") for m in msgs), msgs


def test_duplicate_reported_at_later_occurrence(workspace, example):
    example["units"].append(dict(example["units"][2]))
    msgs = errors_of(workspace, example)
    assert msgs == ["units[8].code: mã đơn vị 'DTT' bị trùng (đã có ở units[2])"]


def test_merge_keeps_what_the_package_does_not_hold(workspace, example):
    import_package(workspace.repo, copy.deepcopy(example))
    small = copy.deepcopy(example)
    plan = small["plans"][0]
    plan["activities"] = plan["activities"][:1]
    plan["activities"][0]["title"] = "Tên đã sửa"
    plan["targets"] = plan["targets"][:2]
    for t in plan["tasks"]:
        t["targets"] = [c for c in t["targets"] if c in ("T1", "T2")]
    small["reports"] = []
    import_package(workspace.repo, small)
    assert workspace.db["activities"].count == 24
    assert workspace.repo.activity(plan["activities"][0]["id"]).title == "Tên đã sửa"
    assert len(workspace.repo.plan(2019).targets) == 3
    assert workspace.repo.report_text(2019, "year") is not None


def test_activities_without_id_get_one_and_are_added_twice(workspace, example):
    for a in example["plans"][0]["activities"]:
        a.pop("id")
    import_package(workspace.repo, copy.deepcopy(example))
    import_package(workspace.repo, copy.deepcopy(example))
    assert workspace.db["activities"].count == 48
    exported = export_package(workspace.repo)
    assert all(a["id"] for a in exported["plans"][0]["activities"])


def test_export_one_year(workspace, example):
    import_package(workspace.repo, copy.deepcopy(example))
    other = copy.deepcopy(example)
    other["plans"][0]["year"] = 2020
    for a in other["plans"][0]["activities"]:
        a["id"] += "-2020"
        a["start"] = "2020" + a["start"][4:]
        a["end"] = a["end"] and "2020" + a["end"][4:]
    other["reports"] = []
    import_package(workspace.repo, other)
    only = export_package(workspace.repo, year=2019)
    assert [p["year"] for p in only["plans"]] == [2019]
    assert len(only["units"]) == 8
    assert [p["year"] for p in export_package(workspace.repo)["plans"]] == [2019, 2020]


def test_demo_package_is_valid(workspace):
    from desktop_app.services import demo_package_path

    counts = workspace.import_file(demo_package_path())
    assert counts["plans"] == 2 and counts["activities"] >= 250
    years = workspace.years()
    assert len(years) == 2
    f = workspace.figures(years[-1])
    assert 18 <= len(f.target_rows) <= 22
    assert {r.objective for r in f.target_rows} >= {1, 2, 3, 4, 5, 6}
    assert 12 <= len(f.tasks) <= 15
    assert len({t.lead for t in f.tasks} | {p for t in f.tasks for p in t.partners}) >= 10
    assert f.action_month.activities >= 20
