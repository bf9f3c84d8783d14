#!/usr/bin/env bash
# Builds the one fix this server needs in GlassFish 7.0.21 itself:
#   build-exousia-fix.sh INPUT_DIR OUTPUT_JAR
# GlassFish 7.0.21's authorization module (Eclipse Exousia 2.1.2, and 2.1.3 too) builds a JACC
# permission from the request path without escaping ':', which JACC reads as a separator: every
# request whose path holds a colon is refused with 500/503 (/api/v1/users:import,
# /api/v1/users/sip:bob@example.com, ...). Exousia fixed it upstream for GlassFish 8 (escaping ':'
# as %3A, as the JACC specification asks). This script applies the same change to Exousia 2.1.3
# (a drop-in for 2.1.2) from its published sources: INPUT_DIR holds exousia-2.1.3.jar,
# exousia-2.1.3-sources.jar and jakarta.jakartaee-api.jar (server-config's build copies them).
set -euo pipefail
input=$1 output=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
class=org/glassfish/exousia/AuthorizationService
mkdir -p "$work/src" "$work/classes"
(cd "$work/src" && jar xf "$input/exousia-2.1.3-sources.jar" "$class.java")
source="$work/src/$class.java"
# getConstrainedURI returns the container's constrained URI as is; escape it like the other branch.
wanted='                return uri;'
if [ "$(grep -cxF "$wanted" "$source")" != 1 ]; then
  echo "build-exousia-fix: the Exousia source is not the expected 2.1.3 (line not found once): $wanted" >&2
  exit 1
fi
perl -pi -e 's/^                return uri;$/                return uri.replace(":", "%3A");/' "$source"
javac --release 11 -nowarn -d "$work/classes" \
  -cp "$input/exousia-2.1.3.jar:$input/jakarta.jakartaee-api.jar" "$source"
mkdir -p "$(dirname "$output")"
cp "$input/exousia-2.1.3.jar" "$output"
(cd "$work/classes" && jar uf "$output" org/glassfish/exousia/AuthorizationService*.class)
echo "built $output (Exousia 2.1.3, ':' escaped in constrained URIs)"
