"""What the one-file build needs at start: its splash closed, and the folders it unpacked into on
earlier runs cleared.

Every start of the one-file build unpacks the program into a _MEIxxxx folder of the temp folder
(about 75 MB) and its bootloader removes the folder when the program ends. After a power cut or a
killed process the folder stays behind; each start of the GUI removes those of earlier runs of
this program. A run marks its own folder as in use by holding a lock on a file in it for as long
as the process lives, so a folder whose lock can be taken belongs to no running copy.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

# A file only this program's unpacked folders hold (build.spec puts it there).
MARKER = Path("desktop_app") / "ui" / "style.qss"
LOCK_NAME = "dang-chay.lock"
# Another copy that is starting may still be unpacking (it takes its lock only once Python runs).
MIN_AGE_S = 60

_held = None  # the open lock file of this run's folder


def own_folder() -> Path | None:
    """This run's unpacked folder, when running as the one-file build."""
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass and Path(meipass).name.startswith("_MEI"):
        return Path(meipass)
    return None


def _lock(fh) -> bool:
    """Takes the lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def hold(folder: Path) -> bool:
    """Marks FOLDER as in use until this process ends."""
    global _held
    try:
        fh = open(folder / LOCK_NAME, "a+b")  # noqa: SIM115 (held open on purpose)
    except OSError:
        return False
    if not _lock(fh):
        fh.close()
        return False
    _held = fh
    return True


def in_use(folder: Path) -> bool:
    """True when a running copy holds FOLDER's lock (or, with no lock file, may be using it)."""
    lock = folder / LOCK_NAME
    if not lock.exists():
        # A copy that has not taken its lock yet, or one of a build without locks: on Windows a
        # folder whose program is running cannot be renamed; elsewhere leave it alone.
        if sys.platform != "win32":
            return True
        probe = folder.with_name(folder.name + "-probe")
        try:
            folder.rename(probe)
            probe.rename(folder)
            return False
        except OSError:
            return True
    try:
        with open(lock, "a+b") as fh:
            return not _lock(fh)  # closing the file releases a lock taken here
    except OSError:
        return True


def _ours(folder: Path, own_names: set[str]) -> bool:
    """A folder this program unpacked: it holds the marker or, cut short while unpacking (a
    power cut at that moment), only names this run's folder holds too."""
    if (folder / MARKER).is_file():
        return True
    names = set(os.listdir(folder)) - {LOCK_NAME}
    return bool(names) and names <= own_names


def stale_folders(temp: Path, own: Path | None = None, now: float | None = None) -> list[Path]:
    """Folders of TEMP that earlier runs of this program unpacked into and no copy uses now."""
    now = time.time() if now is None else now
    found = []
    try:
        candidates = sorted(temp.glob("_MEI*"))
        own_names = set(os.listdir(own)) - {LOCK_NAME} if own is not None else set()
    except OSError:
        return []
    for folder in candidates:
        try:
            if (own is not None and folder == own) or not folder.is_dir() or not _ours(folder, own_names):
                continue
            if now - folder.stat().st_mtime < MIN_AGE_S:
                continue
        except OSError:
            continue
        if not in_use(folder):
            found.append(folder)
    return found


def remove_stale(temp: Path, own: Path | None = None) -> list[Path]:
    """Removes what stale_folders finds; returns the folders that are gone."""
    removed = []
    for folder in stale_folders(temp, own):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def at_start(argv: list[str]) -> None:
    """First thing of every run of the one-file build: hold this run's folder; a command-line
    command closes the splash at once (it shows no window)."""
    own = own_folder()
    if own is None:
        return
    hold(own)
    if {"import", "export", "report", "--version", "-h", "--help"} & set(argv):
        close_splash()


def sweep_after_start() -> list[Path]:
    """Clears stale folders of earlier runs (called once the window is up)."""
    own = own_folder()
    if own is None:
        return []
    return remove_stale(own.parent, own)


def close_splash() -> None:
    """Closes the picture the Windows one-file build shows while it unpacks (build.spec)."""
    if not getattr(sys, "frozen", False) or "_PYI_SPLASH_IPC" not in os.environ:
        return
    try:
        import pyi_splash

        pyi_splash.close()
    except (ImportError, RuntimeError, OSError, ConnectionError):
        pass
