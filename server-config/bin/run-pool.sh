#!/usr/bin/env bash
# Runs a local pool of N Persistent Chat nodes in the foreground, behind one SIP address:
#   run-pool.sh N          (N from 1 to 30)
#   run-pool.sh --stop     stops what an earlier run left running (HAProxy, every node)
#
# The pool: one GlassFish 7.0.21 unpacked into $PCHAT_POOL_HOME (default .pchat-pool in the
# checkout, mode 0700) with N domains node1..nodeN, each set up by configure-domain.sh for
# PostgreSQL (the same two databases for all), each with the EAR and its own embedded OpenMQ
# broker; the brokers form one OpenMQ conventional cluster; HAProxy (Debian's package, installed
# when missing, run by this command and not as the system's service) spreads SIP clients over
# the nodes and leaves out a node that stops answering.
#
# Node i listens on 127.0.0.1 at ports from PORTBASE+100*i (PCHAT_POOL_PORTBASE, default 20000:
# node 1 has 20148 admin, 20180 HTTP, 20181 HTTPS, 20160 SIP UDP/TCP, 20161 SIP TLS), and its
# broker on $PCHAT_POOL_MQ_NET.i (default 10.254.0.i, addresses this command adds to the loopback
# interface when run as root: OpenMQ will not cluster brokers on 127.0.0.1) at GlassFish's JMS
# port (PORTBASE+100*i+7676). The front: 127.0.0.1:$PCHAT_POOL_SIP_PORT (default 5060) for SIP
# over TCP, :$PCHAT_POOL_SIPS_PORT (default SIP port + 1) for SIP over TLS (passed through),
# HAProxy's statistics on 127.0.0.1:$PCHAT_POOL_STATS_PORT (default PORTBASE+90).
# Databases: PCHAT_PG_DB_MGC (default pchat_pool_mgc) and PCHAT_PG_DB_MGCCOMP (pchat_pool_mgccomp)
# with the other PCHAT_PG_* settings of configure-domain.sh; PCHAT_PG_PASSWORD is required.
# PCHAT_POOL_FRESH_DATABASES=true drops and recreates those databases when node 1 is first
# configured (the pool's integration tests); PCHAT_POOL_BUILD=false starts from the EAR and the
# GlassFish distribution an earlier build left in the checkout instead of building them first.
#
# Every node holds the same application keys (node1's config/pchat-keys, copied to the others
# before they are configured) and the same SIP TLS certificate (one demo CA for the pool). Node 1
# starts first and seeds the demo data into the empty database; the others start once it answers.
# The output of the build, asadmin and HAProxy goes to $PCHAT_POOL_HOME/run-pool.log (shown when a
# step fails); the nodes' warnings and errors and HAProxy's node state changes appear here.
# Ctrl-C stops HAProxy and every node. A node that stops by itself is reported and left out by
# HAProxy; the pool goes on while one node runs.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
home=${PCHAT_POOL_HOME:-$root/.pchat-pool}
glassfish="$home/glassfish7"
asadmin="$glassfish/bin/asadmin"
domains="$glassfish/glassfish/domains"
shared="$home/shared"
steps_log="$home/run-pool.log"
haproxy_dir="$home/haproxy"
haproxy_cfg="$haproxy_dir/haproxy.cfg"
haproxy_pid_file="$haproxy_dir/haproxy.pid"
haproxy_log="$haproxy_dir/haproxy.log"
ear="$root/chat-ear/target/pchat.ear"
portbase=${PCHAT_POOL_PORTBASE:-20000}
front_host=127.0.0.1
sip_front=${PCHAT_POOL_SIP_PORT:-5060}
sips_front=${PCHAT_POOL_SIPS_PORT:-$((sip_front + 1))}
stats_port=${PCHAT_POOL_STATS_PORT:-$((portbase + 90))}
mq_net=${PCHAT_POOL_MQ_NET:-10.254.0}
sip_domain=${PCHAT_SIP_DOMAIN:-example.com}
export PCHAT_PG_DB_MGC=${PCHAT_PG_DB_MGC:-pchat_pool_mgc}
export PCHAT_PG_DB_MGCCOMP=${PCHAT_PG_DB_MGCCOMP:-pchat_pool_mgccomp}
started=$(date +%s)

usage() {
  echo "usage: $(basename "$0") N    (a pool of N nodes, 1 to 30)" >&2
  echo "       $(basename "$0") --stop" >&2
  exit 2
}
[ $# -eq 1 ] || usage
stop_only=false
case "$1" in
  --stop) stop_only=true; nodes=0 ;;
  [1-9]|[1-2][0-9]|30) nodes=$1 ;;
  *) usage ;;
esac

# ---------------------------------------------------------------- helpers (as in run-server.sh)

