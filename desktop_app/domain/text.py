"""Text clean-up applied to everything that enters the program."""

from __future__ import annotations

import unicodedata


def clean(value: str | None) -> str | None:
    """NFC-normalise and strip; an empty result becomes None.

    Unikey on Windows can send decomposed (NFD) letters, which ReportLab draws with the marks
    beside the letter, so every string is composed on the way in.
    """
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value).strip()
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
        return unicodedata.normalize("NFC", node).strip()
    if isinstance(node, list):
        return [normalize_tree(v) for v in node]
    if isinstance(node, dict):
        return {normalize_tree(k): normalize_tree(v) for k, v in node.items()}
    return node
