#!/usr/bin/env bash
# Makes sure a headless-capable Chromium and its WebDriver (Debian's chromium and chromium-driver
# packages) are on this machine: the report tests drive the run report and the comparison page
# through Selenium, offline. Installs what is missing when the machine allows it (root with
# apt-get), serialised with other apt users by a lock file. Prints two lines, the path of the
# chromium executable and then that of chromedriver; exits 2 with a clear message when it cannot.
set -euo pipefail
first_on_path() {
  local c
  for c in "$@"; do
    if command -v "$c" >/dev/null 2>&1; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}
find_both() {
  local chromium driver
  chromium=$(first_on_path chromium chromium-browser google-chrome-stable google-chrome) || return 1
  driver=$(first_on_path chromedriver) || return 1
  printf '%s\n%s\n' "$chromium" "$driver"
}
if find_both; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[chromium] ERROR: chromium or chromedriver not found; install them" \
    "(Debian: apt-get install chromium chromium-driver)" >&2
  exit 2
fi
echo "[chromium] installing Debian's chromium and chromium-driver packages" >&2
export DEBIAN_FRONTEND=noninteractive
packages=(chromium chromium-driver)
( flock 9
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >/dev/null 2>&1
) 9>/var/tmp/relay-harness-apt.lock \
  || { echo "[chromium] ERROR: apt-get install ${packages[*]} failed" >&2; exit 2; }
find_both || { echo "[chromium] ERROR: installed, but chromium or chromedriver is not on PATH" >&2; exit 2; }
