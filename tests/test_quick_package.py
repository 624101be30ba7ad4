"""The quick check of a package (store/quick_package.py) may say "valid" only where the thorough
checks say so too, and must then give the same normalised package: it decides what a province
takes from 150 communes, so a package it let through wrongly would be stored unchecked."""

import copy
import json
import os

import pytest
from conftest import EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.store import quick_package as Q
from desktop_app.store.errors import ValidationError
from desktop_app.store.exchange import check_package, check_thoroughly, export_package, import_package

FUZZ = int(os.environ.get("FUZZ_EXAMPLES", "1500" if os.environ.get("CI") else "200"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The example as the program's own export writes it: every activity field present."""
    from desktop_app.services import Workspace

    ws = Workspace(tmp_path_factory.mktemp("quick") / "q.db")
    import_package(ws.repo, json.loads(EXAMPLE.read_text(encoding="utf-8")))
    data = json.loads(json.dumps(export_package(ws.repo)))
    ws.close()
    return data


def thorough(data):
    try:
        return check_thoroughly(copy.deepcopy(data))
    except ValidationError:
        return None


def test_the_programs_own_export_takes_the_column_path(exported):
    plan = exported["plans"][0]
    assert len(plan["activities"]) > 5
    units = {u["code"] for u in exported["units"]}
    tasks = {t["code"] for t in plan["tasks"]}
    assert Q._clean_as_is(plan["activities"], plan["year"], units, tasks, set())
    assert Q.quick_check(exported) == thorough(exported)


def test_a_package_leaving_fields_out_takes_the_column_path_too():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))  # its outputs leave out "other"
    for i, a in enumerate(data["plans"][0]["activities"]):  # and some activities leave out more
        for key in ("id", "end", "location", "partners", "outputs", "budget_source", "notes")[: i % 8]:
            a.pop(key, None)
    plan = data["plans"][0]
    units = {u["code"] for u in data["units"]}
    assert Q._clean_as_is(plan["activities"], plan["year"], units, {t["code"] for t in plan["tasks"]}, set())
    quick = Q.quick_check(data)
    assert quick is not None and quick == thorough(data)


@pytest.mark.parametrize("field, value", [
    ("end", "2019-01-01"),  # before its start
    ("start", "2020-03-01"),  # another year
    ({"start": "2020-03-01", "end": None}, None),
    ({"start": "2018-03-01", "end": "2018-03-02"}, None),
    ("start", "2019-02-30"),  # not on the calendar
    ("organizer", "KHONG-CO"),  # not among the units
    ("task", "KHONG-CO"),
    ("participants_female", 10**9),  # more women than people
    ("participants_total", -1),
    ("participants_total", True),
    ("participants_total", 5.5),
    ("budget_vnd", 10**20),
    ("title", "   "),
    ("title", ""),
    ("type", "party"),
    ("budget_source", "bank"),
    ("notes", "\ud800"),  # a lone surrogate
    ("partners", ["KHONG-CO"]),
    ("outputs", {"leaflets": -1}),
    ("outputs", {"flyers": 1}),
    ("extra", 1),
    ("partners", None),
    ("outputs", None),
    ("outputs", {"leaflets": None}),
    ("participants_total", None),
])
def test_each_broken_field_is_left_to_the_thorough_checks(exported, field, value):
    data = copy.deepcopy(exported)
    data["plans"][0]["activities"][3].update(field if isinstance(field, dict) else {field: value})
    assert Q.quick_check(copy.deepcopy(data)) is None
    with pytest.raises(ValidationError) as exc:
        check_package(data)
    assert any(".activities[3]" in m for m in exc.value.messages)


@pytest.mark.parametrize("field", ["title", "type", "start"])
def test_an_activity_without_a_required_field_is_left_to_the_thorough_checks(exported, field):
    data = copy.deepcopy(exported)
    del data["plans"][0]["activities"][3][field]
    assert Q.quick_check(copy.deepcopy(data)) is None
    with pytest.raises(ValidationError, match=rf"activities\[3\]\.{field}: thiếu trường bắt buộc"):
        check_package(data)


def test_a_repeated_activity_id_is_left_to_the_thorough_checks(exported):
    data = copy.deepcopy(exported)
    acts = data["plans"][0]["activities"]
    acts[4]["id"] = acts[1]["id"]
    assert Q.quick_check(copy.deepcopy(data)) is None
    with pytest.raises(ValidationError, match="bị trùng"):
        check_package(data)


