#!/usr/bin/env python3
"""Side-by-side load comparison: kostra against redis-benchmark (and, when
built, a minimal grpc-swift-2 server answering the same request), on this
machine, in one run, with the load generator on the same machine (issue 14).

    Benchmarks/compare.py [--runs 3] [--seconds 5] [--write BENCHMARKS.md]
                          [--national DIR] [--perf --perf-label before|after]
                          [--bin-dir DIR] [--grpc] [--haproxy] [--skip-build]

Each scenario is run --runs times, the peers interleaved (kostra, redis,
kostra, redis, ...) so that whatever else the machine does falls on both;
the table shows medians and the ratio kostra / peer. Redis moves a value as
large as the kostra answer (`redis-benchmark -d <mean_answer_bytes>`), so both
send the same bytes per request, and a Redis run is about as long as a kostra
run (its -n from the rate last seen). Every row also has the CPU per request of
each server and of its load generator (from /proc and getrusage).

Scenarios (issue 14's targets), 64 connections each:
  series 64x1         GetSeries repeated (~1.5 KB) vs Redis GET; >= 1.0
  series 64x16        the same, 16 in flight on each vs Redis GET -P 16; >= 0.7
  check 64x1          Check (~42 bytes) vs Redis GET of a value that size; >= 1.0
  profile 64x1        GetProfile (~21.6 KB) vs Redis GET; no target
  random series 64x1  with --national DIR: a kostra-server on the national benchmark
                      dataset, `bench --random --seed <run> --method series`, vs Redis GET
                      over a keyspace as large as the requests kostra made (-r K,
                      prefilled outside the timed part); >= 0.8. Skipped without
                      --national.
  open loop           at half of kostra's closed series 64x1 rate: p99 < 1 ms (a server
                      with --threads auto and the load generator on 2 threads)
  idle                --idle idle connections: resident memory per connection, kostra's
                      RSS delta beside Redis's used_memory_rss delta; <= 5 KB
  startup             process start to first answer (scripts/measure-startup.py)
  --perf              a perf profile of kostra-server for one extra series 64x1 run and
                      one extra random series 64x1 run, written (with --write) into the
                      <!-- profile:begin --> ... <!-- profile:end --> section under
                      --perf-label, beside the tables of other labels
  --haproxy           two kostra-servers behind HAProxy, driven through it
  --grpc              the grpc-swift-2 peer (Benchmarks/GRPCPeer: GetProfile from the same
                      data through the same protobuf-c codec) and kostra-server's own gRPC
                      port (--grpc-port, --threads auto as the peer: the same GetProfile through
                      its router and answer cache) under the profile 64x1 and 64x16 loads, both driven by
                      Benchmarks/GRPCBench, interleaved with the others

--national DIR is a data directory with the national dataset imported; when it
has no kostra.sqlite yet, Benchmarks/national/generate.py writes the JSON-stat
files (--national-figures, 10 M figures per version by default: ~15 s) into a
temporary folder and `kostra-server import --data DIR` imports the preliminary
then the final version (~5 s and ~12 s with a release build, BENCHMARKS.md's
national-scale table; far longer with a debug build); the files are then removed.
About 35 s in all, once; later runs reuse DIR.

Needs redis-server, redis-benchmark and redis-cli (Debian: redis-server,
redis-tools), perf for --perf, and haproxy for --haproxy; installs them with apt
when missing and root.
"""
import argparse
import json
import os
import re
import resource
import shlex
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
PROFILE_BEGIN, PROFILE_END = "<!-- profile:begin -->", "<!-- profile:end -->"
PROFILE_DATA = re.compile(r"<!-- profile-data:(\S+) (\{.*?\}) -->", re.S)
CONNECTIONS = 64
WARMUP = 1.0  # kostra-client bench's default warm-up, seconds

# (key, method, depth, target ratio kostra / redis or None, what it is)
SCENARIOS = [
    ("series 64x1", "series", 1, 1.0, "GetSeries repeated"),
    ("series 64x16", "series", 16, 0.7, "GetSeries repeated, 16 in flight on each connection"),
    ("check 64x1", "check", 1, 1.0, "Check"),
    ("profile 64x1", "profile", 1, None, "GetProfile repeated"),
]
RANDOM = "random series 64x1"


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

    def __init__(self, argv_for_port, name, timeout=30.0):
        self.port = free_port()
        self.name = name
        self.argv = argv_for_port(self.port)
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=raise_fd_limit)
        wait_port(self.port, self.proc, timeout=timeout)

    @property
    def pid(self):
        return self.proc.pid

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


def with_cpu(server, run, requests=None, client_overhead=0.0):
    """Runs `run()` (a load run returning a dict with requests_per_second)
    and adds the CPU microseconds per request that the server and the load
    generator spent: over `requests` if given, else over the requests the
    kostra load generator sent (the measured ones and those of its warm-up),
    else rate x elapsed time. `client_overhead` CPU seconds of the load generator
    (drawing --random's requests) are taken off its CPU time."""
    server_before, client_before = server.cpu_seconds(), children_cpu_seconds()
    started = time.monotonic()
    r = run()
    elapsed = time.monotonic() - started
    server_cpu, client_cpu = server.cpu_seconds() - server_before, children_cpu_seconds() - client_before
    client_cpu = max(0.0, client_cpu - client_overhead)
    if requests is None:
        requests = r.get("requests_made") or r["requests_per_second"] * elapsed
    requests = max(1.0, requests)
    r["server_cpu_us"] = server_cpu / requests * 1e6
    r["client_cpu_us"] = client_cpu / requests * 1e6
    return r


