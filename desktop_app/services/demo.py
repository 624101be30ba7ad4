"""The bundled demo data."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..resources import resource


def demo_package_path() -> Path:
    return resource("demo", "demo.json")


def create_demo_database(folder: str | Path | None = None) -> Path:
    """A fresh database holding the bundled demo data (in `folder`, or a new temp folder that
    the caller removes)."""
    from .workspace import Workspace

    folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="bdg-demo-"))
    path = folder / "demo.db"
    ws = Workspace(path)
    try:
        ws.import_file(demo_package_path())
    finally:
        ws.close()
    return path
