#!/usr/bin/env bash
# Makes sure Postfix's smtp-source and smtp-sink (Debian's postfix package) are on this machine:
# the benchmarks use them as the reference load generator and reference sink. Installs the
# package when missing and the machine allows it (root with apt-get), serialised with other apt
# users by a lock file; the Postfix daemon is not started. Prints the directory that holds the
# tools, and nothing else, on stdout; progress and apt-get's output go to stderr. Exits 2 with a
# clear message when it cannot.
#
#   RELAY_HARNESS_POSTFIX_TOOL_DIRS   directories searched, blank-separated
#                                     (/usr/sbin /usr/lib/postfix/sbin /usr/local/sbin)
set -euo pipefail
read -r -a TOOL_DIRS <<<"${RELAY_HARNESS_POSTFIX_TOOL_DIRS:-/usr/sbin /usr/lib/postfix/sbin /usr/local/sbin}"
find_tools() {
  for d in "${TOOL_DIRS[@]}"; do
    if [ -x "$d/smtp-source" ] && [ -x "$d/smtp-sink" ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}
if find_tools; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[postfix-tools] ERROR: smtp-source/smtp-sink not found; install Postfix (Debian: apt-get install postfix)" >&2
  exit 2
fi
echo "[postfix-tools] installing Debian's postfix package for smtp-source/smtp-sink" >&2
export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections >&2
( flock 9
  apt-get install -y -qq --no-install-recommends postfix \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends postfix; }
) 9>/var/tmp/relay-harness-apt.lock >&2 || { echo "[postfix-tools] ERROR: apt-get install postfix failed" >&2; exit 2; }
find_tools || { echo "[postfix-tools] ERROR: postfix installed but smtp-source/smtp-sink not found" >&2; exit 2; }
