"""Errors the user must hear about, each with a Vietnamese message saying what to do."""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """A problem with the database file that is not a bug: the message is for the user."""


class NewerDatabaseError(StoreError):
    pass


class StaleRowsError(Exception):
    """Rows put back no longer fit what the database holds (what they pointed to is gone)."""


# The domain owns refusals; the store raises the same class.
from ..domain.errors import ValidationError  # noqa: E402,F401

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
NOTHING_CHANGED = "Chưa có gì thay đổi."


def user_message(exc: BaseException, path: str | None = None) -> str | None:
    """Sort an error into the ones the user can act on (None: a bug).

    SQLite errors are sorted by their result code, never by the wording of the message."""
    where = f" ({path})" if path else ""
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in (SQLITE_BUSY, SQLITE_LOCKED):
            return (f"Dữ liệu đang được một cửa sổ khác của chương trình hoặc một chương trình khác dùng{where} "
                    f"(có thể là phần mềm diệt virus). {NOTHING_CHANGED} Hãy đóng cửa sổ kia hoặc đợi một lát "
                    "rồi thử lại.")
        if primary == SQLITE_READONLY:
            return (f"Tệp dữ liệu chỉ cho phép đọc{where}. {NOTHING_CHANGED} Hãy bỏ thuộc tính chỉ đọc của tệp "
                    "hoặc chép tệp sang thư mục có quyền ghi.")
        if primary == SQLITE_FULL:
            return f"Ổ đĩa đã đầy{where}. {NOTHING_CHANGED} Hãy xóa bớt tệp không cần rồi thử lại."
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return (f"Tệp dữ liệu bị hỏng hoặc không phải tệp dữ liệu của chương trình{where}. "
                    "Hãy khôi phục từ bản sao lưu (Tệp → Khôi phục từ bản sao lưu...).")
        if primary == SQLITE_CANTOPEN:
            return (f"Không mở được tệp dữ liệu{where}. Hãy kiểm tra thư mục có tồn tại và có quyền ghi.")
        if primary == SQLITE_IOERR:
            return (f"Lỗi đọc ghi ổ đĩa{where} (ổ đĩa bị rút ra, hỏng hoặc đầy). {NOTHING_CHANGED} "
                    "Hãy kiểm tra ổ đĩa rồi thử lại.")
        return None
    if isinstance(exc, OSError):
        return os_message(exc, path)
    return None


def _name_too_long(path) -> bool:
    """Windows reports a name longer than the file system allows (255) as "not found"."""
    import re

    return bool(path) and any(len(part) > 255 for part in re.split(r"[\\/]", str(path)))


def os_message(exc: OSError, path: str | None = None) -> str:
    """A file-system error in words the user can act on."""
    import errno

    where = f" ({path or exc.filename})" if (path or exc.filename) else ""
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Không có quyền ghi vào tệp hoặc thư mục{where}. Hãy chọn thư mục khác hoặc nhờ quản trị "
                "máy cấp quyền.")
    if exc.errno == errno.ENOSPC:
        return f"Ổ đĩa đã đầy{where}. Hãy xóa bớt tệp không cần rồi thử lại."
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return f"{where.strip(' ()') or 'Đường dẫn'} là một thư mục, không phải tệp. Hãy đặt tên tệp."
    if exc.errno == errno.ENAMETOOLONG or _name_too_long(path or exc.filename):
        return f"Tên tệp quá dài{where}. Hãy đặt tên ngắn hơn."
    if isinstance(exc, FileNotFoundError):
        return f"Không tìm thấy tệp hoặc thư mục{where}. Hãy kiểm tra lại đường dẫn."
    return f"Không đọc/ghi được tệp{where} (lỗi hệ thống số {exc.errno}). Hãy kiểm tra ổ đĩa và đường dẫn."
