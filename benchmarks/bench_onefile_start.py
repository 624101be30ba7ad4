"""Double-click to window of the one-file build, beside its floor measured in the same run.

The program's --self-test and the floor (a bare PySide6 window built by build.spec with the same
options: BDG_BUILD_FLOOR=1) both print "window shown after N ms", counted from the start of the
process the user launched (the one-file bootloader, which first unpacks everything). Each is
started RUNS times, alternating, and the medians are compared. Also printed: what each unpacks.

    python benchmarks/bench_onefile_start.py dist/BinhDangGioi dist/BareWindow
    python benchmarks/bench_onefile_start.py --runner wine build/wine/dist/BinhDangGioi.exe build/wine/dist/BareWindow.exe
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from onefile_contents import summary  # noqa: E402

GOAL = 1.3  # issue 16: within 1.3 times the bare one-file floor


def shown_ms(cmd: list[str], env: dict) -> tuple[float, float, float]:
    """(the program's own figure, of which unpacking, wall time from launch to the line)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env=env, text=True, encoding="utf-8", errors="replace")
    wall = own = None
    unpack = 0.0
    for line in proc.stdout:
        m = re.search(r"window shown after (\d+) ms", line)
        if m and own is None:
            own, wall = float(m.group(1)), (time.perf_counter() - t) * 1000
        m = re.search(r"bootloader unpacking: (\d+) ms", line)
        if m:
            unpack = float(m.group(1))
    if proc.wait(timeout=600) != 0 or own is None:
        raise SystemExit(f"{cmd[-1] if len(cmd) < 3 else ' '.join(cmd)}: exit {proc.returncode}, no 'window shown' line")
    return own, unpack, wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("program", type=Path)
    ap.add_argument("floor", type=Path)
    ap.add_argument("--runner", default="", help="e.g. wine")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--label", default="")
    args = ap.parse_args()
    runner = args.runner.split()
    # Offscreen: the figure is the program's own start, not the display's. Wine passes QT_*
    # variables on only with a WINE prefix.
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "WINEQT_QPA_PLATFORM": "offscreen"}
    work = Path(tempfile.mkdtemp(prefix="bdg-bench-onefile-"))
    env["BDG_DATA_DIR"] = str(work / "data")
    db = work / "du-lieu.db"  # the usual start: the user's data already there
    demo = HERE.parent / "resources" / "demo" / "demo.json"
    subprocess.run(runner + [str(args.program), "import", str(demo), "--db", str(db)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    app_cmd = runner + [str(args.program), "--self-test", "--db", str(db)]
    floor_cmd = runner + [str(args.floor)]
    shown_ms(floor_cmd, env)  # warm the disk cache for both
    shown_ms(app_cmd, env)
    prog, bare = [], []
    for _ in range(args.runs):
        bare.append(shown_ms(floor_cmd, env))
        prog.append(shown_ms(app_cmd, env))
    p_files, p_bytes = summary(args.program)
    f_files, f_bytes = summary(args.floor)
    p_own, b_own = statistics.median(x[0] for x in prog), statistics.median(x[0] for x in bare)
    p_unp, b_unp = statistics.median(x[1] for x in prog), statistics.median(x[1] for x in bare)
    p_wall, b_wall = statistics.median(x[2] for x in prog), statistics.median(x[2] for x in bare)
    label = f"{args.label}: " if args.label else ""
    print(f"{label}unpacked: program {p_bytes / 1e6:.1f} MB in {p_files} files; floor (bare PySide6 window) "
          f"{f_bytes / 1e6:.1f} MB in {f_files} files")
    print(f"{label}double-click to window (median of {args.runs}): program {p_own:.0f} ms; floor {b_own:.0f} ms; "
          f"ratio {p_own / b_own:.2f} (goal <= {GOAL})")
    print(f"{label}  of which unpacking: program {p_unp:.0f} ms; floor {b_unp:.0f} ms. Launch to the line, "
          f"as the caller sees it: program {p_wall:.0f} ms; floor {b_wall:.0f} ms")


if __name__ == "__main__":
    main()
