#!/bin/bash
# Owns the shared network namespace of a run and serves the run's DNS zone with two dnsmasq
# instances, on 127.0.0.1 and 127.0.0.2 (the relay's resolv.conf lists both). zone-reload.sh
# restarts them one after the other, so a zone change never leaves the relay without DNS.
#
# /etc/relay-harness/dns.list, when present, says which instances to run instead: one
# "<address> <zone file>" a line. A relay tier whose relays have their own worker pools serves
# each relay's view of the zone (its pool in the MX records) on two addresses of its own.
set -u
ZONE=/etc/relay-harness/zone.conf
LIST=/etc/relay-harness/dns.list
[ -f "$ZONE" ] || { echo "holder: $ZONE missing" >&2; exit 2; }
instances() { # "<address> <zone file>" lines
  if [ -f "$LIST" ]; then grep -v '^[[:space:]]*\(#\|$\)' "$LIST"; else printf '127.0.0.1 %s\n127.0.0.2 %s\n' "$ZONE" "$ZONE"; fi
}
serve() { # address, zone file: keep one dnsmasq on it, restarted whenever it exits
  while true; do
    dnsmasq --keep-in-foreground --no-hosts --no-resolv --server=127.0.0.11 \
      --listen-address="$1" --bind-interfaces --conf-file="$2" --log-facility=- \
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
while read -r addr zone; do
  [ -f "$zone" ] || { echo "holder: $zone missing (named in $LIST)" >&2; exit 2; }
  serve "$addr" "$zone" &
done < <(instances)
# "serving" means every instance answers: the harness takes this line as "DNS ready". Bounded: 5 s
# per instance.
while read -r addr _; do
  for _ in $(seq 1 250); do
    bound "$addr" && continue 2
    sleep 0.02
  done
  echo "holder: dnsmasq on $addr did not bind within 5 s" >&2
  exit 1
done < <(instances)
echo "holder: serving $(grep -c . "$ZONE") zone lines on $(instances | wc -l) instance(s)"
wait
