"""The commands (import, export, report, ...): thin over services; exit codes as the contract
says. A command never ends in an unhandled exception: in the windowed Windows .exe that would
open a modal box and block whoever called it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import APP_NAME, __version__

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
REPORT_KINDS = ["year", "mid_year", "action_month", "plan", "action_month_plan", "q1", "q2", "q3", "q4",
                "nine_month"]
SUMMARY_KINDS = ["summary", "summary_mid_year"]


# argparse's own words (usage, errors, help), in Vietnamese: it looks them up through its
# module-level gettext functions at the moment it prints.
_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không hiểu được: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "giá trị không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r (cần một số nguyên)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in tên và phiên bản chương trình rồi thoát",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
}


def _vietnamese_argparse() -> None:
    base_ngettext = argparse.ngettext
    argparse._ = lambda text: _ARGPARSE_VI.get(text, text)
    argparse.ngettext = lambda one, many, n: _ARGPARSE_VI.get(one if n == 1 else many,
                                                              base_ngettext(one, many, n))


def build_parser() -> argparse.ArgumentParser:
    _vietnamese_argparse()
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", dest="db", default=argparse.SUPPRESS,
                    help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    p = argparse.ArgumentParser(
        prog="desktop_app", parents=[db],
        description="Quản lý công tác bình đẳng giới và vì sự tiến bộ của phụ nữ cấp xã.")
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    p.add_argument("--demo", action="store_true", help="mở chương trình trên bản sao dữ liệu mẫu")
    p.add_argument("--self-test", action="store_true", help="tự kiểm tra giao diện rồi thoát")
    sub = p.add_subparsers(dest="command")
    imp = sub.add_parser("import", parents=[db], help="nhập gói dữ liệu JSON, hoặc phiếu/bảng Excel (.xlsx) với --year")
    imp.add_argument("file")
    imp.add_argument("--year", type=int, help="năm của các hoạt động (bắt buộc khi nhập tệp .xlsx)")
    exp = sub.add_parser("export", parents=[db], help="xuất gói dữ liệu JSON hoặc bảng Excel")
    exp.add_argument("--out", required=True)
    exp.add_argument("--year", type=int)
    rep = sub.add_parser("report", parents=[db], help="in kế hoạch hoặc báo cáo ra PDF/Word")
    rep.add_argument("--year", type=int, required=True)
    rep.add_argument("--kind", required=True, choices=REPORT_KINDS + SUMMARY_KINDS)
    rep.add_argument("--out", required=True)
    tpl = sub.add_parser("template", parents=[db], help="phiếu số liệu (.xlsx) cho một đơn vị")
    tpl.add_argument("--year", type=int, required=True)
    tpl.add_argument("--unit", required=True, help="mã đơn vị")
    tpl.add_argument("--out", required=True)
    rcv = sub.add_parser("receive", parents=[db], help="nhận gói dữ liệu của các cơ quan cấp dưới")
    rcv.add_argument("files", nargs="+")
    his = sub.add_parser("history", parents=[db], help="lịch sử thay đổi, mới nhất trước")
    his.add_argument("--limit", type=int, help="chỉ in N dòng mới nhất")
    return p


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


class UsageError(Exception):
    """The command was called wrongly: the message says how to call it (exit 2)."""


def _workspace(args, create: bool):
    """The database the command works on. A command that only reads (export, report) never
    creates a database: a mistyped --db is said so. A damaged file is refused before anything
    is written into it."""
    from .paths import default_db_path
    from .services import Workspace

    return Workspace(getattr(args, "db", None) or default_db_path(), create=create, check=True)


def cmd_import(args) -> int:
    src = Path(args.file)
    if src.is_dir():
        raise UsageError(f"{args.file} là một thư mục: hãy chỉ ra tệp gói dữ liệu (.json) hoặc bảng tính (.xlsx).")
    if not src.is_file():
        raise UsageError(f"Không tìm thấy tệp {args.file}")
    sheet = src.suffix.lower() in (".xlsx", ".xlsm")
    if sheet and args.year is None:
        raise UsageError("Nhập tệp Excel cần --year N (năm của các hoạt động)")
    if not sheet and args.year is not None:
        raise UsageError("--year chỉ dùng khi nhập bảng tính Excel; gói dữ liệu JSON mang sẵn năm của nó.")
    db = Path(getattr(args, "db", None) or _default_db())
    new = not db.exists()
    try:
        ws = _workspace(args, create=True)
        try:
            counts = ws.import_activity_sheet(args.file, args.year) if sheet else ws.import_file(args.file)
        finally:
            ws.close()
    except BaseException:
        if new:  # a refused first import leaves no empty database behind
            _remove_database(db)
        raise
    print(f"Đã nhập: {describe_counts(counts)}")
    return EXIT_OK


def _default_db() -> Path:
    from .paths import default_db_path

    return default_db_path()


def _remove_database(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def cmd_export(args) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".json", ".xlsx"):
        raise UsageError("Tệp kết quả phải có đuôi .json (gói dữ liệu) hoặc .xlsx (bảng tính)")
    if out.suffix.lower() == ".xlsx" and args.year is None:
        raise UsageError("Xuất Excel cần --year N")
    ws = _workspace(args, create=False)
    try:
        if out.suffix.lower() == ".xlsx":
            ws.export_xlsx(out, args.year)
        else:
            ws.export_json(out, args.year)
    finally:
        ws.close()
    print(f"Đã xuất {out}")
    return EXIT_OK


def cmd_report(args) -> int:
    out = Path(args.out)
    summary = args.kind in SUMMARY_KINDS
    allowed = (".pdf", ".docx", ".xlsx") if summary else (".pdf", ".docx")
    if out.suffix.lower() not in allowed:
        raise UsageError("Tệp kết quả phải có đuôi " + " hoặc ".join(allowed))
    ws = _workspace(args, create=False)
    try:
        if summary:
            ws.build_summary(args.year, args.kind, out)
        else:
            ws.build_document(args.year, args.kind, out)
    finally:
        ws.close()
    print(f"Đã tạo {out}")
    return EXIT_OK


def cmd_template(args) -> int:
    if Path(args.out).suffix.lower() != ".xlsx":
        raise UsageError("Phiếu của đơn vị là tệp Excel: --out phải có đuôi .xlsx")
    ws = _workspace(args, create=False)
    try:
        if args.unit not in ws.unit_names():
            raise UsageError(f"Không có đơn vị mã “{args.unit}”: hãy xem mã ở trang Đơn vị.")
        ws.write_unit_form(args.year, args.unit, args.out)
    finally:
        ws.close()
    print(f"Đã tạo phiếu {args.out}")
    return EXIT_OK


def cmd_receive(args) -> int:
    """Each file taken or refused whole; the others are still taken. Exit 2 when a file could
    not be read, else 1 when one was refused, else 0."""
    from .services import describe_received

    ws = _workspace(args, create=True)
    try:
        results = ws.receive_files(args.files)
    finally:
        ws.close()
    for r in results:
        if r.taken:
            print(describe_received(r))
            continue
        name = Path(r.file).name
        _err(f"{name}: không nhận, không có gì thay đổi. Các lỗi cần sửa:" if not r.unreadable else f"{name}: không đọc được")
        for line in r.errors:
            _err(f"{name}: {line}")
    taken = sum(r.taken for r in results)
    print(f"Đã nhận {taken}/{len(results)} tệp.")
    if any(r.unreadable for r in results):
        return EXIT_USAGE
    return EXIT_OK if taken == len(results) else EXIT_REFUSED


def cmd_history(args) -> int:
    """One line per entry, newest first: when | who | what | which record."""
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit phải là số nguyên dương")
    ws = _workspace(args, create=False)
    try:
        entries = ws.history(limit=args.limit)
    finally:
        ws.close()
    for e in entries:
        print(e.line())
    if not entries:
        print("Chưa có thay đổi nào được ghi lại.")
    return EXIT_OK


COMMANDS = {"import": cmd_import, "export": cmd_export, "report": cmd_report, "history": cmd_history,
            "template": cmd_template, "receive": cmd_receive}

COUNT_WORDS = {"units": "đơn vị", "plans": "kế hoạch", "targets": "chỉ tiêu", "tasks": "nhiệm vụ",
               "activities": "hoạt động", "reports": "báo cáo", "added": "thêm", "updated": "cập nhật"}


def describe_counts(counts: dict) -> str:
    """'15 đơn vị, 1 kế hoạch, 6 chỉ tiêu, ...' for the importer's counts."""
    return ", ".join(f"{v} {COUNT_WORDS.get(k, k)}" for k, v in counts.items())


