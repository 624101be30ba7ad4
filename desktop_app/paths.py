"""Where the user's data lives: the per-user data folder, never beside the executable."""

from __future__ import annotations

import os
from pathlib import Path

from . import APP_ID


def data_dir() -> Path:
    override = os.environ.get("BDG_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, appauthor=False, roaming=True))


def default_db_path() -> Path:
    return data_dir() / "du-lieu.db"


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "sao-luu"
