"""Báo cáo Tháng hành động: only the month's activities and money (the report prints no tasks and
no targets); compared with the Action Month of the year before."""

PERIOD = "Tháng hành động năm {year}"
PREVIOUS = "Tháng hành động năm {year}"
SCOPE = "action_month"
TOPICS = {"plan", "activities", "comparison", "money"}
