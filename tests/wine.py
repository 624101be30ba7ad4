"""Wine stands in for Windows in CI (.ci/windows-wine.sh runs this suite under a Windows Python).
A test that Wine itself cannot run is skipped there only, with Wine's reason."""

import sys


def _under_wine() -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")
    except OSError:
        return False


UNDER_WINE = _under_wine()
