"""Báo cáo quý I: the quarter's activities (the figures from 1 January stand beside them
in the report's tables); targets at their latest value; tasks as at the quarter's end."""

PERIOD = "quý I năm {year}"
PREVIOUS = None
SCOPE = "all"
TOPICS = {"plan", "activities", "tasks", "targets", "money", "units"}
