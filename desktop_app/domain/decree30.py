"""Rules of Nghị định 30/2020/NĐ-CP (Phụ lục I) that the program applies in more than one place."""

from __future__ import annotations

# Page margins in mm: the defaults the program prints with, and the range the decree allows
# (the settings page offers nothing outside it).
MARGIN_LIMITS = {
    "margin_top": ("Lề trên", 20, 25), "margin_bottom": ("Lề dưới", 20, 25),
    "margin_left": ("Lề trái", 30, 35), "margin_right": ("Lề phải", 15, 20),
}
DEFAULT_MARGINS = {key: low for key, (_, low, _) in MARGIN_LIMITS.items()}