# quietly WHAT COMMAND...: runs COMMAND with its output in $steps_log; shows that output if it
# fails. A step run in the background writes to a log of its own (steps_log set for it).
quietly() {
  local what=$1 from
  shift
  from=$(( $(wc -l < "$steps_log") + 1 ))
  echo "=== $what: $*" >> "$steps_log"
  if ! "$@" >> "$steps_log" 2>&1; then
    { echo "$what failed:"; tail -n +"$from" "$steps_log" | tail -n 60; echo "(all output: $steps_log)"; } >&2
    return 1
  fi
}

# A command that ignores Ctrl-C, and so does the GlassFish JVM that asadmin start-domain launches:
# a Ctrl-C reaches this script (its trap stops the pool), not a server in the middle of its work.
uninterrupted() {
  (trap '' INT; exec "$@")
}

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1
}

# The path as a person would type it from here (relative when below the current directory).
shown() {
  case "$1" in "$PWD"/*) echo "${1#"$PWD"/}" ;; *) echo "$1" ;; esac
}

node_dir() { echo "$domains/node$1"; }

# node_port I NAME: a port of node I from its domain.xml: admin, http, https, jms (the broker's).
node_port() {
  local config
  config="$(node_dir "$1")/config/domain.xml"
  case "$2" in
    admin) perl -ne 'if (/<network-listener\b[^>]*\bname="admin-listener"/ && /\bport="(\d+)"/) { print $1; exit }' "$config" ;;
    http) perl -ne 'if (/<network-listener\b[^>]*\bname="http-listener-1"/ && /\bport="(\d+)"/) { print $1; exit }' "$config" ;;
    https) perl -ne 'if (/<network-listener\b[^>]*\bname="http-listener-2"/ && /\bport="(\d+)"/) { print $1; exit }' "$config" ;;
    jms) perl -0ne 'if (/<config name="server-config">(.*?)<\/config>/s) { my $c = $1;
           if ($c =~ /<system-property\b[^>]*\bname="JMS_PROVIDER_PORT"[^>]*>/) { my $p = $&; print $1 if $p =~ /\bvalue="(\d+)"/ } }' "$config" ;;
  esac
}
node_base() { echo $((portbase + 100 * $1)); }
node_mq_address() { echo "$mq_net.$1"; }
node_sip_port() { echo $(( $(node_base "$1") + 60 )); }
node_sips_port() { echo $(( $(node_base "$1") + 61 )); }

# A node's GlassFish runs: the process in its pid file is this GlassFish's JVM for that domain.
node_running() {
  local pid dir
  dir=$(node_dir "$1")
  pid=$(cat "$dir/config/pid" 2>/dev/null) || return 1
  ps -ww -p "$pid" -o args= 2>/dev/null | grep -F "$glassfish/glassfish/modules/glassfish.jar" \
    | grep -F -- "-Dcom.sun.aas.instanceRoot=$dir " >/dev/null
}

# HAProxy of this pool: the process in its pid file runs on this pool's configuration.
haproxy_running() {
  local pid
  pid=$(cat "$haproxy_pid_file" 2>/dev/null) || return 1
  ps -ww -p "$pid" -o args= 2>/dev/null | grep -F -- "$haproxy_cfg" >/dev/null
}

existing_nodes() {
  local dir
  for dir in "$domains"/node*; do
    [ -f "$dir/config/domain.xml" ] || continue
    echo "${dir##*/node}"
  done | sort -n
}

stop_haproxy() {
  if haproxy_running; then
    kill "$(cat "$haproxy_pid_file")" 2>/dev/null || true
    for _ in $(seq 1 20); do haproxy_running || break; sleep 0.25; done
  fi
  rm -f "$haproxy_pid_file"
}

# Stops node I: asadmin stop-domain, killed after 30 s.
stop_node() {
  local i=$1
  node_running "$i" || return 0
  uninterrupted "$asadmin" stop-domain "node$i" >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do node_running "$i" || break; sleep 1; done
  if node_running "$i"; then
    echo "node$i did not stop within 30 s; killing it" >&2
    uninterrupted "$asadmin" stop-domain --kill=true "node$i" >/dev/null 2>&1 || true
  fi
}

# Stops HAProxy and every node of the pool's home that runs (the nodes side by side).
stop_pool() {
  local i stoppers=()
  stop_haproxy
  for i in $(existing_nodes); do
    if node_running "$i"; then
      stop_node "$i" &
      stoppers+=($!)
    fi
  done
  for i in "${stoppers[@]}"; do wait "$i" || true; done
}

if [ "$stop_only" = true ]; then
  if [ ! -d "$domains" ]; then
    echo "no pool in $(shown "$home")"
    exit 0
  fi
  echo "Stopping the pool of $(shown "$home")..."
  stop_pool
  echo "Stopped."
  exit 0
