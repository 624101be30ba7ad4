"""Loaded at start-up by the Windows Python that .ci/windows-wine.sh runs the tests with (through
wine_shims.pth in its site-packages), never by the program built for users.

Wine 8's kernel32 has no CopyFile2 (Windows 8 and later have it). Python 3.12's shutil.copy2 calls
it when _winapi offers it, and Wine aborts the whole process ("unimplemented function
KERNEL32.dll.CopyFile2"). Without the attribute shutil copies the bytes and the times itself, as
it does on other systems, so the tests that make backups run under Wine instead of being skipped.
"""

import ctypes
import sys

if sys.platform == "win32":
    try:
        _wine = hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")
    except OSError:
        _wine = False
    if _wine:
        import _winapi

        if hasattr(_winapi, "CopyFile2"):
            del _winapi.CopyFile2
