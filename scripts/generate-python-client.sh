#!/usr/bin/env bash
# Regenerates the Python client's message modules from Protos/:
#   clients/python/src/kostra/v1/*_pb2.py and *_pb2.pyi (protoc --python_out,
#   --pyi_out), imported by the package as kostra.v1.<file>_pb2.
# Deterministic: running it twice gives the same bytes. With a directory as
# its argument it writes there instead (scripts/check-generated.sh compares).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v protoc >/dev/null || { echo "protoc not found: apt-get install protobuf-compiler" >&2; exit 1; }

out=${1:-clients/python/src/kostra/v1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

protoc -IProtos --python_out="$tmp" --pyi_out="$tmp" Protos/kostra/v1/*.proto

mkdir -p "$out"
rm -f "$out"/*_pb2.py "$out"/*_pb2.pyi
cp "$tmp"/kostra/v1/*_pb2.py "$tmp"/kostra/v1/*_pb2.pyi "$out/"
