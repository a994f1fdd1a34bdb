#!/usr/bin/env bash
# Installs what kostra needs on a fresh Debian machine, and nothing that is
# already there: protobuf-c (library and protoc-c), protoc, SQLite (the data
# store's library, and the sqlite3 shell the store tests open it with), rsvg-convert and
# a font (the chart tests render SVG to PNG), systemd-analyze and haproxy
# (the deploy/ files are checked with them), Python's protobuf runtime and
# pytest for the interop tests, setuptools and wheel to build the Python
# client (clients/python), and for the Java client (clients/java) a JDK with
# Debian's protobuf-java and gson. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for package in libprotobuf-c-dev protobuf-c-compiler protobuf-compiler libsqlite3-dev sqlite3 openssl librsvg2-bin fonts-dejavu-core \
               systemd haproxy openjdk-17-jdk-headless libprotobuf-java libgoogle-gson-java; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

python3 - <<'PY' 2>/dev/null || { echo "setup: installing Python packages protobuf and pytest" >&2; python3 -m pip install -q --disable-pip-version-check protobuf pytest; }
import google.protobuf, pytest
PY

# The Python client's packaging test builds its wheel offline, with the
# setuptools already installed (pip install --no-build-isolation).
python3 -c "import setuptools, wheel" 2>/dev/null || { echo "setup: installing Python packages setuptools and wheel" >&2; python3 -m pip install -q --disable-pip-version-check setuptools wheel; }
