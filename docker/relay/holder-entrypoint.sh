#!/bin/bash
# Owns the shared network namespace of a run: adds the worker addresses' route and serves the
# run's DNS zone with dnsmasq. Restarting dnsmasq (pkill dnsmasq) re-reads the zone file; the
# harness does that to change MX records during a run.
set -u
ZONE=/etc/relay-harness/zone.conf
[ -f "$ZONE" ] || { echo "holder: $ZONE missing" >&2; exit 2; }
echo "holder: serving $(grep -c . "$ZONE") zone lines"
trap 'exit 0' TERM INT
while true; do
  dnsmasq --keep-in-foreground --no-hosts --no-resolv --server=127.0.0.11 \
    --listen-address=127.0.0.1 --bind-interfaces --conf-file="$ZONE" --log-facility=- &
  wait $!
  echo "holder: dnsmasq exited ($?), restarting"
  sleep 0.2
done
