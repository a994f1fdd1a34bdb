#!/usr/bin/env bash
# Fails when a tracked file names an absolute path of a development machine
# (one under the root directories work, home, Users, root or mnt; untracked
# files too, so a new file is caught before it is committed): the chapter and
# the shared docs are named relative to the repository root
# (../shared/seed/...), and scripts find them from their own location.
# check-generated.sh calls it, so CI keeps a git grep for such paths empty.
set -euo pipefail
cd "$(dirname "$0")/.."

# A slash-rooted path: the prefix not preceded by a word character, a dot, a
# tilde or a hyphen (so "network/" or a relative "./work" do not count).
pattern='(^|[^[:alnum:]_.~-])/(work|home|Users|root|mnt)/'

# This script names the prefixes in its pattern, so it is left out.
if hits=$(git grep --untracked -n -I -E "$pattern" -- . ':!scripts/check-paths.sh'); then
  echo "check-paths: absolute paths of a development machine in tracked files:" >&2
  echo "$hits" >&2
  echo "check-paths: name such files relative to the repository root (../shared/seed/...)." >&2
  exit 1
fi
echo "check-paths: no absolute development-machine paths in tracked files"
