#!/bin/sh
# Builds the headless SIPE driver.
#   build.sh [OUTPUT_DIR]      (default: this directory) -> OUTPUT_DIR/sipe-driver
# Needs the Debian packages gcc pkg-config libpurple-dev libglib2.0-dev libxml2-dev, and
# pidgin-sipe to run. The link flag exports our xmlSAXUserParseMemory() (the Debian 12 libxml2
# SAX fix) to libsipe.so; see sipe-driver.c.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
mkdir -p "$out"
# shellcheck disable=SC2046
gcc -Wall -O2 -o "$out/sipe-driver" "$here/sipe-driver.c" \
    $(pkg-config --cflags --libs purple glib-2.0 libxml-2.0) -ldl \
    -Wl,--export-dynamic-symbol=xmlSAXUserParseMemory
