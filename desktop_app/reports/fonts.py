"""Fonts: Times New Roman when the PC has it (Windows), else the bundled Liberation Serif,
which has the same metrics and every Vietnamese letter."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from ..resources import resource

FAMILY = "DocSerif"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
_TIMES = {"Regular": "times.ttf", "Bold": "timesbd.ttf", "Italic": "timesi.ttf",
          "BoldItalic": "timesbi.ttf"}


def font_files() -> dict[str, Path]:
    windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    times = {k: windir / v for k, v in _TIMES.items()}
    if os.environ.get("BDG_BUNDLED_FONT") != "1" and all(p.is_file() for p in times.values()):
        return times
    return {k: resource("fonts", f"LiberationSerif-{k}.ttf") for k in STYLES}


def font_name(style: str = "Regular") -> str:
    return FAMILY if style == "Regular" else f"{FAMILY}-{style}"


@functools.lru_cache(maxsize=1)
def register() -> str:
    """Register the family with ReportLab (once); returns its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = font_files()
    for style in STYLES:
        pdfmetrics.registerFont(TTFont(font_name(style), str(files[style])))
    pdfmetrics.registerFontFamily(FAMILY, normal=font_name("Regular"), bold=font_name("Bold"),
                                  italic=font_name("Italic"), boldItalic=font_name("BoldItalic"))
    addMapping(FAMILY, 0, 0, font_name("Regular"))
    addMapping(FAMILY, 1, 0, font_name("Bold"))
    addMapping(FAMILY, 0, 1, font_name("Italic"))
    addMapping(FAMILY, 1, 1, font_name("BoldItalic"))
    return FAMILY


def word_font_name() -> str:
    """The name Word should ask for: Times New Roman (Liberation Serif stands in for it)."""
    return "Times New Roman"
