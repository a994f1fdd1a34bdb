#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (a package of their own) and runs each
# for SECONDS_PER_TARGET seconds (default 20: about a minute and a half for the four,
# plus the build), starting from the seeds in Fuzz/Corpus/<target>/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   scripts/fuzz.sh 20                      # what CI runs
#   scripts/fuzz.sh 600 FuzzFrames          # one target, ten minutes
#   scripts/fuzz.sh 0                       # build, and run each seed once
#
# Exits non-zero when any target crashes, trips AddressSanitizer, leaks, hangs
# (an input taking over KOSTRA_FUZZ_TIMEOUT seconds, default 10) or runs out of
# memory. What it finds is left in fuzz-artifacts/<target>/ (crash-*, leak-*,
# timeout-*, oom-*), with the run's log in fuzz-artifacts/<target>.log; the
# inputs the run found interesting stay in fuzz-artifacts/corpus/<target>/ and
# a later run goes on from them. docs/fuzzing.md says how to reproduce a
# finding and how to run for hours.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

seconds="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzFrames FuzzMessages FuzzDataFile FuzzStore)
case "$seconds" in
  '' | *[!0-9]*) echo "fuzz.sh: SECONDS_PER_TARGET must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac

# -- what the build needs -------------------------------------------------------

# The main package links protobuf-c (as scripts/setup.sh installs it).
if ! dpkg-query -W -f='${Status}' libprotobuf-c-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "fuzz.sh: installing libprotobuf-c-dev" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libprotobuf-c-dev >/dev/null
fi

# libFuzzer and ASan come with the Swift toolchain (clang's runtime libraries
# in usr/lib/swift/clang/lib/linux); no Debian package is needed.
swiftc_path="$(readlink -f "$(command -v swiftc)")"
toolchain="$(dirname "$(dirname "$swiftc_path")")"
runtime_dir="$toolchain/lib/swift/clang/lib/linux"
if ! compgen -G "$runtime_dir/libclang_rt.fuzzer-*.a" >/dev/null; then
  echo "fuzz.sh: this Swift toolchain has no libFuzzer ($runtime_dir/libclang_rt.fuzzer-*.a);" >&2
  echo "         -sanitize=fuzzer needs a toolchain from swift.org, which ships it." >&2
  exit 2
fi
if [ -x "$toolchain/bin/llvm-symbolizer" ]; then
  export ASAN_SYMBOLIZER_PATH="$toolchain/bin/llvm-symbolizer"
fi

# -- the harnesses cover the whole schema ------------------------------------------

bash scripts/check-fuzz-coverage.sh

# -- build ------------------------------------------------------------------------

echo "== building the fuzz targets (release, -sanitize=fuzzer,address)"
# --sanitize instruments the Swift and C targets alike (the main package's
# CProtobuf included) and links libFuzzer's main; -parse-as-library because
# the targets have no main of their own.
build=(swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
"${build[@]}"
bin="$("${build[@]}" --show-bin-path)"

# -- run ------------------------------------------------------------------------

max_len() {
  case "$1" in
    FuzzDataFile) echo 200000 ;;  # the built-in file is 53 kB
    FuzzStore) echo 200000 ;;     # the seed stores are 70-130 kB
    *) echo 70000 ;;              # a whole 64 KiB frame, and then some
  esac
}

artifacts="$root/fuzz-artifacts"
mkdir -p "$artifacts"
# LeakSanitizer on: libFuzzer checks every input that adds coverage for leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
# Swift's own crash reporter (swift-backtrace) would race libFuzzer's handler
# for the trap of a fatalError and can hang the run; libFuzzer reports it.
export SWIFT_BACKTRACE=enable=no
timeout_seconds="${KOSTRA_FUZZ_TIMEOUT:-10}"
failed=()
summary=()
for target in "${targets[@]}"; do
  if [ ! -x "$bin/$target" ]; then
    echo "fuzz.sh: no target $target (known: FuzzFrames FuzzMessages FuzzDataFile FuzzStore)" >&2
    exit 2
  fi
  corpus="$artifacts/corpus/$target"
  mkdir -p "$corpus" "$artifacts/$target"
  log="$artifacts/$target.log"
  dict=()
  [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=("-dict=Fuzz/Dictionaries/$target.dict")
  echo "== $target for ${seconds}s (log: fuzz-artifacts/$target.log)"
  # 0 seconds: run every input of the corpus once (libFuzzer reads 0 as no limit).
  if [ "$seconds" -eq 0 ]; then limit=(-runs=0); else limit=(-max_total_time="$seconds"); fi
  # The first directory is written to, the seeds in Fuzz/Corpus are only read.
  set +e
  "$bin/$target" \
    "${limit[@]}" \
    -max_len="$(max_len "$target")" \
    -timeout="$timeout_seconds" \
    -rss_limit_mb=2048 \
    -detect_leaks=1 \
    -use_value_profile=1 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/$target/" \
    "${dict[@]}" \
    "$corpus" "Fuzz/Corpus/$target" >"$log" 2>&1
  status=$?
  set -e
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(echo "$done_line" | grep -o 'cov: [0-9]*' | cut -d' ' -f2 || true)"
  ft="$(echo "$done_line" | grep -o 'ft: [0-9]*' | cut -d' ' -f2 || true)"
  corp="$(echo "$done_line" | grep -o 'corp: [0-9]*/[0-9A-Za-z]*' | cut -d' ' -f2 || true)"
  if [ "$status" -eq 0 ]; then
    line="$target: ok, ${execs:-?} runs, ${rate:-?}/s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}"
  else
    found="$(sed -n 's|.*Test unit written to '"$root"'/||p' "$log" | tail -1)"
    line="$target: FAILED (exit $status) after ${execs:-?} runs; input: ${found:-none written, see the log}"
    failed+=("$target")
    echo "---- the end of fuzz-artifacts/$target.log, demangled:" >&2
    grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|INITED)' "$log" | tail -60 | swift demangle --simplified >&2 || true
    echo "----" >&2
  fi
  echo "$line"
  summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: ${failed[*]} failed; reproduce with: Fuzz/.build/release/<target> fuzz-artifacts/<target>/<artifact> (docs/fuzzing.md)" >&2
  exit 1
fi
