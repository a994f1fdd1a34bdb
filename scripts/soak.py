#!/usr/bin/env python3
"""Soak and chaos run against kostra-server, bounded in time.

    scripts/soak.py [--server-bin BIN | --pid PID --port PORT] [--duration S]
                    [--clients N] [--json] [--seed N] ...

Starts a kostra-server (``--server-bin`` or $KOSTRA_SERVER_BIN) on a free
loopback port with tight limits (short frame and idle timeouts, a small
in-flight limit and frame size), or attaches to a running one with
``--pid``/``--port``. It fetches a reference answer to every request it will
send from the still quiet server, checks a figure against the chapter
(../shared/seed/kostra-analyse-2025-grunnskole.txt from the repository root, found from
this script's own location, or the figures written
in below when that file is absent), warms up, and then runs N concurrent
actors for ``--duration`` seconds:

  well     pipelined requests over every method, writes split at random
           points, each answer checked against the reference
  flood    pipelines four times the in-flight limit at once: every request
           answered once, OK (and right) or RESOURCE_EXHAUSTED
  slow     well-formed requests sent a byte at a time (within the frame
           timeout); readers that read big answers slowly; slowloris frames
           that must be cut with DEADLINE_EXCEEDED
  garbage  bad flags, oversized and wrong lengths, payloads that are not an
           envelope, id 0, bad protocol versions, unknown methods, bad method
           payloads, empty frames, random bytes: each must get the status and
           the close (or not) that PROTOCOL.md section 6 gives
  hangup   half a frame then close or half-close, requests then a half frame
           or an oversized header (the requests must still be answered), many
           requests then close (or reset) with the answers pending
  idle     connect and say nothing (or go quiet after some requests): closed
           with UNAVAILABLE after the idle timeout

Every well-formed request whose answer the client waits for counts as
"sent"; it must be answered exactly once, with the reference's status and
payload. While it runs it samples the server's RSS (/proc/PID/status VmRSS)
and open file descriptors (/proc/PID/fd): at the start (after the warm-up,
no client connected), the peak, and the end (clients gone, after settling).

Exit status 0 when everything held, 1 when anything failed (a well-formed
request unanswered or answered wrong, a misbehaving client answered otherwise
than PROTOCOL.md says, the server died or did not drain and exit 0, fds at
the end above the start plus ``--fd-slack``, RSS at the end above the start
by more than the bound), 2 when the run could not be set up.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "Tests" / "python"))

import kostra_wire as kw  # noqa: E402

# The chapter beside the repository (../shared/seed/... from the repository root), found from
# this script's own location so that no machine's absolute path is written here.
CHAPTER = REPO_ROOT.parent / "shared" / "seed" / "kostra-analyse-2025-grunnskole.txt"
GRUPPE = "grunnskole.gruppestorrelse_2"
NETTO = "grunnskole.netto_driftsutgifter_sektor_per_innbygger_6_15"
YEARS = [2021, 2022, 2023, 2024]
# The chapter's tables, as printed; used when CHAPTER is not on this machine.
CHAPTER_FALLBACK = {
    (GRUPPE, "3201"): [17.4, 17.3, 17.1, 16.9],  # «Gruppestørrelse 2 - lærernorm», Bærum
    (NETTO, "3201"): [133.8, 131.6, 135.9, 136.8],  # «Netto driftsutgifter til grunnskolesektor ...», Bærum
}
CHAPTER_TITLES = {
    GRUPPE: "Gruppestørrelse 2 - lærernorm",
    NETTO: "Netto driftsutgifter til grunnskolesektor, per",
}

OK, DEADLINE_EXCEEDED, INVALID_ARGUMENT, NOT_FOUND = 0, 4, 3, 5
RESOURCE_EXHAUSTED, UNIMPLEMENTED, UNAVAILABLE = 8, 12, 14
CODE_NAMES = {
    0: "OK", 1: "CANCELLED", 2: "UNKNOWN", 3: "INVALID_ARGUMENT", 4: "DEADLINE_EXCEEDED",
    5: "NOT_FOUND", 6: "ALREADY_EXISTS", 7: "PERMISSION_DENIED", 8: "RESOURCE_EXHAUSTED",
    9: "FAILED_PRECONDITION", 10: "ABORTED", 11: "OUT_OF_RANGE", 12: "UNIMPLEMENTED",
    13: "INTERNAL", 14: "UNAVAILABLE", 15: "DATA_LOSS", 16: "UNAUTHENTICATED",
}
KINDS = ["well", "flood", "slow", "garbage", "hangup", "idle"]
WEIGHTS = {"well": 0.35, "flood": 0.08, "slow": 0.17, "garbage": 0.20, "hangup": 0.15, "idle": 0.05}
MAX_FAILURES_KEPT = 30


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def frame(payload: bytes, flags: int = 0) -> bytes:
    return kw.HEADER.pack(flags, len(payload)) + payload


# --------------------------------------------------------------------------
# Requests and their reference answers
# --------------------------------------------------------------------------


@dataclass
class Ref:
    """One request the actors send, and the answer the quiet server gave."""

    name: str
    method: str
    rest: bytes  # the encoded RequestEnvelope without its id (field 1)
    code: int = -1
    message: str = ""
    payload: bytes = b""
    big: bool = False

    def envelope(self, request_id: int) -> bytes:
        # Field 1 (id, varint) first, then the other fields: fields may come
        # in any order on the wire.
        return b"\x08" + varint(request_id) + self.rest

    def frame(self, request_id: int) -> bytes:
        return frame(self.envelope(request_id))


def build_refs(schema) -> List[Ref]:
    S = schema
    ry = lambda region, year: S.RegionYearRequest(region=region, year=year)  # noqa: E731
    requests = [
        ("check", "Check", S.HealthCheckRequest()),
        ("schema", "GetSchema", S.GetSchemaRequest()),
        ("indicators", "ListIndicators", S.ListIndicatorsRequest()),
        ("regions", "ListRegions", S.ListRegionsRequest()),
        ("series-gruppe", "GetSeries", S.GetSeriesRequest(indicator_id=GRUPPE, regions=["Bærum", "Asker", "ASSS"])),
        ("series-netto", "GetSeries", S.GetSeriesRequest(indicator_id=NETTO, regions=["3201", "3025", "asss"])),
        ("series-all", "GetSeries", S.GetSeriesRequest(indicator_id=GRUPPE)),
        ("series-2024", "GetSeries", S.GetSeriesRequest(indicator_id=GRUPPE, regions=["baerum"], from_year=2024, to_year=2024)),
        ("profile", "GetProfile", S.GetProfileRequest(region="Bærum", year=2024)),
        ("compare", "Compare", S.CompareRequest(**{"region": "Bærum", "with": ["Asker", "ASSS"], "indicator_id": GRUPPE})),
        ("group-average", "GetGroupAverage", S.GetGroupAverageRequest(group="ASSS", indicator_id=GRUPPE, year=2024)),
        ("production", "GetProductionIndex", ry("Bærum", 2024)),
        ("production-change", "GetProductionChange", ry("Bærum", 2024)),
        ("efficiency", "GetEfficiency", ry("Bærum", 2024)),
        ("resource-use", "GetResourceUse", ry("3201", 2024)),
        ("teacher-norm", "GetTeacherNorm", ry("Bærum", 2024)),
        ("statements", "GetStatements", ry("Bærum", 2024)),
        # Well-formed requests whose right answer is an error.
        ("misspelt-region", "GetSeries", S.GetSeriesRequest(indicator_id=GRUPPE, regions=["Baerun"])),
        ("unknown-indicator", "GetSeries", S.GetSeriesRequest(indicator_id="grunnskole.nope")),
    ]
    refs = []
    for name, method, request in requests:
        env = S.RequestEnvelope(method=kw.method_path(method), payload=request.SerializeToString(), protocol_version=1)
        refs.append(Ref(name, method, env.SerializeToString()))
    return refs


def chapter_figures() -> Tuple[Dict[Tuple[str, str], List[float]], str]:
    """The Bærum rows of two of the chapter's tables, read from the chapter."""
    if not CHAPTER.exists():
        print(
            f"soak: the chapter is not at {CHAPTER} (../shared/seed/ beside the repository); "
            "checking against the figures written into soak.py instead",
            file=sys.stderr,
        )
        return dict(CHAPTER_FALLBACK), f"figures written into soak.py (chapter file not found at {CHAPTER})"
    lines = CHAPTER.read_text(encoding="utf-8").splitlines()
    figures = {}
    for indicator, title in CHAPTER_TITLES.items():
        start = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
        row = next(line for line in lines[start:] if line.strip().startswith("Bærum "))
        figures[(indicator, "3201")] = [float(v.replace(",", ".")) for v in row.split()[1:5]]
    return figures, str(CHAPTER)


