"""pytest setup for the kostra client's tests: the package from this tree
(clients/python/src), a live kostra-server
($KOSTRA_SERVER_BIN, else .build/debug/kostra-server) per module, and a
small fake server for what a real one cannot be made to do on cue."""

from __future__ import annotations

import socket
import struct
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SRC = REPO / "clients" / "python" / "src"

# This tree's package, whatever else is installed (test_packaging.py checks
# that pip installs it).
sys.path.insert(0, str(SRC))
import kostra  # noqa: E402

# Tests/python's kostra_wire starts and stops the server; Tests/conformance
# reads the vectors.
sys.path.insert(0, str(REPO / "Tests" / "python"))
sys.path.insert(0, str(REPO / "Tests" / "conformance"))
import kostra_wire  # noqa: E402


def pytest_report_header(config):
    return f"kostra client from {Path(kostra.__file__).parent}"


@pytest.fixture(scope="module")
def server():
    with kostra_wire.running_server() as srv:
        yield srv


@pytest.fixture
def client(server):
    with kostra.Client(server.host, server.port) as c:
        yield c


class FakeServer:
    """A listening socket on 127.0.0.1 whose behaviour a test scripts:
    ``handler(conn, read_envelope)`` runs on a thread per connection, where
    ``read_envelope()`` returns the next RequestEnvelope (or None at EOF)."""

    def __init__(self, handler):
        self.handler = handler
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.received = []  # every RequestEnvelope read
        self.threads = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            t = threading.Thread(target=self._run, args=(conn,), daemon=True)
            self.threads.append(t)
            t.start()

    def _run(self, conn):
        buf = bytearray()

        def read_envelope():
            while True:
                if len(buf) >= 5:
                    n = struct.unpack(">I", buf[1:5])[0]
                    if len(buf) >= 5 + n:
                        env = kostra.RequestEnvelope.FromString(bytes(buf[5 : 5 + n]))
                        del buf[: 5 + n]
                        self.received.append(env)
                        return env
                chunk = conn.recv(65536)
                if not chunk:
                    return None
                buf.extend(chunk)

        try:
            self.handler(conn, read_envelope)
        finally:
            conn.close()

    def close(self):
        self.sock.close()
        for t in self.threads:
            t.join(timeout=10)


def answer(conn, request_id, payload=b"", code=0, message="", details=()):
    """Writes one ResponseEnvelope frame."""
    env = kostra.ResponseEnvelope(id=request_id, payload=payload, protocol_version=1)
    env.status.SetInParent()
    env.status.code = code
    env.status.message = message
    env.status.details.extend(details)
    data = env.SerializeToString()
    conn.sendall(struct.pack(">BI", 0, len(data)) + data)


@pytest.fixture
def fake_server():
    servers = []

    def make(handler):
        s = FakeServer(handler)
        servers.append(s)
        return s

    yield make
    for s in servers:
        s.close()
