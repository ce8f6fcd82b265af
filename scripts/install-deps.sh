#!/usr/bin/env bash
# Installs, from Debian's packages, whatever peerobs needs to build, run and test that is not
# already installed. Safe to run again: it only calls apt-get when something is missing.
# --web adds what the browser client's build and tests need.
set -euo pipefail
packages=(
  cmake g++ make ninja-build ccache pkg-config  # ninja and ccache: scripts/test.sh builds with them
  libsdl2-dev libimgui-dev libgl-dev          # client
  libsqlite3-dev libcereal-dev rapidjson-dev  # core
  libsodium-dev libzstd-dev                   # hashes and random ids, compression
  libssl-dev libcpp-httplib-dev               # the hub's and the sync client's HTTPS
  zlib1g-dev                                  # cpp-httplib's pkg-config asks for it
  libcli11-dev                                # command-line arguments of peerobs-cli and peerobs-hub
  libcairo2-dev libpango1.0-dev               # reports as PDF, text shaped for any script
  libkainjow-mustache-dev                     # the reports' printable HTML (a template engine, not our own)
  poppler-utils python3                       # tests read the PDFs (pdftotext, pdftoppm) and the CSV (csv module)
  catch2 clang-format fonts-noto-core sqlite3 # tests and the format check, fonts (Latin, Greek, Cyrillic and one per script), inspecting stores
  fonts-noto-cjk                              # Chinese, Japanese, Korean (read only when such text appears)
  xvfb xdotool imagemagick libgl1-mesa-dri    # the real client under a virtual display
)
if [ "${1:-}" = "--web" ]; then
  packages+=(
    emscripten dpkg-dev tcl                   # the browser build, from Debian's source packages
    chromium                                  # the browser tests (headless)
  )
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq || echo "apt-get update failed; trying the install with the current package lists"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
fi
