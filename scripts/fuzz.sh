#!/usr/bin/env bash
# Builds the gateway's libFuzzer targets with clang (AddressSanitizer + libFuzzer) in a separate
# build directory and runs each for SECONDS seconds, seeded with the fixtures in
# tests/data/gateway. Prints one summary line per target. Not part of ctest.
#
#   scripts/fuzz.sh [SECONDS]            (default 20)
#   FUZZ_BUILD_DIR=...  FUZZ_SOURCE_DIR=...  FUZZ_JOBS=2
set -euo pipefail

seconds="${1:-20}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [SECONDS]   (a positive whole number of seconds per target)" >&2
    exit 2
fi
here="$(cd "$(dirname "$0")/.." && pwd)"
src="${FUZZ_SOURCE_DIR:-$here}"
build="${FUZZ_BUILD_DIR:-$here/build-fuzz}"
jobs="${FUZZ_JOBS:-2}"
targets=(fuzz_juspay_txn fuzz_juspay_status fuzz_juspay_refund fuzz_googlepay_transaction
         fuzz_cmcom_transaction fuzz_oauth_token)

command -v clang++ >/dev/null || { echo "clang++ not found: apt-get install clang" >&2; exit 2; }

CC=clang CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCOUNTERPAY_FUZZ=ON -DCOUNTERPAY_BUILD_TESTS=OFF -DCOUNTERPAY_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer" >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]}" >/dev/null

seeds="$here/tests/data/gateway"
out="$build/fuzz-runs"
mkdir -p "$out"
printf '%-28s %10s %10s %8s %9s %s\n' target runs exec/s cov features result
status=0
for t in "${targets[@]}"; do
    corpus="$out/$t-corpus"
    mkdir -p "$corpus"
    log="$out/$t.log"
    set +e
    ASAN_OPTIONS=detect_leaks=1 QT_LOGGING_RULES="*.debug=false" \
        "$build/src/gateway/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$out/$t-" "$corpus" "$seeds" >"$log" 2>&1
    rc=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    if [ $rc -eq 0 ]; then result="ok"; else result="CRASH (rc $rc, see $log)"; status=1; fi
    printf '%-28s %10s %10s %8s %9s %s\n' "$t" "$runs" "$speed" "$cov" "$ft" "$result"
done
exit $status
