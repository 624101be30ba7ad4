"""Text clean-up applied to everything that enters the program."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 control characters other than tab and newline: they come from pasting out of other
# programs, print as boxes or break the PDF's text layer, and carry no meaning here.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _nfc(value: str) -> str:
    return _CONTROL.sub("", unicodedata.normalize("NFC", value)).strip()


def clean(value: str | None) -> str | None:
    """NFC-normalise and strip; an empty result becomes None.

    Unikey on Windows can send decomposed (NFD) letters, which ReportLab draws with the marks
    beside the letter, so every string is composed on the way in.
    """
    if value is None:
        return None
    value = _nfc(value)
    return value or None


def clean_list(values) -> list[str]:
    out = []
    for v in values or []:
        c = clean(v)
        if c:
            out.append(c)
    return out


def normalize_tree(node):
    """NFC-normalise and strip every string in a JSON tree (keys included)."""
    if isinstance(node, str):
        return _nfc(node)
    if isinstance(node, list):
        return [normalize_tree(v) for v in node]
    if isinstance(node, dict):
        return {normalize_tree(k): normalize_tree(v) for k, v in node.items()}
    return node
