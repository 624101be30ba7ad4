import datetime as dt

import pytest

from desktop_app.domain.model import Activity, Plan, Target, Task
from desktop_app.domain.numbers import parse_vn_number
from desktop_app.domain.rules import (
    MET,
    NO_DATA,
    NOT_MET,
    action_month_window,
    activity_errors,
    in_action_month,
    is_overdue,
    participant_errors,
    target_verdict,
)


def numeric(cmp_, target, actual=None, mid=None):
    return Target("T", "x", "numeric", comparison=cmp_, target=target, actual=actual,
                  actual_mid_year=mid)


@pytest.mark.parametrize("cmp_,target,actual,verdict", [
    (">=", 60, 60, MET),            # equality at the boundary is met
    (">=", 60, 59.99, NOT_MET),
    (">=", 60, 75, MET),
    ("<=", 1.7, 1.7, MET),
    ("<=", 1.7, 1.71, NOT_MET),
    ("<=", 30, 12.5, MET),
    (">=", 26.05, parse_vn_number("26,05"), MET),  # a decimal typed the Vietnamese way
    (">=", 26.05, parse_vn_number("26,04"), NOT_MET),
    (">=", 0.1 + 0.2, 0.3, MET),     # binary rounding does not turn equality into a miss
    (">=", 60, None, NO_DATA),
])
def test_numeric_verdicts(cmp_, target, actual, verdict):
    assert target_verdict(numeric(cmp_, target, actual)) == verdict


def test_mid_year_uses_mid_year_value():
    t = numeric(">=", 50, actual=40, mid=55)
    assert target_verdict(t, "mid_year") == MET
    assert target_verdict(t, "year") == NOT_MET
    assert target_verdict(numeric(">=", 50, actual=60), "mid_year") == NO_DATA


def test_qualitative_verdicts():
    q = Target("Q", "x", "qualitative")
    assert target_verdict(q) == NO_DATA
    q.achieved = True
    assert target_verdict(q) == MET
    q.achieved = False
    assert target_verdict(q) == NOT_MET


def test_action_month_window_inclusive():
    plan = Plan(2025, "annual", "KH")
    w = action_month_window(plan)
    assert w == (dt.date(2025, 11, 15), dt.date(2025, 12, 15))
    a = lambda d: Activity("x", "other", d)  # noqa: E731
    assert in_action_month(a(dt.date(2025, 11, 15)), w)
    assert in_action_month(a(dt.date(2025, 12, 15)), w)
    assert not in_action_month(a(dt.date(2025, 11, 14)), w)
    assert not in_action_month(a(dt.date(2025, 12, 16)), w)
    plan.action_month_start, plan.action_month_end = "11-01", "11-30"
    assert action_month_window(plan) == (dt.date(2025, 11, 1), dt.date(2025, 11, 30))


def test_overdue():
    today = dt.date(2025, 7, 1)
    t = Task("NV1", "x", "U", due=dt.date(2025, 6, 30), status="in_progress")
    assert is_overdue(t, today)
    t.status = "done"
    assert not is_overdue(t, today)
    t.status = "cancelled"
    assert not is_overdue(t, today)
    t.status = "not_started"
    t.due = today
    assert not is_overdue(t, today)
    t.due = None
    assert not is_overdue(t, today)


def test_participant_rules():
    assert participant_errors(120, 60, 60) == {}
    assert "participants_female" in participant_errors(120, 130, None)
    assert participant_errors(120, 130, None)["participants_female"] == "số nữ tham gia (130) lớn hơn tổng số (120)"
    assert "participants_male" in participant_errors(120, None, 121)
    assert "participants_male" in participant_errors(120, 70, 60)
    assert participant_errors(120, 120, 0) == {}
    assert "participants_total" in participant_errors(-1, None, None)


def test_activity_errors():
    a = Activity("Tập huấn", "training", dt.date(2025, 3, 1), end=dt.date(2025, 2, 28),
                 participants_total=10, participants_female=11)
    errs = activity_errors(a, plan_year=2024)
    assert set(errs) == {"start", "end", "participants_female"}
    a2 = Activity("   ", "training", dt.date(2025, 3, 1))
    assert "title" in activity_errors(a2, 2025)


def test_deleting_a_target_or_task_leaves_no_dangling_link(loaded):
    from desktop_app.store.exchange import export_package
    from desktop_app.store.package_rules import package_errors

    loaded.delete_target(2019, "T1")
    loaded.delete_task(2019, "NV7")
    plan = loaded.repo.plan(2019)
    assert all("T1" not in t.targets for t in plan.tasks)
    assert not [a for a in loaded.repo.activities_of_year(2019) if a.task == "NV7"]
    assert package_errors(export_package(loaded.repo)) == []  # the export is still a valid package


def test_next_code_follows_the_highest_in_use():
    from desktop_app.domain.rules import next_code

    assert next_code({f"NV{i:02d}" for i in range(1, 14)} | {"NV1.2", "X7"}) == "NV14"
    assert next_code(set()) == "NV01"
    assert next_code({"NV9"}) == "NV10"
    assert next_code({"CT05"}, prefix="CT") == "CT06"


def test_empty_code_says_it_is_missing_and_unit_example_is_a_unit_code():
    from desktop_app.domain.model import Unit
    from desktop_app.domain.rules import code_error, unit_errors

    assert code_error("") == "Chưa nhập mã"
    assert "THON1" in unit_errors(Unit("thôn 1", "Thôn 1"))["code"]


def test_qualitative_result_words():
    from desktop_app.domain.rules import parse_achieved

    assert [parse_achieved(w) for w in ("Đạt", "dat", "X", "Hoàn thành")] == [True] * 4
    assert [parse_achieved(w) for w in ("Không đạt", "khong dat", " chưa  đạt ")] == [False] * 3
    assert parse_achieved("") is None and parse_achieved(None) is None
    with pytest.raises(ValueError, match="Đạt"):
        parse_achieved("có lẽ")
