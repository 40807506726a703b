#!/usr/bin/env bash
# Makes sure shellcheck (Debian's shellcheck package) is on this machine: the unit tests lint the
# project's shell scripts with it. Installs the package when missing and the machine allows it
# (root with apt-get), serialised with other apt users by a lock file. Prints the path of the
# executable; exits 2 with a clear message when it cannot.
set -euo pipefail
if command -v shellcheck >/dev/null 2>&1; then
  command -v shellcheck
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[shellcheck] ERROR: shellcheck not found; install it (Debian: apt-get install shellcheck)" >&2
  exit 2
fi
echo "[shellcheck] installing Debian's shellcheck package" >&2
export DEBIAN_FRONTEND=noninteractive
( flock 9
  apt-get install -y -qq --no-install-recommends shellcheck >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends shellcheck; } >/dev/null 2>&1
) 9>/var/tmp/relay-harness-apt.lock || { echo "[shellcheck] ERROR: apt-get install shellcheck failed" >&2; exit 2; }
command -v shellcheck || { echo "[shellcheck] ERROR: shellcheck installed but not on PATH" >&2; exit 2; }
