"""Báo cáo 6 tháng: the first half-year's activities, targets judged on their mid-year value; no
Action Month (it falls in the second half); compared with the first half of the year before."""

PERIOD = "6 tháng đầu năm {year}"
PREVIOUS = "6 tháng đầu năm {year}"
SCOPE = "all"
TOPICS = {"plan", "activities", "comparison", "tasks", "targets", "money", "money_plan", "units"}
