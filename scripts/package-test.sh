#!/usr/bin/env bash
# The installers' end-to-end check (issue 8), run outside ctest, as root:
#
#   1. builds the DEB (Release, no tests) of this tree, and a "previous" DEB: PREV_REF built from
#      a git worktree with this tree's cmake/Packaging.cmake and packaging/ laid over it and its
#      version forced down to PREV_VERSION (cached; rebuilt only when one of those changes);
#   2. checks the package: contents, lintian, desktop-file-validate, appstreamcli validate;
#   3. makes a clean Debian 12 root with debootstrap (the base root is cached as a tarball);
#   4. installs the previous DEB with apt, makes sales with counterpay-cli --demo, installs the
#      new DEB over it and checks the sales are intact, makes a sale with the new version, starts
#      the GUI under Xvfb, then purges the package and checks nothing of it is left.
#
# Prints one PASS/FAIL line per step and the total time; exits non-zero on any failure.
#
# Environment:
#   PREV_REF=0c05fa0        the commit the "previous" package is built from
#   PREV_VERSION=0.0.9      the version it is given (must be lower than this tree's)
#   CUR_REF=                build the new package from this commit (a git worktree, with this
#                           tree's packaging files laid over it) instead of the working tree
#   MIRROR=http://deb.debian.org/debian
#   WORK=<repo>/build-pkg   build directories and caches
#   JOBS=2                  parallel compile jobs
#   KEEP_ROOT=1             leave the Debian root in $WORK/root afterwards (for debugging)
#   FRESH_ROOT=1            ignore the cached base root and run debootstrap again
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-$REPO/build-pkg}
PREV_REF=${PREV_REF:-0c05fa0}
PREV_VERSION=${PREV_VERSION:-0.0.9}
CUR_REF=${CUR_REF:-}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
JOBS=${JOBS:-2}
KEEP_ROOT=${KEEP_ROOT:-0}
FRESH_ROOT=${FRESH_ROOT:-0}
SUITE=bookworm

CACHE=$WORK/cache
ROOT=$WORK/root
LOGS=$WORK/package-test-logs
BASE_TAR=$CACHE/$SUITE-minbase.tar
APT_CACHE=$CACHE/apt-archives

# Debian's hardening flags (dpkg-buildflags, hardening=+all), without -g: the package is stripped.
BUILD_CXXFLAGS="-O2 -fstack-protector-strong -Wformat -Werror=format-security -Wdate-time -D_FORTIFY_SOURCE=2"
BUILD_LDFLAGS="-Wl,-z,relro -Wl,-z,now"

T0=$(date +%s)
FAILED=0
RESULTS=()

say() { printf '%s\n' "$*"; }

# step NAME COMMAND...: runs COMMAND with its output in $LOGS/<n>.log, prints PASS/FAIL and the
# time it took. A failed step stops the run: the later steps depend on it.
STEP_N=0
STEP_NOTE=""
step() {
  local name=$1; shift
  STEP_N=$((STEP_N + 1))
  local log; log=$(printf '%s/%02d.log' "$LOGS" "$STEP_N")
  local t; t=$(date +%s)
  STEP_NOTE=""
  "$@" >"$log" 2>&1
  local rc=$?
  [ -f "$LOGS/note" ] && STEP_NOTE=$(cat "$LOGS/note") && rm -f "$LOGS/note"
  local dt=$(( $(date +%s) - t ))
  local line
  if [ $rc -eq 0 ]; then
    line=$(printf 'PASS  %-46s %4ss  %s' "$name" "$dt" "$STEP_NOTE")
  else
    line=$(printf 'FAIL  %-46s %4ss  %s (log: %s)' "$name" "$dt" "$STEP_NOTE" "$log")
  fi
  say "$line"
  RESULTS+=("$line")
  if [ $rc -ne 0 ]; then
    say "---- last lines of $log ----"
    tail -n 25 "$log"
    FAILED=1
    finish
  fi
}
note() { printf '%s' "$*" >"$LOGS/note"; }

