#!/usr/bin/env bash
# Checks that the fuzz harnesses cover the whole schema: every message type
# generated into Sources/KostraCodec is in FuzzMessages' selector list, and
# every method of KostraMethods is in FuzzFrames' dispatch. Cheap (grep only),
# so scripts/check-generated.sh runs it before any build and scripts/fuzz.sh
# runs it again before fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every message type must be in FuzzMessages' selector list, and every method
# of KostraMethods in FuzzFrames' dispatch: a new one fails here, not silently.
generated="$(grep -ho '^extension KostraV1\.[A-Za-z0-9_]*: KostraMessage' Sources/KostraCodec/Generated/*.pb.swift \
  | sed 's/^extension KostraV1\.\([A-Za-z0-9_]*\):.*/\1/' | sort)"
listed="$(sed -n '/^let messageTypes/,/^]/p' Fuzz/Sources/FuzzMessages/FuzzMessages.swift \
  | grep -o 'KostraV1\.[A-Za-z0-9_]*\.self' | sed 's/^KostraV1\.\(.*\)\.self$/\1/' | sort)"
missing="$(comm -23 <(echo "$generated") <(echo "$listed"))"
if [ -n "$missing" ]; then
  echo "check-fuzz-coverage: message types missing from messageTypes in Fuzz/Sources/FuzzMessages/FuzzMessages.swift:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  echo "  append them at the end of the list, then run: python3 Fuzz/make_corpus.py" >&2
  exit 1
fi
methods="$(grep -o 'public static let [A-Za-z0-9_]* = Method<' Sources/KostraProtocol/KostraMethods.swift \
  | sed 's/public static let \([A-Za-z0-9_]*\) = .*/\1/' | sort)"
served="$(grep -o 'case KostraMethods\.[A-Za-z0-9_]*\.path' Fuzz/Sources/FuzzFrames/FuzzFrames.swift \
  | sed 's/case KostraMethods\.\(.*\)\.path/\1/' | sort)"
missing="$(comm -23 <(echo "$methods") <(echo "$served"))"
if [ -n "$missing" ]; then
  echo "check-fuzz-coverage: methods of KostraMethods missing from serve(_:) in Fuzz/Sources/FuzzFrames/FuzzFrames.swift:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  echo "  add them, then run: python3 Fuzz/make_corpus.py" >&2
  exit 1
fi
echo "check-fuzz-coverage: the fuzz harnesses list every message type and method"
