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
trap 'exit 0' TERM INT
serve 127.0.0.1 &
serve 127.0.0.2 &
echo "holder: serving $(grep -c . "$ZONE") zone lines"
wait