fi

# ---------------------------------------------------------------- checks before any work

if [ -z "${PCHAT_PG_PASSWORD:-}" ]; then
  echo "set PCHAT_PG_PASSWORD to the database login's password (there is no default; where the" \
    "database trusts local logins, any value)" >&2
  exit 2
fi
for i in $(existing_nodes); do
  if node_running "$i"; then
    echo "node$i of $(shown "$home") is already running; stop it first: $0 --stop" >&2
    exit 1
  fi
done
if haproxy_running; then
  echo "HAProxy of $(shown "$home") is already running; stop it first: $0 --stop" >&2
  exit 1
fi

# OpenMQ refuses to cluster brokers that listen on a loopback address (B3168): node I's broker
# listens on a private address of the loopback interface instead, $mq_net.I, reachable from this
# machine only. (One address for all would not do: OpenMQ takes two brokers of one address and one
# instance name, which GlassFish names imqbroker in every domain, for the same broker, B3241.)
case "$mq_net" in
  *[!0-9.]*|*..*|.*|*.) echo "PCHAT_POOL_MQ_NET must be the first three numbers of an IPv4 address (e.g. 10.254.0)" >&2; exit 2 ;;
esac
missing=()
for i in $(seq 1 "$nodes"); do
  if ! ip -o -4 addr show dev lo 2>/dev/null | grep -F " $(node_mq_address "$i")/" >/dev/null; then
    missing+=("$(node_mq_address "$i")")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The brokers need the addresses ${missing[*]} on the loopback interface (OpenMQ does not" >&2
    echo "cluster brokers on 127.0.0.1). Run once, as root:" >&2
    for address in "${missing[@]}"; do echo "  ip addr add $address/32 dev lo" >&2; done
    echo "(or choose other addresses with PCHAT_POOL_MQ_NET), and install HAProxy if missing:" \
      "apt-get install haproxy" >&2
    exit 2
  fi
  for address in "${missing[@]}"; do ip addr add "$address/32" dev lo; done
  echo "Added ${missing[*]} to the loopback interface (the brokers' addresses, this machine only)."
fi

mkdir -p "$home"
chmod 700 "$home"
: > "$steps_log"
chmod 600 "$steps_log"

# HAProxy from Debian's package, and socat to read its state. Installing HAProxy must not start
# the system's HAProxy service (on the front port, with Debian's configuration): invoke-rc.d asks
# policy-rc.d, which says no while the package installs.
haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)
if [ ! -x "$haproxy_bin" ] || ! command -v socat >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "HAProxy or socat is missing; install them as root: apt-get install haproxy socat" >&2
    exit 2
  fi
  echo "Installing HAProxy and socat (apt-get install haproxy socat; HAProxy's system service stays off)..."
  install_haproxy() (
    umask 022
    local policy=/usr/sbin/policy-rc.d made=false status=0
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\n# run-pool.sh: no service starts while HAProxy installs\nexit 101\n' > "$policy"
      chmod 755 "$policy"
      made=true
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy socat \
      || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy socat; } || status=$?
    if [ "$made" = true ]; then rm -f "$policy"; fi
    return "$status"
  )
  quietly "apt-get install haproxy socat" install_haproxy
  haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)
fi
if pgrep -f -- '-f /etc/haproxy/haproxy.cfg' >/dev/null 2>&1; then
  echo "Note: the system's HAProxy service runs too (its configuration, /etc/haproxy/haproxy.cfg);" \
    "this pool runs an HAProxy of its own" >&2
fi

# Every SIP connection is an open file: raise this shell's soft limit, which the nodes and
# HAProxy inherit, to the hard one.
hard_files=$(ulimit -Hn)
if [ "$hard_files" = unlimited ]; then hard_files=1048576; fi
ulimit -n "$hard_files" 2>/dev/null || true

if [ "${PCHAT_POOL_BUILD:-true}" = false ]; then
  for built in "$ear" "$root/server-config/target/dist/glassfish.zip"; do
    [ -f "$built" ] || { echo "PCHAT_POOL_BUILD=false, but $(shown "$built") was not built" >&2; exit 1; }
  done
else
  echo "Building the EAR (mvn package, tests skipped)..."
  quietly "The build" mvn -B -f "$root/pom.xml" package -DskipTests -pl chat-ear,server-config -am
fi

# Everything below creates files only this user needs to read.
umask 077

# ---------------------------------------------------------------- GlassFish and the domains

if [ ! -x "$asadmin" ]; then
  echo "Unpacking GlassFish into $(shown "$home")..."
  unzip -q "$root/server-config/target/dist/glassfish.zip" -d "$home"
