"""Vietnamese for the words Qt itself shows (text field menus, standard buttons, file and print
dialogs), and Vietnamese conventions (month and day names, weeks from Monday) everywhere.

Qt ships no Vietnamese catalogue, so the program carries its own source, resources/i18n/qtbase_vi.ts.
It is compiled to a .qm by the lrelease that PySide6 ships: by build.spec into the executable, by
.ci/setup in a source checkout, and, should a checkout lack a fresh one, here on first use."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from .resources import resource

CATALOGUES = ("qtbase_vi",)
_installed: list = []  # the QTranslators in use (kept alive: Qt holds no reference)


def lrelease() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def compile_catalogues(dest: Path, source: Path | None = None) -> list[Path]:
    """.ts -> .qm for every catalogue, into `dest`; raises CalledProcessError if lrelease refuses."""
    source = source or resource("i18n")
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for name in CATALOGUES:
        qm = dest / f"{name}.qm"
        subprocess.run([str(lrelease()), "-silent", str(source / f"{name}.ts"), "-qm", str(qm)],
                       check=True, capture_output=True)
        out.append(qm)
    return out


def catalogue(name: str) -> Path | None:
    """The compiled catalogue: the bundled one, or one made fresh from the .ts of a checkout."""
    qm, ts = resource("i18n", f"{name}.qm"), resource("i18n", f"{name}.ts")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        return None
    for folder in (qm.parent, Path(tempfile.gettempdir()) / "binh-dang-gioi-i18n"):
        try:
            return compile_catalogues(folder)[CATALOGUES.index(name)]
        except (OSError, subprocess.CalledProcessError):
            continue
    return None


def use_vietnamese(app) -> None:
    """Vietnamese (Vietnam) as the default locale, and Qt's own words in Vietnamese. Idempotent."""
    from PySide6.QtCore import QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    if _installed:
        return
    for name in CATALOGUES:
        path = catalogue(name)
        translator = QTranslator(app)
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)


if __name__ == "__main__":  # python -m desktop_app.i18n: compile beside the .ts (.ci/setup)
    for made in compile_catalogues(resource("i18n")):
        print(made)
