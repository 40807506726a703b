#!/bin/bash
# Image build step: runs each server once until it answers, then stops it, so the JVM writes a
# class-data sharing archive of the classes its start loads (/app/cds/<Main>.jsa). Bounded: 60 s
# per server. Sees the same class path and logging as java-main.sh (it prints them).
set -eu
mapfile -t launch < <(/app/java-main.sh --print-launch)
classpath="${launch[0]}"
logging=("${launch[@]:1}")
mkdir -p /app/cds
answers() { # port path -> does http://127.0.0.1:port/path answer 200?
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\n\r\n' "$2" >&3 && head -c 12 <&3 | grep -q ' 200') 2>/dev/null
}
train() { # main port path args...
  local main="$1" port="$2" path="$3"
  shift 3
  java -XX:ArchiveClassesAtExit="/app/cds/${main##*.}.jsa" -XX:+UseSerialGC "${logging[@]}" \
    -cp "$classpath" "$main" "$@" >/tmp/train.log 2>&1 &
  local pid=$! ok=
  for _ in $(seq 1 3000); do
    if answers "$port" "$path"; then ok=1; break; fi
    sleep 0.02
  done
  kill -TERM "$pid"
  wait "$pid" || true
  if [ -z "$ok" ] || [ ! -s "/app/cds/${main##*.}.jsa" ]; then
    echo "cds-train: $main did not answer on :$port$path or wrote no archive:" >&2
    cat /tmp/train.log >&2
    exit 1
  fi
  echo "cds-train: $main archive $(du -h "/app/cds/${main##*.}.jsa" | cut -f1)"
}
train io.relayharness.sink.SinkMain 8025 /health \
  --name worker0 --smtp-port 2525 --http-port 8025 --ledger /tmp/train-ledger.jsonl
train io.relayharness.faultproxy.FaultProxyMain 8474 /version -host=127.0.0.1 -port=8474
rm -f /tmp/train.log /tmp/train-ledger.jsonl
