#!/bin/sh
# Runs the cashier window under Xvfb in demo mode, drives one paid and one failed sale through
# the built-in sandbox and saves PNGs to docs/screenshots/ (idle, idle-filled, waiting-qr, paid,
# failed, upi-qr-waiting, upi-qr-paid, help, invalid-input, dark-1024x600-waiting, customer-display,
# customer-display-paid, customer-display-upi-qr, customer-display-upi-qr-paid,
# confirm-amount), in English and, under docs/screenshots/hi/, in Hindi.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build-gui; the `counterpay` target must be built)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-"$ROOT/build-gui"}
APP="$BUILD/src/app/gui/counterpay"
OUT="$ROOT/docs/screenshots"
[ -x "$APP" ] || { echo "build the counterpay target first: $APP not found" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is not installed" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT" "$TMP/runtime"
chmod 700 "$TMP/runtime"
# WebEngine refuses to start as root without this (a bare --no-sandbox is ignored by Qt 6.4).
[ "$(id -u)" = 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1
export XDG_RUNTIME_DIR="$TMP/runtime" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
export QT_LOGGING_RULES="counterpay.*.debug=false;counterpay.gateway.http.info=false"
# English into docs/screenshots, Hindi into docs/screenshots/hi (each on a fresh ledger).
for lang in en hi; do
  dir="$OUT"; [ "$lang" = en ] || dir="$OUT/$lang"
  mkdir -p "$dir"
  xvfb-run -a -s "-screen 0 1280x800x24" \
      "$APP" --demo --customer-display --language "$lang" --poll-scale 0.05 \
      --db "$TMP/ledger-$lang.sqlite" --screenshot-dir "$dir"
done
ls -1 "$OUT"/*.png "$OUT"/hi/*.png
