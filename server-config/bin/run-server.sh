#!/usr/bin/env bash
# Runs the Persistent Chat Server in the foreground: stock GlassFish 7.0.21 with the EAR, on
# embedded H2 (or PostgreSQL, below) and the embedded OpenMQ broker, seeded with the demo data on
# first start.
#
# Builds the EAR, unpacks GlassFish and configures its domain on first use, deploys the EAR when it
# is new or changed since the last start, and prints a banner with addresses and logins once the
# application answers. GlassFish writes its log to <domain>/logs/server.log; its warnings and
# errors are repeated here, one line each. The output of the build and of asadmin goes to
# $PCHAT_HOME/run-server.log and is shown when a step fails. Ctrl-C stops GlassFish.
# Data and the server live in $PCHAT_HOME (default: .pchat in the checkout, mode 0700), which
# 'mvn clean' leaves alone; delete it to start over.
# PCHAT_DB=postgresql keeps the data in PostgreSQL instead of H2, with configure-domain.sh's
# PCHAT_PG_* settings (use a PCHAT_HOME of its own: a domain keeps the database it was made with).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
home=${PCHAT_HOME:-$root/.pchat}
glassfish="$home/glassfish7"
asadmin="$glassfish/bin/asadmin"
domain_dir="$glassfish/glassfish/domains/domain1"
config="$domain_dir/config"
server_log="$domain_dir/logs/server.log"
certificate="$config/pchat-https.pem"
sip_ca="$config/pchat-sip-ca.pem"
ear="$root/chat-ear/target/pchat.ear"
deployed_checksum="$config/pchat-ear.sha256"
admin_password_file="$config/pchat-admin-password"
steps_log="$home/run-server.log"
health=http://localhost:8080/pchat/api/health
admin_api=https://localhost:8181/pchat/api/v1
started=$(date +%s)
db=${PCHAT_DB:-h2}
case "$db" in
  h2|postgresql) ;;
  *) echo "PCHAT_DB must be h2 or postgresql" >&2; exit 2 ;;
esac

mkdir -p "$home"
chmod 700 "$home"

# Every SIP connection is an open file: raise this shell's soft limit, which GlassFish inherits,
# to the hard one (Debian's default soft limit, 1,024, would leave room for a few hundred
# clients; the SIP container keeps 2,000 descriptors for the rest of the server).
hard_files=$(ulimit -Hn)
if [ "$hard_files" = unlimited ]; then hard_files=1048576; fi
ulimit -n "$hard_files" 2>/dev/null || true
: > "$steps_log"

# quietly WHAT COMMAND...: runs COMMAND with its output in $steps_log; shows that output if it fails.
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

# Runs a command that ignores Ctrl-C, and so does the GlassFish JVM that asadmin start-domain
# launches: a Ctrl-C reaches this script (its trap stops GlassFish with asadmin stop-domain), not
# the server in the middle of its work.
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

# The DAS: the process in the domain's pid file, if it is this GlassFish's JVM (a stale file may
# name a process that has nothing to do with it).
glassfish_running() {
  local pid
  pid=$(cat "$config/pid" 2>/dev/null) || return 1
  ps -ww -p "$pid" -o args= 2>/dev/null | grep -F "$glassfish/glassfish/modules/glassfish.jar" >/dev/null
}

echo "Building the EAR (mvn package, tests skipped)..."
quietly "The build" mvn -B -f "$root/pom.xml" package -DskipTests -pl chat-ear,server-config -am

# Everything below creates files only GlassFish and this user need to read.
umask 077

if glassfish_running; then
  echo "GlassFish of $(shown "$home") is already running (pid $(cat "$config/pid")); stop it first" >&2
  exit 1
fi
if [ ! -x "$asadmin" ]; then
  echo "Unpacking GlassFish into $(shown "$home")..."
  unzip -q "$root/server-config/target/dist/glassfish.zip" -d "$home"
