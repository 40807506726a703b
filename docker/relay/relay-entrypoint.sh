#!/bin/bash
# Configures Postfix from a named variant plus per-run overrides, then runs it as PID 1.
#
#   /etc/relay-harness/configs/<variant>/main.cf    settings (name = value), applied with postconf
#   /etc/relay-harness/configs/<variant>/master.cf  master.cf entries that replace or add services
#   /etc/relay-harness/configs/<variant>/transport  transport map (postmap'd to hash:)
#   /etc/relay-harness/configs/<variant>/*.map      other lookup tables (postmap'd to hash:)
#   /etc/relay-harness/configs/<variant>/*.regexp   regexp: tables (copied as they are)
#   /etc/relay-harness/configs/<variant>/sasl-users user password lines for Cyrus sasldb
#   /etc/relay-harness/overrides.cf                 per-run settings, applied last
#   RELAY_VARIANT                                   the variant name
#   RELAY_NAMESERVERS                               own resolvers of the delivery agents (own_view)
#
# Or, with RELAY_CONFIG_DIR set, an operator's own config directory (OperatorConfig.java):
#   $RELAY_CONFIG_DIR/main.cf, master.cf  installed as /etc/postfix/main.cf and master.cf
#   $RELAY_CONFIG_DIR/files/<i>           the tables and files they name
#   $RELAY_CONFIG_DIR/files.plan          "<i> <target path> <postmap type or ->" a line
#   $RELAY_CONFIG_DIR/harness.cf          the settings the harness owns, applied last
set -euo pipefail
VARIANT="${RELAY_VARIANT:?RELAY_VARIANT is not set}"
OPERATOR="${RELAY_CONFIG_DIR:-}"
DIR="/etc/relay-harness/configs/$VARIANT"
if [ -z "$OPERATOR" ] && [ ! -d "$DIR" ]; then
  echo "relay: unknown config variant '$VARIANT'; variants: $(find /etc/relay-harness/configs -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tr '\n' ' ')" >&2
  exit 2
fi

