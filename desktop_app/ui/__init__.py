"""PySide6 widgets only: the main window, its pages, dialogs and table models. No SQL."""
