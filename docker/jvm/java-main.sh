#!/bin/bash
# Starts one of the project's Java servers: java-main.sh <main class> [args...]. Uses the
# class-data sharing archive trained for that main at image build (see cds-train.sh), which about
# halves the CPU a start costs; without one the JVM starts the same, only slower.
set -eu
main="${1:?usage: java-main.sh <main class> [args...]}"
archive="/app/cds/${main##*.}.jsa"
cds=()
[ -s "$archive" ] && cds=(-XX:SharedArchiveFile="$archive" -Xshare:auto)
exec java ${cds[@]+"${cds[@]}"} -XX:+UseSerialGC -XX:MaxRAMPercentage=40 -cp "/app/app.jar:/app/lib/*" "$@"
