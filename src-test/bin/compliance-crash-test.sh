#!/usr/bin/env bash
# Compliance crash test: post at a steady rate, SIGKILL the GlassFish JVM mid-burst, restart,
# let the outbox and the queue drain, then check that every post stored in mgc has exactly one
# CHAT event in mgccomp, that nothing else is there and that the outbox is empty.
#   flock /tmp/glassfish.lock src-test/bin/compliance-crash-test.sh [GLASSFISH_DIR]
# GLASSFISH_DIR is a configured glassfish7 folder (default: the H2 one 'mvn verify' leaves in
# src-test/target). Needs chat-ear/target/pchat.ear and chat-ejb/target/classes (mvn verify or
# package). Settings: RATE (posts/s, 100), LOAD_SECONDS (length of the burst, 30), KILL_AFTER (s, 8).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
glassfish=${1:-$root/src-test/target/gf-h2/glassfish7}
rate=${RATE:-100} seconds=${LOAD_SECONDS:-30} kill_after=${KILL_AFTER:-8}
asadmin="$glassfish/bin/asadmin"
domain_dir="$glassfish/glassfish/domains/domain1"
base=http://localhost:8080/pchat-crash
api=$(ls "$HOME"/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar)
[ -f "$domain_dir/config/pchat-configured" ] || { echo "no configured domain in $glassfish" >&2; exit 2; }

work=$(mktemp -d)
trap '"$asadmin" stop-domain domain1 >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# The load servlet goes into a copy of the EAR as one more web module.
mkdir -p "$work/war/WEB-INF/classes" "$work/ear"
javac -d "$work/war/WEB-INF/classes" -cp "$api:$root/chat-ejb/target/classes" \
  "$root"/src-test/src/crash/java/org/openpchat/crash/*.java
(cd "$work/war" && jar cf "$work/ear/pchat-crash.war" .)
cp "$root/chat-ear/target/pchat.ear" "$work/pchat-crash.ear"
(cd "$work/ear" && unzip -q "$work/pchat-crash.ear" META-INF/application.xml \
  && perl -0pi -e 's#<library-directory>#<module><web><web-uri>pchat-crash.war</web-uri><context-root>/pchat-crash</context-root></web></module><library-directory>#' META-INF/application.xml \
  && jar uf "$work/pchat-crash.ear" pchat-crash.war META-INF/application.xml)

"$asadmin" start-domain domain1 >/dev/null
"$asadmin" deploy --force=true --name pchat "$work/pchat-crash.ear" >/dev/null
room=$(curl -fsS -X POST "$base/setup")
echo "room $room: posting $rate/s for ${seconds}s, SIGKILL after ${kill_after}s"
curl -fsS -X POST "$base/load?room=$room&rate=$rate&seconds=$seconds" >/dev/null
sleep "$kill_after"
pid=$(cat "$domain_dir/config/pid")
echo "before kill: $(curl -fsS "$base/check?room=$room")"
kill -9 "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
echo "killed GlassFish (pid $pid); restarting"
started=$(date +%s)
"$asadmin" start-domain domain1 >/dev/null
until curl -fsS -o /dev/null "$base/check?room=$room" 2>/dev/null; do sleep 0.5; done
echo "restarted in $(( $(date +%s) - started )) s"

previous="" result=""
for _ in $(seq 1 120); do
  result=$(curl -fsS "$base/check?room=$room")
  [ "$result" = "$previous" ] && break
  previous=$result
  sleep 2
done
echo "after drain: $result"
"$asadmin" undeploy pchat >/dev/null || true
case "$result" in
  *" missing=0 duplicated=0 extra=0 other=0 outbox=0 "*) echo "PASS: every committed post has exactly one CHAT event"; exit 0 ;;
  *) echo "FAIL: compliance events do not match the committed posts" >&2; exit 1 ;;
esac
