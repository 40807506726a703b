#!/bin/bash
# Makes every dnsmasq instance serve the current zone files: restarts one, waits until it is bound
# again under a new pid, then the next. One instance of each pair always answers. Bounded: 5 s per
# instance. The instances are those of /etc/relay-harness/dns.list (see holder-entrypoint.sh), or
# 127.0.0.1 and 127.0.0.2.
set -u
LIST=/etc/relay-harness/dns.list
bound() { # address -> is a UDP socket bound on address:53? (/proc/net/udp, hex little-endian)
  local hex
  hex=$(echo "$1" | awk -F. '{ printf "%02X%02X%02X%02X:0035", $4, $3, $2, $1 }')
  grep -q " $hex " /proc/net/udp
}
if [ -f "$LIST" ]; then
  mapfile -t addrs < <(grep -v '^[[:space:]]*\(#\|$\)' "$LIST" | awk '{ print $1 }')
else
  addrs=(127.0.0.1 127.0.0.2)
fi
for addr in "${addrs[@]}"; do
  pidfile="/run/dnsmasq-$addr.pid"
  old=$(cat "$pidfile" 2>/dev/null || true)
  [ -n "$old" ] && kill "$old" 2>/dev/null
  for _ in $(seq 1 100); do
    new=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$new" ] && [ "$new" != "$old" ] && kill -0 "$new" 2>/dev/null && bound "$addr"; then
      continue 2
    fi
    sleep 0.05
  done
  echo "zone-reload: dnsmasq on $addr did not come back" >&2
  exit 1
done
