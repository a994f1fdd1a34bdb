"""What the client does on the wire, against a scripted fake server (so
that answers can come out of order, late, never, or with any status)."""

from __future__ import annotations

import asyncio
import threading

import pytest

import kostra
from conftest import answer


def health(version: str) -> bytes:
    return kostra.HealthCheckResponse(status=1, server_version=version).SerializeToString()


def test_answers_out_of_order_are_matched_by_id(fake_server):
    """The fake reads three requests, then answers the last first; each
    caller still gets its own answer."""

    def handler(conn, read):
        envs = [read() for _ in range(3)]
        for env in reversed(envs):
            tag = kostra.HealthCheckRequest.FromString(env.payload).service
            answer(conn, env.id, health(tag))
        read()

    srv = fake_server(handler)

    async def run():
        async with kostra.AsyncClient("127.0.0.1", srv.port, pool_size=1) as c:
            return await asyncio.gather(*[c.check(service=s) for s in ("a", "b", "c")])

    assert [r.server_version for r in asyncio.run(run())] == ["a", "b", "c"]
    ids = [e.id for e in srv.received]
    assert len(set(ids)) == 3 and 0 not in ids


def test_envelope_fields_on_the_wire(fake_server):
    def handler(conn, read):
        env = read()
        answer(conn, env.id, health("x"))
        read()

    srv = fake_server(handler)
    with kostra.Client("127.0.0.1", srv.port, timeout=2.5, token="s3cret") as c:
        c.check(metadata=[("x-trace", "Åse")])
    env = srv.received[0]
    assert env.method == "/kostra.v1.Kostra/Check"
    assert env.protocol_version == 1
    assert env.timeout_ms == 2500
    assert [(m.key, m.value) for m in env.metadata] == [("x-trace", "Åse"), ("authorization", "Bearer s3cret")]


def test_no_timeout_sends_zero(fake_server):
    def handler(conn, read):
        env = read()
        answer(conn, env.id, health("x"))
        read()

    srv = fake_server(handler)
    with kostra.Client("127.0.0.1", srv.port, timeout=None) as c:
        c.check()
    assert srv.received[0].timeout_ms == 0


def test_local_deadline_when_the_server_never_answers(fake_server):
    release = threading.Event()

    def handler(conn, read):
        read()
        release.wait(30)

    srv = fake_server(handler)
    try:
        with kostra.Client("127.0.0.1", srv.port) as c:
            with pytest.raises(kostra.DeadlineExceeded) as info:
                c.check(timeout=0.05)
        assert info.value.local and info.value.code == 4
        assert srv.received[0].timeout_ms == 50
    finally:
        release.set()


def test_server_deadline_exceeded_is_typed(fake_server):
    def handler(conn, read):
        env = read()
        answer(conn, env.id, code=4, message="deadline of 50 ms passed")
        read()

    srv = fake_server(handler)
    with kostra.Client("127.0.0.1", srv.port) as c:
        with pytest.raises(kostra.DeadlineExceeded) as info:
            c.check(timeout=0.05)
    assert not info.value.local and info.value.message == "deadline of 50 ms passed"


@pytest.mark.parametrize("code,cls", sorted(kostra.errors.ERRORS_BY_CODE.items()))
def test_each_code_raises_its_class(fake_server, code, cls):
    detail = kostra.ErrorDetail(field="regions[0]", reason="r", available=["3201"], suggestions=["Bærum"])

    def handler(conn, read):
        env = read()
        answer(conn, env.id, code=code, message=f"code {code}", details=[detail])
        read()

    srv = fake_server(handler)
    with kostra.Client("127.0.0.1", srv.port) as c:
        with pytest.raises(cls) as info:
            c.get_series(indicator_id="x")
    e = info.value
    assert type(e) is cls and e.code == code and e.message == f"code {code}"
    assert e.field == "regions[0]" and e.available == ["3201"] and e.suggestions == ["Bærum"]


def test_a_code_this_schema_does_not_know(fake_server):
    def handler(conn, read):
        env = read()
        answer(conn, env.id, code=42, message="from a newer server")
        read()

    srv = fake_server(handler)
    with kostra.Client("127.0.0.1", srv.port) as c:
        with pytest.raises(kostra.KostraError) as info:
            c.check()
    assert type(info.value) is kostra.KostraError
    assert info.value.code == 42 and info.value.code_name == "CODE_42"


def test_connection_closed_with_requests_pending_is_unavailable(fake_server):
    def handler(conn, read):
        read()
        read()  # two requests read, none answered: close

    srv = fake_server(handler)

    async def run():
        async with kostra.AsyncClient("127.0.0.1", srv.port, pool_size=1) as c:
            return await asyncio.gather(c.check(), c.check(), return_exceptions=True)

    results = asyncio.run(run())
    assert all(isinstance(r, kostra.Unavailable) and r.local for r in results)


def test_an_id_0_error_before_the_close_is_what_pending_requests_get(fake_server):
    """PROTOCOL.md section 6: a connection-level error has id 0 and the
    server closes; the requests still in flight fail with its code."""

    def handler(conn, read):
        read()
        answer(conn, 0, code=8, message="too many connections")

    srv = fake_server(handler)
    with kostra.Client("127.0.0.1", srv.port) as c:
        with pytest.raises(kostra.ResourceExhausted) as info:
            c.check()
    assert "too many connections" in info.value.message


def test_a_broken_frame_from_the_server_is_internal(fake_server):
    def handler(conn, read):
        read()
        conn.sendall(b"\x01\x00\x00\x00\x00")  # flag byte 1

    srv = fake_server(handler)
    with kostra.Client("127.0.0.1", srv.port) as c:
        with pytest.raises(kostra.Internal):
            c.check()


def test_a_late_answer_after_a_local_deadline_is_dropped(fake_server):
    """The first request times out locally; its late answer must not be
    taken for the second request's."""
    second = threading.Event()

    def handler(conn, read):
        first = read()
        nxt = read()
        second.set()
        answer(conn, first.id, health("late"))
        answer(conn, nxt.id, health("second"))
        read()

    srv = fake_server(handler)

    async def run():
        async with kostra.AsyncClient("127.0.0.1", srv.port, pool_size=1) as c:
            with pytest.raises(kostra.DeadlineExceeded):
                await c.check(timeout=0.01)
            return await c.check()

    assert asyncio.run(run()).server_version == "second"
