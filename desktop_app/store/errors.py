"""Errors the user must hear about, each with a Vietnamese message saying what to do."""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """A problem with the database file that is not a bug: the message is for the user."""


class NewerDatabaseError(StoreError):
    pass


class ValidationError(Exception):
    """Data refused by a rule; `messages` lists every problem, each starting with its path."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


def user_message(exc: BaseException, path: str | None = None) -> str | None:
    """Sort a SQLite error into the ones the user can act on (None: a bug)."""
    where = f" ({path})" if path else ""
    text = str(exc).lower()
    if isinstance(exc, StoreError):
        return str(exc)
    if not isinstance(exc, sqlite3.Error):
        if isinstance(exc, PermissionError):
            return f"Không có quyền ghi vào tệp hoặc thư mục dữ liệu{where}. Hãy chọn thư mục khác hoặc nhờ quản trị máy cấp quyền."
        if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
            return f"Ổ đĩa đã đầy{where}. Hãy xóa bớt tệp không cần rồi lưu lại."
        return None
    if "locked" in text or "busy" in text:
        return (
            f"Tệp dữ liệu đang bị chương trình khác giữ{where} (có thể là phần mềm diệt virus "
            "hoặc một cửa sổ khác của chương trình). Hãy đợi một lát rồi thử lại."
        )
    if "readonly" in text or "read-only" in text:
        return f"Tệp dữ liệu chỉ cho phép đọc{where}. Hãy bỏ thuộc tính chỉ đọc hoặc chép tệp sang thư mục khác."
    if "full" in text:
        return f"Ổ đĩa đã đầy, không ghi được dữ liệu{where}. Hãy giải phóng dung lượng rồi lưu lại."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"Tệp dữ liệu bị hỏng hoặc không phải tệp dữ liệu của chương trình{where}. Hãy khôi phục từ bản sao lưu."
    if "unable to open" in text:
        return f"Không mở được tệp dữ liệu{where}. Hãy kiểm tra thư mục có tồn tại và có quyền ghi."
    return None
