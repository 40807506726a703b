#!/bin/bash
# Starts one of the project's Java servers: java-main.sh <main class> [args...]. Uses the
# class-data sharing archive trained for that main at image build (see cds-train.sh), which about
# halves the CPU a start costs; without one the JVM starts the same, only slower. C1 only
# (TieredStopAtLevel=1): four JVMs start at once on small machines, and C2's compilations cost a
# third of their start CPU; the servers are I/O-bound (TopologyBenchmark keeps checking that).
# Logging goes through slf4j-simple (/app/server-lib) rather than the harness's logback, whose XML
# configuration cost a sink 0.12 s of a 0.6 s start: our start, stop and fault lines at INFO,
# SubEtha's per-session chatter off. (Set as properties, not a file: class-data sharing refuses a
# directory on the class path.)
set -eu
classpath="/app/server-lib/*:/app/app.jar:/app/lib/*"
logging=(
  -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider
  -Dslf4j.internal.verbosity=WARN
  -Dorg.slf4j.simpleLogger.logFile=System.out
  -Dorg.slf4j.simpleLogger.log.org.subethamail=warn
  -Dorg.slf4j.simpleLogger.showDateTime=true
  "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX"
  -Dorg.slf4j.simpleLogger.showThreadName=false
  -Dorg.slf4j.simpleLogger.showShortLogName=true
)
# cds-train.sh launches the servers as this script does: it reads the class path and options here.
[ "${1:-}" = --print-launch ] && { printf '%s\n' "$classpath" "${logging[@]}"; exit 0; }
main="${1:?usage: java-main.sh <main class> [args...]}"
archive="/app/cds/${main##*.}.jsa"
cds=()
[ -s "$archive" ] && cds=(-XX:SharedArchiveFile="$archive" -Xshare:auto)
exec java ${cds[@]+"${cds[@]}"} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxRAMPercentage=40 "${logging[@]}" -cp "$classpath" "$@"