# --------------------------------------------------------------------------
# Connections
# --------------------------------------------------------------------------


class Conn:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, schema):
        self.r, self.w, self.schema = reader, writer, schema

    @classmethod
    async def open(cls, host: str, port: int, schema, timeout: float = 10.0) -> "Conn":
        r, w = await asyncio.wait_for(asyncio.open_connection(host, port, limit=1 << 22), timeout)
        w.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(r, w, schema)

    async def send(self, data: bytes) -> bool:
        """False when the server has gone (reset, broken pipe)."""
        try:
            self.w.write(data)
            await self.w.drain()
            return True
        except (ConnectionError, OSError):
            return False

    async def send_split(self, data: bytes, rng: random.Random, pause: float = 0.0) -> bool:
        """Writes data in 1-4 pieces cut at random points (frames straddle writes)."""
        cuts = sorted(rng.sample(range(1, len(data)), min(len(data) - 1, rng.randint(0, 3)))) if len(data) > 1 else []
        last = 0
        for cut in cuts + [len(data)]:
            if not await self.send(data[last:cut]):
                return False
            last = cut
            if pause:
                await asyncio.sleep(pause)
        return True

    def shut_wr(self) -> None:
        try:
            if self.w.can_write_eof():
                self.w.write_eof()
        except (ConnectionError, OSError):
            pass

    async def read(self, timeout: float):
        """("frame", ResponseEnvelope) | ("eof", clean) | ("reset", None) |
        ("timeout", None) | ("bad", why)."""
        try:
            header = await asyncio.wait_for(self.r.readexactly(5), timeout)
        except asyncio.IncompleteReadError as e:
            return ("eof", len(e.partial) == 0)
        except asyncio.TimeoutError:  # before OSError: TimeoutError is an OSError
            return ("timeout", None)
        except (ConnectionError, OSError):
            return ("reset", None)
        flags, length = kw.HEADER.unpack(header)
        if flags != 0:
            return ("bad", f"server sent flag byte {flags:#04x}")
        try:
            body = await asyncio.wait_for(self.r.readexactly(length), timeout)
        except asyncio.IncompleteReadError:
            return ("eof", False)
        except asyncio.TimeoutError:  # before OSError: TimeoutError is an OSError
            return ("timeout", None)
        except (ConnectionError, OSError):
            return ("reset", None)
        try:
            return ("frame", self.schema.ResponseEnvelope.FromString(body))
        except Exception as exc:  # noqa: BLE001 - any decoding failure is the server's fault
            return ("bad", f"server sent a frame that is not a ResponseEnvelope: {exc}")

    def close(self, reset: bool = False) -> None:
        try:
            if reset:
                self.w.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.w.close()
        except (ConnectionError, OSError):
            pass


def trickle(fd: int, frames: List[bytes], delay: float) -> Optional[List[float]]:
    """Writes each frame a byte at a time with ``delay`` between bytes, on a
    duplicate of the socket ``fd`` (run in a thread). Returns the seconds
    each frame took, or None when the server closed the connection."""
    sock = socket.socket(fileno=os.dup(fd))
    took = []
    try:
        for data in frames:
            started = time.monotonic()
            for i in range(len(data)):
                while True:
                    try:
                        sock.send(data[i:i + 1])
                        break
                    except BlockingIOError:  # the socket is non-blocking; one byte rarely waits
                        time.sleep(0.001)
                time.sleep(delay)
            took.append(time.monotonic() - started)
        return took
    except OSError:
        return None
    finally:
        sock.close()  # the duplicate only


def code_of(env) -> int:
    return env.status.code if env.HasField("status") else 0


# --------------------------------------------------------------------------
# Bookkeeping
# --------------------------------------------------------------------------


@dataclass
class Stats:
    sent: int = 0  # well-formed requests whose answer the client waited for
    right: int = 0  # answered with the reference's status and payload
    shed: int = 0  # answered RESOURCE_EXHAUSTED by the in-flight limit (flood only; allowed)
    wrong: int = 0
    unanswered: int = 0
    abandoned: int = 0  # well-formed requests sent by clients that hung up without reading
    excused: int = 0  # byte-at-a-time requests the client itself took longer than the frame timeout over
    connect_failures: int = 0
    scenarios: collections.Counter = field(default_factory=collections.Counter)  # "kind/scenario" -> runs
    statuses: collections.Counter = field(default_factory=collections.Counter)  # non-OK codes received
    violations: int = 0  # misbehaving clients answered otherwise than PROTOCOL.md says
    client_errors: int = 0  # exceptions in the soak's own clients (a bug of the soak)
    failures: List[str] = field(default_factory=list)

    def fail(self, what: str, *, violation: bool = False) -> None:
        if violation:
            self.violations += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(what)

    def saw(self, env) -> None:
        code = code_of(env)
        if code:
            self.statuses[CODE_NAMES.get(code, str(code))] += 1


