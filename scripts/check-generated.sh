#!/usr/bin/env bash
# Fails when the generated code in the work tree differs from what
# scripts/generate-protos.sh makes from Protos/ now: protoc-c's C code in
# Sources/CProtobuf and the Swift codec in Sources/KostraCodec/Generated; and
# the Python client's modules (scripts/generate-python-client.sh) in
# clients/python/src/kostra/v1.
#
# It regenerates into a temporary copy of the tree, so it changes nothing here,
# and compares whole directories, so a file that is new, changed or missing on
# either side counts. CI runs it; after changing a .proto or a generator, run
# scripts/generate-protos.sh and commit the result. At the end it runs
# scripts/check-fuzz-coverage.sh and scripts/check-paths.sh (no absolute paths
# of a development machine in the tree).
set -euo pipefail
cd "$(dirname "$0")/.."

generated=(Sources/CProtobuf Sources/KostraCodec/Generated)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# What the generation reads, and the current generated code (so that the
# hand-written files beside it are there and compare equal).
mkdir -p "$tmp/tree/Sources/KostraCodec"
cp -R scripts Protos "$tmp/tree/"
cp -R Sources/CProtobuf "$tmp/tree/Sources/"
if [ -d Sources/KostraCodec/Generated ]; then
  cp -R Sources/KostraCodec/Generated "$tmp/tree/Sources/KostraCodec/"
fi

if ! (cd "$tmp/tree" && bash scripts/generate-protos.sh >"$tmp/generate.log" 2>&1); then
  cat "$tmp/generate.log" >&2
  echo "check-generated: scripts/generate-protos.sh failed (output above)" >&2
  exit 1
fi

status=0
for dir in "${generated[@]}"; do
  if ! diff -r -u "$dir" "$tmp/tree/$dir" >"$tmp/diff" 2>&1; then
    status=1
    echo "check-generated: $dir differs from what scripts/generate-protos.sh generates:" >&2
    head -n 200 "$tmp/diff" >&2
    lines=$(wc -l <"$tmp/diff")
    if [ "$lines" -gt 200 ]; then
      echo "... ($lines lines of diff in all)" >&2
    fi
  fi
done

# The Python client's message modules (scripts/generate-python-client.sh).
python_out=clients/python/src/kostra/v1
if ! bash scripts/generate-python-client.sh "$tmp/python" >"$tmp/generate-python.log" 2>&1; then
  cat "$tmp/generate-python.log" >&2
  echo "check-generated: scripts/generate-python-client.sh failed (output above)" >&2
  exit 1
fi
# Only the generated files: __init__.py beside them is written by hand.
if ! diff -r -u -x __init__.py -x __pycache__ "$python_out" "$tmp/python" >"$tmp/diff" 2>&1; then
  status=1
  echo "check-generated: $python_out differs from what scripts/generate-python-client.sh generates:" >&2
  head -n 200 "$tmp/diff" >&2
fi
generated+=("$python_out")

if [ "$status" -ne 0 ]; then
  echo >&2
  echo "check-generated: FAILED: the committed generated code is out of date." >&2
  echo "Run scripts/generate-protos.sh and scripts/generate-python-client.sh and commit the result." >&2
  exit 1
fi
echo "check-generated: generated code is up to date (${generated[*]})"

# The fuzz harnesses must name every message type and method (grep only, so
# a schema change fails here in seconds rather than after the fuzz build).
bash scripts/check-fuzz-coverage.sh

# No absolute paths of a development machine in the tree (issue 16).
bash scripts/check-paths.sh
