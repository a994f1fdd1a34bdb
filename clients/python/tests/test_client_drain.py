"""A server that drains (SIGTERM, PROTOCOL.md section 7) gives the client
Unavailable: either its UNAVAILABLE answer, or, once it has closed, the
refused connection. Both are safe to retry elsewhere."""

from __future__ import annotations

import signal
import socket
import time

import pytest

import kostra
import kostra_wire


def accepts(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def test_a_draining_server_is_unavailable():
    with kostra_wire.running_server() as srv:
        with kostra.Client(srv.host, srv.port, pool_size=1) as c:
            assert c.check().status == 1  # a connection is open
            srv.proc.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 30
            while accepts(srv.host, srv.port):  # the signal is handled once new connections are refused
                assert time.monotonic() < deadline, "the server still accepts 30 s after SIGTERM"
                time.sleep(0.05)
            with pytest.raises(kostra.Unavailable) as info:
                c.get_series(indicator_id="grunnskole.gruppestorrelse_2", regions=["Bærum"])
            assert info.value.code == 14
