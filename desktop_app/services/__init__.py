"""The operations the GUI and the command line share: one place for each rule.

One module per job: `workspace` (the open database, composed of `reading`, `packages`,
`figures`, `documents`, `drafting`, `editing` with `undo`, `plans`, `history`, `chain`: unit forms, receiving, consolidation), `backups` (backup, restore, recovery at
start), `demo` (the bundled demo data). The GUI and the command line import from here only."""

from ..domain.errors import NoPlanError, ValidationError
from ..store.errors import StoreError, user_message
from ..store.exchange import PackageFileError
from .backups import (
    auto_backup,
    backup_folder,
    backup_now,
    database_is_damaged,
    list_backups,
    newest_good_backup,
    replace_with_backup,
    restore_backup,
)
from .chain import SUMMARY_DOCUMENTS, OfficeStatus, Received, UnitStatus, describe_received
from .demo import create_demo_database, demo_package_path
from .documents import DEFAULT_MARGINS, DOCUMENT_KINDS, PLAN_DOCUMENTS, render_document
from .drafting import NARRATIVE_PARTS
from .history import Version
from .plans import shift_year
from .strategy import strategy_document, strategy_targets
from .undo import STALE_UNDO, Undo
from .workspace import Workspace

__all__ = [
    "SUMMARY_DOCUMENTS", "OfficeStatus", "Received", "UnitStatus", "describe_received",
    "DEFAULT_MARGINS", "DOCUMENT_KINDS", "PLAN_DOCUMENTS", "NARRATIVE_PARTS", "NoPlanError", "PackageFileError", "STALE_UNDO", "StoreError", "Undo", "ValidationError", "Workspace",
    "auto_backup", "backup_folder", "backup_now", "create_demo_database", "database_is_damaged",
    "demo_package_path", "list_backups", "newest_good_backup", "render_document", "replace_with_backup",
    "restore_backup", "shift_year", "strategy_document", "strategy_targets", "user_message", "Version",
]