def run_command(args) -> int:
    from .services import NoPlanError, PackageFileError, StoreError, ValidationError, user_message

    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except PackageFileError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except ValidationError as exc:
        # stderr holds the errors only, one per line, each starting with where it is
        print(f"Dữ liệu bị từ chối, không có gì thay đổi ({len(exc.messages)} lỗi cần sửa, xem dưới đây).")
        for line in exc.messages:
            _err(line)
        return EXIT_REFUSED
    except NoPlanError as exc:
        _err(str(exc))
        return EXIT_REFUSED
    except StoreError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - sorted below; a bug is said to be one
        msg = user_message(exc, getattr(args, "out", None))
        if msg:
            _err(msg)
            return EXIT_USAGE
        log = _log_bug(exc)
        _err(f"Lỗi ngoài dự kiến của chương trình ({type(exc).__name__}); dữ liệu đã lưu không bị ảnh hưởng."
             + (f" Chi tiết đã ghi vào {log}; hãy gửi tệp này cho người hỗ trợ." if log else ""))
        return EXIT_REFUSED


def _log_bug(exc: BaseException) -> Path | None:
    import traceback

    from .paths import data_dir

    try:
        log = data_dir() / "loi.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)) + "\n")
        return log
    except OSError:
        return None


def _windows_std_streams() -> None:
    """The windowed .exe starts with no sys.stdout: reach the caller's pipe or console, so
    that `--self-test` and the commands can print (e.g. `BinhDangGioi.exe --self-test | more`)."""
    if sys.platform != "win32" or (sys.stdout is not None and sys.stderr is not None):
        return
    import ctypes
    import msvcrt
    import os

    k32 = ctypes.windll.kernel32
    for name, handle_id in (("stdout", -11), ("stderr", -12)):
        if getattr(sys, name) is not None:
            continue
        handle = k32.GetStdHandle(handle_id)
        stream = None
        if handle not in (0, -1, None):
            try:
                fd = msvcrt.open_osfhandle(handle, os.O_WRONLY)
                stream = open(fd, "w", encoding="utf-8", errors="replace", buffering=1)
            except OSError:
                stream = None
        if stream is None and k32.AttachConsole(-1):  # started from a console window
            try:
                stream = open("CONOUT$", "w", encoding="utf-8", errors="replace", buffering=1)
            except OSError:
                stream = None
        if stream is not None:
            setattr(sys, name, stream)


def main(argv=None) -> int:
    _windows_std_streams()
    for stream in (sys.stdout, sys.stderr):
        # Windows consoles default to a code page that cannot print Vietnamese.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    if args.command:
        return run_command(args)
    from .app import run_gui

    return run_gui(db=getattr(args, "db", None), demo=args.demo, self_test=args.self_test)
