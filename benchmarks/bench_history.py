"""The change history's cost: 1,000 saves of an activity with and without recording, and an
import of 10,000 activities with and without (the floor is the same work, recording off)."""

from __future__ import annotations

import dataclasses
import time

from _common import workspace_with


def saves(ws, ids, n: int = 1000) -> float:
    acts = [ws.activity(i) for i in ids]
    t = time.perf_counter()
    for k in range(n):
        a = acts[k % len(acts)]
        ws.save_activity(dataclasses.replace(a, participants_total=(a.participants_total or 0) + k + 1), 2025)
    return time.perf_counter() - t


def main():
    from datagen import big_package

    from desktop_app.store import history
    from desktop_app.store.exchange import import_package

    ws, _ = workspace_with(1000)
    ids = [r[0] for r in ws.repo.activity_list_rows(2025)][:200]
    saves(ws, ids, 50)  # warm up
    rounds = []
    for _ in range(3):  # alternate, so that a busy machine weighs on both alike
        with history.quiet(ws.db.conn):
            off = saves(ws, ids)
        on = saves(ws, ids)
        rounds.append((off, on))
    off, on = min(r[0] for r in rounds), min(r[1] for r in rounds)
    print(f"1,000 saves (each its own transaction, synchronous=FULL): without history {off * 1000:.0f} ms "
          f"({off:.2f} ms a save), with history {on * 1000:.0f} ms ({on:.2f} ms a save): "
          f"+{(on / off - 1) * 100:.0f}%")
    print(f"  history rows: {ws.db.execute('select count(*) from history').fetchone()[0]}")
    ws.close()

    pkg = big_package(10_000, 2025)
    for label, quiet in (("without history", True), ("with history (one entry, rows under it)", False)):
        ws, _ = workspace_with(0)
        t = time.perf_counter()
        if quiet:
            with history.quiet(ws.db.conn):
                import_package(ws.repo, pkg)
        else:
            with ws.recorded_package("import", "bench.json") as note:
                note(import_package(ws.repo, pkg))
        print(f"import of 10,000 activities {label}: {time.perf_counter() - t:.2f} s")
        ws.close()


if __name__ == "__main__":
    main()
