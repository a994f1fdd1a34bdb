#!/usr/bin/env bash
# Installs what a fresh machine lacks, builds the server in release mode and
# starts it on its built-in data at 127.0.0.1:7878. Arguments are passed on:
#   scripts/serve.sh --port 9000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release
exec "$(swift build -c release --show-bin-path)/kostra-server" "$@"
