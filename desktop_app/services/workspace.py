"""The open database and every operation on it, gathered from one module per job."""

from __future__ import annotations

from pathlib import Path

from ..store.database import open_database
from ..store.repository import Repository
from .chain import ChainOps
from .documents import DocumentOps
from .drafting import DraftingOps
from .editing import EditingOps
from .figures import FigureOps
from .history import HistoryOps
from .packages import PackageOps
from .plans import PlanOps
from .reading import ReadingOps


class Workspace(ReadingOps, PackageOps, FigureOps, DocumentOps, DraftingOps, EditingOps, PlanOps, HistoryOps,
                ChainOps):
    """One open database. Each base class holds one job (reading for the screens, packages and
    sheets, figures, documents, narrative drafts, editing with undo, plans and drafts, the change
    history, the reporting chain); they share `db` and `repo`.
    The GUI and the command line call these methods and never the store."""

    def __init__(self, path: str | Path, create: bool = True, check: bool = False):
        self.path = Path(path)
        self.db = open_database(self.path, create=create, check=check)
        self.repo = Repository(self.db)

    def close(self) -> None:
        self.db.conn.close()