def kostra_bench(client, port, *args):
    """One `kostra-client bench` run; its JSON. An error answer (the random mix's NOT_FOUND for a
    region without the indicator) makes it exit 1 but is still an answer: the JSON counts it."""
    argv = [str(client), "bench", "--port", str(port), "--format", "json", "--quiet", *args]
    p = subprocess.run(argv, text=True, capture_output=True)
    if p.returncode not in (0, 1) or not p.stdout.strip():
        raise RuntimeError(f"{shlex.join(argv)} exited with {p.returncode}: {p.stderr.strip()}")
    r = json.loads(p.stdout)
    warmup = WARMUP
    if "--warmup" in args:
        warmup = float(args[args.index("--warmup") + 1])
    if "--requests" in args:
        warmup = 0.0
    # Requests sent in all: the measured ones and about rate x warm-up before them.
    r["requests_made"] = r.get("requests", 0) + r["requests_per_second"] * warmup
    return r


def redis_cmd(port, *args):
    return ["redis-benchmark", "-p", str(port), *[str(a) for a in args]]


def redis_prefill(port, size, keyspace=None):
    """SETs values of `size` bytes outside the timed part: the one key `key:__rand_int__`, or
    with a keyspace every key of -r K (4 K random SETs cover 98 % of them)."""
    if keyspace:
        sh(*redis_cmd(port, "-c", CONNECTIONS, "-P", 16, "-n", 4 * keyspace, "-r", keyspace, "-t", "set",
                      "-d", size, "-q"))
    else:
        sh(*redis_cmd(port, "-c", 1, "-n", 1, "-t", "set", "-d", size, "-q"))


def redis_get(port, clients, pipeline, requests, size, keyspace=None):
    argv = redis_cmd(port, "-c", clients, "-P", pipeline, "-n", requests, "-t", "get", "-d", size,
                     *(["-r", keyspace] if keyspace else []), "--csv")
    out = sh(*argv)
    rows = [line for line in out.splitlines() if line.startswith('"GET"')]
    fields = [f.strip('"') for f in rows[-1].split(",")]
    # "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
    return {"requests_per_second": float(fields[1]), "p50_us": float(fields[4]) * 1000,
            "p99_us": float(fields[6]) * 1000, "requests": requests}


def redis_info(port, section="memory"):
    out = sh("redis-cli", "-p", str(port), "info", section)
    return {k: v for k, v in (line.strip().split(":", 1) for line in out.splitlines() if ":" in line)}


def grpc_bench(bench, port, *args):
    out = sh(str(bench), "--port", str(port), "--format", "json", "--quiet", *args)
    return json.loads(out)


def median(values):
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def fmt(value, unit=""):
    if value != value:  # NaN
        return "—"
    if unit in ("ms", "MiB", "KB"):
        return f"{value:,.1f} {unit}".replace(",", " ")
    return f"{value:,.0f}{(' ' + unit) if unit else ''}".replace(",", " ")


def verdict_at_least(ratio, target):
    """The target column for a ratio that must be at least `target`."""
    if ratio != ratio:
        return f"≥ {target:.1f} × — not measured"
    if ratio >= target:
        return f"≥ {target:.1f} × — met"
    return f"≥ {target:.1f} × — **missed by {(target - ratio) / target * 100:.0f} %**"


def verdict_at_most(value, target, unit, strict=False):
    sign = "<" if strict else "≤"
    if value != value:
        return f"{sign} {fmt(target)} {unit} — not measured"
    if value < target or (value == target and not strict):
        return f"{sign} {fmt(target)} {unit} — met"
    return f"{sign} {fmt(target)} {unit} — **missed by {(value - target) / target * 100:.0f} %**"


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


def hold_idle(port, count, measure):
    """Opens `count` idle connections to `port`, waits a second, calls `measure()` while they
    are open, closes them; (connections held, what measure returned)."""
    raise_fd_limit()
    socks = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.connect(("127.0.0.1", port))
            socks.append(s)
        time.sleep(1.0)
        return len(socks), measure()
    finally:
        for s in socks:
            s.close()
        time.sleep(0.5)


def machine_description():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return f"{os.cpu_count()} cores{', ' + model if model else ''}, {sh('uname', '-srm').strip()}"


def shown_path(path):
    """A path as BENCHMARKS.md shows it: relative to this checkout when inside it (the file
    names no development machine's paths: scripts/check-paths.sh), else as it is."""
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(ROOT)) or "."
    except ValueError:
        return str(path)


