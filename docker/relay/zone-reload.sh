#!/bin/bash
# Makes both dnsmasq instances serve the current zone file: restarts one, waits until it is bound
# again under a new pid, then the other. One instance always answers. Bounded: 5 s per instance.
set -u
bound() { # address -> is a UDP socket bound on address:53? (/proc/net/udp, hex little-endian)
  local hex
  hex=$(echo "$1" | awk -F. '{ printf "%02X%02X%02X%02X:0035", $4, $3, $2, $1 }')
  grep -q " $hex " /proc/net/udp
}
for addr in 127.0.0.1 127.0.0.2; do
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