finish() {
  cleanup
  local total=$(( $(date +%s) - T0 ))
  if [ $FAILED -eq 0 ]; then
    say "PASS  all steps, total $((total / 60)) min $((total % 60)) s"
  else
    say "FAIL  total $((total / 60)) min $((total % 60)) s"
  fi
  exit $FAILED
}

# ---------------------------------------------------------------------------------------------
# Chroot plumbing. Everything mounted under $ROOT is unmounted on exit, before the root is
# removed (rm --one-file-system, and only after checking nothing is still mounted there).
XVFB_DIR=""
mounted() { awk -v r="$ROOT" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r; }
unmount_all() {
  local m
  for m in $(mounted); do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
}
cleanup() {
  [ -d "$ROOT" ] && unmount_all
  if [ "$KEEP_ROOT" != 1 ] && [ -d "$ROOT" ] && [ -z "$(mounted)" ]; then
    rm -rf --one-file-system "$ROOT"
  fi
}
trap 'say "interrupted"; FAILED=1; finish' INT TERM
trap cleanup EXIT # also after an unexpected exit (cleanup can run twice)

mount_root() {
  mkdir -p "$ROOT/proc" "$ROOT/sys" "$ROOT/dev" "$ROOT/tmp/.X11-unix" "$APT_CACHE/partial"
  mount -t proc proc "$ROOT/proc"
  mount -t sysfs sysfs "$ROOT/sys"
  mount --bind /dev "$ROOT/dev"
  mount --bind /dev/pts "$ROOT/dev/pts"
  mount -t tmpfs -o size=256m,mode=1777 tmpfs "$ROOT/dev/shm"
  # Downloads survive between runs; installing still happens from scratch in the fresh root.
  mount --bind "$APT_CACHE" "$ROOT/var/cache/apt/archives"
  # The X server runs on the host (xvfb-run); the root sees only its socket.
  mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"
}

