#!/usr/bin/env python3
"""Side-by-side load comparison: kostra against redis-benchmark (and, when
built, a minimal grpc-swift-2 server answering the same request), on this
machine, in one run, with the load generator on the same machine.

    Benchmarks/compare.py [--runs 3] [--seconds 5] [--write BENCHMARKS.md]
                          [--grpc] [--haproxy] [--skip-build]

Each scenario is run --runs times, the peers interleaved (kostra, redis,
kostra, redis, ...) so that whatever else the machine does falls on both;
the table shows medians and the ratio kostra / peer. Redis moves a value as
large as the kostra answer (`redis-benchmark -d <bytes>`), so both send the
same bytes per request.

Scenarios (issue 6's targets):
  closed 64x1   64 connections, one request in flight on each
  closed 64x16  64 connections, 16 in flight on each (redis: -P 16)
  open loop     at half of kostra's closed 64x1 rate: p99 latency (a server with
                --threads auto and the load generator on 2 threads: cycles to spare)
  idle          10 000 idle connections: the server's resident memory
  startup       process start to first answer (scripts/measure-startup.py)
  --haproxy     two kostra-servers behind HAProxy, driven through it
  --grpc        the grpc-swift-2 peer (Benchmarks/GRPCPeer: GetProfile from the same
                data through the same protobuf-c codec) and kostra-server's own gRPC
                port (--grpc-port: the same GetProfile through its router and answer
                cache) under the same closed 64x1 and 64x16 loads, both driven by
                Benchmarks/GRPCBench, interleaved with the others

Needs redis-server and redis-benchmark (Debian: redis-server, redis-tools),
and haproxy for --haproxy; installs them with apt when missing and root.
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from procs import free_port, sh, wait_port  # noqa: E402 (Benchmarks/ is on sys.path as the scripts' folder)

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def ensure_packages(commands_to_packages):
    missing = [pkg for cmd, pkg in commands_to_packages if shutil.which(cmd) is None]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"compare.py: install {' '.join(sorted(set(missing)))} first (apt)")
    print(f"compare.py: installing {' '.join(sorted(set(missing)))}", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *sorted(set(missing))], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, 65536)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


class Proc:
    """A server process on a free loopback port, stopped with SIGTERM."""

    def __init__(self, argv_for_port, name):
        self.port = free_port()
        self.name = name
        self.proc = subprocess.Popen(argv_for_port(self.port), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=raise_fd_limit)
        wait_port(self.port, self.proc)

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        """User + system CPU time the process has used so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def with_cpu(server, run, requests=None):
    """Runs `run()` (a load run returning a dict with requests_per_second)
    and adds the CPU microseconds per request that the server and the load
    generator spent: over `requests` if given, else rate x elapsed time."""
    server_before, client_before = server.cpu_seconds(), children_cpu_seconds()
    started = time.monotonic()
    r = run()
    elapsed = time.monotonic() - started
    server_cpu, client_cpu = server.cpu_seconds() - server_before, children_cpu_seconds() - client_before
    # Requests over the whole call (warm-up included) ~ rate x elapsed.
    requests = requests or max(1.0, r["requests_per_second"] * elapsed)
    r["server_cpu_us"] = server_cpu / requests * 1e6
    r["client_cpu_us"] = client_cpu / requests * 1e6
    return r


def kostra_bench(client, port, *args):
    out = sh(str(client), "bench", "--port", str(port), "--format", "json", "--quiet", *args)
    return json.loads(out)


def redis_get(port, clients, pipeline, requests, size):
    out = sh("redis-benchmark", "-p", str(port), "-c", str(clients), "-P", str(pipeline), "-n", str(requests),
             "-t", "set,get", "-d", str(size), "--csv", "-q")  # SET first, so GET finds a value of that size
    rows = [line for line in out.splitlines() if line.startswith('"GET"')]
    fields = [f.strip('"') for f in rows[-1].split(",")]
    # "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
    return {"requests_per_second": float(fields[1]), "p50_us": float(fields[4]) * 1000, "p99_us": float(fields[6]) * 1000}


