import datetime as dt

from desktop_app.domain.model import ACTIVITY_TYPES


def test_example_year_figures_match_expected(loaded, expected):
    f = loaded.figures(2019, "year", today=dt.date(2020, 1, 15))
    assert f.totals.activities == expected["activities"]
    assert f.totals.participants_total == expected["participants_total"]
    assert f.totals.participants_female == expected["participants_female"]
    assert f.totals.participants_male == expected["participants_male"]
    assert f.totals.budget_vnd == expected["budget_vnd"]
    am = expected["action_month"]
    assert f.action_month.activities == am["activities"]
    assert f.action_month.participants_total == am["participants_total"]
    assert f.action_month.participants_female == am["participants_female"]
    for typ, n in expected["by_type"].items():
        assert f.by_type[typ].activities == n, typ
    assert set(f.by_type) == set(ACTIVITY_TYPES)
    verdicts = {r.target.code: r.verdict for r in f.target_rows}
    assert verdicts == expected["targets"]
    assert sum(f.money_by_source.values()) == expected["budget_vnd"]


def test_mid_year_counts_until_30_june(loaded):
    f = loaded.figures(2019, "mid_year")
    assert all(a.start <= dt.date(2019, 6, 30) for a in f.activities)
    year = loaded.figures(2019, "year")
    assert 0 < f.totals.activities < year.totals.activities
    # T1: mid-year 60 against 100 -> not met; T3: mid-year 2 against 3 -> not met
    verdicts = {r.target.code: r.verdict for r in f.target_rows}
    assert verdicts["T1"] == "Không đạt"


def test_overdue_tasks_named(loaded):
    f = loaded.figures(2019, "year", today=dt.date(2020, 1, 15))
    codes = {t.code for t in f.overdue}
    assert "NV3" in codes and "NV5" in codes
    assert "NV1" not in codes


def test_activity_held_by_both_plans_counted_once(loaded, example):
    """The year counts each activity once by id, whichever plan (annual or Action Month) holds
    it. The database cannot hold one id twice, so the rule is checked where it lives: on the
    activity lists as both plans give them."""
    import dataclasses

    from desktop_app.domain import summary

    plans = loaded.repo.plans_of_year(2019)
    acts = loaded.repo.activities_of_year(2019)
    am = next(a for a in acts if a.start >= dt.date(2019, 11, 15))
    twice = acts + [dataclasses.replace(am, plan_kind="action_month")]  # as a second plan lists it
    once = summary.compute(2019, plans, acts, "year")
    both = summary.compute(2019, plans, twice, "year")
    assert both.totals.activities == once.totals.activities == 24
    assert both.totals.participants_total == once.totals.participants_total == 4730
    assert both.action_month.activities == once.action_month.activities


def test_edited_activity_stays_in_the_plan_that_holds_it(loaded, example):
    from desktop_app.store.exchange import import_package

    pkg = dict(example)
    pkg["plans"] = [{"year": 2019, "kind": "action_month", "title": "Tháng hành động 2019",
                     "activities": [{"id": "AM-1", "title": "Mít tinh", "type": "launch_event",
                                     "start": "2019-11-20", "participants_total": 100}]}]
    import_package(loaded.repo, pkg)
    a = loaded.repo.activity("AM-1")
    a.title = "Mít tinh hưởng ứng Tháng hành động"
    loaded.save_activity(a, 2019)
    again = loaded.repo.activity("AM-1")
    assert again.plan_kind == "action_month" and again.title == "Mít tinh hưởng ứng Tháng hành động"
