#!/usr/bin/env bash
# The project's test command: installs what a fresh machine lacks, checks the
# generated code, runs the Swift tests, the Python interop tests, the Python
# client's tests and the Java client's conformance run against a live server,
# the Swift tests again under AddressSanitizer with leak detection (and the
# C code under UndefinedBehaviorSanitizer), and a
# bounded run of each libFuzzer target. KOSTRA_SKIP_ASAN=1
# and KOSTRA_SKIP_FUZZ=1 skip those slow steps on a developer machine.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

echo "== generated code matches Protos/"
scripts/check-generated.sh

echo "== swift test"
swift build --product kostra-server
swift build --product kostra-client
swift test

echo "== python interop (live server)"
KOSTRA_SERVER_BIN="$(swift build --show-bin-path)/kostra-server" python3 -m pytest -q Tests/python

echo "== python client: clients/python, conformance vectors, schema evolution (live server)"
KOSTRA_SERVER_BIN="$(swift build --show-bin-path)/kostra-server" python3 -m pytest -q clients/python/tests

echo "== java client: the conformance vectors (docs/clients.md, live server)"
KOSTRA_SERVER_BIN="$(swift build --show-bin-path)/kostra-server" python3 clients/java/run_conformance.py

if [ "${KOSTRA_SKIP_FUZZ:-0}" != "1" ]; then
  echo "== fuzzing, 20 s per target (docs/fuzzing.md)"
  scripts/fuzz.sh 20
fi

if [ "${KOSTRA_SKIP_ASAN:-0}" != "1" ]; then
  echo "== swift test under AddressSanitizer (leaks included) and, for the C code, UndefinedBehaviorSanitizer"
  # --disable-xctest: the suites are Swift Testing; XCTest's runner leaks a
  # few bytes of its own that would drown the signal (see PROTOBUF-C.md).
  # Swift on Linux has no -sanitize=undefined (swiftc refuses it); Swift's own
  # overflow and bounds checks trap in every build. UBSan instruments the C
  # that Swift code runs on: the protoc-c code in CProtobuf and the C of the
  # dependencies (NIO's shims, BoringSSL). Any report stops the run.
  # Suppressed leaks, each with its reason: scripts/lsan-suppressions.txt.
  ASAN_OPTIONS=detect_leaks=1 \
  LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt" \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    swift test --scratch-path .build-asan --sanitize=address \
      -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined --disable-xctest
fi
