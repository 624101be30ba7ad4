"""The narrative draft as domain code: templates as data, sentences only with their figures."""

import datetime as dt
import subprocess
import sys

import pytest

from desktop_app.domain import narrative, summary
from desktop_app.domain.model import Activity, Office, Plan, Target, Task
from desktop_app.domain.narrative.render import Each, fields, templates
from desktop_app.services import DOCUMENT_KINDS, PLAN_DOCUMENTS

OFFICE = Office(name="Ủy ban nhân dân xã Hòa Bình", place_name="Hòa Bình")
UNITS = {"VHXH": "Phòng Văn hóa - Xã hội", "HLHPN": "Hội Liên hiệp Phụ nữ xã", "TYT": "Trạm Y tế xã"}


def entries():
    for part, module in narrative.PARTS.items():
        for entry in module.ENTRIES:
            yield part, entry


def test_every_sentence_names_a_figure_or_a_condition():
    """No sentence empty of content: each template states a fact, or is written only when one holds."""
    for part, entry in entries():
        for t in templates(entry.template):
            if isinstance(entry, Each):
                assert fields(t) or fields(entry.head) or entry.when, (part, t)
            else:
                assert fields(t) or entry.when, (part, t)


def test_directions_and_recommendations_start_from_what_was_not_met():
    for part, entry in entries():
        opening = getattr(entry, "head", "") or templates(entry.template)[0]
        if part == "directions":
            assert opening.startswith("- Tiếp tục"), opening
        if part == "recommendations":
            assert opening.startswith("- Đề nghị"), opening
    assert narrative.causes.ENTRIES == ()  # the officer's to write


def test_every_report_kind_has_its_template_module():
    """A report kind added to DOCUMENT_KINDS (quarterly, nine-month, consolidated) fails here
    until it has its module in domain/narrative/kinds/."""
    topics = {e.topic for _, e in entries()}
    for kind in DOCUMENT_KINDS:
        if kind in PLAN_DOCUMENTS:  # plans have no narrative to draft
            continue
        spec = narrative.kind_spec(kind)
        assert "{year}" in spec.PERIOD and spec.SCOPE in ("all", "action_month")
        assert spec.TOPICS <= topics | {"money_plan"}, spec.TOPICS - topics
    assert not narrative.has_template("plan") and not narrative.has_template("action_month_plan") and not narrative.has_template("no_such_kind")