def test_text_to_normalise_comes_out_as_the_thorough_walk_gives_it(exported):
    import unicodedata

    data = copy.deepcopy(exported)
    a = data["plans"][0]["activities"][2]
    a["title"] = "  " + unicodedata.normalize("NFD", "Tọa đàm về bình đẳng giới") + "\u0007 "
    a["outputs"]["other"] = unicodedata.normalize("NFD", " Pa nô ")
    quick = Q.quick_check(copy.deepcopy(data))
    assert quick is not None and quick == thorough(data)
    assert quick["plans"][0]["activities"][2]["title"] == "Tọa đàm về bình đẳng giới"


_FIELDS = sorted(Q._HANDLED) + ["extra"]
_DATES = ["2019-03-08", "2019-12-31", "2019-01-01", "2018-12-31", "2020-01-01", "2019-02-29", "2019-3-8",
          " 2019-03-08", "2019-03-08\n", "١٢٣٤-03-08", 20190308]
_TEXTS = ["x", "", " ", " Hội Phụ nữ ", "e\u0301", "Tọa đàm\u0007", "a\nb", "\u00a0", "\ud800", "Ⅻ", 5, 1.5, True]
_CODES = ["HLHPN", "VHXH", "KHONG", "NV01", "NV1", "T01", " HLHPN", "HLHPN ", "", "a b", "Ｈ", 7]
_COUNTS = [0, 1, 7, 50, 300, 5000, -1, 10**15, 10**16, 2**63, 1.0, 0.5, float("nan"), True, "5"]
# Values near the valid ones for each field (where a quick check is most likely to slip) and,
# now and then, anything at all.
_NEAR = {
    "id": _TEXTS + ["BIG-1", "QT-HD-01"], "title": _TEXTS, "location": _TEXTS, "notes": _TEXTS,
    "type": ["training", "other", "Training", " other", "party", None, 1],
    "start": _DATES, "end": _DATES, "organizer": _CODES, "task": _CODES,
    "partners": [[], ["HLHPN"], ["HLHPN", "VHXH"], ["KHONG"], [" HLHPN"], ["HLHPN", 1], "HLHPN", None, [["HLHPN"]]],
    "participants_total": _COUNTS, "participants_female": _COUNTS, "participants_male": _COUNTS,
    "participants_ethnic_minority": _COUNTS, "budget_vnd": _COUNTS,
    "budget_source": ["state", "mobilized", "mixed", None, "State", "bank", 0],
    "outputs": [{}, {"leaflets": 10}, {"leaflets": -1}, {"other": " Pa nô "}, {"other": 5}, {"flyers": 1},
                {"leaflets": 1, "posters_banners": 2, "articles": 0, "broadcasts": 3, "other": None},
                {"leaflets": 1.0, "posters_banners": 2, "articles": 0, "broadcasts": 3, "other": None}, [], None,
                {"leaflets": None}, {"other": None}, {"articles": True}],
    "extra": [1, None],
}
_ANY = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 300), st.text(max_size=6),
    st.lists(st.sampled_from(["HLHPN", "VHXH", "KHONG", "", 1]), max_size=3),
    st.dictionaries(st.sampled_from(["leaflets", "articles", "other", "flyers"]),
                    st.one_of(st.none(), st.integers(-1, 5), st.just("x")), max_size=3),
)


@st.composite
def broken_activities(draw, base):
    data = copy.deepcopy(base)
    plan = data["plans"][0]
    acts = plan["activities"]
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(acts) - 1))
        field = draw(st.sampled_from(_FIELDS))
        how = draw(st.sampled_from(["set", "set", "drop", "copy"]))
        if how == "drop":
            acts[i].pop(field, None)
        elif how == "copy":  # another activity's value: ids repeat, dates cross
            j = draw(st.integers(0, len(acts) - 1))
            if field in acts[j]:
                acts[i][field] = copy.deepcopy(acts[j][field])
        elif draw(st.integers(0, 4)):
            acts[i][field] = copy.deepcopy(draw(st.sampled_from(_NEAR[field])))
        else:
            acts[i][field] = draw(_ANY)
    return data


# Ten times the usual number of examples: each takes a millisecond, and this check guards what a
# province stores without a second look.
@settings(max_examples=FUZZ * 10, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_quick_check_never_takes_what_the_thorough_checks_refuse(exported, data):
    pkg = data.draw(broken_activities(exported))
    quick = Q.quick_check(copy.deepcopy(pkg))
    if quick is not None:
        assert quick == thorough(pkg)