class Actor:
    """Shared state and the scenarios of every kind of actor."""

    def __init__(self, args, schema, refs: List[Ref], stats: Stats, rng: random.Random):
        self.args, self.schema, self.refs, self.stats, self.rng = args, schema, refs, stats, rng
        self.small_refs = [r for r in refs if not r.big]
        self.big_refs = [r for r in refs if r.big]
        self.answer_timeout = args.answer_timeout

    async def connect(self) -> Optional[Conn]:
        try:
            return await Conn.open(self.args.host, self.args.port, self.schema)
        except (OSError, asyncio.TimeoutError) as exc:
            self.stats.connect_failures += 1
            self.stats.fail(f"could not connect: {exc!r}")
            await asyncio.sleep(0.1)
            return None

    def choose(self, kind: str, scenarios: List[str]) -> str:
        """A scenario of ``kind``, leaving out those in --skip."""
        return self.rng.choice([s for s in scenarios if f"{kind}/{s}" not in self.args.skip])

    # -- checks -------------------------------------------------------------
    def check(self, where: str, env, ref: Ref, allow_shed: bool = False) -> None:
        self.stats.saw(env)
        code = code_of(env)
        if allow_shed and code == RESOURCE_EXHAUSTED:
            self.stats.shed += 1
        elif code == ref.code and env.payload == ref.payload and env.status.message == ref.message:
            self.stats.right += 1
        else:
            self.stats.wrong += 1
            self.stats.fail(
                f"{where}: {ref.name} answered {CODE_NAMES.get(code, code)} {env.status.message!r} "
                f"with {len(env.payload)} payload bytes; reference {CODE_NAMES.get(ref.code)} with {len(ref.payload)}"
            )

    async def collect(self, conn: Conn, where: str, pending: Dict[int, Ref], *, allow_shed=False,
                      conn_errors: Optional[list] = None, until_eof=False) -> str:
        """Reads answers until every id in ``pending`` is answered (and, with
        ``until_eof``, until the server closes). Id-0 answers go to
        ``conn_errors`` (a violation when None). Returns how reading ended:
        "done", "eof", "reset", "timeout" or "bad"."""
        outcome = "done"
        while pending or until_eof:
            kind, value = await conn.read(self.answer_timeout)
            if kind != "frame":
                outcome = kind if kind != "eof" or value else "eof-inside-frame"
                break
            env = value
            if env.id == 0:
                self.stats.saw(env)
                if conn_errors is None:
                    self.stats.fail(f"{where}: unexpected id-0 answer {CODE_NAMES.get(code_of(env))} {env.status.message!r}", violation=True)
                else:
                    conn_errors.append(env)
                continue
            ref = pending.pop(env.id, None)
            if ref is None:
                self.stats.wrong += 1
                self.stats.fail(f"{where}: answer for id {env.id}, which is not in flight (duplicate or unknown)")
                continue
            self.check(where, env, ref, allow_shed)
        if pending:
            self.stats.unanswered += len(pending)
            self.stats.fail(f"{where}: {len(pending)} requests unanswered, reading ended with {outcome}")
            pending.clear()
        if outcome in ("bad", "eof-inside-frame"):
            self.stats.fail(f"{where}: server broke framing ({outcome})", violation=True)
        return outcome

    def expect_codes(self, where: str, got: list, want: List[int]) -> None:
        codes = [code_of(e) for e in got]
        if codes != want:
            names = lambda cs: [CODE_NAMES.get(c, c) for c in cs]  # noqa: E731
            msgs = [e.status.message for e in got]
            self.stats.fail(f"{where}: id-0 answers {names(codes)} {msgs}, expected {names(want)}", violation=True)

    def expect_end(self, where: str, outcome: str, allow_reset: bool = False) -> None:
        ok = outcome == "eof" or (allow_reset and outcome == "reset")
        if not ok:
            self.stats.fail(f"{where}: connection ended with {outcome}, expected the server to close it", violation=True)

    def pick(self, k: int, big_share: float = 0.1) -> List[Ref]:
        out = []
        for _ in range(k):
            pool = self.big_refs if self.big_refs and self.rng.random() < big_share else self.small_refs
            out.append(self.rng.choice(pool))
        return out

    # -- well-behaved --------------------------------------------------------
    async def well(self) -> None:
        self.stats.scenarios["well/pipeline"] += 1
        conn = await self.connect()
        if conn is None:
            return
        rng = self.rng
        total = rng.randint(20, 300)
        window = rng.randint(1, min(32, self.args.max_in_flight // 2))
        pending: Dict[int, Ref] = {}
        next_id, sent = 1, 0
        where = "well/pipeline"
        try:
            while sent < total or pending:
                if sent < total and len(pending) < window:
                    batch = []
                    for ref in self.pick(min(window - len(pending), total - sent)):
                        pending[next_id] = ref
                        batch.append(ref.frame(next_id))
                        next_id += 1
                    sent += len(batch)
                    self.stats.sent += len(batch)
                    if not await conn.send_split(b"".join(batch), rng):
                        break
                kind, env = await conn.read(self.answer_timeout)
                if kind != "frame":
                    break
                if env.id == 0:
                    self.stats.saw(env)
                    self.stats.fail(f"{where}: id-0 answer {CODE_NAMES.get(code_of(env))} {env.status.message!r}", violation=True)
                    continue
                ref = pending.pop(env.id, None)
                if ref is None:
                    self.stats.wrong += 1
                    self.stats.fail(f"{where}: answer for id {env.id}, not in flight")
                    continue
                self.check(where, env, ref)
                if rng.random() < 0.02:
                    await asyncio.sleep(rng.uniform(0, 0.05))
            if pending:
                self.stats.unanswered += len(pending)
                self.stats.fail(f"{where}: {len(pending)} requests unanswered when the connection ended")
            if rng.random() < 0.5:  # half-close: the server answers everything, then closes
                conn.shut_wr()
                outcome = await self.collect(conn, where + "/half-close", {}, until_eof=True)
                self.expect_end(where + "/half-close", outcome)
        finally:
            conn.close()

    async def flood(self) -> None:
        """Pipelines twice the in-flight limit in one write: each answered once,
        OK (right) or RESOURCE_EXHAUSTED."""
        where = "flood/over-limit"
        self.stats.scenarios[where] += 1
        conn = await self.connect()
        if conn is None:
            return
        try:
            n = 2 * self.args.max_in_flight
            pending = {i: ref for i, ref in enumerate(self.pick(n, big_share=0.02), start=1)}
            self.stats.sent += n
            await conn.send(b"".join(ref.frame(i) for i, ref in pending.items()))
            conn.shut_wr()
            outcome = await self.collect(conn, where, pending, allow_shed=True, until_eof=True)
            self.expect_end(where, outcome)
        finally:
            conn.close()

    # -- slow ------------------------------------------------------------------
    async def slow(self) -> None:
        scenario = self.choose("slow", ["trickle", "trickle", "slowloris", "slow-reader", "bulk-reader"])
        where = f"slow/{scenario}"
        self.stats.scenarios[where] += 1
        conn = await self.connect()
        if conn is None:
            return
        try:
            await getattr(self, "_slow_" + scenario.replace("-", "_"))(conn, where)
        finally:
            conn.close()

    async def _slow_trickle(self, conn: Conn, where: str) -> None:
        """Well-formed requests a byte at a time, each frame well within the
        frame timeout. The bytes are written from a thread, so that a busy
        event loop does not stretch the pauses."""
        refs = self.pick(self.rng.randint(1, 3), big_share=0)
        frames = [ref.frame(i) for i, ref in enumerate(refs, start=1)]
        delay = min(0.01, self.args.frame_timeout * 0.2 / max(len(f) for f in frames))
        fd = conn.w.get_extra_info("socket").fileno()
        took = await asyncio.to_thread(trickle, fd, frames, delay)
        if took is None:
            self.stats.fail(f"{where}: the server closed the connection while a well-formed request trickled in", violation=True)
            return
        if max(took) >= self.args.frame_timeout * 0.8:
            # This client was slower than the limit allows (a loaded
            # machine); the server may rightly cut it. Not counted.
            self.stats.excused += len(frames)
            return
        pending = {i: ref for i, ref in enumerate(refs, start=1)}
        self.stats.sent += len(pending)
        conn.shut_wr()
        outcome = await self.collect(conn, where, pending, until_eof=True)
        self.expect_end(where, outcome)

    async def _slow_slowloris(self, conn: Conn, where: str) -> None:
        """Begins a frame and sends a byte now and then, for nine tenths of
        the frame timeout (bytes must not extend it), then waits: must be cut
        with DEADLINE_EXCEEDED on id 0. (Trickling on past the timeout would
        race the server's close: a byte arriving after it makes the kernel
        reset the connection, which may destroy the error frame.)"""
        ft = self.args.frame_timeout
        data = self.rng.choice(self.small_refs).frame(1) + b"\x00" * 300  # never completed
        cut = self.rng.randint(1, 20)
        await conn.send(data[:cut])
        began = time.monotonic()
        limit = began + ft * 3 + 10
        errors = []
        while time.monotonic() < limit:
            kind, value = await conn.read(self.rng.uniform(ft / 8, ft / 4))
            if kind == "timeout":
                if time.monotonic() - began < ft * 0.9:
                    await conn.send(data[cut:cut + 1])
                    cut += 1
                continue
            if kind == "frame":
                self.stats.saw(value)
                errors.append(value)
                continue
            self.expect_codes(f"{where} (ended: {kind}, {cut} bytes sent)", errors, [DEADLINE_EXCEEDED])
            self.expect_end(where, kind if kind != "eof" or value else "eof-inside-frame")
            return
        self.stats.fail(f"{where}: not cut within {ft * 3 + 10:.0f} s", violation=True)

    async def _slow_slow_reader(self, conn: Conn, where: str) -> None:
        """Asks for 32 answers, half of them big, and reads them 16 KiB at a
        time."""
        await self._read_slowly(conn, where, min(self.args.max_in_flight, 32), 0.5, 16384, 0.005)

    async def _slow_bulk_reader(self, conn: Conn, where: str) -> None:
        """Pipelines as many big answers as may be in flight (several MiB,
        more than the kernel's socket buffers hold), half-closes, and reads
        64 KiB every 2 ms: the server must answer everything it read before
        it closes (PROTOCOL.md section 4)."""
        await self._read_slowly(conn, where, min(self.args.max_in_flight, self.args.bulk), 1.0, 65536, 0.002)

    async def _read_slowly(self, conn: Conn, where: str, n: int, big_share: float, size: int, pause: float) -> None:
        refs = self.pick(n, big_share=big_share)
        pending = {i: ref for i, ref in enumerate(refs, start=1)}
        self.stats.sent += n
        await conn.send(b"".join(ref.frame(i) for i, ref in pending.items()))
        conn.shut_wr()
        buf = bytearray()
        end = "timeout"
        deadline = time.monotonic() + self.answer_timeout
        while time.monotonic() < deadline:
            try:
                chunk = await asyncio.wait_for(conn.r.read(size), self.answer_timeout)
            except asyncio.TimeoutError:
                break
            except (ConnectionError, OSError):
                end = "reset"
                break
            if not chunk:
                end = "eof"
                break
            buf += chunk
            await asyncio.sleep(pause)
        offset = 0
        while len(buf) - offset >= kw.HEADER_SIZE:
            _flags, length = kw.HEADER.unpack_from(buf, offset)
            if len(buf) - offset - kw.HEADER_SIZE < length:
                break
            env = self.schema.ResponseEnvelope.FromString(bytes(buf[offset + kw.HEADER_SIZE: offset + kw.HEADER_SIZE + length]))
            offset += kw.HEADER_SIZE + length
            ref = pending.pop(env.id, None)
            if ref is None:
                self.stats.saw(env)
                self.stats.wrong += 1
                self.stats.fail(f"{where}: answer for id {env.id} ({CODE_NAMES.get(code_of(env))} {env.status.message!r}), not in flight")
            else:
                self.check(where, env, ref)
        if offset != len(buf):
            self.stats.fail(f"{where}: the server's stream ended inside a frame ({len(buf) - offset} bytes of it), "
                            f"after {end}", violation=True)
        if pending:
            self.stats.unanswered += len(pending)
            self.stats.fail(f"{where}: {len(pending)} of {n} requests unanswered (stream ended with {end})")

    # -- garbage -----------------------------------------------------------------
    GARBAGE = [
        "bad-flags", "oversized", "undecodable", "id-zero", "bad-version", "unknown-method",
        "bad-payload", "empty-frame", "short-length", "long-length", "random",
    ]

    async def garbage(self) -> None:
        scenario = self.choose("garbage", self.GARBAGE)
        where = f"garbage/{scenario}"
        self.stats.scenarios[where] += 1
        conn = await self.connect()
        if conn is None:
            return
        try:
            await getattr(self, "_g_" + scenario.replace("-", "_"))(conn, where)
        finally:
            conn.close()

    async def _closing(self, conn: Conn, where: str, data: bytes, want: List[int], pending=None, allow_reset=False) -> None:
        """Sends data (well-formed requests in ``pending`` first, answered),
        expects the id-0 codes ``want`` and then the close."""
        pending = dict(pending or {})
        self.stats.sent += len(pending)
        if data:
            await conn.send(data)
        errors: list = []
        outcome = await self.collect(conn, where, pending, conn_errors=errors, until_eof=True)
        self.expect_codes(where, errors, want)
        self.expect_end(where, outcome, allow_reset)
        return errors

    async def _kept(self, conn: Conn, where: str, garbage: bytes, want0: List[int],
                    want_id: Optional[Tuple[int, int]] = None, message_has: str = "") -> None:
        """A well-formed request, the garbage frame, another well-formed
        request, half-close: both requests answered right, the garbage
        answered as PROTOCOL.md says (``want0`` on id 0, or ``want_id`` =
        (id, code)), the connection kept until the half-close."""
        a, b = self.pick(2, big_share=0)
        pending = {1: a, 2: b}
        self.stats.sent += 2
        data = a.frame(1) + garbage + b.frame(2)
        await conn.send_split(data, self.rng)
        conn.shut_wr()
        errors: list = []
        garbage_id = want_id[0] if want_id else None
        got_id_answer = []
        outcome = "done"
        while True:
            kind, env = await conn.read(self.answer_timeout)
            if kind != "frame":
                outcome = kind if kind != "eof" or env else "eof-inside-frame"
                break
            if env.id == 0:
                self.stats.saw(env)
                errors.append(env)
            elif garbage_id is not None and env.id == garbage_id:
                self.stats.saw(env)
                got_id_answer.append(env)
            elif env.id in pending:
                self.check(where, env, pending.pop(env.id))
            else:
                self.stats.wrong += 1
                self.stats.fail(f"{where}: answer for unknown id {env.id}")
        if pending:
            self.stats.unanswered += len(pending)
            self.stats.fail(f"{where}: {len(pending)} well-formed requests around the garbage unanswered ({outcome})")
        self.expect_codes(where, errors, want0)
        if want_id is not None:
            codes = [code_of(e) for e in got_id_answer]
            if codes != [want_id[1]]:
                self.stats.fail(f"{where}: id {garbage_id} answered {[CODE_NAMES.get(c) for c in codes]}, expected {CODE_NAMES[want_id[1]]}", violation=True)
            elif message_has and message_has not in got_id_answer[0].status.message:
                self.stats.fail(f"{where}: message {got_id_answer[0].status.message!r} does not name {message_has!r}", violation=True)
        self.expect_end(where, outcome)

    async def _g_bad_flags(self, conn, where):
        data = bytes([self.rng.randint(1, 255)]) + self.rng.randbytes(4)
        await self._closing(conn, where, data, [UNIMPLEMENTED])

    async def _g_oversized(self, conn, where):
        length = self.rng.choice([self.args.max_frame_size + 1, self.rng.randint(self.args.max_frame_size + 1, 2**32 - 1)])
        # Requests read before the bad header are still answered (section 6).
        refs = self.pick(self.rng.randint(0, 3), big_share=0)
        pending = {i: r for i, r in enumerate(refs, start=1)}
        data = b"".join(r.frame(i) for i, r in pending.items()) + struct.pack(">BI", 0, length)
        errors = await self._closing(conn, where, data, [RESOURCE_EXHAUSTED], pending)
        if errors and not (str(length) in errors[0].status.message and str(self.args.max_frame_size) in errors[0].status.message):
            self.stats.fail(f"{where}: message {errors[0].status.message!r} does not name the length and the limit", violation=True)

    async def _g_undecodable(self, conn, where):
        tail = self.rng.randbytes(self.rng.randint(0, 40))
        payload = self.rng.choice([
            b"\x0f" + tail,  # wire type 7 does not exist
            b"\x0e" + tail,  # wire type 6 does not exist
            b"\x08" + b"\xff" * self.rng.randint(1, 9),  # a varint cut off
            b"\x12" + varint(len(tail) + 50) + tail,  # a string longer than the frame
            b"\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",  # a varint of 11 bytes
        ])
        await self._kept(conn, where, frame(payload), [INVALID_ARGUMENT])

    async def _g_id_zero(self, conn, where):
        env = self.rng.choice(self.small_refs).rest  # no id field: id 0
        await self._kept(conn, where, frame(env), [INVALID_ARGUMENT])

    async def _g_bad_version(self, conn, where):
        version = self.rng.choice([2, 3, 99, 2**32 - 1])
        env = self.rng.choice(self.small_refs).envelope(7) + b"\x28" + varint(version)  # the last field 5 wins
        await self._kept(conn, where, frame(env), [], (7, UNIMPLEMENTED))

    async def _g_unknown_method(self, conn, where):
        method = self.rng.choice(["/kostra.v1.Kostra/Nope", "/kostra.v1.Kostra/getseries", "", "GetSeries",
                                  "/" + self.rng.randbytes(8).hex()]).encode()
        env = b"\x08\x07\x12" + varint(len(method)) + method + b"\x28\x01"
        await self._kept(conn, where, frame(env), [], (7, UNIMPLEMENTED), message_has="GetSeries")

    async def _g_bad_payload(self, conn, where):
        method = self.rng.choice(["GetSeries", "GetProfile", "Compare", "GetEfficiency"])
        path = kw.method_path(method).encode()
        payload = self.rng.choice([b"\x0f", b"\x0a\x50abc", b"\x08" + b"\xff" * 3])
        env = b"\x08\x07\x12" + varint(len(path)) + path + b"\x22" + varint(len(payload)) + payload + b"\x28\x01"
        expected_type = {"GetSeries": "GetSeriesRequest", "GetProfile": "GetProfileRequest",
                         "Compare": "CompareRequest", "GetEfficiency": "RegionYearRequest"}[method]
        await self._kept(conn, where, frame(env), [], (7, INVALID_ARGUMENT), message_has=expected_type)

    async def _g_empty_frame(self, conn, where):
        await self._kept(conn, where, frame(b""), [INVALID_ARGUMENT])  # all defaults: id 0

    async def _g_short_length(self, conn, where):
        """The header says one byte less than the envelope: the envelope
        loses the value of its last field (protocol_version), and that byte
        starts the next header with flag 0x01."""
        env = self.rng.choice(self.small_refs).envelope(9)
        assert env.endswith(b"\x28\x01")
        data = struct.pack(">BI", 0, len(env) - 1) + env + b"\x00\x00\x00\x00"
        await self._closing(conn, where, data, [INVALID_ARGUMENT, UNIMPLEMENTED])

    async def _g_long_length(self, conn, where):
        """The header says more than is sent; then the client half-closes:
        the connection ended inside a frame."""
        env = self.rng.choice(self.small_refs).envelope(9)
        data = struct.pack(">BI", 0, len(env) + self.rng.randint(1, 100)) + env
        await conn.send(data)
        conn.shut_wr()
        await self._closing(conn, where, b"", [INVALID_ARGUMENT])

    async def _g_random(self, conn, where):
        """Random bytes, then a half-close: some error on id 0 (which depends
        on the bytes), then the close."""
        data = self.rng.randbytes(self.rng.randint(1, 400))
        await conn.send(data)
        conn.shut_wr()
        errors: list = []
        while True:  # random bytes may (rarely) hold an envelope with an id: any answer goes
            kind, env = await conn.read(self.answer_timeout)
            if kind != "frame":
                break
            self.stats.saw(env)
            if env.id == 0:
                errors.append(env)
        outcome = kind if kind != "eof" or env else "eof-inside-frame"
        codes = {code_of(e) for e in errors}
        if not errors or not codes <= {INVALID_ARGUMENT, RESOURCE_EXHAUSTED, UNIMPLEMENTED}:
            self.stats.fail(f"{where}: answered {[CODE_NAMES.get(code_of(e)) for e in errors]}", violation=True)
        self.expect_end(where, outcome, allow_reset=True)

    # -- hang-ups -----------------------------------------------------------------
    HANGUPS = ["half-frame-close", "half-frame-shutdown", "requests-then-half-frame", "pending-close",
               "pending-reset", "connect-close"]

    async def hangup(self) -> None:
        scenario = self.choose("hangup", self.HANGUPS)
        where = f"hangup/{scenario}"
        self.stats.scenarios[where] += 1
        conn = await self.connect()
        if conn is None:
            return
        try:
            rng = self.rng
            if scenario == "connect-close":
                conn.close(reset=rng.random() < 0.5)
            elif scenario == "half-frame-close":
                data = rng.choice(self.refs).frame(1)
                await conn.send(data[: rng.randint(1, len(data) - 1)])
                await asyncio.sleep(rng.uniform(0, 0.05))
                conn.close(reset=rng.random() < 0.3)
            elif scenario == "half-frame-shutdown":
                data = rng.choice(self.refs).frame(1)
                await conn.send(data[: rng.randint(1, len(data) - 1)])
                conn.shut_wr()
                await self._closing(conn, where, b"", [INVALID_ARGUMENT])
            elif scenario == "requests-then-half-frame":
                refs = self.pick(rng.randint(1, 16))
                pending = {i: r for i, r in enumerate(refs, start=1)}
                half = rng.choice(self.small_refs).frame(99)
                data = b"".join(r.frame(i) for i, r in pending.items()) + half[: rng.randint(1, len(half) - 1)]
                await conn.send(data)
                conn.shut_wr()
                await self._closing(conn, where, b"", [INVALID_ARGUMENT], pending)
            else:  # pending-close, pending-reset: many requests, hang up with answers pending
                n = rng.randint(1, self.args.max_in_flight)
                refs = self.pick(n)
                data = b"".join(r.frame(i) for i, r in enumerate(refs, start=1))
                await conn.send(data[: rng.randint(len(data) // 2, len(data))])  # maybe mid-frame too
                self.stats.abandoned += n
                if rng.random() < 0.5:
                    await conn.read(0.01)  # maybe read one answer
                conn.close(reset=scenario == "pending-reset")
        finally:
            conn.close()

    # -- idle --------------------------------------------------------------------
    async def idle(self) -> None:
        scenario = self.choose("idle", ["silent", "quiet-after-requests"])
        where = f"idle/{scenario}"
        self.stats.scenarios[where] += 1
        conn = await self.connect()
        if conn is None:
            return
        try:
            pending = {}
            if scenario == "quiet-after-requests":
                pending = {i: r for i, r in enumerate(self.pick(self.rng.randint(1, 8)), start=1)}
                self.stats.sent += len(pending)
                await conn.send(b"".join(r.frame(i) for i, r in pending.items()))
            errors: list = []
            saved = self.answer_timeout
            self.answer_timeout = max(saved, self.args.idle_timeout * 3 + 10)
            try:
                outcome = await self.collect(conn, where, pending, conn_errors=errors, until_eof=True)
            finally:
                self.answer_timeout = saved
            self.expect_codes(where, errors, [UNAVAILABLE])
            self.expect_end(where, outcome)
        finally:
            conn.close()


async def run_actor(kind: str, actor: Actor, deadline: float) -> None:
    run = getattr(actor, kind)
    while time.monotonic() < deadline:
        before = collections.Counter(actor.stats.scenarios)
        started = time.monotonic()
        try:
            await run()
        except asyncio.CancelledError:
            now = [k for k, v in actor.stats.scenarios.items() if v != before.get(k, 0)]
            actor.stats.fail(f"{kind}: stuck in {now or kind} for {time.monotonic() - started:.0f} s, cancelled")
            raise
        except Exception as exc:  # noqa: BLE001 - a bug of the soak itself, reported, not hidden
            actor.stats.client_errors += 1
            actor.stats.fail(f"{kind}: soak client raised {exc!r}")
            actor.stats.scenarios[f"{kind}/client-error"] += 1
            await asyncio.sleep(0.1)


def actor_counts(clients: int, skip=()) -> Dict[str, int]:
    """Clients per kind by WEIGHTS, at least one of each (none of ``skip``)."""
    counts = {k: 0 if k in skip else max(1, int(clients * WEIGHTS[k])) for k in KINDS}
    while sum(counts.values()) < clients:
        counts["well"] += 1
    while sum(counts.values()) > clients and counts["well"] > 1:
        counts["well"] -= 1
    return counts


# --------------------------------------------------------------------------
# The server process and its resources
# --------------------------------------------------------------------------


def proc_alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("State:"):
                    return line.split()[1] not in ("Z", "X")
    except OSError:
        return False
    return False


def proc_figures(pid: int) -> Optional[Tuple[int, int]]:
    """(RSS in KiB, open fds), or None when the process is gone."""
    try:
        rss = None
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except (OSError, ValueError):
        return None
    return (rss, fds) if rss is not None else None


async def loop_lag(record: list) -> None:
    """Keeps in record[0] the longest the soak's own event loop was late
    (a stalled client could be rightly cut by the server's timeouts)."""
    while True:
        t = time.monotonic()
        await asyncio.sleep(0.05)
        record[0] = max(record[0], time.monotonic() - t - 0.05)


class Sampler:
    def __init__(self, pid: int):
        self.pid = pid
        self.peak_rss = 0
        self.peak_fds = 0
        self.samples = 0
        self.lost = False

    async def run(self, interval: float = 0.2) -> None:
        while True:
            fig = proc_figures(self.pid)
            if fig is None:
                self.lost = True
                return
            self.samples += 1
            self.peak_rss = max(self.peak_rss, fig[0])
            self.peak_fds = max(self.peak_fds, fig[1])
            await asyncio.sleep(interval)


def start_server(args) -> Tuple[subprocess.Popen, int, Path]:
    binary = Path(args.server_bin or kw.server_binary())
    if not binary.exists():
        raise SystemExit(f"soak: {binary} not found; build it or give --server-bin / KOSTRA_SERVER_BIN")
    log = Path(tempfile.mkstemp(prefix="kostra-soak-", suffix=".log")[1])
    flags = [
        "--frame-timeout", str(args.frame_timeout), "--idle-timeout", str(args.idle_timeout),
        "--max-frame-size", str(args.max_frame_size), "--max-in-flight", str(args.max_in_flight),
        "--log-level", "warning",
    ]
    for _ in range(3):
        port = kw.free_port(args.host)
        with open(log, "wb") as err:
            proc = subprocess.Popen([str(binary), "--host", args.host, "--port", str(port), *flags],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        try:
            kw.wait_for_port(args.host, port, proc, 60)
            return proc, port, log
        except Exception:  # noqa: BLE001 - the port may have been taken; retried
            if proc.poll() is None:
                proc.kill()
            proc.wait()
    raise SystemExit(f"soak: could not start {binary}:\n{log.read_text(errors='replace')[-2000:]}")


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


async def fetch_references(args, schema, refs: List[Ref]) -> None:
    """Each request twice on a quiet connection; the two answers must agree."""
    conn = await Conn.open(args.host, args.port, schema)
    try:
        for attempt in range(2):
            for i, ref in enumerate(refs, start=1):
                await conn.send(ref.frame(i))
                kind, env = await conn.read(args.answer_timeout)
                if kind != "frame" or env.id != i:
                    raise SystemExit(f"soak: no reference answer for {ref.name}: {kind} {env}")
                code, message, payload = code_of(env), env.status.message, env.payload
                if attempt == 0:
                    ref.code, ref.message, ref.payload = code, message, payload
                    ref.big = len(payload) > 16384
                elif (code, message, payload) != (ref.code, ref.message, ref.payload):
                    raise SystemExit(f"soak: the server answers {ref.name} differently twice on a quiet connection")
    finally:
        conn.close()
    expected_errors = {"misspelt-region": NOT_FOUND, "unknown-indicator": NOT_FOUND}
    for ref in refs:
        want = expected_errors.get(ref.name, OK)
        if ref.code != want:
            raise SystemExit(f"soak: reference {ref.name} is {CODE_NAMES.get(ref.code)} {ref.message!r}, expected {CODE_NAMES[want]}")


def spot_check(schema, refs: List[Ref]) -> Tuple[List[str], str]:
    """The reference answers hold the chapter's Bærum rows."""
    figures, source = chapter_figures()
    by_name = {r.name: r for r in refs}
    problems, checked = [], []
    for (indicator, region), want in figures.items():
        ref = by_name["series-gruppe" if indicator == GRUPPE else "series-netto"]
        resp = schema.GetSeriesResponse.FromString(ref.payload)
        rows = [s for s in resp.series if s.region_code == region]
        got = [o.value if o.HasField("value") else None for o in rows[0].observations] if rows else None
        if list(resp.years) != YEARS or got is None or any(g is None or abs(g - w) > 1e-9 for g, w in zip(got, want)):
            problems.append(f"{indicator} {region}: server {got}, chapter {want}")
        checked.append(f"{indicator} Bærum {want}")
    return problems, f"{'; '.join(checked)} (from {source})"


async def wait_actors(tasks, grace: float) -> int:
    """Waits for the actors to finish their last scenario; cancels those
    still running after ``grace`` seconds and returns how many."""
    done, still = await asyncio.wait(tasks, timeout=grace)
    for t in still:
        t.cancel()
    if still:
        await asyncio.wait(still)
    return len(still)


async def settle(pid: int, fds_target: int, seconds: float) -> Optional[Tuple[int, int]]:
    """Waits (up to ``seconds``) for the fds to come back to the target, then
    one more second, and returns the figures then."""
    limit = time.monotonic() + seconds
    fig = proc_figures(pid)
    while fig is not None and fig[1] > fds_target and time.monotonic() < limit:
        await asyncio.sleep(0.25)
        fig = proc_figures(pid)
    await asyncio.sleep(1.0)
    return proc_figures(pid)


async def soak(args) -> dict:
    schema = kw.load_schema()
    refs = build_refs(schema)
    await fetch_references(args, schema, refs)
    spot_problems, spot_text = spot_check(schema, refs)

    stats = Stats()
    rng = random.Random(args.seed)
    # Waiting out an attached server's long timeouts would not fit the run.
    skipped = []
    if args.idle_timeout * 2 > args.duration:
        skipped.append(f"idle clients (--idle-timeout {args.idle_timeout:g} s is more than half the run)")
    if args.frame_timeout * 2 > args.duration:
        skipped.append(f"slowloris (--frame-timeout {args.frame_timeout:g} s is more than half the run)")
    counts = actor_counts(args.clients, skip=["idle"] if skipped and skipped[0].startswith("idle") else [])
    if any(s.startswith("slowloris") for s in skipped):
        args.skip.append("slow/slowloris")
    skipped += [f"{name} (--skip)" for name in args.skip if not name.startswith("slow/slowloris")]

    def actors(deadline):
        return [
            asyncio.ensure_future(run_actor(kind, Actor(args, schema, refs, stats, random.Random(rng.random())), deadline))
            for kind, n in counts.items() for _ in range(n)
        ]

    grace = max(args.frame_timeout, args.idle_timeout) * 3 + args.answer_timeout + 10
    # Warm-up: the same mix, so that the server's pools and arenas are grown
    # before the start figures are taken.
    warm = actors(time.monotonic() + args.warmup)
    stuck = await wait_actors(warm, args.warmup + grace)
    start = await settle(args.pid, 10**9, 0)  # no client connected now
    if start is None:
        raise SystemExit("soak: the server died during the warm-up")

    sampler = Sampler(args.pid)
    sampling = asyncio.ensure_future(sampler.run())
    lag = [0.0]
    lagging = asyncio.ensure_future(loop_lag(lag))
    t0 = time.monotonic()
    main = actors(t0 + args.duration)
    stuck += await wait_actors(main, args.duration + grace)
    ran_for = time.monotonic() - t0
    end = await settle(args.pid, start[1] + args.fd_slack, args.settle)
    sampling.cancel()
    lagging.cancel()
    alive = end is not None and proc_alive(args.pid)

    rss_bound_kib = max(int(start[0] * args.rss_slack_percent / 100), args.rss_slack_mib * 1024)
    checks = {
        "every well-formed request answered right": stats.unanswered == 0 and stats.wrong == 0,
        "misbehaving clients answered as PROTOCOL.md says": stats.violations == 0,
        "every connection attempt accepted": stats.connect_failures == 0,
        "no actor stuck": stuck == 0,
        "the soak's own clients ran without errors": stats.client_errors == 0,
        "server alive at the end": alive,
        "chapter figures served": not spot_problems,
        f"fds end <= start + {args.fd_slack}": alive and end[1] <= start[1] + args.fd_slack,
        f"RSS end <= start + {rss_bound_kib // 1024} MiB": alive and end[0] <= start[0] + rss_bound_kib,
    }
    by_kind = collections.Counter()
    for name, n in stats.scenarios.items():
        by_kind[name.split("/")[0]] += n
    return {
        "duration_s": round(ran_for, 1),
        "warmup_s": args.warmup,
        "clients": counts,
        "server_flags": {"frame_timeout": args.frame_timeout, "idle_timeout": args.idle_timeout,
                         "max_frame_size": args.max_frame_size, "max_in_flight": args.max_in_flight},
        "requests": {"sent": stats.sent, "answered_right": stats.right, "shed_resource_exhausted": stats.shed,
                     "wrong": stats.wrong, "unanswered": stats.unanswered, "abandoned_by_client": stats.abandoned,
                     "excused_slow_client": stats.excused},
        "scenarios_by_kind": dict(sorted(by_kind.items())),
        "scenarios": dict(sorted(stats.scenarios.items())),
        "errors_by_status": dict(sorted(stats.statuses.items())),
        "violations": stats.violations,
        "connect_failures": stats.connect_failures,
        "stuck_actors": stuck,
        "spot_check": spot_text,
        "skipped": skipped,
        "spot_check_problems": spot_problems,
        "rss_kib": {"start": start[0], "peak": max(sampler.peak_rss, start[0]), "end": end[0] if end else None,
                    "bound": start[0] + rss_bound_kib},
        "fds": {"start": start[1], "peak": max(sampler.peak_fds, start[1]), "end": end[1] if end else None,
                "bound": start[1] + args.fd_slack},
        "samples": sampler.samples,
        "client_loop_max_lag_s": round(lag[0], 3),
        "checks": checks,
        "failures": stats.failures,
        "passed": all(checks.values()),
    }


def print_table(r: dict) -> None:
    req, rss, fds = r["requests"], r["rss_kib"], r["fds"]
    mib = lambda k: "—" if k is None else f"{k / 1024:.1f} MiB"  # noqa: E731
    print(f"kostra soak: {r['duration_s']} s (+{r['warmup_s']} s warm-up), "
          f"{sum(r['clients'].values())} clients {r['clients']}, server {r['server_flags']}")
    print()
    print(f"  {'requests sent (well-formed, answer awaited)':<46}{req['sent']:>10}")
    print(f"  {'  answered right':<46}{req['answered_right']:>10}")
    print(f"  {'  shed with RESOURCE_EXHAUSTED (flood, allowed)':<46}{req['shed_resource_exhausted']:>10}")
    print(f"  {'  wrong':<46}{req['wrong']:>10}")
    print(f"  {'  unanswered':<46}{req['unanswered']:>10}")
    print(f"  {'abandoned by clients that hung up':<46}{req['abandoned_by_client']:>10}")
    print(f"  {'byte-at-a-time, client too slow (not counted)':<46}{req['excused_slow_client']:>10}")
    print(f"  {'misbehaviour answered otherwise than spec':<46}{r['violations']:>10}")
    print()
    print("  scenarios run, by actor kind:")
    for kind, n in r["scenarios_by_kind"].items():
        detail = ", ".join(f"{k.split('/', 1)[1]} {v}" for k, v in r["scenarios"].items() if k.startswith(kind + "/"))
        print(f"    {kind:<9}{n:>7}   {detail}")
    print("  non-OK answers by status:")
    for name, n in r["errors_by_status"].items():
        print(f"    {name:<22}{n:>9}")
    print()
    print(f"  {'':<10}{'start':>12}{'peak':>12}{'end':>12}{'bound':>12}")
    print(f"  {'RSS':<10}{mib(rss['start']):>12}{mib(rss['peak']):>12}{mib(rss['end']):>12}{mib(rss['bound']):>12}")
    print(f"  {'fds':<10}{fds['start']:>12}{fds['peak']:>12}{str(fds['end']):>12}{fds['bound']:>12}")
    print()
    print(f"  soak's own event loop was late by at most {r['client_loop_max_lag_s']} s")
    print(f"  spot check: {r['spot_check']}")
    for s in r["skipped"]:
        print(f"  skipped: {s}")
    for name, ok in r["checks"].items():
        print(f"  [{'ok' if ok else 'FAIL'}] {name}")
    if r["failures"]:
        print("  first failures:")
        for f in r["failures"]:
            print(f"    - {f}")
    print("PASS" if r["passed"] else "FAIL")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.split("\n\n", 2)[2],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--server-bin", help="kostra-server to start (default $KOSTRA_SERVER_BIN, else .build/debug)")
    p.add_argument("--pid", type=int, help="attach to this running server instead (with --port)")
    p.add_argument("--port", type=int, help="the attached server's port")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--duration", type=float, default=60, help="seconds of soak after the warm-up (default 60)")
    p.add_argument("--warmup", type=float, default=5, help="seconds of the same mix before the start figures (default 5)")
    p.add_argument("--clients", type=int, default=48, help="concurrent actors (default 48)")
    p.add_argument("--seed", type=int, default=None, help="seed for the choices (default: random, printed)")
    p.add_argument("--frame-timeout", type=float, default=2.0, help="server --frame-timeout (when attaching: the server's)")
    p.add_argument("--idle-timeout", type=float, default=3.0, help="server --idle-timeout (when attaching: the server's)")
    p.add_argument("--max-frame-size", type=int, default=65536, help="server --max-frame-size (when attaching: the server's)")
    p.add_argument("--max-in-flight", type=int, default=64,
                   help="server --max-in-flight (when attaching: the server's); the server's default, 1024, "
                        "exposes the bugs in docs/soak.md")
    p.add_argument("--bulk", type=int, default=1024, help="requests with big answers the bulk reader pipelines (at most --max-in-flight)")
    p.add_argument("--skip", action="append", default=[], metavar="KIND/SCENARIO",
                   help="leave a scenario out, e.g. slow/bulk-reader (repeatable)")
    p.add_argument("--answer-timeout", type=float, default=30.0, help="seconds to wait for an answer before calling it lost")
    p.add_argument("--settle", type=float, default=10.0, help="seconds to wait at the end for connections to close")
    p.add_argument("--fd-slack", type=int, default=2, help="fds the end may exceed the start by (default 2)")
    p.add_argument("--rss-slack-percent", type=float, default=50.0, help="RSS growth allowed, percent of start (default 50)")
    p.add_argument("--rss-slack-mib", type=int, default=32, help="RSS growth allowed at least, MiB (default 32)")
    p.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    args = p.parse_args(argv)
    if (args.pid is None) != (args.port is None):
        p.error("--pid and --port go together")
    if args.seed is None:
        args.seed = random.randrange(2**31)
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    proc = log = None
    if args.pid is None:
        proc, args.port, log = start_server(args)
        args.pid = proc.pid
    exit_code = None
    try:
        result = asyncio.run(soak(args))
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        if log:
            print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
        if proc and proc.poll() is None:
            proc.kill()
            proc.wait()
        return 2
    if proc is not None:  # our server: it must drain and exit 0 (PROTOCOL.md section 7)
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            exit_code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            exit_code = proc.wait()
            result["failures"].append("server did not exit within 30 s of SIGTERM")
        result["checks"]["server exits 0 on SIGTERM"] = exit_code == 0
        result["passed"] = all(result["checks"].values())
        result["server_exit"] = exit_code
        result["server_stderr_tail"] = log.read_text(errors="replace")[-2000:]
        log.unlink()
    result["seed"] = args.seed
    result["pid"] = args.pid
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print_table(result)
        print(f"(seed {args.seed}; rerun with --seed {args.seed} for the same choices)")
        if result.get("server_stderr_tail") and not result["passed"]:
            print("server stderr (tail):\n" + result["server_stderr_tail"])
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
