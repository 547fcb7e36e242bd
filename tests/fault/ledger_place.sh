#!/usr/bin/env bash
# A sound ledger on a full disk, then on a read-only disk: each refusal names the real cause
# ("the disk ... is full", "read-only disk"), never "damaged ... move it aside", exits 2 with
# one line, and the ledger is byte-identical afterwards and sound (`check`) once space is
# freed. The disk is a small tmpfs mounted in a private user and mount namespace
# (unshare -rm), so the test needs no real root and touches no real disk.
#
#   tests/fault/ledger_place.sh COUNTERPAY_CLI
set -euo pipefail
cli="$1"
work="$(mktemp -d /tmp/counterpay-place-XXXXXX)"
trap 'rm -rf "${work}"' EXIT
fail() { echo "ledger_place: FAIL: $*" >&2; exit 1; }

if ! unshare -rm true 2>/dev/null; then
  fail "cannot make a private mount namespace (unshare -rm); this test mounts a small tmpfs there"
fi

# A ledger with one sealed sale, made on the ordinary disk.
"${cli}" --demo --db "${work}/seed/ledger.sqlite" pay --provider juspay-gpay --amount 1.00 --mobile 9876543210 \
  --json >/dev/null 2>"${work}/seed.err" || fail "seeding the ledger: $(cat "${work}/seed.err")"
mkdir -p "${work}/mnt"

# Everything below runs as root of a private namespace, on a 512 KiB tmpfs.
CLI="${cli}" WORK="${work}" unshare -rm bash -euo pipefail -c '
  fail() { echo "ledger_place: FAIL: $*" >&2; exit 1; }
  one_line() { [ "$(wc -l < "$1")" -eq 1 ] || fail "$2: more than one line on stderr: $(cat "$1")"; }
  mount -t tmpfs -o size=512k tmpfs "${WORK}/mnt"
  cp "${WORK}/seed/ledger.sqlite" "${WORK}/seed/device.key" "${WORK}/mnt/"
  before="$(sha256sum < "${WORK}/mnt/ledger.sqlite")"
  dd if=/dev/zero of="${WORK}/mnt/filler" bs=4k count=1000 2>/dev/null || true

  set +e
  "${CLI}" --demo --db "${WORK}/mnt/ledger.sqlite" pay --provider juspay-gpay --amount 2.00 --mobile 9876543210 \
    >/dev/null 2>"${WORK}/full.err"
  rc=$?
  set -e
  [ "${rc}" -eq 2 ] || fail "full disk: exit ${rc}, expected 2: $(cat "${WORK}/full.err")"
  one_line "${WORK}/full.err" "full disk"
  grep -q "is full" "${WORK}/full.err" || fail "full disk: not said: $(cat "${WORK}/full.err")"
  grep -q "Free some space" "${WORK}/full.err" || fail "full disk: no advice: $(cat "${WORK}/full.err")"
  if grep -q -e "damaged" -e "move it aside" "${WORK}/full.err"; then fail "full disk called damage: $(cat "${WORK}/full.err")"; fi
  [ "$(sha256sum < "${WORK}/mnt/ledger.sqlite")" = "${before}" ] || fail "full disk: the ledger changed"
  echo "ledger_place: full disk: $(cat "${WORK}/full.err")"

  rm -f "${WORK}/mnt/filler"
  "${CLI}" --db "${WORK}/mnt/ledger.sqlite" check >"${WORK}/check.out" 2>&1 || fail "check after freeing space: $(cat "${WORK}/check.out")"
  grep -q "is sound" "${WORK}/check.out" || fail "check: $(cat "${WORK}/check.out")"

  before="$(sha256sum < "${WORK}/mnt/ledger.sqlite")"
  mount -o remount,ro "${WORK}/mnt"
  set +e
  "${CLI}" --db "${WORK}/mnt/ledger.sqlite" history >/dev/null 2>"${WORK}/ro.err"
  rc=$?
  set -e
  [ "${rc}" -eq 2 ] || fail "read-only disk: exit ${rc}, expected 2: $(cat "${WORK}/ro.err")"
  one_line "${WORK}/ro.err" "read-only disk"
  grep -q "read-only disk" "${WORK}/ro.err" || fail "read-only disk: not said: $(cat "${WORK}/ro.err")"
  if grep -q -e "damaged" -e "move it aside" "${WORK}/ro.err"; then fail "read-only disk called damage: $(cat "${WORK}/ro.err")"; fi
  [ "$(sha256sum < "${WORK}/mnt/ledger.sqlite")" = "${before}" ] || fail "read-only disk: the ledger changed"
  echo "ledger_place: read-only disk: $(cat "${WORK}/ro.err")"
  umount "${WORK}/mnt"
'
echo "ledger_place: ok"
