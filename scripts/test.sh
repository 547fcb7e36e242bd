#!/usr/bin/env bash
# The README's Test command: installs what is missing, builds the `ci` preset (warnings are
# errors) and runs the whole suite with ctest. Exits non-zero on any failure.
#
# Tests run inside a private D-Bus session with an unlocked gnome-keyring, so the keychain
# tests talk to a real Secret Service; widgets run offscreen (set per test by CMake).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
./scripts/build.sh ci

runtime_dir="$(mktemp -d /tmp/counterpay-test-XXXXXX)"
chmod 700 "${runtime_dir}"
trap 'rm -rf "${runtime_dir}"' EXIT
export XDG_RUNTIME_DIR="${runtime_dir}"
# A private data folder: the tests' keyring and any default ledger live there, never in the
# user's own (a terminal's real keychain and ledger are not for tests to touch).
export XDG_DATA_HOME="${runtime_dir}/data"
mkdir -p "${XDG_DATA_HOME}"
export HOME="${HOME:-${runtime_dir}}"

jobs="$(nproc 2>/dev/null || echo 2)"
echo "[test] running ctest (preset ci, ${jobs} in parallel) inside a D-Bus session with gnome-keyring"
dbus-run-session -- bash -c '
  if command -v gnome-keyring-daemon >/dev/null 2>&1; then
    printf "counterpay-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || \
      echo "[test] gnome-keyring-daemon did not start; keychain tests will say why they skip"
  fi
  ctest --preset ci --parallel "$1" "${@:2}"
' bash "${jobs}" "$@"
