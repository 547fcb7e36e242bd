#!/usr/bin/env bash
# The long form of the kill -9 recovery test (the short form, 20 points, runs in ctest):
# `counterpay-cli pay --wait` is killed with SIGKILL at random points against a real
# counterpay-sandbox with --state, then `resume` recovers every order. Checked: 0 orders lost,
# 0 charged twice at the sandbox, every order final or unknown, PRAGMA integrity_check = ok.
#
#   tests/fault/kill_recovery.sh [POINTS] [SEED]      (defaults: 500 points, seed 1)
#
# Needs a built `ci` preset (./scripts/test.sh builds it), or COUNTERPAY_BUILD_DIR=<build dir>.
# Prints the figures docs/ledger-and-reliability.md quotes.
set -euo pipefail
cd "$(dirname "$0")/../.."

points="${1:-500}"
seed="${2:-1}"
binary="${COUNTERPAY_BUILD_DIR:-build/ci}/tests/fault/tst_CliFaults"
if [ ! -x "${binary}" ]; then
  echo "kill_recovery: ${binary} is missing; run ./scripts/build.sh ci first" >&2
  exit 2
fi
echo "kill_recovery: ${points} kill points, seed ${seed} ($(date -u +%FT%TZ))"
start=$(date +%s)
QTEST_FUNCTION_TIMEOUT=7200000 QT_QPA_PLATFORM=offscreen COUNTERPAY_KILL_POINTS="${points}" COUNTERPAY_KILL_SEED="${seed}" \
  "${binary}" killRecovery 2>&1 | grep -E "kill points|PASS|FAIL|Totals|Loc|Actual|Expected"
echo "kill_recovery: took $(( $(date +%s) - start )) s"