fi
if [ ! -f "$config/pchat-configured" ] || [ ! -f "$certificate" ] || [ ! -f "$sip_ca" ]; then
  echo "Configuring the GlassFish domain (first start only)..."
fi
PCHAT_COMPLIANCE_DIR="$home/compliance" \
  quietly "Configuring the domain" bash "$root/server-config/bin/configure-domain.sh" --glassfish "$glassfish" --db "$db" --demo

# Earlier versions of this command copied the EAR into autodeploy/ on every start. Remove it with
# its status markers (so the autodeployer does not undeploy the application) and deploy afresh.
if [ -e "$domain_dir/autodeploy/pchat.ear" ]; then
  rm -f "$domain_dir/autodeploy/pchat.ear" "$domain_dir/autodeploy/pchat.ear_"* \
    "$domain_dir/autodeploy/.autodeploystatus/pchat.ear" "$deployed_checksum"
fi

# GlassFish's warnings and errors (server.log records of level WARNING and above), one line each:
# time, level, logger and the message's first line (for a heading such as EclipseLink's "Local
# Exception Stack:", the line that says what went wrong).
show_problems() {
  awk '
    function finish() {
      if (!wanted) return
      text = first
      if (first ~ /:$/) text = (cause != "" ? cause : first " " second)
      if (length(text) > 300) text = substr(text, 1, 300) "..."
      print prefix text; fflush()
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
mkdir -p "$(dirname "$server_log")"
touch "$server_log"
tail -n 0 -F "$server_log" 2>/dev/null > >(show_problems) &
follower=$!

stop_glassfish() {
  trap - INT TERM HUP
  launched=false
  echo
  echo "Stopping GlassFish..."
  quietly "asadmin stop-domain" uninterrupted "$asadmin" stop-domain domain1 || true
  for _ in $(seq 1 30); do glassfish_running || break; sleep 1; done
  if glassfish_running; then
    echo "GlassFish did not stop within 30 s; killing it" >&2
    quietly "asadmin stop-domain --kill" uninterrupted "$asadmin" stop-domain --kill=true domain1 || true
  fi
  sleep 0.5 # the last log lines
  echo "Stopped."
}
# On any way out GlassFish does not outlive this command (after a failed step, too).
finish() {
  if [ "$launched" = true ] && glassfish_running; then
    stop_glassfish
  fi
  kill "$follower" 2>/dev/null || true
}

launched=false
trap finish EXIT
trap 'stop_glassfish; exit 130' INT
trap 'stop_glassfish; exit 143' TERM
trap 'stop_glassfish; exit 129' HUP

echo "Starting GlassFish (log: $(shown "$server_log"))..."
log_start=$(wc -c < "$server_log")
launched=true
# asadmin waits for the DAS, which answers once the deployed application is loaded: give it time
# on a slow or busy machine (the default is 60 s).
AS_START_TIMEOUT=${AS_START_TIMEOUT:-600000} \
  quietly "asadmin start-domain" uninterrupted "$asadmin" start-domain domain1

# GlassFish 7.0.21 now and then runs without writing server.log: the thread that writes it may
# quit the moment it starts (a race in its log handler, fixed in GlassFish 7.1), and the records
# pile up in memory. A change of logging.properties makes GlassFish start that thread again, and
# it writes them all. The startup's "Running GlassFish Version" record tells whether it works.
written_since_start() {
  if [ "$(wc -c < "$server_log")" -ge "$log_start" ]; then
    tail -c +"$((log_start + 1))" "$server_log"
  else
    cat "$server_log" # a new file
  fi | grep -F "Running GlassFish Version" >/dev/null # not -q: it would break the pipe (pipefail)
}
ensure_log_written() {
  local attempt
  for attempt in 1 2 3 4; do
    for _ in 1 2 3 4 5; do
      written_since_start && return 0
      sleep 1
    done
    echo "=== GlassFish is not writing its log; touching logging.properties (attempt $attempt)" >> "$steps_log"
    touch "$config/logging.properties"
  done
  echo "GlassFish is not writing $(shown "$server_log") (a GlassFish 7.0.21 bug); restart to get a log" >&2
}
ensure_log_written

# Deploy when the built EAR differs from the one deployed last (the build is reproducible, so an
# unchanged source tree gives an identical EAR) or when the application is missing from the domain.
checksum=$(sha256 "$ear")
if [ "$(cat "$deployed_checksum" 2>/dev/null)" != "$checksum" ] \
    || ! grep -q '<application [^>]*name="pchat"' "$config/domain.xml"; then
  echo "Deploying $(shown "$ear") (new or changed since the last start)..."
  quietly "asadmin deploy" uninterrupted "$asadmin" --user admin --passwordfile "$admin_password_file" \
    deploy --force=true --name pchat "$ear"
  echo "$checksum" > "$deployed_checksum"
fi

# The banner only once the deployed application answers.
waited=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$health" || true)" = 200 ]; do
  if ! glassfish_running; then
    launched=false
    echo "GlassFish stopped during its start; see $(shown "$server_log")" >&2
    exit 1
  fi
  if [ "$waited" -eq 180 ]; then
    echo "The application has not answered $health for 180 s; still waiting (see $(shown "$server_log"))" >&2
  fi
  sleep 1
  waited=$((waited + 1))
done
# GlassFish's admin password: in full the first time (configure-domain.sh generated it), then
# only where it is.
admin_login="user admin, password in $(shown "$admin_password_file")"
if [ -f "$admin_password_file.unshown" ]; then
  admin_login="user admin, password $(sed -n 's/^AS_ADMIN_PASSWORD=//p' "$admin_password_file")
                  (shown this once; it stays in $(shown "$admin_password_file"))"
  rm -f "$admin_password_file.unshown"
fi
if [ "$db" = h2 ]; then
  database_line="embedded H2, files in $(shown "$domain_dir/data")"
else
  database_line="PostgreSQL ${PCHAT_PG_HOST:-127.0.0.1}:${PCHAT_PG_PORT:-5432}, databases ${PCHAT_PG_DB_MGC:-pchat_mgc}, ${PCHAT_PG_DB_MGCCOMP:-pchat_mgccomp}"
fi
cat <<INFO

================ Persistent Chat Server is up ($(( $(date +%s) - started )) s) ================
  Health          $health
  Web console     https://localhost:8181/pchat/admin/   (room management: https://localhost:8181/pchat/rooms/)
  Admin API       $admin_api   (login sip:admin@example.com, password Passw0rd!)
  CLI             cli/bin/pchat --url $admin_api --user admin@example.com \\
                    --ca-file $(shown "$certificate")
  HTTPS           self-signed certificate of this server in $(shown "$certificate");
                  trust it, e.g. curl --cacert $(shown "$certificate") https://localhost:8181/pchat/api/health
  GlassFish admin http://localhost:4848   (this machine only; $admin_login;
                  asadmin --user admin --passwordfile $(shown "$admin_password_file") ...)
  JMS broker      127.0.0.1:7676          (embedded OpenMQ, this machine only; queues PChatCompliance,
                  PChatComplianceDead, for the application's broker user only)
  Compliance      Lync XML files every minute in $(shown "$home/compliance")
  Database        $database_line
  SIP             127.0.0.1:5061 TLS, 127.0.0.1:5060 UDP and TCP; chat pool sip:pchat@example.com,
                  Digest authentication (SIPE/Pidgin: server localhost:5061, transport TLS)
  SIP TLS         certificate signed by this server's demo CA; clients trust the CA in
                  $(shown "$sip_ca")
  Demo logins     sip:alice@example.com, bob, carol, dave, erin; password Passw0rd!
  Log             $(shown "$server_log")   (warnings and errors also appear below)
  Stop            Ctrl-C
=====================================================================================
INFO

while glassfish_running; do
  sleep 1 &
  wait $! || true
done
launched=false
echo "GlassFish stopped (not by this command); see $(shown "$server_log")" >&2
exit 1
