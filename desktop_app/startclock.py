"""How long the user has waited: milliseconds since the program was started. Imports nothing of
the program, so that the bare-window floor of the start-up benchmark can use it too."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_IMPORTED_AT = time.monotonic()


def _launched_by_onefile_bootloader() -> bool:
    """A one-file build runs in a child of the process the user started: PyInstaller's
    bootloader, which unpacks into a _MEI folder first (that wait is part of the start)."""
    meipass = getattr(sys, "_MEIPASS", None)
    return bool(getattr(sys, "frozen", False) and meipass and Path(meipass).name.startswith("_MEI"))


def _linux_start_s(pid: str) -> float:
    """Seconds since boot at which the process started (/proc/PID/stat field 22)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        stat = fh.read()
    return int(stat[stat.rindex(")") + 2:].split()[19]) / os.sysconf("SC_CLK_TCK")


def _linux_ages_ms() -> tuple[float, float]:
    with open("/proc/uptime", encoding="ascii") as fh:
        uptime = float(fh.read().split()[0])
    started = launched = _linux_start_s("self")
    if _launched_by_onefile_bootloader():
        parent = str(os.getppid())
        if os.path.samefile(f"/proc/{parent}/exe", "/proc/self/exe"):
            launched = min(started, _linux_start_s(parent))
    return (uptime - launched) * 1000, (uptime - started) * 1000


def _windows_ages_ms() -> tuple[float, float]:
    import ctypes
    from ctypes import wintypes

    k32 = ctypes.WinDLL("kernel32", use_last_error=True)
    # A HANDLE is 64 bits: without these declarations ctypes passes a 32-bit int.
    k32.GetCurrentProcess.restype = wintypes.HANDLE
    k32.OpenProcess.restype = wintypes.HANDLE
    k32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    k32.CloseHandle.argtypes = [wintypes.HANDLE]
    k32.GetProcessTimes.argtypes = [wintypes.HANDLE] + [ctypes.POINTER(wintypes.FILETIME)] * 4
    k32.GetProcessTimes.restype = wintypes.BOOL
    k32.QueryFullProcessImageNameW.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.LPWSTR,
                                               ctypes.POINTER(wintypes.DWORD)]

    def created(handle) -> int:
        ft = [wintypes.FILETIME() for _ in range(4)]
        if not k32.GetProcessTimes(handle, *[ctypes.byref(f) for f in ft]):
            raise OSError("GetProcessTimes")
        return (ft[0].dwHighDateTime << 32) | ft[0].dwLowDateTime

    started = launched = created(k32.GetCurrentProcess())
    if _launched_by_onefile_bootloader():
        parent = _windows_parent_pid()
        handle = k32.OpenProcess(0x1000, False, parent)  # PROCESS_QUERY_LIMITED_INFORMATION
        if handle:
            try:
                buf, size = ctypes.create_unicode_buffer(32768), wintypes.DWORD(32768)
                if (k32.QueryFullProcessImageNameW(handle, 0, buf, ctypes.byref(size))
                        and os.path.samefile(buf.value, sys.executable)):
                    launched = min(started, created(handle))
            finally:
                k32.CloseHandle(handle)
    now = wintypes.FILETIME()
    k32.GetSystemTimeAsFileTime(ctypes.byref(now))
    now_v = (now.dwHighDateTime << 32) | now.dwLowDateTime
    return (now_v - launched) / 10_000, (now_v - started) / 10_000


def _windows_parent_pid() -> int:
    """The parent's process id (PROCESS_BASIC_INFORMATION.InheritedFromUniqueProcessId)."""
    import ctypes

    info = (ctypes.c_size_t * 6)()  # six pointer-sized fields; the parent's id is the last
    ntdll = ctypes.WinDLL("ntdll")
    ntdll.NtQueryInformationProcess.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                                                ctypes.c_ulong, ctypes.c_void_p]
    status = ntdll.NtQueryInformationProcess(ctypes.c_void_p(-1), 0, info, ctypes.sizeof(info), None)
    if status != 0:
        raise OSError(f"NtQueryInformationProcess: {status:#x}")
    return int(info[5])


def process_ages_ms() -> tuple[float, float]:
    """(since the user started the program, since this process started), in milliseconds. They
    differ in the one-file build: the user started the bootloader, which unpacked everything and
    then started this process."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_ages_ms()
        if sys.platform == "win32":
            return _windows_ages_ms()
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    age = (time.monotonic() - _IMPORTED_AT) * 1000
    return age, age


def process_age_ms() -> float:
    """Milliseconds since the user started the program (the double-click)."""
    return process_ages_ms()[0]