def binaries_description(bin_dir):
    """The bin dir, and the commit of the checkout it belongs to when it is a SwiftPM .build."""
    description = shown_path(bin_dir)
    for parent in Path(bin_dir).resolve().parents:
        if (parent / ".git").exists():
            try:
                commit = sh("git", "-C", str(parent), "describe", "--always", "--dirty").strip()
                where = "this checkout" if parent == ROOT else f"the checkout {shown_path(parent)}"
                description += f" ({where} at {commit})"
            except subprocess.CalledProcessError:
                pass
            break
    return description


# --- the national dataset -----------------------------------------------------------------------

def ensure_national(directory, server_bin, figures):
    """A data directory with the national benchmark dataset imported: as it is when it has a
    kostra.sqlite, else generated (Benchmarks/national/generate.py) and imported (preliminary,
    then final, as Benchmarks/national/bench_store.py does)."""
    directory = Path(directory).resolve()
    if (directory / "kostra.sqlite").exists():
        print(f"national dataset: {directory} (already imported)", file=sys.stderr)
        return
    directory.mkdir(parents=True, exist_ok=True)
    source = Path(tempfile.mkdtemp(prefix="kostra-national-json-"))
    try:
        started = time.monotonic()
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "national" / "generate.py"), "--figures", str(figures),
                        "--out", str(source)], check=True, stdout=sys.stderr)
        generated = time.monotonic() - started
        print(f"national dataset: generated {figures} figures per version in {generated:.1f} s", file=sys.stderr)
        for version in ("preliminary", "final"):
            files = sorted(str(p) for p in (source / version).glob("*.json"))
            started = time.monotonic()
            subprocess.run([str(server_bin), "import", "--data", str(directory), *files], check=True,
                           stdout=subprocess.DEVNULL)
            print(f"national dataset: imported {version} ({len(files)} files) into {directory} in "
                  f"{time.monotonic() - started:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(source, ignore_errors=True)


# --- perf ---------------------------------------------------------------------------------------

def perf_event():
    """cpu-clock where the hardware cycles counter is missing (a VM): perf's default event then
    records nothing."""
    p = subprocess.run(["perf", "stat", "-x,", "-e", "cycles", "--", "true"], text=True, capture_output=True)
    return [] if p.returncode == 0 and "not supported" not in p.stderr and "<not" not in p.stderr else ["-e", "cpu-clock"]


def perf_profile(pid, run, top=15):
    """Records kostra-server (`pid`) while `run()` runs; the top entries of perf report as
    (percent, dso, symbol), symbols demangled; and the perf record command."""
    data = tempfile.NamedTemporaryFile(prefix="kostra-perf-", suffix=".data", delete=False).name
    record = ["perf", "record", *perf_event(), "-F", "999", "-g", "-p", str(pid), "-o", data]
    recorder = subprocess.Popen(record, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)  # attached
        if recorder.poll() is not None:
            raise RuntimeError(f"perf record exited with {recorder.returncode}: {recorder.stderr.read()}")
        result = run()
    finally:
        if recorder.poll() is None:
            recorder.send_signal(signal.SIGINT)
        try:
            recorder.wait(timeout=60)
        except subprocess.TimeoutExpired:
            recorder.kill()
            recorder.wait()
    sep = "\x1f"
    report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso,symbol", "--stdio",
                             "-g", "none", "-t", sep], text=True, capture_output=True)
    by_dso = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso", "--stdio", "-g", "none",
                             "-t", sep], text=True, capture_output=True)
    os.unlink(data)
    dsos = []
    for line in by_dso.stdout.splitlines():
        fields = line.split(sep)
        m = re.match(r"\s*([\d.]+)%", fields[0]) if not line.startswith("#") and len(fields) >= 2 else None
        if m and len(dsos) < 6:
            dsos.append([float(m.group(1)), os.path.basename(fields[1].strip())])
    samples = re.search(r"# Samples: (\S+)", report.stdout)
    entries = []
    for line in report.stdout.splitlines():
        if line.startswith("#") or sep not in line:
            continue
        fields = line.split(sep)
        m = re.match(r"\s*([\d.]+)%", fields[0])
        if not m or len(fields) < 3:
            continue
        symbol = re.sub(r"^\[.\]\s*", "", fields[2].strip())
        entries.append([float(m.group(1)), os.path.basename(fields[1].strip()), symbol])
        if len(entries) == top:
            break
    if not entries:
        print(f"perf report gave no entries: {report.stderr.strip()[:500]}", file=sys.stderr)
    demangled = demangle([e[2] for e in entries])
    for entry, name in zip(entries, demangled):
        entry[2] = name
    return {"entries": entries, "dsos": dsos, "samples": samples.group(1) if samples else "?",
            "record": shlex.join(record[:-4]) + " -p <kostra-server pid>",
            "rate": result.get("requests_per_second", float("nan"))}


def demangle(symbols):
    tool = [shutil.which("swift"), "demangle", "--simplified"] if shutil.which("swift") else None
    if not tool or not any(s.startswith(("$s", "_$s", "$S", "_T")) for s in symbols):
        return symbols
    p = subprocess.run(tool, input="\n".join(symbols) + "\n", text=True, capture_output=True)
    out = p.stdout.rstrip("\n").split("\n")
    return out if p.returncode == 0 and len(out) == len(symbols) else symbols


