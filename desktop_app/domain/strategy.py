"""The targets of the National Strategy on Gender Equality 2021-2030 (Nghị quyết 28/NQ-CP), which
a commune may adopt as its own: the catalogue is data (resources/strategy/), read here into
entries that can be searched and turned into a plan's target."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .model import OBJECTIVES, Target
from .text import fold


@dataclass(frozen=True)
class StrategyTarget:
    objective: int
    number: int | None  # "Chỉ tiêu N" within its objective; None where the objective has one
    text: str  # as the resolution words it, without the closing full stop
    unit: str
    comparison: str  # ">=" | "<="
    by_2025: float | None  # None: a target of several parts, its value typed by the officer
    by_2030: float | None

    @property
    def label(self) -> str:
        head = OBJECTIVES[self.objective].split(":")[0]
        return f"{head}, chỉ tiêu {self.number}" if self.number else head

    def value_for(self, year: int) -> float | None:
        """The value a plan of `year` aims at: the strategy's milestone of 2025 up to that year,
        of 2030 after it."""
        return self.by_2025 if year <= 2025 else self.by_2030

    def as_target(self, base: Target, year: int) -> Target:
        """`base` (the code, lead and notes the officer chose) with this target's wording,
        objective, unit, comparison and the value for the plan's year."""
        return dataclasses.replace(base, text=self.text, objective=self.objective, kind="numeric", unit=self.unit,
                                   comparison=self.comparison, target=self.value_for(year), measure=None)


def parse_catalogue(data: dict) -> list[StrategyTarget]:
    out = []
    for t in data["targets"]:
        if t["objective"] not in OBJECTIVES or t["comparison"] not in (">=", "<="):
            raise ValueError(f"danh mục chỉ tiêu: mục tiêu hoặc so sánh không hợp lệ ở “{t['text'][:40]}”")
        out.append(StrategyTarget(t["objective"], t.get("number"), t["text"].strip().rstrip("."), t["unit"],
                                  t["comparison"], t.get("by_2025"), t.get("by_2030")))
    return out


def search(entries: list[StrategyTarget], query: str) -> list[StrategyTarget]:
    """Entries where each word typed begins a word of the wording or of the objective's name,
    marks and case ignored ("lao dong nu" finds "lao động nữ"); those found in their own
    wording first."""
    words = fold(query).split()

    def found(text: str) -> bool:
        have = re.findall(r"\w+", fold(text))
        return all(any(h.startswith(w) for h in have) for w in words)

    in_text = [e for e in entries if found(e.text)]
    by_objective = [e for e in entries if e not in in_text and found(f"{OBJECTIVES[e.objective]} {e.text}")]
    return in_text + by_objective
