#!/usr/bin/env bash
# Measures what metrics cost on the hot path: the same release build of
# kostra-server with metrics off and with --metrics-port, under
#   kostra-client bench --connections 64 --duration 5 --method profile
# in alternating rounds (off, on, off, on, ...) so that a machine whose load
# drifts treats both alike. Prints each round's requests per second and the
# server's CPU time per request (user + system, from /proc, over the bench's
# 1 s warm-up and 5 s; steadier than throughput on a shared machine), the
# median of each side, and on/off. Loopback only; each server is stopped
# (SIGTERM, by its pid) after its round.
#
#   scripts/bench-metrics.sh [ROUNDS]        # 3 by default
#   KOSTRA_BUILD_DIR=.build-release/release scripts/bench-metrics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
bin=${KOSTRA_BUILD_DIR:-$(swift build -c release --show-bin-path)}
[ -x "$bin/kostra-server" ] && [ -x "$bin/kostra-client" ] || {
  echo "bench-metrics: build both first: swift build -c release" >&2
  exit 1
}

port=$((20000 + RANDOM % 20000))
metrics_port=$((port + 1))

cpu_ticks() { # pid: user + system clock ticks so far
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

round() { # side
  local args=(--port "$port")
  [ "$1" = on ] && args+=(--metrics-port "$metrics_port")
  "$bin/kostra-server" "${args[@]}" 2>/dev/null &
  local pid=$!
  for _ in $(seq 1 200); do
    "$bin/kostra-client" --port "$port" health >/dev/null 2>&1 && break
    sleep 0.05
  done
  local before after rps
  before=$(cpu_ticks "$pid")
  rps=$("$bin/kostra-client" --port "$port" bench --connections 64 --duration 5 --method profile --format json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["requests_per_second"])')
  after=$(cpu_ticks "$pid")
  # CPU microseconds per request, over the warm-up (1 s) and the 5 s measured.
  python3 -c "import os; t=os.sysconf('SC_CLK_TCK'); print($rps, ($after - $before) / t * 1e6 / ($rps * 6))"
  kill -TERM "$pid"
  wait "$pid" || true
}

off=()
on=()
for i in $(seq 1 "$rounds"); do
  off+=("$(round off)")
  on+=("$(round on)")
  echo "round $i: off ${off[-1]% *} req/s ${off[-1]#* } us/req, on ${on[-1]% *} req/s ${on[-1]#* } us/req"
done
python3 - "${off[*]}" "${on[*]}" <<'PY'
import statistics, sys
def pairs(text):
    v = [float(x) for x in text.split()]
    return v[0::2], v[1::2]
off_rps, off_cpu = pairs(sys.argv[1])
on_rps, on_cpu = pairs(sys.argv[2])
r_off, r_on = statistics.median(off_rps), statistics.median(on_rps)
c_off, c_on = statistics.median(off_cpu), statistics.median(on_cpu)
print(f"throughput: median off {r_off:.0f} req/s, on {r_on:.0f} req/s, on/off {r_on / r_off:.3f}")
print(f"server CPU: median off {c_off:.1f} us/req, on {c_on:.1f} us/req, on/off {c_on / c_off:.3f}")
PY
