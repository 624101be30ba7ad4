"""The main window's longer flows, one module each: `imports` (packages and Excel sheets in and
out, with the refusal list), `backups` (back up now, restore with its dialog), `unsaved` (the
Lưu / Không lưu / Hủy question before anything reloads the pages). Each takes the window."""
