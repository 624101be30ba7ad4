"""Screenshots of a double-click under Wine: the splash, then the window. Wine's own desktop (with
its taskbar) stands in for Windows' (without a window manager Wine cannot maximize a window).

    WINEPREFIX=build/wine/prefix xvfb-run -s "-screen 0 1366x768x24" \\
        python .ci/wine/start_screenshots.py build/wine/dist/BinhDangGioi.exe docs/screenshots
writes wine-1-splash.png and wine-2-window.png (the program opens its demo data: --demo).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image, ImageGrab


def grab() -> Image.Image:
    return ImageGrab.grab(xdisplay=os.environ["DISPLAY"])


def main() -> None:
    exe, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    quiet = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.Popen(["wine", "explorer", "/desktop=shell,1366x768"], **quiet)
    time.sleep(6)
    empty = grab().convert("RGB").resize((64, 36)).tobytes()
    t0 = time.perf_counter()
    subprocess.Popen(["wine", "start", "/unix", str(exe), "--demo"], **quiet)
    splash = window = None
    while time.perf_counter() - t0 < 15:  # the window is up and drawn well before the end
        ms, im = (time.perf_counter() - t0) * 1000, grab()
        if splash is None and im.convert("RGB").resize((64, 36)).tobytes() != empty:
            splash_ms, splash = ms, im  # the first change on the empty desktop: the splash
        window_ms, window = ms, im
        time.sleep(0.1)
    splash.save(out / "wine-1-splash.png")
    window.save(out / "wine-2-window.png")
    print(f"first change on screen at {splash_ms:.0f} ms; window shot at {window_ms:.0f} ms")
    subprocess.run(["wine", "taskkill", "/IM", exe.name], capture_output=True, stdin=subprocess.DEVNULL)
    time.sleep(3)
    subprocess.run(["wineserver", "-k"])


if __name__ == "__main__":
    main()
