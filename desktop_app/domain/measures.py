"""Targets measured from the activities instead of typed: what can be counted, and counting it.

A target with a `measure` takes its value from the year's activities (of one type when given)
unless the officer typed one; the same filter on the activity list gives the same number."""

from __future__ import annotations

import dataclasses
import datetime as dt

from .model import ACTIVITY_TYPES, Activity, Target

# what -> (label in the form, unit the target is written in)
MEASURES: dict[str, tuple[str, str]] = {
    "activities": ("Số hoạt động", "hoạt động"),
    "participants": ("Số lượt người tham gia", "lượt người"),
    "participants_female": ("Số lượt nữ tham gia", "lượt"),
    "female_share": ("Tỷ lệ nữ trong số người tham gia", "%"),
    "leaflets": ("Số tờ rơi phát hành", "tờ"),
    "articles_per_quarter": ("Số tin, bài bình quân mỗi quý", "tin, bài/quý"),
    "broadcasts_per_quarter": ("Số lượt phát thanh bình quân mỗi quý", "lượt/quý"),
}
MID_YEAR = (6, 30)
COMPUTED = "(tự tính)"  # beside a value on screen that was counted, not typed


def measure_words(measure: dict) -> str:
    """'Số hoạt động loại Tập huấn' for the form and the tooltips."""
    label = MEASURES.get(measure.get("what"), (measure.get("what"), ""))[0]
    kind = measure.get("activity_type")
    return label + (f", loại “{ACTIVITY_TYPES.get(kind, kind)}”" if kind else ", mọi loại hoạt động")


def measured_value(measure: dict, activities: list[Activity], year: int, until: dt.date,
                   today: dt.date | None = None) -> float | None:
    """The value of `measure` over the activities of `year` that start on or before `until`.
    Per-quarter figures divide by the quarters begun by then (never more than have passed)."""
    what = measure.get("what")
    kind = measure.get("activity_type")
    acts = [a for a in activities if a.start <= until and (kind is None or a.type == kind)]
    if what == "activities":
        return float(len(acts))
    if what == "participants":
        return float(sum(a.participants_total or 0 for a in acts))
    if what == "participants_female":
        return float(sum(a.participants_female or 0 for a in acts))
    if what == "female_share":
        total = sum(a.participants_total or 0 for a in acts)
        return round(100.0 * sum(a.participants_female or 0 for a in acts) / total, 2) if total else None
    if what == "leaflets":
        return float(sum(a.leaflets or 0 for a in acts))
    if what in ("articles_per_quarter", "broadcasts_per_quarter"):
        end = min(until, today) if today and today.year == year else until
        if today and today.year < year:
            return None
        quarters = (end.month - 1) // 3 + 1
        n = sum((a.articles if what == "articles_per_quarter" else a.broadcasts) or 0 for a in acts)
        return round(n / quarters, 2)
    return None


def with_measured(t: Target, activities: list[Activity], year: int, last: dt.date,
                  today: dt.date | None = None) -> tuple[Target, set[str]]:
    """The target with its measured values filled where none was typed, and which were filled.
    The mid-year value counts to 30 June (or the period's end, if earlier); the year value to
    the period's end, once the period goes past June."""
    if t.kind != "numeric" or not t.measure:
        return t, set()
    mid_end = min(last, dt.date(year, *MID_YEAR))
    filled: dict = {}
    if t.actual_mid_year is None:
        filled["actual_mid_year"] = measured_value(t.measure, activities, year, mid_end, today)
    if t.actual is None and last > mid_end:
        filled["actual"] = measured_value(t.measure, activities, year, last, today)
    filled = {k: v for k, v in filled.items() if v is not None}
    return (dataclasses.replace(t, **filled) if filled else t), set(filled)
