#!/usr/bin/env bash
# Makes sure a headless-capable Chromium (Debian's chromium package) is on this machine: the report
# tests open the run report and the comparison page in it, offline. Installs the package when
# missing and the machine allows it (root with apt-get), serialised with other apt users by a lock
# file. Prints the path of the chromium executable; exits 2 with a clear message when it cannot.
set -euo pipefail
find_chromium() {
  for c in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}
if find_chromium; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[chromium] ERROR: chromium not found; install it (Debian: apt-get install chromium)" >&2
  exit 2
fi
echo "[chromium] installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
( flock 9
  apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; } >/dev/null 2>&1
) 9>/var/tmp/relay-harness-apt.lock || { echo "[chromium] ERROR: apt-get install chromium failed" >&2; exit 2; }
find_chromium || { echo "[chromium] ERROR: chromium installed but not on PATH" >&2; exit 2; }