def grpc_bench(bench, port, *args):
    out = sh(str(bench), "--port", str(port), "--format", "json", "--quiet", *args)
    return json.loads(out)


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt(value, unit=""):
    if value != value:  # NaN
        return "—"
    if unit == "ms" or unit == "MiB":
        return f"{value:,.1f} {unit}".replace(",", " ")
    return f"{value:,.0f}{(' ' + unit) if unit else ''}".replace(",", " ")


def wakeup_lateness_us(samples=5000, sleep_us=500):
    """How late a sleeping thread wakes on this machine (p50, p99, p99.9 in
    µs): every answer needs a few wake-ups (server, load generator), so this
    is a floor under open-loop tail latency that no server can go below."""
    late = []
    for _ in range(samples):
        t = time.perf_counter_ns()
        time.sleep(sleep_us / 1e6)
        late.append((time.perf_counter_ns() - t) / 1000 - sleep_us)
    late.sort()
    return [late[int(q * (samples - 1))] for q in (0.5, 0.99, 0.999)]


def idle_connections(port, count):
    raise_fd_limit()
    socks = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.connect(("127.0.0.1", port))
            socks.append(s)
        time.sleep(1.0)
        return len(socks)
    finally:
        for s in socks:
            s.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=5.0, help="length of each kostra load run")
    ap.add_argument("--write", metavar="FILE", help="replace the results section of FILE (BENCHMARKS.md)")
    ap.add_argument("--haproxy", action="store_true",
                    help="also run Benchmarks/scale-out.py (two servers behind HAProxy), writing its section too")
    ap.add_argument("--grpc", action="store_true", help="also measure the grpc-swift-2 peer")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--kostra-threads", default="1",
                    help="kostra-server --threads (default 1: the load generator needs the other core of two; "
                         "redis-server serves from one thread too); auto for one per core")
    ap.add_argument("--idle", type=int, default=10_000, help="idle connections to hold")
    opts = ap.parse_args()

    ensure_packages([("redis-server", "redis-server"), ("redis-benchmark", "redis-tools")]
                    + ([("haproxy", "haproxy")] if opts.haproxy else []))
    if not opts.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "kostra-server"], cwd=ROOT, check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "kostra-client"], cwd=ROOT, check=True)
    bin_dir = Path(sh("swift", "build", "-c", "release", "--show-bin-path", cwd=ROOT).strip())
    server_bin, client_bin = bin_dir / "kostra-server", bin_dir / "kostra-client"
    if opts.grpc:
        # The Benchmarks package (its own, with grpc-swift-2): GRPCPeer serves
        # GetProfile from the same data through protobuf-c; GRPCBench is the
        # closed-loop client. One build at a time: the machine has 2 cores.
        bench_pkg = ["--package-path", str(ROOT / "Benchmarks")]
        if not opts.skip_build:
            for product in ("GRPCPeer", "GRPCBench"):
                subprocess.run(["swift", "build", "-c", "release", *bench_pkg, "--product", product], cwd=ROOT, check=True)
        grpc_dir = Path(sh("swift", "build", "-c", "release", *bench_pkg, "--show-bin-path", cwd=ROOT).strip())
        grpc_peer_bin, grpc_bench_bin = grpc_dir / "GRPCPeer", grpc_dir / "GRPCBench"

    machine = f"{os.cpu_count()} cores, {sh('uname', '-srm').strip()}"
    results = {}  # scenario -> peer -> list of dicts

    kostra = Proc(lambda p: [str(server_bin), "--port", str(p), "--max-connections", "20000",
                             "--threads", opts.kostra_threads], "kostra")
    redis = Proc(lambda p: ["redis-server", "--port", str(p), "--save", "", "--appendonly", "no",
                            "--maxclients", "20000"], "redis")
    grpc = Proc(lambda p: [str(grpc_peer_bin), "--port", str(p)], "grpc") if opts.grpc else None
    # kostra-server's gRPC port (issue 15), with the same threads as the native runs;
    # its native port is unused here.
    kostra_grpc = Proc(lambda p: [str(server_bin), "--port", str(free_port()), "--grpc-port", str(p),
                                  "--max-connections", "20000", "--threads", opts.kostra_threads],
                       "kostra-grpc") if opts.grpc else None
    try:
        probe = kostra_bench(client_bin, kostra.port, "--requests", "1000", "--connections", "1", "--warmup", "0")
        size = int(round(probe.get("mean_answer_bytes", 0))) or 1000
        print(f"kostra profile answer: {size} bytes; redis values of the same size", file=sys.stderr)
        seconds = str(opts.seconds)
        redis_n = {1: 100_000, 16: 400_000}  # about as long as a kostra run at these rates
        peers = ["kostra", "redis"] + (["grpc", "kostra-grpc"] if grpc else [])
        for run in range(opts.runs):
            # Each run starts with the next peer (kostra, redis; then redis,
            # kostra; with --grpc kostra, redis, grpc; redis, grpc, kostra; ...).
            order = peers[run % len(peers):] + peers[:run % len(peers)]
            for depth in (1, 16):
                key = f"closed 64x{depth}"
                for peer in order:
                    if peer == "kostra":
                        r = with_cpu(kostra, lambda: kostra_bench(client_bin, kostra.port, "--connections", "64",
                                                                  "--depth", str(depth), "--duration", seconds))
                    elif peer in ("grpc", "kostra-grpc"):
                        target = grpc if peer == "grpc" else kostra_grpc
                        r = with_cpu(target, lambda: grpc_bench(grpc_bench_bin, target.port, "--connections", "64",
                                                                "--depth", str(depth), "--duration", seconds))
                    else:
                        # SET then GET, n each: 2n requests in the CPU time.
                        r = with_cpu(redis, lambda: redis_get(redis.port, 64, depth, redis_n[depth], size),
                                     requests=2 * redis_n[depth])
                    results.setdefault(key, {}).setdefault(peer, []).append(r)
                    print(f"run {run + 1} {key} {peer}: {r['requests_per_second']:.0f}/s, CPU per request: "
                          f"server {r['server_cpu_us']:.1f} µs, load generator {r['client_cpu_us']:.1f} µs", file=sys.stderr)
        closed_max = median([r["requests_per_second"] for r in results["closed 64x1"]["kostra"]])
        rate = closed_max / 2
        # At half load there are cycles to spare, and a single-threaded load generator's
        # own queueing (its timers and reads on one loop) dominates the tail: both sides
        # run on both cores here (measured: p99 1.2 ms against 6.7-14.7 ms with one
        # client thread; see BENCHMARKS.md).
        kostra_open = Proc(lambda p: [str(server_bin), "--port", str(p), "--threads", "auto"], "kostra")
        try:
            for run in range(opts.runs):
                r = kostra_bench(client_bin, kostra_open.port, "--connections", "64", "--rate", str(rate),
                                 "--duration", seconds, "--threads", "2")
                results.setdefault("open loop", {}).setdefault("kostra", []).append(r)
                print(f"run {run + 1} open loop at {rate:.0f}/s: p99 {r['p99_us']} µs", file=sys.stderr)
        finally:
            kostra_open.stop()

        before = kostra.rss_kib()
        held = idle_connections(kostra.port, opts.idle)
        during = kostra.rss_kib()
        results["idle"] = {"kostra": [{"held": held, "rss_before_kib": before, "rss_kib": during}]}
        print(f"idle: {held} connections, RSS {before} -> {during} KiB", file=sys.stderr)
    finally:
        kostra.stop()
        redis.stop()
        if grpc:
            grpc.stop()
        if kostra_grpc:
            kostra_grpc.stop()

    wake = wakeup_lateness_us()
    startup = sh(sys.executable, str(ROOT / "scripts" / "measure-startup.py"), str(server_bin), "--runs", "10")
    m = re.search(r"median\s+([\d.]+)\s*ms", startup)
    startup_ms = float(m.group(1)) if m else float("nan")

    lines = [f"Measured {time.strftime('%Y-%m-%d')} on {machine}; load generator on the same machine; "
             f"medians of {opts.runs} runs, the peers interleaved; kostra runs of {opts.seconds:g} s; "
             f"kostra-server --threads {opts.kostra_threads}.", "",
             "| Scenario | kostra | peer | kostra / peer | target |", "|---|---|---|---|---|"]

    def rps(key, peer):
        return median([r["requests_per_second"] for r in results[key][peer]])

    for depth, target in ((1, "≥ 1.0 × redis"), (16, "≥ 0.5 × redis -P 16")):
        key = f"closed 64x{depth}"
        k, r = rps(key, "kostra"), rps(key, "redis")
        lines.append(f"| {key}: requests/s (p99) | {fmt(k)} ({fmt(median([x['p99_us'] for x in results[key]['kostra']]), 'µs')}) "
                     f"| redis GET {fmt(r)} ({fmt(median([x['p99_us'] for x in results[key]['redis']]), 'µs')}) "
                     f"| {k / r:.2f} | {target} |")
    if opts.grpc:
        # The same load against the grpc-swift-2 peer: same data, same
        # analysis, same protobuf-c codec; only the transport differs.
        for depth in (1, 16):
            key = f"closed 64x{depth}"
            k, g = rps(key, "kostra"), rps(key, "grpc")
            lines.append(f"| {key}: requests/s (p99), vs gRPC | {fmt(k)} ({fmt(median([x['p99_us'] for x in results[key]['kostra']]), 'µs')}) "
                         f"| grpc-swift-2 {fmt(g)} ({fmt(median([x['p99_us'] for x in results[key]['grpc']]), 'µs')}) "
                         f"| {k / g:.2f} | |")
        # kostra's own gRPC port against the peer (the same transport: target >= 1.0)
        # and against kostra's native port.
        for depth in (1, 16):
            key = f"closed 64x{depth}"
            kg, g, k = rps(key, "kostra-grpc"), rps(key, "grpc"), rps(key, "kostra")
            lines.append(f"| {key}: requests/s (p99), kostra's gRPC port vs the peer | {fmt(kg)} "
                         f"({fmt(median([x['p99_us'] for x in results[key]['kostra-grpc']]), 'µs')}) "
                         f"| grpc-swift-2 {fmt(g)} | {kg / g:.2f} (native port: {kg / k:.2f}) | ≥ 1.0 × grpc-swift-2 |")
    # Where the time goes, coarsely: CPU per request of each side (2 cores to share).
    for depth in (1, 16):
        key = f"closed 64x{depth}"
        for peer in [p for p in ("kostra", "redis", "grpc", "kostra-grpc") if p in results[key]]:
            runs = results[key][peer]
            lines.append(f"| {key}: CPU per request, {peer} | server {median([x['server_cpu_us'] for x in runs]):.1f} µs, "
                         f"load generator {median([x['client_cpu_us'] for x in runs]):.1f} µs | | | |")
    ol = results["open loop"]["kostra"]
    lines.append(f"| open loop at {fmt(rate)}/s (server --threads auto, load generator --threads 2): p99 | {fmt(median([x['p99_us'] for x in ol]), 'µs')} "
                 f"(p50 {fmt(median([x['p50_us'] for x in ol]), 'µs')}, p99.9 {fmt(median([x['p999_us'] for x in ol]), 'µs')}) | | | < 1 000 µs |")
    lines.append(f"| this machine: a thread sleeping 0.5 ms wakes late by (p50 / p99 / p99.9) | "
                 f"{wake[0]:.0f} / {wake[1]:.0f} / {wake[2]:.0f} µs | | | |")
    idle = results["idle"]["kostra"][0]
    lines.append(f"| {idle['held']} idle connections: resident memory | {fmt(idle['rss_kib'] / 1024, 'MiB')} "
                 f"(from {fmt(idle['rss_before_kib'] / 1024, 'MiB')}) | | | < 300 MB |")
    lines.append(f"| start to first answer (median of 10) | {fmt(startup_ms, 'ms')} | | | < 200 ms |")
    table = "\n".join(lines)
    print(table)
    if opts.write:
        path = Path(opts.write)
        text = path.read_text()
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            path.write_text(head + BEGIN + "\n" + table + "\n" + END + tail)
        else:
            sys.exit(f"{path} has no {BEGIN} ... {END} section")
    if opts.haproxy:
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "scale-out.py"), "--skip-build",
                        "--runs", str(opts.runs), "--seconds", str(opts.seconds),
                        *(["--write", opts.write] if opts.write else [])], check=True)
    with open(ROOT / "Benchmarks" / "last-run.json", "w") as f:
        json.dump({"machine": machine, "results": results, "startup_ms": startup_ms, "wakeup_late_us": wake}, f, indent=1)


if __name__ == "__main__":
    main()
