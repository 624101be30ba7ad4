"""Báo cáo năm: every topic; compared with the year before."""

PERIOD = "năm {year}"
PREVIOUS = "năm {year}"
SCOPE = "all"
TOPICS = {"plan", "activities", "comparison", "action_month", "tasks", "targets", "money", "money_plan",
          "units"}
