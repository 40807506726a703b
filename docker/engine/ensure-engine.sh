#!/usr/bin/env bash
# Makes sure a Docker engine answers and the base image the harness builds on exists.
#
#   engine reachable?  yes -> use it as it is (a normal Docker set-up notices nothing)
#                      no  -> root on Debian/Ubuntu: install docker.io from the distribution
#                             and start dockerd in the background; otherwise explain and fail
#   base image there?  yes -> done
#                      no  -> docker pull; if no registry answers and we may, build it with
#                             debootstrap from the distribution's archive and docker import
#
# Idempotent and quiet when there is nothing to do. One progress line per step goes to stderr,
# prefixed [engine]; apt-get's and debootstrap's own output goes to log files in the state dir.
#
#   RELAY_HARNESS_BASE_IMAGE        image to make sure of (debian:bookworm-slim)
#   RELAY_HARNESS_BASE_SUITE        Debian suite debootstrap builds it from (bookworm)
#   RELAY_HARNESS_STATE_DIR         logs: dockerd.log, apt.log, debootstrap.log (/var/tmp/relay-harness)
#   RELAY_HARNESS_APT_SOURCES_DIR   apt's configuration root holding sources.list* (/etc/apt)
#   RELAY_HARNESS_DEBIAN_MIRROR     archive URL for debootstrap instead of the one apt uses
set -euo pipefail

BASE_IMAGE="${RELAY_HARNESS_BASE_IMAGE:-debian:bookworm-slim}"
SUITE="${RELAY_HARNESS_BASE_SUITE:-bookworm}"
LOG_DIR="${RELAY_HARNESS_STATE_DIR:-/var/tmp/relay-harness}"
APT_DIR="${RELAY_HARNESS_APT_SOURCES_DIR:-/etc/apt}"
APT_LOCK=/var/tmp/relay-harness-apt.lock

say() { echo "[engine] $*" >&2; }
die() {
  echo "[engine] ERROR: $*" >&2
  exit 2
}

engine_answers() { docker info >/dev/null 2>&1; }

can_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

# apt-get install with the given arguments, output in $LOG_DIR/apt.log, serialised with the other
# set-up scripts by their shared lock file; runs apt-get update first when the install fails.
apt_install() {
  mkdir -p "$LOG_DIR"
  export DEBIAN_FRONTEND=noninteractive
  (
    flock 9
    apt-get install -y -qq "$@" || { apt-get update -qq && apt-get install -y -qq "$@"; }
  ) 9>"$APT_LOCK" >>"$LOG_DIR/apt.log" 2>&1 || {
    tail -20 "$LOG_DIR/apt.log" >&2
    die "apt-get install $* failed; see $LOG_DIR/apt.log"
  }
}

start_daemon() {
  mkdir -p "$LOG_DIR"
  say "starting dockerd (log: $LOG_DIR/dockerd.log)"
  nohup dockerd >"$LOG_DIR/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    engine_answers && return 0
    sleep 0.5
  done
  tail -20 "$LOG_DIR/dockerd.log" >&2 || true
  die "dockerd did not answer within 30 s; see $LOG_DIR/dockerd.log"
}

ensure_engine() {
  engine_answers && return 0
  if [ -n "${DOCKER_HOST:-}" ]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer 'docker info'. Start that engine or unset DOCKER_HOST."
  fi
  if ! can_install; then
    die "no Docker engine answers. Start Docker (or set DOCKER_HOST to a reachable engine) and run again. \
The harness installs one by itself only as root on Debian/Ubuntu."
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    say "no Docker engine: installing docker.io from the distribution's packages (log: $LOG_DIR/apt.log)"
    apt_install --no-install-recommends docker.io iptables
  fi
  start_daemon
}

# The archive apt already uses for $SUITE: the first URI of a *.list line or *.sources stanza
# whose suites include it. No archive is written into this script: where apt names none, stop.
debian_mirror() {
  if [ -n "${RELAY_HARNESS_DEBIAN_MIRROR:-}" ]; then
    echo "$RELAY_HARNESS_DEBIAN_MIRROR"
    return 0
  fi
  local files=() f uri
  for f in "$APT_DIR"/sources.list "$APT_DIR"/sources.list.d/*.list "$APT_DIR"/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ "${#files[@]}" -gt 0 ] || die "apt names no package archive ($APT_DIR/sources.list*); \
set RELAY_HARNESS_DEBIAN_MIRROR to a Debian archive URL to build the base image from."
  uri=$(awk -v suite="$SUITE" '
    FILENAME ~ /\.list$/ && $1 == "deb" {
      i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
      if ($(i + 1) == suite) { print $i; exit }
      next
    }
    FILENAME ~ /\.sources$/ {
      if ($0 ~ /^[[:space:]]*$/) { u = ""; s = ""; next }
      if ($1 == "URIs:") u = $2
      if ($1 == "Suites:") { s = " " $0 " " }
      if (u != "" && index(s, " " suite " ")) { print u; exit }
    }' "${files[@]}")
  [ -n "$uri" ] || die "apt names no archive for Debian $SUITE in $APT_DIR/sources.list*; \
set RELAY_HARNESS_DEBIAN_MIRROR to a Debian archive URL to build the base image from."
  echo "$uri"
}

build_base_locally() {
  can_install || die "base image $BASE_IMAGE is missing and cannot be pulled. Pull or load it \
(docker pull $BASE_IMAGE / docker load), then run again."
  local mirror
  mirror=$(debian_mirror)
  command -v debootstrap >/dev/null 2>&1 || {
    say "installing debootstrap (log: $LOG_DIR/apt.log)"
    apt_install debootstrap
  }
  # A global, removed on any exit: a RETURN trap would fire again in every caller.
  ROOTFS=$(mktemp -d /var/tmp/relay-harness-rootfs.XXXXXX)
  trap 'rm -rf "${ROOTFS:-}"' EXIT
  say "building $BASE_IMAGE locally: debootstrap --variant=minbase $SUITE from $mirror (about a minute; log: $LOG_DIR/debootstrap.log)"
  debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$mirror" >"$LOG_DIR/debootstrap.log" 2>&1 \
    || { tail -20 "$LOG_DIR/debootstrap.log" >&2; die "debootstrap failed; see $LOG_DIR/debootstrap.log"; }
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*
  tar -C "$ROOTFS" -c . | docker import -c 'CMD ["bash"]' - "$BASE_IMAGE" >/dev/null \
    || die "docker import of the debootstrapped tree as $BASE_IMAGE failed"
  rm -rf "$ROOTFS"
  say "base image $BASE_IMAGE built locally"
}

ensure_base_image() {
  docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 && return 0
  say "base image $BASE_IMAGE missing: trying docker pull"
  if timeout 60 docker pull -q "$BASE_IMAGE" >/dev/null 2>&1; then
    return 0
  fi
  say "no registry answered"
  mkdir -p "$LOG_DIR"
  build_base_locally
}

ensure_engine
ensure_base_image
