#!/bin/bash
# Starts one of the project's Java servers: java-main.sh <main class> [args...]. Uses the
# class-data sharing archive trained for that main at image build (see cds-train.sh), which about
# halves the CPU a start costs; without one the JVM starts the same, only slower. C1 only
# (TieredStopAtLevel=1): four JVMs start at once on small machines, and C2's compilations cost a
# third of their start CPU; the servers are I/O-bound (TopologyBenchmark keeps checking that).
set -eu
main="${1:?usage: java-main.sh <main class> [args...]}"
archive="/app/cds/${main##*.}.jsa"
cds=()
[ -s "$archive" ] && cds=(-XX:SharedArchiveFile="$archive" -Xshare:auto)
exec java ${cds[@]+"${cds[@]}"} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxRAMPercentage=40 -cp "/app/app.jar:/app/lib/*" "$@"
