#!/usr/bin/env python3
"""Measures the time from starting kostra-server to its first answer.

    scripts/measure-startup.py [SERVER_BINARY] [--runs N]

Starts the server on a free loopback port N times (default 10); each time it
sends a health check (built by hand from PROTOCOL.md, no protobuf runtime
needed) as soon as the port accepts, and times from process start to the
whole answer frame. Prints the median, minimum and maximum in milliseconds.
"""
import argparse
import signal
import socket
import statistics
import struct
import subprocess
import time
from pathlib import Path

METHOD = b"/kostra.v1.Kostra/Check"
# RequestEnvelope: field 1 id = 1 (08 01), field 2 method (12 len ...),
# field 5 protocol_version = 1 (28 01); empty payload = empty HealthCheckRequest.
ENVELOPE = b"\x08\x01" + b"\x12" + bytes([len(METHOD)]) + METHOD + b"\x28\x01"
FRAME = b"\x00" + struct.pack(">I", len(ENVELOPE)) + ENVELOPE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_frame(sock: socket.socket) -> bytes:
    def exactly(n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("server closed before a whole frame")
            data += chunk
        return data

    header = exactly(5)
    return exactly(struct.unpack(">I", header[1:])[0])


def one_run(binary: str) -> float:
    port = free_port()
    start = time.perf_counter()
    process = subprocess.Popen([binary, "--port", str(port)], stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except ConnectionRefusedError:
                if time.perf_counter() - start > 10:
                    raise TimeoutError("server did not listen within 10 s")
                time.sleep(0.0005)
        with sock:
            sock.sendall(FRAME)
            answer = read_frame(sock)
        elapsed = time.perf_counter() - start
        assert answer[:2] == b"\x08\x01", "answer is not for request id 1"
        return elapsed * 1000
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


def main() -> None:
    default = Path(__file__).resolve().parents[1] / ".build/release/kostra-server"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=str(default))
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    times = [one_run(args.binary) for _ in range(args.runs)]
    print(
        f"start to first answer over {args.runs} runs: median {statistics.median(times):.1f} ms, "
        f"min {min(times):.1f} ms, max {max(times):.1f} ms ({args.binary})"
    )


if __name__ == "__main__":
    main()