# in_root CMD...: run in the Debian root as root, with a clean environment.
in_root() {
  chroot "$ROOT" /usr/bin/env -i HOME=/root USER=root LOGNAME=root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
APT=(apt-get -y -q -o APT::Sandbox::User=root -o Dpkg::Use-Pty=0)

# ---------------------------------------------------------------------------------------------
# Builds
configure_and_package() { # SRC BUILD; the DEB and the TGZ land in BUILD/packages
  local src=$1 build=$2
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCOUNTERPAY_BUILD_TESTS=OFF -DCOUNTERPAY_BUILD_BENCH=OFF -DCMAKE_INSTALL_PREFIX=/usr \
    "-DCMAKE_CXX_FLAGS=$BUILD_CXXFLAGS" "-DCMAKE_EXE_LINKER_FLAGS=$BUILD_LDFLAGS" \
    "-DCMAKE_MODULE_LINKER_FLAGS=$BUILD_LDFLAGS" "-DCMAKE_SHARED_LINKER_FLAGS=$BUILD_LDFLAGS" || return 1
  cmake --build "$build" -j "$JOBS" || return 1
  rm -f "$build"/packages/counterpay_*.deb "$build"/packages/counterpay-*.tar.gz
  (cd "$build" && cpack -G "DEB;TGZ") || return 1
}
built_deb() { ls -t "$1"/packages/counterpay_*.deb 2>/dev/null | head -n 1; }
version_of() { # CMakeLists.txt -> the version in project()
  sed -n '/^project(CounterPay/,/)/s/^[[:space:]]*VERSION[[:space:]]\+\([0-9.]\+\).*/\1/p' "$1" | head -n 1
}

worktree_at() { # DIR REF (resolved in the main repository: "HEAD" is its HEAD)
  local dir=$1 ref
  ref=$(git -C "$REPO" rev-parse --verify "$2^{commit}") || return 1
  if [ ! -e "$dir/.git" ]; then
    mkdir -p "$(dirname "$dir")"
    git -C "$REPO" worktree add --detach "$dir" "$ref" || return 1
  else
    git -C "$dir" checkout -q -f --detach "$ref" || return 1
  fi
}

# Lays this tree's cmake/Packaging.cmake and packaging/ over a worktree.
overlay_packaging() { # DIR
  local dir=$1
  rm -rf "$dir/packaging"
  cp -a "$REPO/packaging" "$dir/packaging"
  cp -a "$REPO/cmake/Packaging.cmake" "$dir/cmake/Packaging.cmake"
  grep -q 'include(Packaging)' "$dir/CMakeLists.txt" || echo 'include(Packaging)' >>"$dir/CMakeLists.txt"
}

build_current() {
  local src=$REPO build=$WORK
  if [ -n "$CUR_REF" ]; then
    src=$WORK/ref/src build=$WORK/ref/build
    worktree_at "$src" "$CUR_REF" || return 1
    overlay_packaging "$src"
  fi
  configure_and_package "$src" "$build" || return 1
  local deb; deb=$(built_deb "$build")
  [ -f "$deb" ] || return 1
  echo "$deb" >"$WORK/new-deb.path"
  version_of "$src/CMakeLists.txt" >"$WORK/new-version"
  # The window's plugins (loaded at run time), as built: the package must carry each of them.
  find "$build/src" -path '*/plugins/libcounterpay_*.so' -printf '%f\n' 2>/dev/null | sort -u >"$WORK/new-plugins"
  note "$(basename "$deb")"
}

build_previous() {
  local src=$WORK/prev/src build=$WORK/prev/build
  local commit; commit=$(git -C "$REPO" rev-parse --verify "$PREV_REF^{commit}") || return 1
  local overlay=$REPO
  # The cache key: the commit, the forced version, the packaging files laid over it, the flags.
  local key; key=$( { echo "$commit $PREV_VERSION $BUILD_CXXFLAGS $BUILD_LDFLAGS";
                      (cd "$overlay" && find cmake/Packaging.cmake packaging -type f | sort | xargs sha256sum); } \
                    | sha256sum | cut -c1-16)
  local cached=$WORK/prev/counterpay_${PREV_VERSION}_$key.deb
  if [ -f "$cached" ]; then
    echo "$cached" >"$WORK/prev-deb.path"
    note "$(basename "$cached") (cached)"
    return 0
  fi
  worktree_at "$src" "$commit" || return 1
  # Lay this tree's packaging over the old commit and force its version down.
  overlay_packaging "$src"
  sed -i "0,/^\([[:space:]]*VERSION[[:space:]]\+\)[0-9][0-9.]*/s//\1$PREV_VERSION/" "$src/CMakeLists.txt"
  grep -q "VERSION $PREV_VERSION" "$src/CMakeLists.txt" || { echo "could not force the version"; return 1; }
  configure_and_package "$src" "$build" || return 1
  local deb; deb=$(built_deb "$build")
  [ -f "$deb" ] || return 1
  rm -f "$WORK"/prev/counterpay_"${PREV_VERSION}"_*.deb
  cp "$deb" "$cached"
  echo "$cached" >"$WORK/prev-deb.path"
  note "$(basename "$cached") (built from $(git -C "$REPO" rev-parse --short "$commit"))"
}

# ---------------------------------------------------------------------------------------------
# Package checks (host side)
check_package() {
  local deb; deb=$(cat "$WORK/new-deb.path")
  dpkg-deb -I "$deb" || return 1
  dpkg-deb -c "$deb" >"$WORK/new-deb.contents" || return 1
  cat "$WORK/new-deb.contents"
  local want
  for want in ./usr/bin/counterpay ./usr/bin/counterpay-cli ./usr/bin/counterpay-sandbox \
              ./usr/share/applications/io.github.counterpay.CounterPay.desktop \
              ./usr/share/metainfo/io.github.counterpay.CounterPay.metainfo.xml \
              ./usr/share/icons/hicolor/16x16/apps/counterpay.png \
              ./usr/share/icons/hicolor/512x512/apps/counterpay.png \
              ./usr/share/icons/hicolor/scalable/apps/counterpay.svg \
              ./usr/share/man/man1/counterpay.1.gz ./usr/share/man/man1/counterpay-cli.1.gz \
              ./usr/share/man/man1/counterpay-sandbox.1.gz ./usr/share/doc/counterpay/copyright; do
    awk '{ print $NF }' "$WORK/new-deb.contents" | grep -qx "$want" || { echo "missing: $want"; return 1; }
  done
  local plugin
  while read -r plugin; do
    [ -n "$plugin" ] || continue
    grep -q "/counterpay/plugins/$plugin\$" "$WORK/new-deb.contents" || { echo "missing plugin: $plugin"; return 1; }
  done <"$WORK/new-plugins"
  local depends; depends=$(dpkg-deb -f "$deb" Depends)
  for want in libqt6sql6-sqlite libqt6webenginecore6-bin qt6-speech-speechd-plugin gnome-keyring libqt6svg6 \
              libqt6gui6 libqt6keychain1 libssl3; do
    grep -q "$want" <<<"$depends" || { echo "Depends lacks $want"; return 1; }
  done
  note "$(grep -vc '/$' "$WORK/new-deb.contents") files, $(du -k "$deb" | cut -f1) KiB"
}

check_metadata() {
  local x=$WORK/extract
  rm -rf "$x" && mkdir -p "$x" && dpkg-deb -x "$(cat "$WORK/new-deb.path")" "$x" || return 1
  local tools=()
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$x"/usr/share/applications/*.desktop || return 1
    tools+=(desktop-file-validate)
  fi
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$x"/usr/share/metainfo/*.xml || return 1
    tools+=("appstreamcli validate")
  fi
  local page
  for page in "$x"/usr/share/man/man1/*.1.gz; do
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" >/dev/null 2>"$x/man.err"
    if [ -s "$x/man.err" ]; then cat "$x/man.err"; return 1; fi
  done
  tools+=("man --warnings")
  # Every program and plugin is linked with full RELRO (-z relro -z now).
  local elf
  for elf in "$x"/usr/bin/* "$x"/usr/lib/*/counterpay/plugins/*.so; do
    [ -f "$elf" ] || continue
    readelf -lW "$elf" | grep -q GNU_RELRO || { echo "$elf: no RELRO"; return 1; }
    readelf -dW "$elf" | grep -Eq 'BIND_NOW|FLAGS.*NOW' || { echo "$elf: no BIND_NOW"; return 1; }
  done
  tools+=("full RELRO")
  note "$(IFS=,; echo "${tools[*]}" | sed 's/,/, /g')"
}

check_lintian() {
  if ! command -v lintian >/dev/null; then note "lintian not installed: skipped"; return 0; fi
  local deb; deb=$(cat "$WORK/new-deb.path")
  lintian --no-tag-display-limit "$deb" | tee "$WORK/lintian.txt"
  local errors warnings
  errors=$(grep -c '^E:' "$WORK/lintian.txt")
  warnings=$(grep -c '^W:' "$WORK/lintian.txt")
  note "$errors errors, $warnings warnings"
  [ "$errors" -eq 0 ]
}

# ---------------------------------------------------------------------------------------------
# The Debian root
make_root() {
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; } || return 1
  cleanup
  [ -d "$ROOT" ] && { echo "$ROOT is still there (mounted?)"; return 1; }
  mkdir -p "$CACHE" "$APT_CACHE/partial"
  local how="cached base"
  if [ "$FRESH_ROOT" = 1 ] || [ ! -f "$BASE_TAR" ]; then
    local tmp=$CACHE/base-tmp
    rm -rf --one-file-system "$tmp"
    debootstrap --variant=minbase "$SUITE" "$tmp" "$MIRROR" || return 1
    cat >"$tmp/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
EOF
    # No services start inside the root.
    printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d" && chmod 755 "$tmp/usr/sbin/policy-rc.d"
    rm -rf "$tmp"/var/cache/apt/archives/*.deb
    tar -C "$tmp" --numeric-owner -cf "$BASE_TAR.new" . && mv "$BASE_TAR.new" "$BASE_TAR" || return 1
    rm -rf --one-file-system "$tmp"
    how="debootstrap $SUITE minbase"
  fi
  mkdir -p "$ROOT" && tar -C "$ROOT" --numeric-owner -xpf "$BASE_TAR" || return 1
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
  mount_root || return 1
  in_root "${APT[@]}" update || return 1
  note "$how, $(in_root dpkg-query -W | wc -l) packages"
}

install_deb() { # PATH-ON-HOST EXPECTED-VERSION
  local deb=$1 version=$2
  cp "$deb" "$ROOT/tmp/" || return 1
  in_root "${APT[@]}" install "/tmp/$(basename "$deb")" || return 1
  local got; got=$(in_root dpkg-query -W -f='${Version}' counterpay) || return 1
  [ "$got" = "$version" ] || { echo "installed $got, expected $version"; return 1; }
  note "counterpay $got, $(in_root dpkg-query -W | wc -l) packages in the root"
}

check_version() { # EXPECTED
  local out; out=$(in_root counterpay-cli --version) || return 1
  echo "$out"
  [ "$out" = "counterpay-cli $1" ] || { echo "expected 'counterpay-cli $1'"; return 1; }
  # The one version number reaches the other two programs as well.
  local sandbox gui
  sandbox=$(in_root counterpay-sandbox --version) || return 1
  gui=$(in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp counterpay --version 2>/dev/null) || return 1
  echo "$sandbox"; echo "$gui"
  [ "$sandbox" = "counterpay-sandbox $1" ] || { echo "expected 'counterpay-sandbox $1'"; return 1; }
  [ "$gui" = "CounterPay $1" ] || { echo "expected 'CounterPay $1'"; return 1; }
  note "$out; counterpay and counterpay-sandbox agree"
}

# The sales of the upgrade check, in the default ledger (~/.local/share/CounterPay/CounterPay),
# which both versions must find.
SALE_AMOUNTS=(10 25.50 149.50)
SALE_AMOUNTS_LEDGER=(10.00 25.50 149.50) # as history --json prints them
make_sales() {
  local amount out
  for amount in "${SALE_AMOUNTS[@]}"; do
    out=$(in_root counterpay-cli --demo pay --provider juspay-gpay --amount "$amount" \
          --mobile 9876543210 --wait) || { echo "$out"; return 1; }
    echo "$out"
    grep -q 'charged' <<<"$out" || { echo "sale of $amount was not charged"; return 1; }
  done
  note "${#SALE_AMOUNTS[@]} sales charged (${SALE_AMOUNTS[*]} INR)"
}

LEDGER=/root/.local/share/CounterPay/CounterPay/ledger.sqlite
schema_version() { # read on the host (sqlite3 is not in the root)
  if command -v sqlite3 >/dev/null; then
    sqlite3 -readonly "$ROOT$LEDGER" 'SELECT version FROM schema_version' 2>/dev/null || echo '?'
  else echo '?'; fi
}

# "--demo": 0c05fa0's history refuses to run without a gateway profile, although it only reads
# the ledger. The demo uses the same default ledger.
history_json() { # OUTPUT-FILE
  in_root counterpay-cli --demo history --json >"$1" || return 1
  cat "$1"
}

record_history() {
  history_json "$WORK/history-before.json" || return 1
  python3 - "$WORK/history-before.json" "${SALE_AMOUNTS_LEDGER[@]}" <<'EOF' || return 1
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
want = sorted(sys.argv[2:])
got = sorted(r["amount"] for r in rows if r["state"] == "charged" and r["currency"] == "INR")
print("charged amounts:", got)
sys.exit(0 if got == want and len(rows) == len(want) else 1)
EOF
  schema_version >"$WORK/schema-before"
  note "$(wc -l <"$WORK/history-before.json") orders in the ledger (schema v$(cat "$WORK/schema-before"))"
}

compare_history() {
  history_json "$WORK/history-after.json" || return 1
  python3 - "$WORK/history-before.json" "$WORK/history-after.json" <<'EOF' || return 1
import json, sys
def load(p):
    return {r["order_id"]: r for r in (json.loads(line) for line in open(p) if line.strip())}
before, after = load(sys.argv[1]), load(sys.argv[2])
ok = bool(before) and before.keys() == after.keys()
for oid, row in sorted(before.items()):
    # every field the previous version printed must be unchanged (a newer one may print more)
    new = after.get(oid, {})
    same = all(new.get(k) == v for k, v in row.items())
    ok = ok and same
    print(oid, row["state"], row["amount"], row["currency"], "unchanged" if same else ("CHANGED: %s" % new))
sys.exit(0 if ok else 1)
EOF
  note "$(wc -l <"$WORK/history-after.json") orders, same ids, states and amounts; ledger schema v$(cat "$WORK/schema-before") -> v$(schema_version)"
}

new_sale() {
  local out
  out=$(in_root counterpay-cli --demo pay --provider juspay-gpay --amount 10 --mobile 9876543210 --wait) \
    || { echo "$out"; return 1; }
  echo "$out"
  grep -q charged <<<"$out" || return 1
  history_json "$WORK/history-final.json" >/dev/null || return 1
  local n; n=$(wc -l <"$WORK/history-final.json")
  [ "$n" -eq $(( ${#SALE_AMOUNTS[@]} + 1 )) ] || { echo "expected $(( ${#SALE_AMOUNTS[@]} + 1 )) orders, got $n"; return 1; }
  note "charged; $n orders in the ledger"
}

start_gui() {
  command -v xvfb-run >/dev/null || { echo "xvfb-run is missing on the host (package xvfb)"; return 1; }
  # xvfb-run starts Xvfb on the host; the root gets its socket (bind mount) and a copy of the
  # cookie. Nothing X-related is installed in the root beyond what the package pulls in.
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" sh -c '
    cp "$XAUTHORITY" "'"$ROOT"'/root/.Xauthority"
    exec chroot "'"$ROOT"'" /usr/bin/env -i HOME=/root USER=root PATH=/usr/bin:/bin LANG=C.UTF-8 \
      DISPLAY="$DISPLAY" XAUTHORITY=/root/.Xauthority XDG_RUNTIME_DIR=/tmp/runtime-root \
      QT_QPA_PLATFORM=xcb QTWEBENGINE_DISABLE_SANDBOX=1 \
      sh -c "mkdir -p -m 700 /tmp/runtime-root && timeout 120 counterpay --demo --bench-ready"
  ' >"$WORK/gui.out" 2>"$WORK/gui.err"
  local rc=$?
  cat "$WORK/gui.out"; cat "$WORK/gui.err"
  [ $rc -eq 0 ] || return 1
  local ready; ready=$(grep -E '^ready [0-9]+ [0-9]+' "$WORK/gui.out") || return 1
  # Pay enabled: the window painted and the engine attached (ledger, gateways, demo sandbox).
  local pay; pay=$(grep -E '^pay [0-9]+ [0-9]+' "$WORK/gui.out") || { echo "Pay never enabled"; return 1; }
  # --bench-ready does not open the browser or play a sound, so check that the window's plugins
  # (loaded on first use) would find every library they link, and WebEngine its helper.
  local plugins; plugins=$(in_root sh -c 'ls /usr/lib/*/counterpay/plugins/*.so 2>/dev/null')
  local p
  for p in $plugins; do
    echo "ldd $p"; in_root ldd "$p" | tee "$WORK/ldd.out"
    if grep -q 'not found' "$WORK/ldd.out"; then echo "$p: missing libraries"; return 1; fi
    if grep -q 'libQt6WebEngineCore' "$WORK/ldd.out" && ! in_root test -x /usr/lib/qt6/libexec/QtWebEngineProcess; then
      echo "QtWebEngineProcess is missing"; return 1
    fi
  done
  note "$ready, $pay (ms, RSS KiB); $(wc -w <<<"$plugins") plugins resolve"
}

# After the upgrade the ledger may have a newer schema than the previous version knows. Going
# back must refuse it with a message and leave the file as it was; then the new version returns.
downgrade_refused() {
  local before after; before=$(schema_version)
  if [ "$before" = "$(cat "$WORK/schema-before")" ]; then
    note "skipped: both versions use ledger schema v$before"; return 0
  fi
  local sums; sums=$(cd "$ROOT$(dirname "$LEDGER")" && sha256sum ledger.sqlite*)
  echo "$sums"
  in_root "${APT[@]}" install --allow-downgrades "/tmp/$(basename "$(cat "$WORK/prev-deb.path")")" || return 1
  local out rc
  out=$(in_root counterpay-cli --demo history --json 2>&1); rc=$?
  echo "exit $rc: $out"
  [ $rc -ne 0 ] || { echo "the previous version read a schema v$before ledger"; return 1; }
  grep -qi 'newer' <<<"$out" || { echo "no message about a newer ledger"; return 1; }
  after=$(cd "$ROOT$(dirname "$LEDGER")" && sha256sum ledger.sqlite*)
  [ "$sums" = "$after" ] || { echo "the ledger changed: $after"; return 1; }
  install_deb "$(cat "$WORK/new-deb.path")" "$NEW_VERSION" || return 1
  note "$PREV_VERSION exits $rc on schema v$before ('$(head -c 60 <<<"$out")...'), ledger byte-identical; $NEW_VERSION back"
}

purge() {
  in_root dpkg-query -L counterpay >"$WORK/files-before-purge.txt" || return 1
  in_root "${APT[@]}" purge counterpay || return 1
  if in_root dpkg-query -L counterpay 2>/dev/null | grep -q .; then echo "dpkg still lists files"; return 1; fi
  local status; status=$(in_root dpkg-query -W -f='${Status}' counterpay 2>/dev/null)
  case "$status" in ''|'unknown ok not-installed'|'deinstall ok config-files') ;;
    *) echo "status after purge: $status"; return 1 ;; esac
  [ "$status" != 'deinstall ok config-files' ] || { echo "configuration files left"; return 1; }
  local left=0 f
  while read -r f; do
    [ -n "$f" ] && [ ! -d "$ROOT$f" ] && [ -e "$ROOT$f" ] && { echo "left behind: $f"; left=1; }
  done <"$WORK/files-before-purge.txt"
  ls "$ROOT"/usr/bin/counterpay* 2>/dev/null && { echo "/usr/bin/counterpay* still there"; left=1; }
  [ $left -eq 0 ] || return 1
  local ledger=no
  [ -f "$ROOT$LEDGER" ] && ledger=yes
  note "its $(grep -c . "$WORK/files-before-purge.txt") paths gone (shared directories stay); user's ledger kept: $ledger"
}

# ---------------------------------------------------------------------------------------------
[ "${PACKAGE_TEST_SOURCE_ONLY:-0}" = 1 ] && return 0 # lets a debugging shell source the functions
[ "$(id -u)" -eq 0 ] || { say "package-test.sh must run as root (debootstrap, chroot, mounts)"; exit 2; }
mkdir -p "$WORK" "$LOGS" "$CACHE"
rm -f "$LOGS"/*.log "$LOGS/note"
cleanup

say "package-test: new from ${CUR_REF:-the working tree}, previous from $PREV_REF as $PREV_VERSION; logs in $LOGS"

step "build new DEB (Release, no tests)" build_current
NEW_VERSION=$(cat "$WORK/new-version")
step "build previous DEB ($PREV_REF as $PREV_VERSION)" build_previous
step "package contents and Depends" check_package
step "desktop entry, AppStream, man, hardening" check_metadata
step "lintian" check_lintian
step "clean Debian 12 root" make_root
step "install previous with apt ($PREV_VERSION)" install_deb "$(cat "$WORK/prev-deb.path")" "$PREV_VERSION"
step "previous: --version of the 3 programs" check_version "$PREV_VERSION"
step "previous: demo sales (pay --wait)" make_sales
step "previous: history --json" record_history
step "upgrade with apt to $NEW_VERSION" install_deb "$(cat "$WORK/new-deb.path")" "$NEW_VERSION"
step "new: --version of the 3 programs" check_version "$NEW_VERSION"
step "new: previous sales intact" compare_history
step "new: demo sale (pay --wait)" new_sale
step "new: GUI under Xvfb (--demo --bench-ready)" start_gui
step "downgrade refuses the newer ledger" downgrade_refused
step "purge leaves no package files" purge
finish
