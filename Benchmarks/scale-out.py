#!/usr/bin/env python3
"""Two kostra-server replicas behind HAProxy on loopback, health-checked,
with the load generator driving the pair: the scripted setup of issue 6's
"scaling out", and its figures.

    Benchmarks/scale-out.py [--runs 3] [--seconds 5] [--skip-build]

Steps:
 1. Starts two kostra-servers (release build) on free loopback ports, and
    HAProxy in TCP mode in front of them (round robin), with a health check
    that speaks the protocol: it sends a Check request frame and expects the
    answer to say SERVING (see HEALTH_CHECK below, built from PROTOCOL.md).
 2. Waits until HAProxy reports both replicas UP.
 3. Runs `kostra-client bench` (64 connections, one request in flight on
    each, the profile request) through HAProxy and straight at one replica,
    interleaved, --runs times; prints medians and the ratio.
 4. Failover: stops one replica with SIGTERM (it drains), waits until the
    health check marks it DOWN, and runs the load again through HAProxy:
    every request is answered by the other replica, with no error.

On this 2-core machine the pair cannot go faster than one server: the
replicas, HAProxy and the load generator share the same two cores. The
point shown is that the server holds no state beyond its data, so replicas
behind a balancer answer alike, and that the balancer's protocol-level
health check takes a stopping replica out. More cores (or machines) give
the throughput.

Needs haproxy (Debian's package); installed with apt when missing and root.
"""
import argparse
import json
import os
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

# A Check request: frame header (flag 0, length 29) and RequestEnvelope
# {id: 1 (08 01), method: "/kostra.v1.Kostra/Check" (12 17 ...),
#  protocol_version: 1 (28 01)}; its payload, an empty HealthCheckRequest, is absent.
CHECK_FRAME = "000000001d080112172f6b6f737472612e76312e4b6f737472612f436865636b2801"
# A SERVING answer: header, id 1 (08 01), status OK (12 00: an empty Status),
# payload (1a, its length) beginning with HealthCheckResponse.status = SERVING (08 01).
# HAProxy matches rbinary against the answer in hex.
SERVING_REGEX = "^00[0-9A-F]{8}080112001A[0-9A-F]{2}0801"


