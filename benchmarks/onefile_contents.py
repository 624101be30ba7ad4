"""What a one-file build unpacks on every start: files and bytes, from the executable's own table
of contents (PyInstaller's CArchive). The PYZ of Python modules is read in place, not unpacked.

    python benchmarks/onefile_contents.py dist/BinhDangGioi.exe [--before OLD.exe] [--list]
"""

from __future__ import annotations

import argparse
from pathlib import Path

# PyInstaller's CArchive item types that are written to the _MEI folder: binaries, dependencies,
# data files, zip files, symbolic links. (The splash picture and script are read in place.)
UNPACKED_TYPES = set("bdxZn")


def unpacked(exe: Path) -> list[tuple[str, int]]:
    from PyInstaller.archive.readers import CArchiveReader

    toc = CArchiveReader(str(exe)).toc
    return [(name, entry[2]) for name, entry in toc.items() if entry[4] in UNPACKED_TYPES]


def summary(exe: Path) -> tuple[int, int]:
    items = unpacked(exe)
    return len(items), sum(size for _, size in items)


def describe(exe: Path) -> str:
    files, size = summary(exe)
    return f"{exe.name}: {exe.stat().st_size / 1e6:.1f} MB file, unpacks {size / 1e6:.1f} MB in {files} files"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("exe", type=Path)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--list", action="store_true", help="every unpacked file, largest first")
    args = ap.parse_args()
    print(describe(args.exe))
    if args.before:
        f0, b0 = summary(args.before)
        f1, b1 = summary(args.exe)
        print(f"before: {b0 / 1e6:.1f} MB in {f0} files; now {b1 / 1e6:.1f} MB in {f1} files "
              f"({(b0 - b1) / 1e6:.1f} MB and {f0 - f1} files fewer)")
    if args.list:
        for name, size in sorted(unpacked(args.exe), key=lambda x: -x[1]):
            print(f"{size:>11} {name}")


if __name__ == "__main__":
    main()
