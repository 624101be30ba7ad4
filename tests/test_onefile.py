"""The one-file build's start: the time counted from the double-click, the folders earlier runs
left in the temp folder, the name --version prints."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from desktop_app.onefile import LOCK_NAME, MARKER, remove_stale

ROOT = Path(__file__).resolve().parent.parent


def run_py(code: str, **kw):
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, **kw)


def test_version_names_the_program():
    out = subprocess.run([sys.executable, "-m", "desktop_app", "--version"], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)[1]
    assert out.returncode == 0
    assert out.stdout.strip() == f"Bình đẳng giới {version}"


# The one-file child: frozen, unpacked into a _MEI folder, started by the bootloader (here: a
# Python that waits a second first, as the bootloader does while it unpacks).
CHILD = ("import sys; sys.frozen = True; sys._MEIPASS = {meipass!r}\n"
         "from desktop_app.startclock import process_age_ms; print(round(process_age_ms()))")
PARENT = ("import subprocess, sys, time; time.sleep(1.0)\n"
          "print(subprocess.run([sys.executable, '-c', {child!r}], capture_output=True, text=True).stdout)")


def test_start_time_counts_from_the_bootloader_that_the_user_started(tmp_path):
    mei = str(tmp_path / "_MEI12345")
    out = run_py(PARENT.format(child=CHILD.format(meipass=mei)))
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) >= 1000  # the second the "bootloader" spent before starting the child
    # not the one-file build: its own start
    out = run_py(PARENT.format(child=CHILD.format(meipass=str(tmp_path / "app" / "_internal"))))
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) < 1000


def unpacked(temp: Path, name: str, age_s: float = 3600, marker: bool = True, lock: bool = False) -> Path:
    folder = temp / name
    (folder / MARKER).parent.mkdir(parents=True)
    if marker:
        (folder / MARKER).write_text("QLabel {}", encoding="utf-8")
    (folder / "python312.dll").write_bytes(b"MZ" * 1000)
    if lock:
        (folder / LOCK_NAME).write_bytes(b"")  # a run that took its lock, then lost it with its process
    old = time.time() - age_s
    os.utime(folder, (old, old))
    return folder


HOLDER = ("import sys; from pathlib import Path; from desktop_app.onefile import hold\n"
          "print(hold(Path({folder!r})), flush=True); sys.stdin.read()")


def test_folders_left_by_crashed_runs_are_removed_and_running_ones_kept(tmp_path):
    temp = tmp_path / "Temp"
    own = unpacked(temp, "_MEI100", age_s=0)
    crashed = unpacked(temp, "_MEI200", lock=True)
    running = unpacked(temp, "_MEI300")
    starting = unpacked(temp, "_MEI400", age_s=5)  # still unpacking: no lock yet
    other_program = unpacked(temp, "_MEI500", marker=False)
    (other_program / "other.dll").write_bytes(b"MZ")
    cut_short = temp / "_MEI600"  # a power cut while unpacking: no marker, no lock, names of ours
    cut_short.mkdir()
    (cut_short / "python312.dll").write_bytes(b"MZ")
    os.utime(cut_short, (time.time() - 3600,) * 2)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(folder=str(running))], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert holder.stdout.readline().strip() == "True"
        os.utime(running, (time.time() - 3600,) * 2)  # its lock file made it young again
        # Windows: a folder without a lock is free when it can be renamed; elsewhere it is left
        windows = sys.platform == "win32"
        assert remove_stale(temp, own) == [crashed] + ([cut_short] if windows else [])
        assert own.is_dir() and running.is_dir() and starting.is_dir() and other_program.is_dir()
        assert not crashed.exists() and cut_short.exists() != windows
    finally:
        holder.kill()  # a power cut for the running copy: its folder is now stale too
        holder.wait()
        holder.stdout.close()
        holder.stdin.close()
    assert remove_stale(temp, own) == [running]
    assert sorted(p.name for p in temp.iterdir()) == ["_MEI100", "_MEI400", "_MEI500"] + ([] if windows else ["_MEI600"])


def test_first_window_fits_the_screen_and_later_ones_keep_their_size(qtbot, tmp_path, monkeypatch):
    """The first start on a small screen (the offscreen test screen is 800x600, as a 1366x768
    office screen less its taskbar is too small for 1280x760) fills the work area; after that
    the size the user left is kept."""
    monkeypatch.setenv("BDG_DATA_DIR", str(tmp_path / "data"))
    from desktop_app.app import _qt_settings
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(None, _qt_settings(tmp_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    area = win.screen().availableGeometry()
    assert area.width() < 1300
    assert win.isMaximized()  # the window system sizes it (the offscreen test platform does not)
    win.showNormal()
    win.resize(1000, 700)
    win.close()
    again = MainWindow(None, _qt_settings(tmp_path))
    qtbot.addWidget(again)
    again.show()
    assert not again.isMaximized() and (again.width(), again.height()) == (1000, 700)
