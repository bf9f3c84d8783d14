#!/usr/bin/env bash
# Runs the Persistent Chat Server in the foreground: stock GlassFish 7.0.21 with the EAR, on
# embedded H2 and the embedded OpenMQ broker, seeded with the demo data on first start.
# Ctrl-C stops it. Data and the server live in $PCHAT_HOME (default: .pchat in the checkout),
# which 'mvn clean' leaves alone; delete it to start over.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
home=${PCHAT_HOME:-$root/.pchat}
glassfish="$home/glassfish7"
domain_dir="$glassfish/glassfish/domains/domain1"
health=http://localhost:8080/pchat/api/health
started=$(date +%s)

cd "$root"
echo "Building (mvn install, tests skipped)..."
mvn -B -q install -DskipTests

if [ ! -x "$glassfish/bin/asadmin" ]; then
  echo "Unpacking GlassFish into $home ..."
  mkdir -p "$home"
  unzip -q server-config/target/dist/glassfish.zip -d "$home"
fi
PCHAT_COMPLIANCE_DIR="$home/compliance" bash server-config/bin/configure-domain.sh --glassfish "$glassfish" --db h2 --demo
cp chat-ear/target/pchat.ear "$domain_dir/autodeploy/pchat.ear"

banner() {
  for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "$health" 2>/dev/null; then
      cat <<INFO

================ Persistent Chat Server is up ($(( $(date +%s) - started )) s) ================
  Health          $health
  GlassFish admin http://localhost:4848   (asadmin: $glassfish/bin/asadmin)
  JMS broker      localhost:7676          (embedded OpenMQ; queues PChatCompliance, PChatComplianceDead)
  Compliance      Lync XML files every minute in $home/compliance
  Database        embedded H2, files in $domain_dir/data
  SIP             127.0.0.1:5060 UDP and TCP; chat pool sip:pchat@example.com, Digest authentication
                  (SIPE/Pidgin: server 127.0.0.1:5060, transport TCP)
  Demo logins     sip:alice@example.com, bob, carol, dave, erin; password Passw0rd!
  Log             $domain_dir/logs/server.log
  Stop            Ctrl-C
=====================================================================================
INFO
      return
    fi
    sleep 1
  done
  echo "The server did not answer $health within 180 s; see $domain_dir/logs/server.log" >&2
}
banner &
exec "$glassfish/bin/asadmin" start-domain --verbose domain1