trimmed() { # sets TRIMMED to $1 without leading and trailing blanks (no subshell: starts count)
  TRIMMED="${1#"${1%%[![:space:]]*}"}"
  TRIMMED="${TRIMMED%"${TRIMMED##*[![:space:]]}"}"
}

apply_settings() { # file: name = value lines, '#' comments; one postconf call for all
  local file="$1" line name
  local -a settings=()
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%%#*}"
    [[ "$line" =~ ^[[:space:]]*$ ]] && continue
    trimmed "${line%%=*}"
    name="$TRIMMED"
    trimmed "${line#*=}"
    settings+=("$name = $TRIMMED")
  done <"$file"
  [ ${#settings[@]} -eq 0 ] || postconf -e "${settings[@]}"
}

# Harness plumbing common to every variant (maillog_file, chroot off, ...) is set in the image.

# Postfix's own commands (postmap, postfix check) pause up to ~2 s when main.cf or a table was
# written within the last seconds: back-date what we wrote before running them.
backdate() { find /etc/postfix -newermt '-30 seconds' -exec touch -d '-10 seconds' {} + 2>/dev/null || true; }

queue_files() { # queue ids of the messages on the relay's disk (file names, long queue ids)
  find /var/spool/postfix/incoming /var/spool/postfix/active /var/spool/postfix/deferred \
    /var/spool/postfix/hold -type f -printf '%f\n' 2>/dev/null | sort || true
}

say_ids() { # prefix, ids on stdin: the ids in lines of 40, each line with the prefix
  xargs -r -n 40 echo | sed "s/^/$1 /"
}

# What was on the relay's disk when it (re)starts, by queue id, in its log: a relay that comes back
# after a kill holds these; one whose disk was lost (the harness left the marker file while it was
# down) comes back with an empty queue, and says which messages went with the disk.
DISK_LOST_MARKER=/var/lib/postfix/relay-harness-disk-lost
queue_at_start() {
  local ids
  ids="$(queue_files)"
  if [ -f "$DISK_LOST_MARKER" ]; then
    echo "relay: the disk was lost: $(echo -n "$ids" | grep -c . || true) queued message(s) gone"
    echo -n "$ids" | say_ids "relay: disk lost:"
    for dir in incoming active deferred hold defer bounce trace flush corrupt maildrop; do
      find "/var/spool/postfix/$dir" -mindepth 1 -type f -delete 2>/dev/null || true
    done
    rm -f "$DISK_LOST_MARKER"
    ids=""
  fi
  if [ -n "$ids" ]; then
    echo "relay: the queue holds $(echo "$ids" | grep -c . || true) message(s) at start"
    echo "$ids" | say_ids "relay: queued at start:"
  fi
}

# RELAY_LISTEN (comma-separated addresses): the smtp service listens on these addresses only, not
# on *:25. Several Postfix instances of a relay tier share one network namespace; inet_interfaces
# cannot name them (Postfix wants an interface address, and 127.0.3.x is only routed to lo).
listen_only() {
  [ -n "${RELAY_LISTEN:-}" ] || return 0
  local line rest addr
  line="$(postconf -M smtp/inet 2>/dev/null)"
  # a restart of the same container finds master.cf already bound
  [ -z "$line" ] && [ -n "$(postconf -M "${RELAY_LISTEN%%,*}:smtp/inet" 2>/dev/null)" ] && return 0
  [ -n "$line" ] || { echo "relay: no smtp/inet service in master.cf to bind to $RELAY_LISTEN" >&2; exit 3; }
  rest="$(echo "$line" | awk '{ $1 = ""; print substr($0, 2) }')"
  postconf -MX smtp/inet
  for addr in ${RELAY_LISTEN//,/ }; do
    postconf -M "$addr:smtp/inet = $addr:smtp $rest"
  done
}

# RELAY_NAMESERVERS (space-separated addresses): this relay resolves its next hops in its own view
# of the zone (a relay tier with a worker pool per relay). /etc/resolv.conf cannot say so: every
# container in the holder's network namespace shares the holder's file. So the delivery agents
# (master.cf services of type unix running smtp) run chrooted, as Debian ships them, and read the
# chroot's own etc/resolv.conf, which lists the view's servers.
own_view() {
  [ -n "${RELAY_NAMESERVERS:-}" ] || return 0
  local root ns file svc
  root="$(postconf -h queue_directory)"
  mkdir -p "$root/etc"
  {
    for ns in $RELAY_NAMESERVERS; do echo "nameserver $ns"; done
    echo "options timeout:1 attempts:2"
  } >"$root/etc/resolv.conf"
  for file in /etc/services /etc/hosts /etc/host.conf /etc/nsswitch.conf /etc/localtime; do
    [ -e "$file" ] && cp -L "$file" "$root/etc/"
  done
  for svc in $(postconf -M | awk '$2 == "unix" && $8 == "smtp" { print $1 "/" $2 }'); do
    postconf -F "$svc/chroot = y"
  done
  echo "relay: delivery agents chrooted in $root, resolving through $RELAY_NAMESERVERS (own view of the zone)"
}

start_checked() { # postfix check with Postfix's own words, then Postfix as PID 1
  # A restart in the middle of a transaction leaves cleanup's temporary file (<pid>.<usec>, a
  # message no client got a 250 for) in incoming/. Postfix's start-up integrity check would warn
  # about it through postsuper, which cannot open /dev/stdout, and fail the start: remove them, as
  # postsuper would.
  local stale
  stale="$(find /var/spool/postfix/incoming -maxdepth 1 -type f -name '*.*' -print -delete 2>/dev/null | wc -l)"
  [ "$stale" = 0 ] || echo "relay: removed $stale temporary file(s) a restart left in incoming/ (no 250 was given for them)" >&2
  queue_at_start
  listen_only
  printf "nameserver 127.0.0.1\nnameserver 127.0.0.2\noptions timeout:1 attempts:2\n" >/etc/resolv.conf
  own_view
  newaliases 2>/dev/null || true
  backdate
  # postfix(1) prints its diagnostics only to a terminal: give it one, so a broken setting fails
  # the start with Postfix's own words instead of a silent exit. The check runs postsuper, which
  # drops privileges and cannot open /dev/stdout: a warning of its (e.g. a temporary file that a
  # restart left in incoming/) would kill the check and the relay. While checking, Postfix logs to
  # a file.
  local check check_ok=1 logfile
  logfile="$(postconf -h maillog_file)"
  postconf -e "maillog_file = /var/lib/postfix/check.log"
  backdate # without it, this write alone made the check pause 2.8 s
  check="$(script -qec "postfix check" /dev/null 2>&1)" || check_ok=0
  postconf -e "maillog_file = ${logfile:-/dev/stdout}"
  backdate
  if [ -s /var/lib/postfix/check.log ]; then
    sed 's/^/relay: postfix check: /' /var/lib/postfix/check.log >&2
  fi
  rm -f /var/lib/postfix/check.log
  if [ "$check_ok" = 0 ]; then
    echo "$check" | tr -d '\r' >&2
    echo "relay: postfix check failed for $1" >&2
    exit 3
  fi
  [ -n "$check" ] && echo "$check" | tr -d '\r' >&2
  echo "relay: $1, $(postconf -n | wc -l) settings differ from defaults"
  # The check above is the one postfix-script would run again at start: quick-start skips it.
  touch "$(postconf -h queue_directory)/quick-start"
  exec postfix start-fg
}

if [ -n "$OPERATOR" ]; then
  cp "$OPERATOR/main.cf" /etc/postfix/main.cf
  [ -f "$OPERATOR/master.cf" ] && cp "$OPERATOR/master.cf" /etc/postfix/master.cf
  while read -r index target type; do
    [ -n "$index" ] || continue
    mkdir -p "$(dirname "$target")"
    cp "$OPERATOR/files/$index" "$target"
    if [ "$type" != "-" ] && ! out="$(postmap "$type:$target" 2>&1)"; then
      echo "$out" >&2
      echo "relay: postmap $type:$target failed (a table of the relay config)" >&2
      exit 3
    fi
  done <"$OPERATOR/files.plan"
  # Postfix says what it rejects in the operator's main.cf before the harness changes anything.
  if ! out="$(postconf -c /etc/postfix -n 2>&1 >/dev/null)" || [[ "$out" == *fatal* ]]; then
    echo "$out" >&2
    echo "relay: Postfix rejects the relay config's main.cf" >&2
    exit 3
  fi
  [ -n "$out" ] && echo "$out" >&2
  [ -f /etc/relay-harness/overrides.cf ] && apply_settings /etc/relay-harness/overrides.cf
  apply_settings "$OPERATOR/harness.cf"
  postconf -F '*/*/chroot = n'
  echo "relay: set by the harness: $(grep -v '^#' "$OPERATOR/harness.cf" | cut -d' ' -f1 | tr '\n' ' ')master.cf chroot = n"
  start_checked "$VARIANT"
fi

[ -f "$DIR/main.cf" ] && apply_settings "$DIR/main.cf"
if [ -f "$DIR/master.cf" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    read -r svc type _ <<<"$line"
    postconf -M "$svc/$type = $line"
  done <"$DIR/master.cf"
  postconf -F '*/*/chroot = n'
fi
for table in "$DIR"/*.regexp; do
  [ -f "$table" ] && cp "$table" "/etc/postfix/$(basename "$table")"
done
maps=()
for map in "$DIR"/transport "$DIR"/*.map; do
  [ -f "$map" ] || continue
  cp "$map" "/etc/postfix/$(basename "$map")"
  maps+=("/etc/postfix/$(basename "$map")")
done
if [ -f "$DIR/sasl-users" ]; then
  realm="$(postconf -h smtpd_sasl_local_domain)"
  while read -r user pass; do
    [[ -z "$user" || "$user" == \#* ]] && continue
    echo -n "$pass" | saslpasswd2 -p -c -u "${realm:-relay.example.com}" "$user"
  done <"$DIR/sasl-users"
  chown postfix:postfix /etc/sasldb2
fi
if [ -f "$DIR/smtpd-sasl.conf" ]; then
  mkdir -p /etc/postfix/sasl
  cp "$DIR/smtpd-sasl.conf" /etc/postfix/sasl/smtpd.conf
fi
[ -f /etc/relay-harness/overrides.cf ] && apply_settings /etc/relay-harness/overrides.cf

backdate
for map in ${maps[@]+"${maps[@]}"}; do postmap "$map"; done
start_checked "variant $VARIANT"