fi
mkdir -p "$shared" "$haproxy_dir" "$home/compliance"
chmod 700 "$shared" "$haproxy_dir" "$home/compliance"

# The ports a node will listen on must be free (a port held by something else would make the
# node fail half-way through its start).
port_in_use() {
  ss -Hltn "sport = :$1" 2>/dev/null | grep -q . && return 0
  ss -Hlun "sport = :$1" 2>/dev/null | grep -q .
}
check_free() {
  local what=$1 port
  shift
  for port in "$@"; do
    if port_in_use "$port"; then
      echo "port $port ($what) is in use by another program: $(ss -Hltnup "sport = :$port" | head -n 1)" >&2
      echo "(choose other ports with PCHAT_POOL_PORTBASE, PCHAT_POOL_SIP_PORT, PCHAT_POOL_SIPS_PORT)" >&2
      exit 1
    fi
  done
}
check_free "the front" "$sip_front" "$sips_front" "$stats_port"

create_node() {
  local i=$1
  if [ ! -f "$(node_dir "$i")/config/domain.xml" ]; then
    uninterrupted "$asadmin" create-domain --portbase "$(node_base "$i")" --nopassword=true \
      --checkports=false "node$i"
  fi
}
creators=()
for i in $(seq 1 "$nodes"); do
  if [ ! -f "$(node_dir "$i")/config/domain.xml" ]; then
    [ ${#creators[@]} -eq 0 ] && echo "Creating the domains (portbase $portbase + 100 per node)..."
    (steps_log="$home/.create-node$i.log"; : > "$steps_log"; quietly "Creating domain node$i" create_node "$i") &
    creators+=($!)
  fi
done
for pid in "${creators[@]}"; do wait "$pid"; done
for i in $(seq 1 "$nodes"); do
  if [ -f "$home/.create-node$i.log" ]; then
    cat "$home/.create-node$i.log" >> "$steps_log"
    rm -f "$home/.create-node$i.log"
  fi
done
for i in $(seq 1 "$nodes"); do
  check_free "node$i" "$(node_port "$i" admin)" "$(node_port "$i" http)" "$(node_port "$i" https)" \
    "$(node_port "$i" jms)" "$(node_sip_port "$i")" "$(node_sips_port "$i")" \
    "$(( $(node_base "$i") + 37 ))" "$(( $(node_base "$i") + 38 ))" "$(( $(node_base "$i") + 39 ))" \
    "$(( $(node_base "$i") + 77 ))"
done

# One SIP TLS certificate for the pool: sip-tls.sh's demo CA and stores, made once into
# shared/sip-tls and copied into each node before it is configured, with the stores' password,
# which the node's configuration moves into its own password alias (the copy in shared/ stays,
# 0600, for nodes added later).
make_shared_sip_tls() {
  mkdir -p "$shared/sip-tls/config"
  # a shell of its own, where 'set -e' holds inside sip-tls.sh's functions
  domain_dir="$shared/sip-tls" domain=pool bash -euc '. "$1"; sip_tls_make_stores' sip-tls \
    "$root/server-config/bin/sip-tls.sh"
}
if [ ! -f "$shared/sip-tls/config/pchat-sip-ca.pem" ]; then
  echo "Making the pool's SIP TLS certificate (demo CA)..."
  quietly "The SIP TLS certificate" make_shared_sip_tls
fi
give_sip_tls() {
  local config
  config="$(node_dir "$1")/config"
  [ -f "$config/pchat-sip-ca.pem" ] && return 0
  rm -rf "$config/pchat-sip"
  cp -Rp "$shared/sip-tls/config/pchat-sip" "$config/pchat-sip" || return 1
  cp -p "$shared/sip-tls/config/pchat-sip-ca.pem" "$config/pchat-sip-ca.pem"
}

# The OpenMQ cluster: every broker reads the list of brokers from this file at its start
# (imq.cluster.url), so a pool of another size only rewrites it.
cluster_file="$shared/mq-cluster.properties"
{
  echo "# The brokers of the pool's OpenMQ conventional cluster (written by run-pool.sh)"
  printf 'imq.cluster.brokerlist='
  for i in $(seq 1 "$nodes"); do
    [ "$i" -gt 1 ] && printf ','
    printf '%s:%s' "$(node_mq_address "$i")" "$(node_port "$i" jms)"
  done
  echo
} > "$cluster_file.new"
mv "$cluster_file.new" "$cluster_file"

# The settings by which node I differs from a single server, run by configure-domain.sh at the
# end of the node's first configuration (PCHAT_EXTRA_ASADMIN), after the lockdown (whose broker
# addresses, 127.0.0.1, they replace):
# - HTTP and HTTPS on 127.0.0.1 (a single server listens on every address);
# - the broker on the node's broker address, the cluster's broker list from the shared file, and
#   at most 5 s of waiting for the other brokers when it starts (OpenMQ's default, 180 s, would
#   hold node 1's start until the others run, and they start after it);
# - the broker's RMI registry (which it starts although its JMX connector is off) on a port of the
#   node's own: GlassFish otherwise puts it at the broker's port + 100, the next node's broker port;
# - the application's JMS connections over TCP to the broker (EMBEDDED), not in-process (DIRECT,
#   what OpenMQ's resource adapter picks for a server outside a GlassFish cluster unless
#   imq.jmsra.direct=false): OpenMQ 6.5 cannot commit a transaction that consumed a message from
#   another broker of the cluster over a DIRECT connection (the MDB's transaction fails with
#   JTS5067, a NullPointerException in TransactionHandler.doRemoteCommit, and the message comes
#   again); over TCP the adapter connects to localhost unless told the broker's address
#   (BrokerBindAddress of the resource adapter jmsra);
# - the node's name in the pool (-Dopenpchat.pool.node), which makes the application a pool node
#   that shares posts, rosters and changes of rights with the others over the broker cluster;
# - SIP connections per remote address up to the container's total: every client connection comes
#   from HAProxy's address, 127.0.0.1 (the default, 1,000, would cap a node at 1,000 clients).
node_asadmin() {
  local i=$1 file
  file="$(node_dir "$i")/config/pchat-pool.asadmin"
  cat > "$file" <<EOF
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.address=127.0.0.1
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-2.address=127.0.0.1
set configs.config.server-config.jms-service.jms-host.default_JMS_host.host=$(node_mq_address "$i")
set configs.config.server-config.jms-service.property.imq\\\\.hostname=$(node_mq_address "$i")
set configs.config.server-config.jms-service.property.imq\\\\.portmapper\\\\.hostname=$(node_mq_address "$i")
set configs.config.server-config.jms-service.property.imq\\\\.cluster\\\\.url=file\\:$cluster_file
set configs.config.server-config.jms-service.property.imq\\\\.cluster\\\\.waitConnectionInitTimeout=5
create-jvm-options -Dcom.sun.enterprise.connectors.system.mq.rmiport=$(( $(node_base "$i") + 77 ))
create-jvm-options -Dimq.jmsra.direct=false
create-resource-adapter-config --property BrokerBindAddress=$(node_mq_address "$i") jmsra
create-jvm-options -Dopenpchat.sip.max-connections-per-address=25000
create-jvm-options -Dopenpchat.pool.node=node$i
EOF
  echo "$file"
}

configure_node() {
  local i=$1 extra fresh=()
  give_sip_tls "$i" || return 1
  extra=$(node_asadmin "$i") || return 1
  if [ "$i" -eq 1 ] && [ "${PCHAT_POOL_FRESH_DATABASES:-false}" = true ] \
      && [ ! -f "$(node_dir 1)/config/pchat-configured" ]; then
    fresh=(--fresh-databases)
  fi
  PCHAT_COMPLIANCE_DIR="$home/compliance" PCHAT_EXTRA_ASADMIN="$extra" \
    PCHAT_SIP_PORT=$(node_sip_port "$i") PCHAT_SIP_TLS_PORT=$(node_sips_port "$i") \
    uninterrupted bash "$root/server-config/bin/configure-domain.sh" --glassfish "$glassfish" \
      --domain "node$i" --db postgresql --demo "${fresh[@]}"
}

# The application's keys of node 1 (compliance HMAC, Digest HA1 encryption) for node I: every
# node must sign and check compliance messages and read the stored HA1 values with the same keys.
# configure-domain.sh keeps key files that exist.
give_keys() {
  local i=$1 from to name
  from="$(node_dir 1)/config/pchat-keys"
  to="$(node_dir "$i")/config/pchat-keys"
  mkdir -p "$to"
  chmod 700 "$to"
  for name in compliance-hmac digest-ha1; do
    if [ ! -s "$to/$name.key" ]; then
      cp "$from/$name.key" "$to/$name.key" || return 1
    elif ! cmp -s "$from/$name.key" "$to/$name.key"; then
      echo "node$i has a $name key other than node1's ($to/$name.key): the nodes would not" \
        "understand each other's data. Delete node$i's domain ($(shown "$(node_dir "$i")")) to" \
        "make it anew." >&2
      return 1
    fi
    chmod 600 "$to/$name.key"
  done
}

# ---------------------------------------------------------------- starting a node

# GlassFish's warnings and errors (server.log records of level WARNING and above), one line each,
# as run-server.sh shows them; prefixed with the node.
show_problems() {
  awk -v node="$1" '
    function finish() {
      if (!wanted) return
      text = first
      if (first ~ /:$/) text = (cause != "" ? cause : first " " second)
      if (length(text) > 300) text = substr(text, 1, 300) "..."
      print node " " prefix text; fflush()
      wanted = 0
    }
    function add(line) {
      closes = sub(/\]\][ \t]*$/, "", line)
      sub(/^[ \t]+/, "", line); sub(/[ \t]+$/, "", line)
      if (line != "") {
        if (first == "") first = line
        else if (second == "") second = line
        if (cause == "" && line ~ /^(Internal Exception|Caused by): /) cause = line
      }
      if (closes) finish()
    }
    /^\[[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ {
      finish()
      split($0, field, /\] \[/)
      level = field[3]
      if (level != "WARNING" && level != "SEVERE" && level != "ALERT" && level != "EMERGENCY") next
      logger = field[5]; sub(/\.?\/.*/, "", logger)
      prefix = substr(field[1], 13, 8) " " level " [" logger "] "
      wanted = 1; first = ""; second = ""; cause = ""
      start = index($0, "[[")
      if (start > 0) add(substr($0, start + 2))
      next
    }
    wanted { add($0) }'
}
followers=()
follow_log() {
  local i=$1 log
  log="$(node_dir "$i")/logs/server.log"
  mkdir -p "$(dirname "$log")"
  touch "$log"
  tail -n 0 -F --pid=$$ "$log" 2>/dev/null > >(show_problems "node$i") &
  followers+=($!)
}

# GlassFish 7.0.21 now and then runs without writing server.log (a race in its log handler, fixed
# in GlassFish 7.1); a change of logging.properties makes it start writing (see run-server.sh).
ensure_log_written() {
  local i=$1 log_start=$2 log config attempt
  log="$(node_dir "$i")/logs/server.log"
  config="$(node_dir "$i")/config"
  for attempt in 1 2 3 4; do
    for _ in 1 2 3 4 5; do
      if [ "$(wc -c < "$log")" -ge "$log_start" ]; then tail -c +"$((log_start + 1))" "$log"; else cat "$log"; fi \
        | grep -F "Running GlassFish Version" >/dev/null && return 0
      sleep 1
    done
    echo "=== node$i: GlassFish is not writing its log; touching logging.properties (attempt $attempt)" >> "$steps_log"
    touch "$config/logging.properties"
  done
  echo "node$i: GlassFish is not writing $(shown "$log") (a GlassFish 7.0.21 bug); restart to get a log" >&2
}

health_url() { echo "http://127.0.0.1:$(node_port "$1" http)/pchat/api/health"; }

# Starts node I, deploys the EAR when new or changed there, and waits until its application
# answers /pchat/api/health with 200.
start_node() {
  local i=$1 dir config log log_start checksum waited=0
  dir=$(node_dir "$i")
  config="$dir/config"
  log="$dir/logs/server.log"
  log_start=$(wc -c < "$log")
  # (this runs in the background, where 'set -e' does not hold: each step checks its failure)
  AS_START_TIMEOUT=${AS_START_TIMEOUT:-600000} \
    quietly "asadmin start-domain node$i" uninterrupted "$asadmin" start-domain "node$i" || return 1
  ensure_log_written "$i" "$log_start"
  checksum=$(sha256 "$ear") || return 1
  if [ "$(cat "$config/pchat-ear.sha256" 2>/dev/null)" != "$checksum" ] \
      || ! grep -q '<application [^>]*name="pchat"' "$config/domain.xml"; then
    echo "Deploying the EAR to node$i..."
    quietly "asadmin deploy (node$i)" uninterrupted "$asadmin" --port "$(node_port "$i" admin)" --user admin \
      --passwordfile "$config/pchat-admin-password" deploy --force=true --name pchat "$ear" || return 1
    echo "$checksum" > "$config/pchat-ear.sha256"
  fi
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$(health_url "$i")" || true)" = 200 ]; do
    if ! node_running "$i"; then
      echo "node$i stopped during its start; see $(shown "$log")" >&2
      return 1
    fi
    if [ "$waited" -eq 180 ]; then
      echo "node$i has not answered $(health_url "$i") for 180 s; still waiting (see $(shown "$log"))" >&2
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# ---------------------------------------------------------------- stopping

launched=false
finish() {
  local status=$?
  trap - INT TERM HUP EXIT
  local job
  for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done # steps still under way
  if [ "$launched" = true ]; then
    echo
    echo "Stopping the pool (HAProxy and the nodes)..."
    stop_pool
    sleep 0.5 # the last log lines
    echo "Stopped."
  fi
  local pid
  for pid in "${followers[@]}"; do kill "$pid" 2>/dev/null || true; done
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------- configure, start

# Node 1 first: its keys go to the others before they are configured. Then node 1 starts (and
# seeds the demo data into the empty database) while the others are configured one after the
# other; once node 1 answers, the others start side by side.
need_config=false
for i in $(seq 1 "$nodes"); do
  [ -f "$(node_dir "$i")/config/pchat-configured" ] || need_config=true
done
[ "$need_config" = true ] && echo "Configuring the domains (first start of a node only)..."
quietly "Configuring node1" configure_node 1
follow_log 1

# start_logged I: start_node I with the steps in a log of its own (appended to $steps_log after).
start_logged() {
  local i=$1 status=0
  (steps_log="$home/.start-node$i.log"; : > "$steps_log"; start_node "$i") || status=$?
  cat "$home/.start-node$i.log" >> "$steps_log"
  rm -f "$home/.start-node$i.log"
  return "$status"
}

launched=true
echo "Starting node1 (log: $(shown "$(node_dir 1)/logs/server.log"))..."
start_logged 1 &
node1_starter=$!
configurers_ok=true
for i in $(seq 2 "$nodes"); do
  quietly "Copying node1's keys to node$i" give_keys "$i" || { configurers_ok=false; break; }
  quietly "Configuring node$i" configure_node "$i" || { configurers_ok=false; break; }
  follow_log "$i"
done
wait "$node1_starter" || exit 1
[ "$configurers_ok" = true ] || exit 1

if [ "$nodes" -gt 1 ]; then
  echo "Starting node2..node$nodes..."
  starters=()
  for i in $(seq 2 "$nodes"); do
    start_logged "$i" &
    starters+=($!)
  done
  failed=false
  for pid in "${starters[@]}"; do wait "$pid" || failed=true; done
  [ "$failed" = false ] || exit 1
fi

# Every node must hold node1's keys.
for i in $(seq 2 "$nodes"); do
  for name in compliance-hmac digest-ha1; do
    if ! cmp -s "$(node_dir 1)/config/pchat-keys/$name.key" "$(node_dir "$i")/config/pchat-keys/$name.key"; then
      echo "node$i's $name key differs from node1's" >&2
      exit 1
    fi
  done
done

# ---------------------------------------------------------------- HAProxy

sip_servers="" sips_servers=""
for i in $(seq 1 "$nodes"); do
  sip_servers+="    server node$i 127.0.0.1:$(node_sip_port "$i") check"$'\n'
  sips_servers+="    server node$i 127.0.0.1:$(node_sips_port "$i") track nodes_sip_tcp/node$i"$'\n'
done
haproxy_maxconn=$(( ($(ulimit -n) - 100) / 2 ))
[ "$haproxy_maxconn" -le 50000 ] || haproxy_maxconn=50000
HOME_DIR="$home" MAXCONN="$haproxy_maxconn" FRONT_HOST="$front_host" SIP_PORT="$sip_front" SIPS_PORT="$sips_front" \
  STATS_PORT="$stats_port" SIP_DOMAIN="$sip_domain" SIP_SERVERS="${sip_servers%$'\n'}" \
  SIPS_SERVERS="${sips_servers%$'\n'}" \
  perl -pe 'next if /^\s*#/; s/\@([A-Z0-9_]+)\@/my $n = $1 eq "HOME" ? "HOME_DIR" : $1; defined $ENV{$n} or die "no value for \@$1\@\n"; $ENV{$n}/ge' \
  "$root/server-config/src/main/haproxy/pool.cfg" > "$haproxy_cfg"
quietly "Checking the HAProxy configuration" "$haproxy_bin" -c -q -f "$haproxy_cfg"
echo "Starting HAProxy (front 127.0.0.1:$sip_front, log: $(shown "$haproxy_log"))..."
: > "$haproxy_log"
# (a subshell that becomes HAProxy: $! is HAProxy's process)
(trap '' INT; exec "$haproxy_bin" -db -f "$haproxy_cfg" >> "$haproxy_log" 2>&1) &
echo $! > "$haproxy_pid_file"
# its node state changes, here
tail -n 0 -F --pid=$$ "$haproxy_log" 2>/dev/null | grep --line-buffered -E 'is (UP|DOWN)' \
  | sed -u -E 's/^.*(Server [^ ]+ is (UP|DOWN)[^.]*).*$/HAProxy: \1/' &
followers+=($!)

# The front answers once HAProxy has checked every node (up after two checks, 2 s apart).
haproxy_states() {
  echo "show stat" | socat - "UNIX-CONNECT:$haproxy_dir/stats.sock" 2>/dev/null \
    | awk -F, '$1 == "nodes_sip_tcp" && $2 ~ /^node/ { print $2 "=" $18 }'
}
for _ in $(seq 1 30); do
  haproxy_running || { echo "HAProxy stopped; see $(shown "$haproxy_log")" >&2; exit 1; }
  [ "$(haproxy_states | grep -c '=UP$' || true)" -eq "$nodes" ] && break
  sleep 0.5
done
states=$(haproxy_states | tr '\n' ' ')

# ---------------------------------------------------------------- the broker cluster

# Each broker logs the cluster links it made since its start ([B1039] Broker "..." ready, then
# [B1071] Established cluster connection to broker mq://ADDRESS:PORT/...). Wait briefly for every
# node to see every other.
cluster_links() {
  local log
  log="$(node_dir "$1")/imq/instances/imqbroker/log/log.txt"
  [ -f "$log" ] || return 0
  awk '/\[B1039\]/ { n = 0; delete seen }
       /\[B1071\]: Established cluster connection to broker mq:\/\// {
         address = $0; sub(/.*to broker mq:\/\//, "", address); sub(/\/.*/, "", address); seen[address] = 1 }
       END { for (a in seen) print a }' "$log"
}
cluster_summary=""
for _ in $(seq 1 20); do
  cluster_ok=true
  cluster_summary=""
  for i in $(seq 1 "$nodes"); do
    links=$(cluster_links "$i" | wc -l)
    [ "$links" -ge $((nodes - 1)) ] || cluster_ok=false
    cluster_summary+="node$i:$links "
  done
  [ "$cluster_ok" = true ] && break
  sleep 1
done

# ---------------------------------------------------------------- the banner

node_lines=""
for i in $(seq 1 "$nodes"); do
  node_lines+=$(printf '  node%-3s %-7s %-7s %-7s %-13s %-9s %s' "$i" \
    "$(node_port "$i" admin)" "$(node_port "$i" http)" "$(node_port "$i" https)" \
    "$(node_sip_port "$i")/$(node_sips_port "$i")" "$(node_port "$i" jms)" \
    "$(shown "$(node_dir "$i")/config/pchat-admin-password")")$'\n'
done
if [ "$cluster_ok" = true ]; then
  cluster_line="formed (cluster links per broker: ${cluster_summary% })"
else
  cluster_line="NOT (yet) complete: cluster links per broker: ${cluster_summary% }; see the brokers' logs"
fi
cat <<INFO

================ Persistent Chat pool of $nodes node(s) is up ($(( $(date +%s) - started )) s) ================
  SIP front       127.0.0.1:$sip_front TCP, 127.0.0.1:$sips_front TLS (HAProxy, least connections;
                  nodes: ${states% })
  HAProxy         statistics http://127.0.0.1:$stats_port/  (socket $(shown "$haproxy_dir/stats.sock"));
                  log $(shown "$haproxy_log")
  SIP TLS         one demo CA for all nodes; clients trust $(shown "$shared/sip-tls/config/pchat-sip-ca.pem")
  Nodes (127.0.0.1)
  node    admin   http    https   SIP tcp/tls   broker    admin password file (asadmin --passwordfile)
${node_lines%$'\n'}
  Health          http://127.0.0.1:<http>/pchat/api/health; console https://localhost:<https>/pchat/admin/
                  (each node's HTTPS certificate: <domain>/config/pchat-https.pem)
  JMS brokers     node I's on $mq_net.I (loopback interface); OpenMQ conventional cluster: $cluster_line
                  (broker list in $(shown "$cluster_file"))
  Database        PostgreSQL ${PCHAT_PG_HOST:-127.0.0.1}:${PCHAT_PG_PORT:-5432}, databases $PCHAT_PG_DB_MGC, $PCHAT_PG_DB_MGCCOMP (shared)
  Compliance      Lync XML files every minute in $(shown "$home/compliance")
  Demo logins     sip:alice@example.com, bob, carol, dave, erin; password Passw0rd!
                  (administrator admin@example.com, same password)
  Logs            <domain>/logs/server.log of each node under $(shown "$domains");
                  steps in $(shown "$steps_log") (warnings and errors also appear below)
  Stop            Ctrl-C (or $(shown "$0") --stop from elsewhere)
=====================================================================================
INFO

# ---------------------------------------------------------------- watching

declare -A up
for i in $(seq 1 "$nodes"); do up[$i]=true; done
while true; do
  sleep 1 &
  wait $! || true
  alive=0
  for i in $(seq 1 "$nodes"); do
    if node_running "$i"; then
      alive=$((alive + 1))
    elif [ "${up[$i]}" = true ]; then
      up[$i]=false
      echo "node$i stopped (not by this command); HAProxy leaves it out. See $(shown "$(node_dir "$i")/logs/server.log")" >&2
    fi
  done
  if ! haproxy_running; then
    echo "HAProxy stopped (by '$(basename "$0") --stop', or it failed: see $(shown "$haproxy_log"))" >&2
    exit 1
  fi
  if [ "$alive" -eq 0 ]; then
    echo "Every node has stopped" >&2
    exit 1
  fi
done
