"""A province's year: 150 commune packages x 300 activities (45,000 activities), one file each.

Times `receive` of all of them in one command (the real command line, in a subprocess, so the
program's start is counted) against the floor of reading the same files with `json.load` and
inserting their activities with one `executemany` into a plain table, in the same run; then the
consolidated year report (PDF). Prints both ratios (aims: receive <= 4x the floor, summary < 3 s).

    python benchmarks/bench_consolidation.py [--communes 150] [--activities 300]
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

YEAR = 2025


def write_packages(folder: Path, communes: int, activities: int, sparse: bool = False) -> list[Path]:
    """`sparse`: as another tool or a hand would write them, every empty field left out (the
    example package's way), rather than as the program exports them (every field, null or not)."""
    from datagen import big_package

    base = big_package(activities, YEAR)
    if sparse:
        for plan in base["plans"]:
            plan["activities"] = [{k: ({x: y for x, y in v.items() if y is not None} if k == "outputs" else v)
                                   for k, v in a.items() if v is not None} for a in plan["activities"]]
    paths = []
    for i in range(communes):
        p = copy.deepcopy(base)
        p["office"] = {**p["office"], "name": f"Ủy ban nhân dân xã Thử Nghiệm {i + 1:03d}",
                       "place_name": f"Thử Nghiệm {i + 1:03d}", "code": str(20000 + i)}
        p["exported_at"] = "2026-01-10T09:00:00+07:00"
        path = folder / f"xa-{i + 1:03d}.json"
        path.write_text(json.dumps(p, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def floor_seconds(paths: list[Path], db_path: Path) -> float:
    """json.load of every file, then one executemany of all their activities."""
    t = time.perf_counter()
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            data = json.load(fh)
        for plan in data["plans"]:
            for a in plan["activities"]:
                rows.append((a["id"], a["title"], a["type"], a["start"], a.get("end"), a.get("organizer"),
                             a["participants_total"], a.get("participants_female"), a.get("participants_male"),
                             a.get("budget_vnd"), a.get("budget_source")))
    conn = sqlite3.connect(db_path)
    conn.execute("create table a (id, title, type, start, end, organizer, total, female, male, budget, source)")
    with conn:
        conn.executemany("insert into a values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    return time.perf_counter() - t


def run(*args, module: bool = True) -> float:
    t = time.perf_counter()
    done = subprocess.run([sys.executable, *(["-m", "desktop_app"] if module else []), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=150)
    ap.add_argument("--activities", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bdg-bench-chain-"))
    paths = write_packages(tmp, a.communes, a.activities)
    province = {"format": "bdg-exchange", "version": 1,
                "office": {"name": "Sở Nội vụ", "parent_body": "Ủy ban nhân dân tỉnh Thanh Hóa",
                           "place_name": "Thanh Hóa", "province": "Thanh Hóa", "level": "province", "code": "38"},
                "units": [], "plans": []}
    (tmp / "so-noi-vu.json").write_text(json.dumps(province, ensure_ascii=False), encoding="utf-8")
    base = tmp / "tinh-trong.db"
    run("import", tmp / "so-noi-vu.json", "--db", base)

    # Floor and receive in turns, each receive into a fresh copy of the province's database: on
    # a shared machine the load changes from second to second, so the best of each is compared.
    def rounds(files, tag):
        floors, receives = [], []
        for i in range(a.rounds):
            floors.append(floor_seconds(files, tmp / f"{tag}floor{i}.db"))
            db = tmp / f"{tag}tinh{i}.db"
            shutil.copy(base, db)
            receives.append(run("receive", *files, "--db", db))
        return floors, receives, db

    floors, receives, db = rounds(paths, "")
    floor, t_receive = min(floors), min(receives)
    sparse_dir = tmp / "sparse"
    sparse_dir.mkdir()
    sparse = write_packages(sparse_dir, a.communes, a.activities, sparse=True)
    sparse_floors, sparse_receives, _ = rounds(sparse, "s")
    t_start = run("-c", "import desktop_app.services", module=False)
    t_summary = min(run("report", "--db", db, "--year", YEAR, "--kind", "summary", "--out", tmp / "tong-hop.pdf")
                    for _ in range(2))
    t_xlsx = run("report", "--db", db, "--year", YEAR, "--kind", "summary", "--out", tmp / "tong-hop.xlsx")
    n = a.communes * a.activities
    print(f"{a.communes} packages x {a.activities} activities = {n:,} activities")
    print(f"floor (json.load + one executemany): best {floor:.2f} s of " + ", ".join(f"{x:.2f}" for x in floors))
    print(f"receive, one command: best {t_receive:.2f} s of " + ", ".join(f"{x:.2f}" for x in receives)
          + f"  -> {t_receive / floor:.1f} x the floor (aim <= 4); the program's start (imports) {t_start:.2f} s")
    print(f"receive, packages with empty fields left out: best {min(sparse_receives):.2f} s against a floor of "
          f"{min(sparse_floors):.2f} s -> {min(sparse_receives) / min(sparse_floors):.1f} x (aim <= 4)")
    print(f"summary report PDF: {t_summary:.2f} s  -> {t_summary / 3:.2f} of the 3 s aim; Excel copy {t_xlsx:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
