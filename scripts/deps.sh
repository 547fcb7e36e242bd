#!/usr/bin/env bash
# Installs the Debian 12 packages CounterPay needs to build, test and run.
# Idempotent: only packages that are not installed yet are passed to apt-get.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6 modules
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6sql6-sqlite
  qt6-webengine-dev qt6-webengine-dev-tools
  qt6-charts-dev qt6-svg-dev
  qt6-speech-dev qt6-speech-flite-plugin
  # the spoken amount: speech-dispatcher with espeak-ng, which has a Hindi voice (flite is English only)
  qt6-speech-speechd-plugin speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
  qt6-multimedia-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libgl-dev libvulkan-dev
  # other libraries
  qtkeychain-qt6-dev libqrencode-dev libphonenumber-dev libssl-dev openssl ca-certificates libzxing-dev
  libsqlite3-dev sqlite3
  # headless GUI, screenshots, keychain tests
  xvfb xauth imagemagick dbus dbus-x11 gnome-keyring libsecret-tools
  # PDF to text and PNG (the Z report PDF test reads its words; screenshots of it)
  poppler-utils
  # Devanagari for the Hindi interface; DejaVu for the rest
  fonts-lohit-deva fonts-dejavu-core
  # fuzzing (clang + libFuzzer runtime)
  clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "[deps] all ${#PACKAGES[@]} system packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "[deps] error: ${#missing[@]} packages are missing and this is not root and sudo is absent: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "[deps] installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "[deps] done"