def haproxy_states(sock_path):
    """{server name: 'UP' | 'DOWN' | ...} from HAProxy's stats socket."""
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(sock_path)
        s.sendall(b"show stat\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    lines = data.decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    states = {}
    for line in lines[1:]:
        if not line:
            continue
        row = dict(zip(header, line.split(",")))
        if row.get("pxname") == "replicas" and row.get("svname") not in ("BACKEND", "FRONTEND"):
            states[row["svname"]] = row["status"]
    return states


def wait_states(sock_path, want, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = haproxy_states(sock_path)
        if all(states.get(name, "").startswith(state) for name, state in want.items()):
            return states
        time.sleep(0.1)
    raise RuntimeError(f"HAProxy did not reach {want}: {haproxy_states(sock_path)}")


def bench(client, port, seconds):
    out = sh(str(client), "bench", "--port", str(port), "--connections", "64", "--depth", "1",
             "--duration", str(seconds), "--format", "json", "--quiet")
    return json.loads(out)


def haproxy_config(front_port, replicas, sock_path):
    servers = "\n".join(
        f"    server r{i + 1} 127.0.0.1:{port} check inter 300ms fall 2 rise 2" for i, port in enumerate(replicas))
    return f"""global
    maxconn 8000
    stats socket {sock_path} mode 600 level admin

defaults
    mode tcp
    timeout connect 2s
    timeout client 60s
    timeout server 60s

frontend kostra
    bind 127.0.0.1:{front_port}
    default_backend replicas

backend replicas
    balance roundrobin
    option tcp-check
    tcp-check connect
    tcp-check send-binary {CHECK_FRAME}
    tcp-check expect rbinary {SERVING_REGEX}
{servers}
"""


BEGIN, END = "<!-- scale-out:begin -->", "<!-- scale-out:end -->"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--write", metavar="FILE", help="replace the scale-out section of FILE (BENCHMARKS.md)")
    opts = ap.parse_args()

    if shutil.which("haproxy") is None:
        if os.geteuid() != 0:
            sys.exit("scale-out.py: install haproxy first (apt)")
        subprocess.run(["apt-get", "install", "-y", "-qq", "haproxy"], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if not opts.skip_build:
        for product in ("kostra-server", "kostra-client"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    bin_dir = Path(sh("swift", "build", "-c", "release", "--show-bin-path", cwd=ROOT).strip())
    server_bin, client_bin = bin_dir / "kostra-server", bin_dir / "kostra-client"

    procs = []
    with tempfile.TemporaryDirectory(prefix="kostra-scale-") as tmp:
        try:
            replicas = []
            for _ in range(2):
                port = free_port()
                p = subprocess.Popen([str(server_bin), "--port", str(port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
                wait_port(port, p)
                procs.append(p)
                replicas.append(port)
            front = free_port()
            sock_path = os.path.join(tmp, "haproxy.sock")
            cfg = os.path.join(tmp, "haproxy.cfg")
            Path(cfg).write_text(haproxy_config(front, replicas, sock_path))
            sh("haproxy", "-c", "-f", cfg)
            hap = subprocess.Popen(["haproxy", "-f", cfg, "-db"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            procs.append(hap)
            wait_port(front, hap)
            while not os.path.exists(sock_path):
                time.sleep(0.05)
            print(f"replicas {replicas} behind HAProxy :{front}: {wait_states(sock_path, {'r1': 'UP', 'r2': 'UP'})}",
                  file=sys.stderr)

            results = {"pair via haproxy": [], "one replica direct": []}
            for run in range(opts.runs):
                order = [("pair via haproxy", front), ("one replica direct", replicas[0])]
                if run % 2:
                    order.reverse()
                for name, port in order:
                    r = bench(client_bin, port, opts.seconds)
                    results[name].append(r)
                    print(f"run {run + 1} {name}: {r['requests_per_second']:.0f}/s p99 {r['p99_us']} µs, "
                          f"errors {r['errors']}", file=sys.stderr)

            # Failover: stop r1; the health check takes it out; the pair keeps answering.
            procs[0].send_signal(signal.SIGTERM)
            t0 = time.monotonic()
            states = wait_states(sock_path, {"r1": "DOWN", "r2": "UP"})
            down_after = time.monotonic() - t0
            exit_code = procs[0].wait(timeout=40)
            failover = bench(client_bin, front, opts.seconds)
        finally:
            for p in procs:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
            for p in procs:
                try:
                    p.wait(timeout=40)
                except subprocess.TimeoutExpired:
                    p.kill()

    def med(name, key):
        return statistics.median(r[key] for r in results[name])

    pair, one = med("pair via haproxy", "requests_per_second"), med("one replica direct", "requests_per_second")
    lines = [f"Measured {time.strftime('%Y-%m-%d')} (`Benchmarks/scale-out.py --runs {opts.runs} --seconds {opts.seconds:g}`), "
             f"64 connections x 1, profile, medians of {opts.runs} runs:", "",
             "| Setup | requests/s | p99 | errors |", "|---|---|---|---|"]
    for name in results:
        lines.append(f"| {name} | {med(name, 'requests_per_second'):,.0f} | {med(name, 'p99_us'):,.0f} µs | "
                     f"{sum(r['errors'] for r in results[name])} |".replace(",", " "))
    lines.append(f"| via haproxy after r1 stopped (r2 alone) | {failover['requests_per_second']:,.0f} | "
                 f"{failover['p99_us']:,.0f} µs | {failover['errors']} |".replace(",", " "))
    lines += ["", f"pair / one = {pair / one:.2f}; r1 exited {exit_code} and was marked DOWN "
                  f"{down_after:.1f} s after SIGTERM ({states})."]
    text = "\n".join(lines)
    print(text)
    if opts.write:
        path = Path(opts.write)
        doc = path.read_text()
        if BEGIN not in doc or END not in doc:
            sys.exit(f"{path} has no {BEGIN} ... {END} section")
        head, rest = doc.split(BEGIN, 1)
        _, rest_tail = rest.split(END, 1)
        path.write_text(head + BEGIN + "\n" + text + "\n" + END + rest_tail)
    return 0 if failover["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
