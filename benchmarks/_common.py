"""Shared set-up for the benchmarks: a database holding a generated year."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def workspace_with(n_activities: int, year: int = 2025):
    from datagen import big_package

    from desktop_app.services import Workspace
    from desktop_app.store.exchange import import_package

    folder = Path(tempfile.mkdtemp(prefix="bdg-bench-"))
    ws = Workspace(folder / "bench.db")
    t = time.perf_counter()
    import_package(ws.repo, big_package(n_activities, year))
    return ws, time.perf_counter() - t


def best_of(fn, n=3) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)