def md_cell(text, limit=110):
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|").replace("`", "'")


def profile_section(labels):
    """The profile section's text from every label's data (label -> dict), the tables side by side."""
    names = list(labels)
    lines = ["Where kostra-server's time goes: `perf report --no-children --sort dso,symbol` (self time; top "
             "entries) of a profile recorded over one extra run of each scenario, not counted in the results "
             "table. Symbols demangled with `swift demangle --simplified`, long ones cut.", ""]
    for name in names:
        d = labels[name]
        lines.append(f"- **{name}**: {d['how']}")
    scenarios = []
    for name in names:
        for scenario in labels[name]["scenarios"]:
            if scenario not in scenarios:
                scenarios.append(scenario)
    for scenario in scenarios:
        lines += ["", f"#### {scenario}", ""]
        per = {n: labels[n]["scenarios"].get(scenario) for n in names}
        lines += ["; ".join(f"{n}: {fmt(p['rate'])} requests/s under perf, {p['samples']} samples, by library "
                            + ", ".join(f"{md_cell(d, 30)} {pc:.0f} %" for pc, d in p.get("dsos", []))
                            if p else f"{n}: not measured" for n, p in per.items()) + ".", ""]
        lines.append("| " + " | ".join(f"{n}: % | {n}: where (dso: symbol)" for n in per) + " |")
        lines.append("|" + "---|---|" * len(names))
        depth = max((len(p["entries"]) for p in per.values() if p), default=0)
        for i in range(depth):
            cells = []
            for p in per.values():
                if p and i < len(p["entries"]):
                    percent, dso, symbol = p["entries"][i]
                    cells += [f"{percent:.1f} %", f"{md_cell(dso, 30)}: {md_cell(symbol)}"]
                else:
                    cells += ["", ""]
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for name in names:
        blob = json.dumps(labels[name], ensure_ascii=True).replace("--", "-\\u002d")
        lines.append(f"<!-- profile-data:{name} {blob} -->")
    return "\n".join(lines)


def write_profile(path, label, data):
    text = path.read_text()
    labels = {}
    if PROFILE_BEGIN in text and PROFILE_END in text:
        head, rest = text.split(PROFILE_BEGIN, 1)
        section, tail = rest.split(PROFILE_END, 1)
        for m in PROFILE_DATA.finditer(section):
            labels[m.group(1)] = json.loads(m.group(2))
    else:
        head, tail = text.rstrip("\n") + "\n\n## Where kostra's time goes: perf profiles (issue 14)\n\n", "\n"
    labels[label] = data
    path.write_text(head + PROFILE_BEGIN + "\n" + profile_section(labels) + "\n" + PROFILE_END + tail)


# --- main ---------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=5.0, help="length of each kostra load run (Redis runs about as long)")
    ap.add_argument("--write", metavar="FILE", help="replace the results section of FILE (BENCHMARKS.md), and with "
                                                    "--perf its profile section")
    ap.add_argument("--haproxy", action="store_true",
                    help="also run Benchmarks/scale-out.py (two servers behind HAProxy), writing its section too")
    ap.add_argument("--grpc", action="store_true", help="also measure the grpc-swift-2 peer (GetProfile)")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--bin-dir", metavar="DIR", default=str(ROOT / ".build" / "release"),
                    help="where kostra-server and kostra-client are (default .build/release; e.g. an older "
                         "commit's build in /tmp/before/.build/release), used as it is: only the default is built")
    ap.add_argument("--client-dir", metavar="DIR",
                    help="take kostra-client from DIR instead of --bin-dir (one load generator for a before and an "
                         "after server)")
    ap.add_argument("--kostra-threads", default="1",
                    help="kostra-server --threads (default 1: the load generator needs the other core of two; "
                         "redis-server serves from one thread too); auto for one per core")
    ap.add_argument("--idle", type=int, default=10_000, help="idle connections to hold")
    ap.add_argument("--national", metavar="DIR",
                    help="a data directory with the national benchmark dataset imported (generated and imported "
                         "into it when it has no kostra.sqlite); without it the random series row is skipped")
    ap.add_argument("--national-figures", type=int, default=10_000_000,
                    help="figures per version when --national DIR must be generated (generate.py --figures)")
    ap.add_argument("--distinct", type=int, default=1_000_000,
                    help="bench --random --distinct: random requests drawn per run (more than a run sends, so "
                         "that none repeats)")
    ap.add_argument("--perf", action="store_true", help="record a perf profile of kostra-server for one extra "
                                                        "series 64x1 and one extra random series 64x1 run")
    ap.add_argument("--perf-label", default="after", help="the profile's label in the --write file (before, after)")
    opts = ap.parse_args()

    ensure_packages([("redis-server", "redis-server"), ("redis-benchmark", "redis-tools"), ("redis-cli", "redis-tools")]
                    + ([("haproxy", "haproxy")] if opts.haproxy else [])
                    + ([("perf", "linux-perf")] if opts.perf else []))
    default_bin_dir = Path(opts.bin_dir).resolve() == (ROOT / ".build" / "release").resolve()
    if not opts.skip_build and default_bin_dir:  # another --bin-dir is used as it is
        subprocess.run(["swift", "build", "-c", "release", "--product", "kostra-server"], cwd=ROOT, check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "kostra-client"], cwd=ROOT, check=True)
    bin_dir = Path(opts.bin_dir)
    server_bin, client_bin = bin_dir / "kostra-server", Path(opts.client_dir or bin_dir) / "kostra-client"
    for b in (server_bin, client_bin):
        if not os.access(b, os.X_OK):
            sys.exit(f"compare.py: no {b} (build it, or give --bin-dir)")
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
    if opts.national:
        ensure_national(opts.national, server_bin, opts.national_figures)
    else:
        print(f"compare.py: no --national DIR: the {RANDOM} row is skipped", file=sys.stderr)

    machine = machine_description()
    binaries = binaries_description(bin_dir)
    if opts.client_dir:
        binaries += f", kostra-client from {binaries_description(opts.client_dir)}"
    results = {}  # scenario -> peer -> list of dicts
    sizes = {}  # scenario -> bytes per answer (Redis -d)
    notes = []
    seconds = str(opts.seconds)
    scenarios = list(SCENARIOS)
    if opts.grpc:
        scenarios.append(("profile 64x16", "profile", 16, None, "GetProfile repeated, 16 in flight (with --grpc)"))
    scenario_peers = {key: ["kostra", "redis"] + (["grpc", "kostra-grpc"] if opts.grpc and method == "profile" else [])
                      for key, method, _, _, _ in scenarios}
    if opts.national:
        scenarios.append((RANDOM, "series", 1, 0.8, "GetSeries, random region, indicator and years (bench --random) "
                                                    "over the national dataset"))
        scenario_peers[RANDOM] = ["kostra", "redis"]
    kostra_threads = ["--threads", opts.kostra_threads]
    kostra = Proc(lambda p: [str(server_bin), "--port", str(p), "--max-connections", "20000", *kostra_threads], "kostra")
    redis = Proc(lambda p: ["redis-server", "--port", str(p), "--save", "", "--appendonly", "no",
                            "--maxclients", "20000"], "redis")
    grpc = Proc(lambda p: [str(grpc_peer_bin), "--port", str(p)], "grpc") if opts.grpc else None
    # kostra-server's own gRPC port (issue 15), with one event loop per core as the
    # grpc-swift-2 peer has (NIO's singleton group): the same transport, set up alike;
    # its native port is unused here.
    kostra_grpc = Proc(lambda p: [str(server_bin), "--port", str(free_port()), "--grpc-port", str(p),
                                  "--max-connections", "20000", "--threads", "auto"], "kostra-grpc") if opts.grpc else None
    national = None
    if opts.national:
        national = Proc(lambda p: [str(server_bin), "--data", str(Path(opts.national).resolve()), "--port", str(p),
                                   "--max-connections", "20000", *kostra_threads], "kostra-national", timeout=120)
    keyspace = None  # Redis -r K of the random row: the requests the first kostra random run made
    profiles = {}
    random_distinct = ["--distinct", str(opts.distinct)]
    random_overhead = 0.0  # the load generator's CPU seconds for drawing --random's requests, taken off its share
    try:
        for key, method, depth, _, _ in scenarios:
            if key == RANDOM:
                before = children_cpu_seconds()
                kostra_bench(client_bin, national.port, "--random", "--seed", "999", *random_distinct,
                             "--method", "series", "--requests", "1", "--connections", "1")
                random_overhead = children_cpu_seconds() - before
                print(f"{key}: the load generator draws {opts.distinct} random requests (and starts) in "
                      f"{random_overhead:.2f} s of CPU, taken off its CPU per request", file=sys.stderr)
                probe = kostra_bench(client_bin, national.port, "--random", "--seed", "999", *random_distinct,
                                     "--method", "series", "--requests", "2000", "--connections", "1")
            else:
                probe = kostra_bench(client_bin, kostra.port, "--method", method, "--requests", "1000",
                                     "--connections", "1", "--warmup", "0")
            sizes[key] = max(1, int(round(probe.get("mean_answer_bytes", 0))))
            print(f"{key}: kostra answers of {sizes[key]} bytes; Redis values of that size", file=sys.stderr)

        redis_rate = {}  # scenario -> last Redis rate, for -n of about --seconds
        kostra_rate = {}

        def redis_requests(key):
            rate = redis_rate.get(key) or kostra_rate.get(key) or 50_000
            return max(10_000, int(rate * opts.seconds))

        def kostra_args(key, method, depth, run):
            if key == RANDOM:
                return ["--random", "--seed", str(run + 1), *random_distinct, "--method", "series",
                        "--connections", str(CONNECTIONS), "--duration", seconds]
            return ["--method", method, "--connections", str(CONNECTIONS), "--depth", str(depth), "--duration", seconds]

        for run in range(opts.runs):
            for key, method, depth, _, _ in scenarios:
                peers = scenario_peers[key]
                # Each run starts with the next peer (kostra, redis; then redis, kostra; ...).
                order = peers[run % len(peers):] + peers[:run % len(peers)]
                if keyspace is None and key == RANDOM:
                    order = ["kostra"] + [p for p in order if p != "kostra"]  # K comes from kostra's run
                for peer in order:
                    if peer == "kostra":
                        server = national if key == RANDOM else kostra
                        args = kostra_args(key, method, depth, run)
                        r = with_cpu(server, lambda: kostra_bench(client_bin, server.port, *args),
                                     client_overhead=random_overhead if key == RANDOM else 0.0)
                        kostra_rate[key] = r["requests_per_second"]
                        if key == RANDOM and keyspace is None:
                            keyspace = max(1, min(opts.distinct, int(r["requests_made"])))
                            sizes[key] = max(1, int(round(r.get("mean_answer_bytes", 0)))) or sizes[key]
                            started = time.monotonic()
                            redis_prefill(redis.port, sizes[key], keyspace)
                            print(f"{key}: Redis keyspace -r {keyspace} of {sizes[key]}-byte values, prefilled "
                                  f"in {time.monotonic() - started:.1f} s", file=sys.stderr)
                    elif peer in ("grpc", "kostra-grpc"):
                        target = grpc if peer == "grpc" else kostra_grpc
                        r = with_cpu(target, lambda: grpc_bench(grpc_bench_bin, target.port, "--connections", str(CONNECTIONS),
                                                                "--depth", str(depth), "--duration", seconds))
                    else:
                        n = redis_requests(key)
                        if key == RANDOM:
                            r = with_cpu(redis, lambda: redis_get(redis.port, CONNECTIONS, depth, n, sizes[key], keyspace),
                                         requests=n)
                        else:
                            redis_prefill(redis.port, sizes[key])
                            r = with_cpu(redis, lambda: redis_get(redis.port, CONNECTIONS, depth, n, sizes[key]), requests=n)
                        redis_rate[key] = r["requests_per_second"]
                    results.setdefault(key, {}).setdefault(peer, []).append(r)
                    errors = f", errors {r.get('errors_by_code') or r.get('errors')}" if r.get("errors") else ""
                    print(f"run {run + 1} {key} {peer}: {r['requests_per_second']:.0f}/s, p99 {r['p99_us']:.0f} µs, "
                          f"CPU per request: server {r['server_cpu_us']:.1f} µs, load generator "
                          f"{r['client_cpu_us']:.1f} µs{errors}", file=sys.stderr)

        if opts.perf:
            profiles["series 64x1"] = perf_profile(kostra.pid, lambda: kostra_bench(
                client_bin, kostra.port, *kostra_args("series 64x1", "series", 1, 0)))
            if national:
                profiles[RANDOM] = perf_profile(national.pid, lambda: kostra_bench(
                    client_bin, national.port, *kostra_args(RANDOM, "series", 1, opts.runs)))
            for key, p in profiles.items():
                print(f"perf {key}: {p['rate']:.0f}/s under perf, {p['samples']} samples; top: "
                      + "; ".join(f"{e[0]:.1f}% {e[2][:60]}" for e in p["entries"][:5]), file=sys.stderr)

        closed_max = median([r["requests_per_second"] for r in results["series 64x1"]["kostra"]])
        rate = closed_max / 2
        # At half load there are cycles to spare, and a single-threaded load generator's
        # own queueing (its timers and reads on one loop) dominates the tail: both sides
        # run on both cores here (measured: p99 1.2 ms against 6.7-14.7 ms with one
        # client thread; see BENCHMARKS.md).
        kostra_open = Proc(lambda p: [str(server_bin), "--port", str(p), "--threads", "auto"], "kostra")
        try:
            for run in range(opts.runs):
                r = kostra_bench(client_bin, kostra_open.port, "--method", "series", "--connections", str(CONNECTIONS),
                                 "--rate", str(rate), "--duration", seconds, "--threads", "2")
                results.setdefault("open loop", {}).setdefault("kostra", []).append(r)
                print(f"run {run + 1} open loop (series) at {rate:.0f}/s: p99 {r['p99_us']} µs", file=sys.stderr)
        finally:
            kostra_open.stop()

        before = kostra.rss_kib()
        held, during = hold_idle(kostra.port, opts.idle, kostra.rss_kib)
        kostra_idle = {"held": held, "rss_before_kib": before, "rss_kib": during}
        print(f"idle kostra: {held} connections, RSS {before} -> {during} KiB", file=sys.stderr)
        redis_before = int(redis_info(redis.port)["used_memory_rss"])
        redis_vm_before = redis.rss_kib()
        held_r, (redis_during, redis_vm_during) = hold_idle(
            redis.port, opts.idle, lambda: (int(redis_info(redis.port)["used_memory_rss"]), redis.rss_kib()))
        redis_idle = {"held": held_r, "used_memory_rss_before": redis_before, "used_memory_rss": redis_during,
                      "rss_before_kib": redis_vm_before, "rss_kib": redis_vm_during}
        print(f"idle redis: {held_r} connections, used_memory_rss {redis_before} -> {redis_during} bytes",
              file=sys.stderr)
        results["idle"] = {"kostra": [kostra_idle], "redis": [redis_idle]}
    finally:
        for p in (kostra, redis, grpc, kostra_grpc, national):
            if p:
                p.stop()

    wake = wakeup_lateness_us()
    startup = sh(sys.executable, str(ROOT / "scripts" / "measure-startup.py"), str(server_bin), "--runs", "10")
    m = re.search(r"median\s+([\d.]+)\s*ms", startup)
    startup_ms = float(m.group(1)) if m else float("nan")

    # --- the results table ---
    command = "python3 Benchmarks/compare.py " + shlex.join(sys.argv[1:])
    lines = [f"Measured {time.strftime('%Y-%m-%d')} on {machine}; load generator on the same machine; "
             f"`{command}`: medians of {opts.runs} runs, the peers interleaved; kostra runs of {opts.seconds:g} s "
             f"after a {WARMUP:g} s warm-up, Redis runs of about as long (`-n` = its last rate × {opts.seconds:g} s); "
             f"{CONNECTIONS} connections; kostra-server --threads {opts.kostra_threads}; binaries {binaries}.", "",
             "| Scenario | kostra | peer | kostra / peer | target |", "|---|---|---|---|---|"]

    def med(key, peer, field):
        return median([r[field] for r in results[key][peer]])

    for key, method, depth, target, what in scenarios:
        k, r = med(key, "kostra", "requests_per_second"), med(key, "redis", "requests_per_second")
        redis_what = f"Redis GET{' -P ' + str(depth) if depth > 1 else ''} -d {sizes[key]}"
        if key == RANDOM:
            redis_what += f" -r {keyspace}"
        ratio = k / r if r else float("nan")
        lines.append(f"| {key}: {what}, {fmt(sizes[key])}-byte answers; requests/s (p99) "
                     f"| {fmt(k)} ({fmt(med(key, 'kostra', 'p99_us'), 'µs')}) "
                     f"| {redis_what}: {fmt(r)} ({fmt(med(key, 'redis', 'p99_us'), 'µs')}) "
                     f"| {ratio:.2f} | {verdict_at_least(ratio, target) if target else 'none (reported)'} |")
        if "grpc" in results[key]:
            # The same load against the grpc-swift-2 peer: same data, same
            # analysis, same protobuf-c codec; only the transport differs.
            g = med(key, "grpc", "requests_per_second")
            lines.append(f"| {key}: requests/s (p99), vs gRPC | {fmt(k)} ({fmt(med(key, 'kostra', 'p99_us'), 'µs')}) "
                         f"| grpc-swift-2 {fmt(g)} ({fmt(med(key, 'grpc', 'p99_us'), 'µs')}) | {k / g:.2f} | |")
            # kostra's own gRPC port against the peer (the same transport: issue 15's
            # target is >= 1.0) and against kostra's native port.
            kg = med(key, "kostra-grpc", "requests_per_second")
            lines.append(f"| {key}: kostra's gRPC port (--grpc-port), requests/s (p99) "
                         f"| {fmt(kg)} ({fmt(med(key, 'kostra-grpc', 'p99_us'), 'µs')}) "
                         f"| grpc-swift-2 {fmt(g)} | {kg / g:.2f} (native port: {kg / k:.2f}) "
                         f"| {verdict_at_least(kg / g, 1.0)} |")
        errors = [x for x in results[key]["kostra"] if x.get("errors")]
        if errors:
            codes = {}
            for x in errors:
                for code, count in (x.get("errors_by_code") or {"error": x["errors"]}).items():
                    codes[code] = codes.get(code, 0) + count
            total = sum(x.get("requests_made", 0) for x in results[key]["kostra"])
            notes.append(f"{key}: of about {fmt(total)} kostra requests, "
                         + ", ".join(f"{fmt(c)} {code}" for code, c in sorted(codes.items()))
                         + (" (a random region without the random indicator: an answer, counted in the rate)"
                            if key == RANDOM else ""))
    # Where the time goes, coarsely: CPU per request of each side (2 cores to share).
    for key, _, _, _, _ in scenarios:
        cells = []
        for peer in ("kostra", "redis", "grpc", "kostra-grpc"):
            if peer in results[key]:
                cells.append(f"{'' if peer == 'kostra' else peer + ' '}server {med(key, peer, 'server_cpu_us'):.1f} µs, "
                             f"load generator {med(key, peer, 'client_cpu_us'):.1f} µs")
        ratio = med(key, "kostra", "server_cpu_us") / med(key, "redis", "server_cpu_us")
        lines.append(f"| {key}: CPU per request | {cells[0]} | {'; '.join(cells[1:])} | {ratio:.2f} (servers) | |")
    if opts.national:
        notes.append(f"{RANDOM}: a kostra-server with `--data {opts.national}` (the national benchmark dataset); "
                     f"`kostra-client bench --random --seed <run> --distinct {opts.distinct} --method series` (seeds "
                     f"1..{opts.runs}, a new draw each run, so that no run repeats another's requests); Redis "
                     f"`-r {keyspace}` (the requests kostra's first run made, warm-up included, at most --distinct), "
                     f"prefilled with `redis-benchmark -t set -r {keyspace} -n {4 * keyspace} -d {sizes[RANDOM]} -P 16` "
                     f"outside the timed part. The load generator's CPU per request leaves out its start and the drawing of the "
                     f"{opts.distinct} random requests ({random_overhead:.2f} s of CPU, measured by a `--requests 1` run).")
    else:
        lines.append(f"| {RANDOM} | not measured: no `--national DIR` | | | ≥ 0.8 × |")
    ol = results["open loop"]["kostra"]
    p99 = median([x["p99_us"] for x in ol])
    lines.append(f"| open loop, GetSeries at {fmt(rate)}/s = half of kostra's series 64x1 (server --threads auto, load "
                 f"generator --threads 2): p99 | {fmt(p99, 'µs')} (p50 {fmt(median([x['p50_us'] for x in ol]), 'µs')}, "
                 f"p99.9 {fmt(median([x['p999_us'] for x in ol]), 'µs')}) | | | {verdict_at_most(p99, 1000, 'µs', strict=True)} |")
    lines.append(f"| this machine: a thread sleeping 0.5 ms wakes late by (p50 / p99 / p99.9) | "
                 f"{wake[0]:.0f} / {wake[1]:.0f} / {wake[2]:.0f} µs | | | |")
    ki, ri = results["idle"]["kostra"][0], results["idle"]["redis"][0]
    k_per = (ki["rss_kib"] - ki["rss_before_kib"]) * 1024 / max(1, ki["held"]) / 1000
    r_per = (ri["used_memory_rss"] - ri["used_memory_rss_before"]) / max(1, ri["held"]) / 1000
    lines.append(f"| {fmt(ki['held'])} idle connections: resident memory per connection (KB = 1 000 bytes) "
                 f"| {fmt(k_per, 'KB')} (RSS {fmt(ki['rss_before_kib'] / 1024, 'MiB')} → {fmt(ki['rss_kib'] / 1024, 'MiB')}) "
                 f"| Redis {fmt(r_per, 'KB')} (`used_memory_rss` {fmt(ri['used_memory_rss_before'] / 2**20, 'MiB')} → "
                 f"{fmt(ri['used_memory_rss'] / 2**20, 'MiB')}, {fmt(ri['held'])} connections; its VmRSS "
                 f"{fmt((ri['rss_kib'] - ri['rss_before_kib']) * 1024 / max(1, ri['held']) / 1000, 'KB')} each) "
                 f"| {k_per / r_per if r_per > 0 else float('nan'):.2f} | {verdict_at_most(k_per, 5, 'KB')} |")
    lines.append(f"| start to first answer (median of 10) | {fmt(startup_ms, 'ms')} | | | < 200 ms |")
    lines += ["", "Commands (P = the depth, N = Redis's requests, S = the answer's bytes): kostra "
              f"`kostra-client bench --method M --connections {CONNECTIONS} --depth P --duration {opts.seconds:g} "
              "--format json`; Redis `redis-benchmark -c 64 -P P -n N -t get -d S --csv` after one `-t set -d S`; "
              f"the open loop `kostra-client bench --method series --connections 64 --rate R --threads 2`; idle: "
              f"{fmt(opts.idle)} plain TCP connections held by the script, kostra's VmRSS and Redis's `INFO memory` "
              "read before and while they are open. CPU per request: the server's user + system time (/proc) and "
              "the load generator's (getrusage of the children) over the requests sent, warm-up included."]
    if notes:
        lines += [""] + [f"- {n}" for n in notes]
    table = "\n".join(lines)
    print(table)

    perf_how = None
    if profiles:
        record = next(iter(profiles.values()))["record"]
        perf_how = (f"measured {time.strftime('%Y-%m-%d')} on {machine}; binaries {binaries}; kostra-server --threads "
                    f"{opts.kostra_threads}; `{record}` over one {opts.seconds:g} s run (after its {WARMUP:g} s warm-up) "
                    f"of each scenario, the same commands as the results table"
                    + (f" (random: `--seed {opts.runs + 1}`, over `--data {opts.national}`)" if national else "") + ".")
        print("\n" + profile_section({opts.perf_label: {"how": perf_how, "scenarios": profiles}}))

    if opts.write:
        path = Path(opts.write)
        text = path.read_text()
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            path.write_text(head + BEGIN + "\n" + table + "\n" + END + tail)
        else:
            sys.exit(f"{path} has no {BEGIN} ... {END} section")
        if profiles:
            write_profile(path, opts.perf_label, {"how": perf_how, "scenarios": profiles})
    if opts.haproxy:
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "scale-out.py"), "--skip-build",
                        "--runs", str(opts.runs), "--seconds", str(opts.seconds),
                        *(["--write", opts.write] if opts.write else [])], check=True)
    with open(ROOT / "Benchmarks" / "last-run.json", "w") as f:
        json.dump({"machine": machine, "binaries": binaries, "sizes": sizes, "keyspace": keyspace,
                   "results": results, "profiles": profiles, "startup_ms": startup_ms, "wakeup_late_us": wake},
                  f, indent=1)


if __name__ == "__main__":
    main()
