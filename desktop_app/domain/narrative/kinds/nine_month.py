"""Báo cáo 9 tháng: activities from 1 January to 30 September; targets at their latest value."""

PERIOD = "9 tháng đầu năm {year}"
PREVIOUS = None
SCOPE = "all"
TOPICS = {"plan", "activities", "tasks", "targets", "money", "units"}
