"""Đặc điểm tình hình: the opening that cites the plan being reported on.

The commune's own circumstances (population, households) are not in the data: the officer adds
them."""

from .render import Line

ENTRIES = (
    Line(("Thực hiện Kế hoạch số {plan_number} {plan_date} về {plan_title}, "
          "{office} báo cáo kết quả thực hiện {period} như sau:",
          "Thực hiện Kế hoạch số {plan_number} về {plan_title}, {office} báo cáo kết quả thực hiện {period} như sau:",
          "Thực hiện Kế hoạch {plan_title}, {office} báo cáo kết quả thực hiện {period} như sau:"),
         topic="plan"),
)
