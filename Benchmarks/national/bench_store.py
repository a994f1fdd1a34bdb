#!/usr/bin/env python3
"""The national-scale table of BENCHMARKS.md, measured with one command (issue 13).

Imports the synthetic national dataset (Benchmarks/national/generate.py) into a new data
directory, preliminary then final, and measures for each import the time, cells per second and
peak memory; the store's size beside the JSON-stat it came from; then, RUNS times, the start of
`kostra-server --data DIR` to the first answer that needs the data (a GetSeries), and the
resident memory after serving a random mix of requests over every indicator's data.

    python3 Benchmarks/national/generate.py                    # once: ~20 M cells, ~15 s
    swift build -c release --product kostra-server
    python3 Benchmarks/national/bench_store.py --runs 5 [--write BENCHMARKS.md]

Synthetic figures; nothing here is a test's expected value.
"""
import argparse
import json
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "clients", "python", "src"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(command):
    """Runs a command under /usr/bin/time -v: (seconds, peak RSS in MiB, stdout)."""
    start = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return seconds, peak, result.stdout


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def first_answer(server, data, indicator):
    """Starts the server on `data`; seconds to the first GetSeries answer, and the process."""
    import kostra

    port = free_port()
    start = time.monotonic()
    process = subprocess.Popen(
        [server, "--data", data, "--port", str(port), "--threads", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = start + 60
    while time.monotonic() < deadline:
        try:
            with kostra.Client("127.0.0.1", port, pool_size=1, timeout=5) as client:
                answer = client.get_series(indicator_id=indicator, regions=["0301"])
                if answer.series:
                    return time.monotonic() - start, process, port
        except Exception:
            time.sleep(0.002)
    process.kill()
    sys.exit("the server gave no answer within 60 s")


def serve_mix(port, indicators, regions, count, seed):
    import kostra

    rng = random.Random(seed)
    errors = 0
    with kostra.Client("127.0.0.1", port, pool_size=1, timeout=10) as client:
        for _ in range(count):
            try:
                client.get_series(indicator_id=rng.choice(indicators), regions=[rng.choice(regions)], from_year=2015, to_year=2024)
            except Exception:
                errors += 1
    return errors


def reload_under_load(server, client, store, prelim_files, final_files, windows=8, reload_at=3, connections=16):
    """Serves the preliminary version under random GetSeries load, the final one imported
    beside it; Reload at the start of window `reload_at`. Per window of 1 s: the load
    generator's JSON (requests/s, errors, p99)."""
    import threading

    shutil.rmtree(store, ignore_errors=True)
    timed([server, "import", "--data", store] + prelim_files)
    token = os.path.join(tempfile.mkdtemp(prefix="kostra-token-"), "token")
    with open(token, "w") as f:
        f.write("bench-reload-token\n")
    port = free_port()
    process = subprocess.Popen([server, "--data", store, "--port", str(port), "--token-file", token], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import kostra

        deadline = time.monotonic() + 60
        while True:
            try:
                with kostra.Client("127.0.0.1", port, pool_size=1, timeout=5) as c:
                    c.check()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        # The final version lands beside it; the server goes on serving the preliminary one.
        timed([server, "import", "--data", store] + final_files)
        results = []
        reload_seconds = []

        def do_reload():
            start = time.monotonic()
            r = subprocess.run([client, "reload", "--port", str(port), "--format", "json"], capture_output=True, text=True,
                               env={**os.environ, "KOSTRA_TOKEN": "bench-reload-token"})
            reload_seconds.append(time.monotonic() - start)
            if r.returncode != 0:
                sys.exit(f"reload failed: {r.stderr}")

        for window in range(windows):
            if window == reload_at:
                threading.Timer(0.2, do_reload).start()
            r = subprocess.run(
                [client, "bench", "--port", str(port), "--random", "--seed", str(window + 1), "--method", "series",
                 "--connections", str(connections), "--duration", "1", "--warmup", "0", "--format", "json", "--quiet"],
                capture_output=True, text=True,
            )
            results.append(json.loads(r.stdout) if r.stdout.strip() else {"errors": -1, "stderr": r.stderr})
        return results, reload_seconds[0] if reload_seconds else float("nan")
    finally:
        process.terminate()
        process.wait(timeout=30)


def n(number):
    """A whole number with a space between thousands: 10 030 680."""
    return f"{number:,.0f}".replace(",", " ")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(ROOT, "Benchmarks", "national", "data"))
    parser.add_argument("--server", default=os.path.join(ROOT, ".build", "release", "kostra-server"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mix", type=int, default=20000, help="random GetSeries requests before the memory reading")
    parser.add_argument("--client", default=os.path.join(ROOT, ".build", "release", "kostra-client"))
    parser.add_argument("--write", help="rewrite the national-scale section of this Markdown file")
    args = parser.parse_args()

    manifest = json.load(open(os.path.join(args.data, "manifest.json")))
    store = tempfile.mkdtemp(prefix="kostra-national-")
    rows = []
    try:
        imports = []
        for version in ["preliminary", "final"]:
            folder = os.path.join(args.data, version)
            files = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".json"))
            cells = sum(f["cells"] for f in manifest["files"] if f["version"] == version) if "files" in manifest else None
            seconds, peak, _ = timed([args.server, "import", "--data", store] + files)
            size = sum(os.path.getsize(p) for p in files)
            largest = max(os.path.getsize(p) for p in files)
            imports.append((version, len(files), cells, size, largest, seconds, peak, os.path.getsize(os.path.join(store, "kostra.sqlite"))))
            print(f"import {version}: {len(files)} files, {cells} cells, {seconds:.1f} s, {cells / seconds:,.0f} cells/s, peak {peak:.0f} MiB", flush=True)
        json_bytes = imports[0][3] + imports[1][3]
        db = os.path.join(store, "kostra.sqlite")
        db_bytes = os.path.getsize(db)
        first_bytes = imports[0][7]
        print(f"store: {first_bytes / 2**20:.0f} MiB after the first import ({first_bytes / imports[0][3]:.2f} × its JSON-stat); {db_bytes / 2**20:.0f} MiB after both ({db_bytes / json_bytes:.2f} × the {json_bytes / 2**20:.0f} MiB they came from)", flush=True)

        # Indicators and regions for the mix, from the store itself (what the server serves).
        import sqlite3

        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        indicators = [row[0] for row in connection.execute("SELECT key FROM indicator WHERE key LIKE 'ssb.%'")]
        regions = [row[0] for row in connection.execute("SELECT code FROM region")]
        figures = connection.execute("SELECT sum(length(replace(state, '0', ''))) FROM series").fetchone()[0]
        connection.close()

        starts, memories = [], []
        for run in range(args.runs):
            seconds, process, port = first_answer(args.server, store, indicators[run % len(indicators)])
            starts.append(seconds * 1000)
            errors = serve_mix(port, indicators, regions, args.mix, seed=run)
            memories.append(rss_mib(process.pid))
            process.terminate()
            process.wait(timeout=30)
            print(f"run {run + 1}: first answer {seconds * 1000:.0f} ms; RSS after {args.mix} random GetSeries {memories[-1]:.0f} MiB ({errors} errors)", flush=True)

        folder = lambda version: sorted(os.path.join(args.data, version, n) for n in os.listdir(os.path.join(args.data, version)) if n.endswith(".json"))
        windows, reload_seconds = reload_under_load(args.server, args.client, store, folder("preliminary"), folder("final"))
        for number, window in enumerate(windows):
            print(f"window {number}: {window.get('requests_per_second', 0):,.0f} req/s, p99 {window.get('p99_us', 0)} µs, errors {window.get('errors_by_code', window.get('errors'))}", flush=True)
    finally:
        shutil.rmtree(store, ignore_errors=True)

    machine = f"{os.cpu_count()} cores, {os.uname().machine}, {open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}"
    lines = [
        f"`python3 Benchmarks/national/bench_store.py --runs {args.runs} --mix {args.mix}` on {machine}; release builds;",
        f"the synthetic dataset of `Benchmarks/national/generate.py` (seed {manifest.get('seed')}): {n(figures)} figures in the store,",
        "both versions imported into one data directory in turn, then served. Medians where there are runs.",
        "",
        "| measure | target | measured |",
        "|---|---|---|",
    ]
    for version, count, cells, size, largest, seconds, peak, _ in imports:
        lines.append(
            f"| import {version}: {count} files, {n(cells)} cells, {size / 2**20:.0f} MiB (largest {largest / 2**20:.1f} MiB) | ≥ 1 000 000 cells/s, < 1 GB | "
            f"{seconds:.1f} s = {n(cells / seconds)} cells/s; peak {peak:.0f} MiB |"
        )
    lines.append(f"| store on disk after the preliminary import | ≤ 2 × its JSON-stat ({imports[0][3] / 2**20:.0f} MiB) | {first_bytes / 2**20:.0f} MiB = {first_bytes / imports[0][3]:.2f} × |")
    lines.append(f"| store on disk after both, with every revision | ≤ 2 × the JSON-stat they came from ({json_bytes / 2**20:.0f} MiB) | {db_bytes / 2**20:.0f} MiB = {db_bytes / json_bytes:.2f} × |")
    lines.append(f"| start to first GetSeries answer, median of {args.runs} | < 200 ms | {statistics.median(starts):.0f} ms (min {min(starts):.0f}, max {max(starts):.0f}) |")
    lines.append(f"| resident memory after {args.mix} random GetSeries, median of {args.runs} | < 300 MB | {statistics.median(memories):.0f} MiB |")
    swap = windows[3]
    steady = [w for i, w in enumerate(windows) if i not in (3, 4)]
    # A random region need not have the random indicator: NOT_FOUND is an answer, not a failure.
    errors = sum(sum(n for code, n in w.get("errors_by_code", {}).items() if code != "NOT_FOUND") + w.get("unanswered", 0) for w in windows)
    not_found = sum(w.get("errors_by_code", {}).get("NOT_FOUND", 0) for w in windows)
    lines.append(
        f"| Reload of the final version under random GetSeries load (16 connections, `bench --random`), the 1 s window of the swap | no request fails; p99 < 50 ms | "
        f"{errors} failed or unanswered in {len(windows)} windows ({n(not_found)} NOT_FOUND: a random region without the random indicator); p99 {swap.get('p99_us', 0) / 1000:.1f} ms in the swap's window "
        f"(others: median p99 {statistics.median(w.get('p99_us', 0) for w in steady) / 1000:.1f} ms); Reload answered in {reload_seconds * 1000:.0f} ms |"
    )
    lines.append("")
    section = "\n".join(lines) + "\n"
    print(section)
    if args.write:
        begin, end = "<!-- national-scale:begin -->", "<!-- national-scale:end -->"
        text = open(args.write).read() if os.path.exists(args.write) else ""
        block = begin + "\n" + section + end
        if begin in text and end in text:
            text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
        else:
            text = text.rstrip("\n") + "\n\n## National scale: the store (issue 13)\n\n" + block + "\n"
        open(args.write, "w").write(text)


if __name__ == "__main__":
    main()
