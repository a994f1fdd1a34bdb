"""The soak and chaos command (scripts/soak.py), run briefly so that CI
exercises it: ~15 s of many clients, some well-behaved, some sending garbage,
some slow, some hanging up, against the server under test.

What is asserted is what soak.py checks (every well-formed request answered
right, every misbehaving client answered as PROTOCOL.md says, fds back, RSS
within its bound, the server draining and exiting 0), plus that the run did
exercise every kind of client. Nothing here is timed; the seed is fixed so
that a failure can be rerun with the same choices.
"""

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import kostra_wire as kw

SOAK = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"


def run_soak(*args, timeout=300):
    proc = subprocess.run(
        [sys.executable, str(SOAK), "--json", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    try:
        result = json.loads(proc.stdout) if proc.stdout.strip() else None
    except json.JSONDecodeError:
        result = None
    return proc, result


def test_short_soak_passes():
    proc, result = run_soak(
        "--server-bin", str(kw.server_binary()), "--duration", "15", "--warmup", "3",
        "--clients", "12", "--seed", "5", "--frame-timeout", "4", "--idle-timeout", "5",
    )
    assert result is not None, f"no JSON from soak.py (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    report = json.dumps({k: result[k] for k in ("requests", "checks", "failures", "rss_kib", "fds")}, indent=1)
    assert proc.returncode == 0 and result["passed"], report

    req = result["requests"]
    assert req["sent"] > 100, report
    assert req["answered_right"] + req["shed_resource_exhausted"] == req["sent"], report
    assert req["wrong"] == 0 and req["unanswered"] == 0, report
    # Every kind of client ran, and the garbage drew the statuses PROTOCOL.md gives.
    for kind in ("well", "flood", "slow", "garbage", "hangup", "idle"):
        assert result["scenarios_by_kind"].get(kind, 0) > 0, (kind, result["scenarios"])
    statuses = result["errors_by_status"]
    for code in ("INVALID_ARGUMENT", "UNIMPLEMENTED", "RESOURCE_EXHAUSTED", "UNAVAILABLE", "NOT_FOUND"):
        assert statuses.get(code, 0) > 0, (code, statuses)
    if result["scenarios"].get("slow/slowloris", 0):
        assert statuses.get("DEADLINE_EXCEEDED", 0) >= result["scenarios"]["slow/slowloris"], statuses
    assert result["server_exit"] == 0
    assert result["fds"]["end"] <= result["fds"]["bound"]
    assert result["rss_kib"]["end"] <= result["rss_kib"]["bound"]


def test_soak_fails_when_the_server_dies():
    """The soak's verdict can fail: attached to a server that is killed
    under it, it must not pass."""
    with kw.running_server(check_exit=False) as srv:
        killer = threading.Timer(6.0, lambda: srv.proc.send_signal(signal.SIGKILL))
        killer.start()
        try:
            proc, result = run_soak(
                "--pid", str(srv.proc.pid), "--port", str(srv.port), "--duration", "8", "--warmup", "2",
                "--clients", "8", "--seed", "5", "--settle", "1",
                # The server runs with its default limits: keep the waits short.
                "--frame-timeout", "10", "--idle-timeout", "300", "--max-in-flight", "1024",
                "--max-frame-size", str(4 * 1024 * 1024), "--answer-timeout", "5",
                timeout=240,
            )
        finally:
            killer.cancel()
        srv.proc.wait()
    assert proc.returncode != 0, proc.stdout
    if proc.returncode == 1:  # killed during the soak proper
        assert result is not None and not result["passed"]
        assert result["checks"]["server alive at the end"] is False, result["checks"]
    else:  # killed before the start figures were taken
        assert proc.returncode == 2 and "died" in proc.stderr, proc.stderr


def test_half_closed_bulk_is_answered_in_full(schema):
    """PROTOCOL.md section 4: a client may half-close after its last request,
    and the server answers everything it read, then closes. 1 024 GetSchema
    requests (16 MB of answers, more than the kernel's socket buffers hold),
    then a half-close, read at a modest pace: every answer must arrive, and
    the stream must end between frames. Tried three times, as the loss
    depends on how far the server's writes are behind."""
    with kw.running_server() as srv:
        envelope = schema.RequestEnvelope(method=kw.method_path("GetSchema"), protocol_version=1)
        for _attempt in range(3):
            with srv.client(schema=schema) as c:
                data = b"".join(
                    kw.encode_frame(schema.RequestEnvelope(id=i, method=envelope.method, protocol_version=1).SerializeToString())
                    for i in range(1, 1025)
                )
                c.sock.sendall(data)
                c.sock.shutdown(socket.SHUT_WR)
                buf = bytearray()
                while True:
                    chunk = c.sock.recv(65536)
                    if not chunk:
                        break
                    buf += chunk
                    time.sleep(0.002)
            offset, ids = 0, set()
            while len(buf) - offset >= kw.HEADER_SIZE:
                _flags, length = kw.HEADER.unpack_from(buf, offset)
                if len(buf) - offset - kw.HEADER_SIZE < length:
                    break
                env = schema.ResponseEnvelope.FromString(bytes(buf[offset + kw.HEADER_SIZE : offset + kw.HEADER_SIZE + length]))
                assert env.status.code == 0, env.status
                ids.add(env.id)
                offset += kw.HEADER_SIZE + length
            assert offset == len(buf), f"the answer stream ended inside a frame ({len(buf) - offset} bytes of it)"
            assert ids == set(range(1, 1025)), f"{1024 - len(ids)} of 1024 requests unanswered"


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_a_client_that_reads_nothing_is_not_read_further(schema):
    """Backpressure (ConnectionHandler.channelWritabilityChanged): while a
    client takes none of its answers, the server stops reading its requests
    once 64 KiB of answers wait, so what it holds for that client is bounded
    by the socket buffers, not by what the client sends. 100 000 pipelined
    GetSeries (about 1.5 KB each answered: 150 MB in all), not read for 4 s:
    the server's resident memory grows by less than 40 MB (without the pause
    it holds every answer it has computed by then); then, read, every answer
    arrives."""
    n, first = 100_000, 1_000
    with kw.running_server() as srv:
        request = schema.GetSeriesRequest(indicator_id="grunnskole.gruppestorrelse_2", regions=["Bærum"])
        with srv.client(schema=schema) as c:
            assert c.call("GetSeries", request).ok  # computed once, kept: the rest are cheap
            payload = request.SerializeToString()
            data = b"".join(
                kw.encode_frame(
                    schema.RequestEnvelope(
                        id=i, method=kw.method_path("GetSeries"), payload=payload, protocol_version=1
                    ).SerializeToString()
                )
                for i in range(first, first + n)
            )
            before = _rss_kib(srv.proc.pid)
            sender = threading.Thread(target=c.sock.sendall, args=(data,), daemon=True)
            sender.start()
            time.sleep(4)
            grown = _rss_kib(srv.proc.pid) - before
            buf, offset, answered, last = bytearray(), 0, 0, None
            while answered < n:
                chunk = c.sock.recv(1 << 20)
                assert chunk, f"connection closed after {answered} of {n} answers"
                buf += chunk
                while len(buf) - offset >= kw.HEADER_SIZE:
                    _flags, length = kw.HEADER.unpack_from(buf, offset)
                    if len(buf) - offset - kw.HEADER_SIZE < length:
                        break
                    last = bytes(buf[offset + kw.HEADER_SIZE : offset + kw.HEADER_SIZE + length])
                    offset += kw.HEADER_SIZE + length
                    answered += 1
                del buf[:offset]
                offset = 0
            sender.join(timeout=30)
        env = schema.ResponseEnvelope.FromString(last)
        assert env.status.code == 0 and env.id == first + n - 1
    assert grown < 40_000, f"the server's memory grew by {grown} KiB while the client read nothing"
