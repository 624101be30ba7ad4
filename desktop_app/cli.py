"""The commands: import, export, report. Thin over services; exit codes as the contract says."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

# What an import counts, in the words the officer uses.
COUNTED = {"units": "đơn vị", "plans": "kế hoạch", "targets": "chỉ tiêu", "tasks": "nhiệm vụ",
           "activities": "hoạt động", "reports": "báo cáo"}


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", dest="db", default=argparse.SUPPRESS,
                    help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    p = argparse.ArgumentParser(
        prog="desktop_app", parents=[db],
        description="Quản lý công tác bình đẳng giới và vì sự tiến bộ của phụ nữ cấp xã.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--demo", action="store_true", help="mở chương trình trên bản sao dữ liệu mẫu")
    p.add_argument("--self-test", action="store_true", help="tự kiểm tra giao diện rồi thoát")
    sub = p.add_subparsers(dest="command")
    imp = sub.add_parser("import", parents=[db], help="nhập gói dữ liệu JSON")
    imp.add_argument("file")
    exp = sub.add_parser("export", parents=[db], help="xuất gói dữ liệu JSON hoặc bảng Excel")
    exp.add_argument("--out", required=True)
    exp.add_argument("--year", type=int)
    rep = sub.add_parser("report", parents=[db], help="in kế hoạch hoặc báo cáo ra PDF/Word")
    rep.add_argument("--year", type=int, required=True)
    rep.add_argument("--kind", required=True, choices=["year", "mid_year", "action_month", "plan"])
    rep.add_argument("--out", required=True)
    return p


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def _workspace(args):
    from .paths import default_db_path
    from .services import Workspace

    return Workspace(getattr(args, "db", None) or default_db_path())


def run_command(args) -> int:
    from .services import NoPlanError
    from .store.errors import StoreError, ValidationError
    from .store.exchange import PackageFileError

    try:
        ws = _workspace(args)
    except StoreError as exc:
        _err(str(exc))
        return EXIT_USAGE
    try:
        if args.command == "import":
            if not Path(args.file).is_file():
                _err(f"Không tìm thấy tệp {args.file}")
                return EXIT_USAGE
            counts = ws.import_file(args.file)
            print("Đã nhập " + ", ".join(f"{v} {COUNTED.get(k, k)}" for k, v in counts.items()) + ".")
        elif args.command == "export":
            out = Path(args.out)
            if out.suffix.lower() == ".xlsx":
                if args.year is None:
                    _err("Xuất Excel cần --year N")
                    return EXIT_USAGE
                ws.export_xlsx(out, args.year)
            else:
                ws.export_json(out, args.year)
            print(f"Đã xuất {out}")
        elif args.command == "report":
            out = Path(args.out)
            if out.suffix.lower() not in (".pdf", ".docx"):
                _err("Tệp kết quả phải có đuôi .pdf hoặc .docx")
                return EXIT_USAGE
            ws.build_document(args.year, args.kind, out)
            print(f"Đã tạo {out}")
        return EXIT_OK
    except PackageFileError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except ValidationError as exc:
        _err("Dữ liệu bị từ chối, không có gì thay đổi. Các lỗi cần sửa:")
        for line in exc.messages:
            _err(line)
        return EXIT_REFUSED
    except NoPlanError as exc:
        _err(str(exc))
        return EXIT_REFUSED
    except StoreError as exc:
        _err(str(exc))
        return EXIT_USAGE
    finally:
        ws.close()


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
