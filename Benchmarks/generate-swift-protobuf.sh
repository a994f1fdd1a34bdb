#!/usr/bin/env bash
# Regenerates Benchmarks/Sources/KostraSwiftProtobuf/ from Protos/ with
# swift-protobuf's protoc-gen-swift: the messages the Codec benchmark
# measures beside protobuf-c. The generated files are committed; run this
# only when Protos/ changes.
#
# protoc-gen-swift is built from swift-protobuf at the version Package.swift
# names (1.39.0), once, in a scratch checkout (about 10 minutes on 2 cores):
#
#   git clone --branch 1.39.0 https://github.com/apple/swift-protobuf.git /tmp/swift-protobuf
#   (cd /tmp/swift-protobuf && swift build -c release --product protoc-gen-swift)
#
# then:
#
#   PROTOC_GEN_SWIFT=/tmp/swift-protobuf/.build/release/protoc-gen-swift Benchmarks/generate-swift-protobuf.sh
#
# Options: Visibility=Public so the benchmark targets can use the types;
# FileNaming=DropPath for one flat folder (analysis.pb.swift, ...). The
# types are named Kostra_V1_<Message> (package kostra.v1).
set -euo pipefail
cd "$(dirname "$0")/.."

plugin=${PROTOC_GEN_SWIFT:-/tmp/swift-protobuf/.build/release/protoc-gen-swift}
[ -x "$plugin" ] || { echo "protoc-gen-swift not found at $plugin; set PROTOC_GEN_SWIFT (see this script's header)" >&2; exit 1; }
command -v protoc >/dev/null || { echo "protoc not found: apt-get install protobuf-compiler" >&2; exit 1; }

protos=(kostra/v1/status.proto kostra/v1/envelope.proto kostra/v1/region.proto \
        kostra/v1/indicator.proto kostra/v1/series.proto kostra/v1/analysis.proto \
        kostra/v1/kostra.proto)

out=Benchmarks/Sources/KostraSwiftProtobuf
rm -f "$out"/*.pb.swift
mkdir -p "$out"
protoc -IProtos --plugin=protoc-gen-swift="$plugin" \
  --swift_opt=Visibility=Public --swift_opt=FileNaming=DropPath \
  --swift_out="$out" "${protos[@]}"
echo "generated: $(ls "$out" | tr '\n' ' ')"
