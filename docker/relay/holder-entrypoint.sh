#!/bin/bash
# Owns the shared network namespace of a run and serves the run's DNS zone with two dnsmasq
# instances, on 127.0.0.1 and 127.0.0.2 (the relay's resolv.conf lists both). zone-reload.sh
# restarts them one after the other, so a zone change never leaves the relay without DNS.
set -u
ZONE=/etc/relay-harness/zone.conf
[ -f "$ZONE" ] || { echo "holder: $ZONE missing" >&2; exit 2; }
serve() { # address: keep one dnsmasq on it, restarted whenever it exits
  while true; do
    dnsmasq --keep-in-foreground --no-hosts --no-resolv --server=127.0.0.11 \
      --listen-address="$1" --bind-interfaces --conf-file="$ZONE" --log-facility=- \
      --pid-file="/run/dnsmasq-$1.pid" &
    wait $!
    sleep 0.05
  done
}
bound() { # address -> is a UDP socket bound on address:53? (/proc/net/udp, hex little-endian)
  local hex
  hex=$(echo "$1" | awk -F. '{ printf "%02X%02X%02X%02X:0035", $4, $3, $2, $1 }')
  grep -q " $hex " /proc/net/udp
}
trap 'exit 0' TERM INT
serve 127.0.0.1 &
serve 127.0.0.2 &
# "serving" means both instances answer: the harness takes this line as "DNS ready". Bounded: 5 s.
for addr in 127.0.0.1 127.0.0.2; do
  for _ in $(seq 1 250); do
    bound "$addr" && continue 2
    sleep 0.02
  done
  echo "holder: dnsmasq on $addr did not bind within 5 s" >&2
  exit 1
done
echo "holder: serving $(grep -c . "$ZONE") zone lines"
wait
