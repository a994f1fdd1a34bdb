"""A server that drains (SIGTERM, PROTOCOL.md section 7) gives the client
Unavailable, whichever way it says so: an UNAVAILABLE answer on the open
connection, end of stream there, an id-0 UNAVAILABLE frame on a new
connection, or a refused connection. All are safe to retry elsewhere."""

from __future__ import annotations

import signal
import socket
import time

import pytest

import kostra
import kostra_wire
from kostra._frames import encode_frame


def draining(host: str, port: int) -> bool:
    """True once a Check on a new connection is no longer served: refused,
    closed, or answered UNAVAILABLE (on its id or on id 0)."""
    env = kostra.RequestEnvelope(id=1, method="/kostra.v1.Kostra/Check", protocol_version=1)
    try:
        with socket.create_connection((host, port), timeout=10) as s:
            s.sendall(encode_frame(env.SerializeToString()))
            buf = b""
            while len(buf) < 5 or len(buf) < 5 + int.from_bytes(buf[1:5], "big"):
                chunk = s.recv(65536)
                if not chunk:
                    return True
                buf += chunk
    except OSError:
        return True
    answer = kostra.ResponseEnvelope.FromString(buf[5:])
    return answer.status.code == kostra.Code.UNAVAILABLE


def test_a_draining_server_is_unavailable():
    with kostra_wire.running_server() as srv:
        with kostra.Client(srv.host, srv.port, pool_size=1) as c:
            assert c.check().status == 1  # a connection is open
            assert not draining(srv.host, srv.port)
            srv.proc.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 30
            while not draining(srv.host, srv.port):  # until the signal is handled
                assert time.monotonic() < deadline, "still serving 30 s after SIGTERM"
                time.sleep(0.05)
            with pytest.raises(kostra.Unavailable) as info:
                c.get_series(indicator_id="grunnskole.gruppestorrelse_2", regions=["Bærum"])
            assert info.value.code == 14