def test_the_drafting_code_needs_neither_qt_nor_sql():
    code = ("import sys, desktop_app.domain.narrative; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlite3', 'sqlite_utils')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def plan(**kw) -> Plan:
    base = dict(year=2025, kind="annual", title="Thực hiện công tác bình đẳng giới năm 2025", number="12/KH-UBND",
                issued_on=dt.date(2025, 3, 5), budget_planned_vnd=20_000_000)
    base.update(kw)
    return Plan(**base)


def test_a_year_with_no_activity_says_so_and_claims_nothing():
    p = plan(targets=[Target("T1", "Tỷ lệ nữ tham gia cấp ủy", objective=1, unit="%", comparison=">=", target=25,
                             actual=20),
                      Target("T2", "Chỉ tiêu {gõ nhầm} có\nxuống dòng", objective=2)],
             tasks=[Task("NV1", "Tập huấn về giới", "VHXH", due=dt.date(2025, 6, 30))])
    f = summary.compute(2025, [p], [], "year", today=dt.date(2025, 12, 1))
    d = narrative.draft(f, "year", OFFICE, UNITS)
    assert d["limitations"].startswith("Chưa ghi nhận hoạt động nào trong năm 2025.")
    assert "0 hoạt động" not in (d["strengths"] or "") and "0 lượt" not in (d["strengths"] or "")
    assert "- Tỷ lệ nữ tham gia cấp ủy: thực hiện 20%, kế hoạch từ 25% trở lên." in d["limitations"]
    assert "chưa có số liệu để đánh giá: chỉ tiêu {gõ nhầm} có xuống dòng." in d["limitations"]  # typed text as is
    assert "Phòng Văn hóa - Xã hội: nhiệm vụ NV1 - tập huấn về giới (hạn 30/06/2025, chưa thực hiện)" in d["limitations"]
    assert "chưa có hoạt động được ghi nhận trong năm 2025: Phòng Văn hóa - Xã hội." in d["limitations"]
    assert d["situation"] == ("Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2025 về "
                              "thực hiện công tác bình đẳng giới năm 2025, UBND xã Hòa Bình báo cáo kết quả thực hiện "
                              "năm 2025 như sau:")
    assert d["causes"] is None
    assert "Tiếp tục duy trì" not in (d["directions"] or "")  # something was not met


def test_figures_in_vietnamese_forms_and_a_comparison_with_last_year():
    def act(n, total, female, start, budget=0):
        return [Activity(f"Hoạt động {i}", "communication", start, id=f"{start}-{i}", organizer="HLHPN",
                         participants_total=total, participants_female=female, participants_male=total - female,
                         budget_vnd=budget) for i in range(n)]

    p24 = plan(year=2024, title="Công tác bình đẳng giới năm 2024", number=None, issued_on=None)
    p25 = plan(targets=[Target("T1", "Nội dung giới trong hoạt động ngoại khóa.", kind="qualitative", objective=5,
                               achieved=True)],
               tasks=[Task("NV1", "Truyền thông", "HLHPN", status="done")])
    f24 = summary.compute(2024, [p24], act(2, 600, 300, dt.date(2024, 4, 1)), "year", today=dt.date(2024, 12, 1))
    f25 = summary.compute(2025, [p25], act(3, 1500, 900, dt.date(2025, 4, 1), 7_500_000), "year",
                          today=dt.date(2025, 12, 1))
    d = narrative.draft(f25, "year", OFFICE, UNITS, previous=f24, previous_year=2024)
    s = d["strengths"]
    assert ("Trong năm 2025, các cơ quan, đơn vị, đoàn thể trên địa bàn đã tổ chức 3 hoạt động với 4.500 lượt "
            "người tham gia, trong đó nữ 2.700 lượt (60%).") in s
    assert ("So với năm 2024, số hoạt động tăng từ 2 lên 3, số lượt người tham gia tăng từ 1.200 lên 4.500, "
            "tỷ lệ nữ tham gia tăng từ 50% lên 60%.") in s
    assert "- Mục tiêu 5 (Giáo dục và đào tạo): nội dung giới trong hoạt động ngoại khóa." in s
    assert "Tổng kinh phí đã chi trong năm 2025 là 22.500.000 đồng, bằng 112,5% kinh phí dự kiến (20.000.000 đồng)." in s
    assert "vượt kinh phí dự kiến (20.000.000 đồng)" in d["limitations"]
    assert "2.025" not in " ".join(v for v in d.values() if v)
    assert d["directions"] == ("- Tiếp tục duy trì, nhân rộng các hoạt động đã tổ chức trong năm 2025 (3 hoạt động, "
                               "4.500 lượt người tham gia).")
    assert d["recommendations"] is None  # nothing to ask for: no empty "Đề nghị..."


def test_action_month_report_speaks_only_of_the_month():
    p = plan(tasks=[Task("NV1", "Truyền thông", "VHXH", due=dt.date(2025, 1, 31))],
             targets=[Target("T1", "Chỉ tiêu", objective=1, unit="%", comparison=">=", target=50, actual=10)])
    acts = [Activity("Lễ phát động", "launch_event", dt.date(2025, 11, 15), id="a", participants_total=200,
                     participants_female=120, participants_male=80),
            Activity("Tập huấn", "training", dt.date(2025, 5, 2), id="b", participants_total=50,
                     participants_female=20, participants_male=30)]
    f = summary.compute(2025, [p], acts, "action_month", today=dt.date(2025, 12, 20))
    d = narrative.draft(f, "action_month", OFFICE, UNITS)
    assert "đã tổ chức 1 hoạt động với 200 lượt người tham gia, trong đó nữ 120 lượt (60%)" in d["strengths"]
    text = " ".join(v for v in d.values() if v)
    assert "NV1" not in text and "chỉ tiêu" not in text.lower()  # the month's report prints neither


def test_unknown_kind_is_refused_clearly():
    f = summary.compute(2025, [plan()], [], "year")
    with pytest.raises(narrative.NoTemplateError, match="Chưa có mẫu soạn nháp"):
        narrative.draft(f, "quarter_9", OFFICE, UNITS)


def test_quang_thanh_year_draft_matches_its_expected_figures(loaded, expected):
    d = loaded.draft_report_text(2019, "year", today=dt.date(2019, 12, 20))
    assert (f"đã tổ chức {expected['activities']} hoạt động với 4.730 lượt người tham gia, trong đó nữ 2.392 lượt"
            in d["strengths"])
    assert ("- Số tin, bài về bình đẳng giới trên đài truyền thanh xã mỗi quý (số liệu minh họa): thực hiện "
            "2,5 tin, bài/quý, kế hoạch từ 3 tin, bài/quý trở lên.") in d["limitations"]
    assert "Có 2 trong số 3 chỉ tiêu đạt kế hoạch:" in d["strengths"]
    assert "Tháng hành động năm 2019 (từ 15/11/2019 đến 15/12/2019)" in d["strengths"]
    assert "5 hoạt động, thu hút 1.113 lượt người tham gia, trong đó nữ 698 lượt" in d["strengths"]
    # the forms held most (more than once), not every line of table 1 again
    assert ("Các hình thức được tổ chức nhiều nhất là đối thoại, tọa đàm (4 hoạt động); tập huấn (3 hoạt động); "
            "kiểm tra, giám sát (3 hoạt động).") in d["strengths"]
