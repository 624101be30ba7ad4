"""Does the splash pay for itself? On a real display (Xvfb), the time from launch until something
is on screen and until the main window is on screen, for the build with the splash and the one
without (BDG_NO_SPLASH=1), watched from outside through the X server. Optionally saves
screenshots of the first splash frame and of the main window.

    xvfb-run -s "-screen 0 1366x768x24" python benchmarks/bench_splash.py --runner wine \\
        build/wine/dist/BinhDangGioi.exe build/wine/dist-nosplash/BinhDangGioi.exe --shots build/shots
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                ("save_under", ctypes.c_int), ("colormaps", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
                ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
                ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
                ("screen", ctypes.c_void_p)]


class X:
    """The viewable top-level windows of the display, through libX11."""

    def __init__(self):
        self.lib = ctypes.CDLL(ctypes.util.find_library("X11"))
        self.lib.XOpenDisplay.restype = ctypes.c_void_p
        self.lib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.lib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                        ctypes.POINTER(ctypes.c_ulong),
                                        ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                                        ctypes.POINTER(ctypes.c_uint)]
        self.lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                                  ctypes.POINTER(XWindowAttributes)]
        self.lib.XFree.argtypes = [ctypes.c_void_p]
        # windows come and go between XQueryTree and XGetWindowAttributes: ignore BadWindow
        self._on_error = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)
        self.lib.XSetErrorHandler(self._on_error)
        self.dpy = self.lib.XOpenDisplay(None)
        if not self.dpy:
            raise SystemExit("bench_splash: no X display (run it under xvfb-run)")
        self.root = self.lib.XDefaultRootWindow(self.dpy)

    def shown(self) -> list[tuple[int, int]]:
        """(width, height) of each viewable top-level window larger than a tool tip."""
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        kids, n = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        if not self.lib.XQueryTree(self.dpy, self.root, ctypes.byref(root), ctypes.byref(parent),
                                   ctypes.byref(kids), ctypes.byref(n)):
            return []
        out = []
        for i in range(n.value):
            attrs = XWindowAttributes()
            if self.lib.XGetWindowAttributes(self.dpy, kids[i], ctypes.byref(attrs)) and attrs.map_state == 2:
                if attrs.width >= 300 and attrs.height >= 150:
                    out.append((attrs.width, attrs.height))
        if kids:
            self.lib.XFree(kids)
        return out


def shot(path: Path) -> None:
    from PIL import ImageGrab

    ImageGrab.grab(xdisplay=os.environ["DISPLAY"]).save(path)


def watch(x: X, cmd: list[str], env: dict, shots: Path | None, tag: str) -> tuple[float, float]:
    """(ms until any window is on screen, ms until the main window is), from launch."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    first = main = None
    while proc.poll() is None and main is None and time.perf_counter() - t0 < 120:
        wins = x.shown()
        now = (time.perf_counter() - t0) * 1000
        if wins and first is None:
            first = now
            if shots and any(w < 800 for w, _ in wins):
                shot(shots / f"{tag}-1-splash.png")
        if any(w >= 800 for w, _ in wins):
            main = now
            if shots:
                time.sleep(0.5)
                shot(shots / f"{tag}-2-window.png")
        time.sleep(0.01)
    proc.wait(timeout=300)  # --self-test closes by itself
    if main is None:
        raise SystemExit(f"bench_splash: no main window from {' '.join(cmd)}")
    return first, main


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("with_splash", type=Path)
    ap.add_argument("without_splash", type=Path)
    ap.add_argument("--runner", default="")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shots", type=Path)
    args = ap.parse_args()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    x = X()
    work = Path(tempfile.mkdtemp(prefix="bdg-bench-splash-"))
    env = {k: v for k, v in os.environ.items() if "QT_QPA_PLATFORM" not in k}
    env["BDG_DATA_DIR"] = str(work / "data")
    runner = args.runner.split()
    db = work / "du-lieu.db"
    subprocess.run(runner + [str(args.with_splash), "import", str(HERE.parent / "resources/demo/demo.json"),
                             "--db", str(db)], env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    results = {"splash": [], "none": []}
    for i in range(args.runs + 1):  # the first round warms the disk cache
        for tag, exe in (("splash", args.with_splash), ("none", args.without_splash)):
            r = watch(x, runner + [str(exe), "--self-test", "--db", str(db)], env, args.shots if i == 1 else None, tag)
            if i:
                results[tag].append(r)
    s_first = statistics.median(r[0] for r in results["splash"])
    s_main = statistics.median(r[1] for r in results["splash"])
    n_main = statistics.median(r[1] for r in results["none"])
    print(f"with the splash: something on screen after {s_first:.0f} ms, the window after {s_main:.0f} ms")
    print(f"without it: the window after {n_main:.0f} ms (median of {args.runs})")
    print(f"the splash costs {s_main - n_main:.0f} ms of the window's time and shows something "
          f"{n_main - s_first:.0f} ms sooner")


if __name__ == "__main__":
    main()
