"""Helpers that read a PDF as a reader would: its text, its fonts, where its text sits."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

MM = 72 / 25.4


def text(path) -> str:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def raw_text(path, *options) -> str:
    """poppler's pdftotext -raw (a table row stays on one line). Where poppler is not installed
    (Windows) the test is skipped."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils missing (pdftotext)")
    return subprocess.run(["pdftotext", *options, "-raw", str(path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


def flat(path) -> str:
    """The text with all white space folded, so that wrapped lines still match."""
    return re.sub(r"\s+", " ", text(path))


def fonts(path) -> list[tuple[str, bool]]:
    """(base font name, embedded?) for every font of every page."""
    out = []
    for page in PdfReader(str(path)).pages:
        res = page.get("/Resources") or {}
        for _, ref in (res.get("/Font") or {}).items():
            f = ref.get_object()
            name = str(f.get("/BaseFont"))
            desc = f.get("/FontDescriptor")
            if desc is None and f.get("/DescendantFonts"):
                desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((name, embedded))
    return out


def word_boxes(path):
    """(page, xMin, yMin, xMax, yMax, word) from poppler's pdftotext -bbox, in points."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    boxes, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            boxes.append((page, *map(float, m.groups()[:4]), m.group(5)))
    return boxes
