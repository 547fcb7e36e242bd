#!/bin/sh
# Opens the back office under Xvfb over a seeded demo ledger (a shop's month, in a temporary
# folder) and saves docs/screenshots/backoffice-{history,timeline,zreport,charts,settings-shop,
# settings-providers,pin}.png at 1024x600, the same at 1366x768 with a -1366x768 suffix, and
# the 1024x600 set in Hindi under docs/screenshots/hi/.
# Usage: scripts/screenshots-backoffice.sh [BUILD_DIR]
#   (default: build-gui; the backoffice_screenshots target must be built)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-"$ROOT/build-gui"}
DRIVER="$BUILD/tests/ui/backoffice/backoffice_screenshots"
OUT="$ROOT/docs/screenshots"
[ -x "$DRIVER" ] || { echo "build the backoffice_screenshots target first: $DRIVER not found" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is not installed" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT" "$TMP/runtime"
chmod 700 "$TMP/runtime"
export XDG_RUNTIME_DIR="$TMP/runtime" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
export TZ=Asia/Kolkata LANG=C.UTF-8
export QT_LOGGING_RULES="counterpay.*.debug=false"
xvfb-run -a -s "-screen 0 1600x1000x24" "$DRIVER" --out "$OUT" --size 1024x600
xvfb-run -a -s "-screen 0 1600x1000x24" "$DRIVER" --out "$OUT" --size 1366x768 --suffix -1366x768
# Hindi, from the translation the app is built with.
QM=$(find "$BUILD/src/app/gui" -name 'counterpay_hi.qm' | head -n 1)
[ -n "$QM" ] || { echo "no counterpay_hi.qm under $BUILD/src/app/gui: build the counterpay target first" >&2; exit 1; }
mkdir -p "$OUT/hi"
xvfb-run -a -s "-screen 0 1600x1000x24" "$DRIVER" --out "$OUT/hi" --size 1024x600 --translations "$QM"
ls -1 "$OUT"/backoffice-*.png "$OUT"/hi/backoffice-*.png
