#!/usr/bin/env bash
# The README's Run command: installs what is missing, builds the Release preset and launches
# CounterPay in demo mode (an in-process sandbox gateway; no internet, no credentials).
# Extra arguments go to the launched program.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
./scripts/build.sh release

bin="build/release/src/app"
if [ -x "${bin}/gui/counterpay" ]; then
  echo "[run] launching the cashier window in demo mode"
  exec "${bin}/gui/counterpay" --demo "$@"
elif [ -x "${bin}/cli/counterpay-cli" ]; then
  echo "[run] the cashier window has not landed yet; running a demo sale with counterpay-cli"
  exec "${bin}/cli/counterpay-cli" --demo pay --provider juspay-gpay --amount 149.50 \
    --mobile 9876543210 --wait --qr "$@"
elif [ -x "${bin}/sandbox/counterpay-sandbox" ]; then
  echo "[run] the cashier window and CLI have not landed yet; starting the offline sandbox gateway"
  echo "[run] open the printed URL's customer pages in a browser; Ctrl+C stops it"
  exec "${bin}/sandbox/counterpay-sandbox" --port 0 "$@"
else
  echo "[run] nothing runnable is built yet; only the core library and its tests exist" >&2
  echo "[run] run ./scripts/test.sh to build and test what exists" >&2
  exit 1
fi
