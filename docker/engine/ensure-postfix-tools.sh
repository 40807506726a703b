#!/usr/bin/env bash
# Makes sure Postfix's smtp-source and smtp-sink (Debian's postfix package) are on this machine:
# the benchmarks use them as the reference load generator and reference sink. Installs the
# package when missing and the machine allows it (root with apt-get); the Postfix daemon is not
# started. Prints the directory that holds the tools.
set -euo pipefail
for d in /usr/sbin /usr/lib/postfix/sbin /usr/local/sbin; do
  if [ -x "$d/smtp-source" ] && [ -x "$d/smtp-sink" ]; then
    echo "$d"
    exit 0
  fi
done
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[postfix-tools] ERROR: smtp-source/smtp-sink not found; install Postfix (Debian: apt-get install postfix)" >&2
  exit 2
fi
echo "[postfix-tools] installing Debian's postfix package for smtp-source/smtp-sink" >&2
export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
( flock 9
  apt-get install -y -qq --no-install-recommends postfix >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends postfix; } >/dev/null 2>&1
) 9>/var/tmp/relay-harness-apt.lock || { echo "[postfix-tools] ERROR: apt-get install postfix failed" >&2; exit 2; }
echo /usr/sbin
