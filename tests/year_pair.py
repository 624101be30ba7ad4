"""The example commune's 2019 package and a 2018 package made from it (fewer activities), for
the reports that put a year beside the previous one."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from conftest import EXAMPLE


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def previous_year(pkg: dict, keep_every: int = 2) -> dict:
    """The same plan one year earlier, with every `keep_every`-th activity (new ids)."""
    old = copy.deepcopy(pkg)
    old["reports"] = []
    for plan in old["plans"]:
        plan["year"] -= 1
        plan["number"] = None
        plan["issued_on"] = None
        plan["deadlines"] = []
        for t in plan["tasks"]:
            for key in ("start", "due", "completed_on"):
                if t.get(key):
                    t[key] = str(int(t[key][:4]) - 1) + t[key][4:]
        acts = []
        for i, a in enumerate(plan["activities"]):
            if i % keep_every:
                continue
            a["id"] = "OLD-" + a["id"]
            for key in ("start", "end"):
                if a.get(key):
                    a[key] = str(int(a[key][:4]) - 1) + a[key][4:]
            if a["start"][5:] == "02-29":
                a["start"] = a["start"][:5] + "02-28"
            acts.append(a)
        plan["activities"] = acts
    return old


def write(pkg: dict, path: Path) -> Path:
    path.write_text(json.dumps(pkg, ensure_ascii=False), encoding="utf-8")
    return path
