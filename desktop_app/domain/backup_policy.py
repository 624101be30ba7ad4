"""Which backups to keep: all of today's and yesterday's, then one a day for 14 days, one a
week for 8 weeks, one a month for 12 months (the newest of each period)."""

from __future__ import annotations

import datetime as dt


def backups_to_keep(stamps: list[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    keep: set[dt.datetime] = set()
    seen_day, seen_week, seen_month = set(), set(), set()
    today = now.date()
    for s in sorted(stamps, reverse=True):  # newest first: the newest of each period stays
        age = (today - s.date()).days
        if age <= 1:
            keep.add(s)
        elif age <= 14:
            if s.date() not in seen_day:
                seen_day.add(s.date())
                keep.add(s)
        elif age <= 14 + 8 * 7:
            week = s.isocalendar()[:2]
            if week not in seen_week:
                seen_week.add(week)
                keep.add(s)
        elif age <= 366:
            month = (s.year, s.month)
            if month not in seen_month:
                seen_month.add(month)
                keep.add(s)
    return keep
