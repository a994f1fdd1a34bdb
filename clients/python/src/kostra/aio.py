"""The asyncio client: a pool of connections, each carrying many requests
at once.

    async with kostra.AsyncClient("127.0.0.1", 7878) as client:
        health = await client.check()
        series = await client.get_series(
            indicator_id="grunnskole.gruppestorrelse_2", regions=["Bærum"], from_year=2024, to_year=2024)

What it does (PROTOCOL.md is the reference):

* A request is one frame holding a ``RequestEnvelope`` with a fresh id; the
  answer is matched to it by id, never by order, so any number of requests
  may be in flight on one connection (section 4).
* Deadlines: ``timeout`` (seconds) goes to the server as ``timeout_ms``; the
  client also stops waiting ``DEADLINE_GRACE`` seconds after it, so that the
  server's own ``DEADLINE_EXCEEDED`` normally arrives first, and raises
  ``DeadlineExceeded`` (``local`` = True) if it does not.
* Errors: a status other than OK raises the exception of its code
  (``kostra.errors``). A connection that ends with requests unanswered fails
  them with ``Unavailable`` (section 7): the server never read them.
* The pool opens up to ``pool_size`` connections as they are needed, gives a
  request to the open connection with the fewest in flight, and replaces
  connections that closed (after an idle timeout or a server restart).
* TLS (``ssl`` = True or an ``ssl.SSLContext``) and a token (sent as
  ``authorization: Bearer <token>``, section 5).
"""

from __future__ import annotations

import asyncio
import itertools
import math
import ssl as _ssl
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from google.protobuf.message import DecodeError, Message

from . import errors
from ._frames import DEFAULT_MAX_FRAME_SIZE, HEADER_SIZE, FrameError, encode_frame, parse_header
from .methods import METHODS, PROTOCOL_VERSION, Method, method as find_method
from .v1 import analysis_pb2, envelope_pb2, kostra_pb2, series_pb2

#: Seconds the client waits beyond a request's deadline for the server's answer.
DEADLINE_GRACE = 0.5

Metadata = Iterable[Tuple[str, str]]
SSLArg = Union[None, bool, _ssl.SSLContext]


def _ssl_context(ssl: SSLArg) -> Optional[_ssl.SSLContext]:
    if ssl is None or ssl is False:
        return None
    if ssl is True:
        return _ssl.create_default_context()
    return ssl


class Connection:
    """One connection: writes request frames, and a reader task that hands
    each answer to the request with its id."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, max_frame_size: int):
        self._reader = reader
        self._writer = writer
        self._max_frame_size = max_frame_size
        self._ids = itertools.count(1)
        self._pending: Dict[int, asyncio.Future] = {}
        self._closed_error: Optional[errors.KostraError] = None
        self._reader_task = asyncio.get_running_loop().create_task(self._read_loop())

    @classmethod
    async def open(
        cls,
        host: str,
        port: int,
        *,
        ssl: SSLArg = None,
        server_hostname: Optional[str] = None,
        connect_timeout: float = 10.0,
        max_frame_size: int = DEFAULT_MAX_FRAME_SIZE,
    ) -> "Connection":
        """Connects (and does the TLS handshake when ``ssl`` is given);
        raises ``Unavailable`` when the server cannot be reached."""
        context = _ssl_context(ssl)
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(
                    host, port, ssl=context,
                    server_hostname=(server_hostname or host) if context else None,
                    limit=max_frame_size + HEADER_SIZE,
                ),
                connect_timeout,
            )
        except (OSError, asyncio.TimeoutError) as exc:
            raise errors.Unavailable(f"cannot connect to {host}:{port}: {exc or 'timed out'}", local=True) from exc
        return cls(reader, writer, max_frame_size)

    @property
    def in_flight(self) -> int:
        """Requests sent and not yet answered."""
        return len(self._pending)

    @property
    def closed(self) -> bool:
        return self._closed_error is not None

    async def _read_loop(self) -> None:
        reason: errors.KostraError = errors.Unavailable("connection closed by the server", local=True)
        try:
            while True:
                header = await self._reader.readexactly(HEADER_SIZE)
                length = parse_header(header, self._max_frame_size)
                payload = await self._reader.readexactly(length)
                envelope = envelope_pb2.ResponseEnvelope.FromString(payload)
                if envelope.id == 0:
                    # An error of the connection (PROTOCOL.md section 6): keep
                    # it as the reason for what is still pending if the
                    # server closes now.
                    if envelope.status.code != 0:
                        reason = errors.error_from_status(envelope.status)
                    continue
                future = self._pending.pop(envelope.id, None)
                if future is not None and not future.done():
                    future.set_result(envelope)
        except asyncio.IncompleteReadError as exc:
            if exc.partial:
                reason = errors.Unavailable("connection closed inside a frame", local=True)
        except (FrameError, DecodeError) as exc:
            reason = errors.Internal(f"the server broke the protocol: {exc}", local=True)
        except (OSError, _ssl.SSLError) as exc:
            reason = errors.Unavailable(f"connection failed: {exc}", local=True)
        except asyncio.CancelledError:
            reason = errors.Cancelled("connection closed by the client", local=True)
        finally:
            self._fail_all(reason)
            self._writer.close()

    def _fail_all(self, error: errors.KostraError) -> None:
        if self._closed_error is None:
            self._closed_error = error
        pending, self._pending = self._pending, {}
        for request_id, future in pending.items():
            if not future.done():
                future.set_exception(errors.error_for(error.code, error.message, request_id=request_id, local=True))

    async def call_envelope(
        self,
        path: str,
        payload: bytes,
        *,
        timeout: Optional[float],
        metadata: Metadata = (),
        protocol_version: int = PROTOCOL_VERSION,
    ) -> envelope_pb2.ResponseEnvelope:
        """Sends one request and waits for its ResponseEnvelope, whatever its
        status. Raises ``DeadlineExceeded`` (local) when no answer comes in
        time, ``Unavailable`` when the connection ends first."""
        if self._closed_error is not None:
            raise errors.error_for(self._closed_error.code, self._closed_error.message, local=True)
        request_id = next(self._ids)
        envelope = envelope_pb2.RequestEnvelope(
            id=request_id,
            method=path,
            timeout_ms=0 if timeout is None else max(1, math.ceil(timeout * 1000)),
            payload=payload,
            protocol_version=protocol_version,
        )
        for key, value in metadata:
            envelope.metadata.add(key=key, value=value)
        frame = encode_frame(envelope.SerializeToString())
        if len(frame) - HEADER_SIZE > self._max_frame_size:
            raise errors.ResourceExhausted(
                f"request of {len(frame) - HEADER_SIZE} bytes is above the frame limit of {self._max_frame_size}",
                local=True, method=path,
            )
        future = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        try:
            self._writer.write(frame)
            await self._writer.drain()
            wait = None if timeout is None else timeout + DEADLINE_GRACE
            return await asyncio.wait_for(asyncio.shield(future), wait)
        except asyncio.TimeoutError:
            raise errors.DeadlineExceeded(
                f"no answer within {timeout} s (+{DEADLINE_GRACE} s grace)", method=path, request_id=request_id, local=True
            ) from None
        except (OSError, _ssl.SSLError) as exc:
            raise errors.Unavailable(f"cannot send: {exc}", method=path, request_id=request_id, local=True) from exc
        finally:
            # A late answer to a request given up on is dropped by the reader.
            self._pending.pop(request_id, None)

    async def close(self) -> None:
        """Closes the connection; requests in flight fail with ``Cancelled``."""
        self._reader_task.cancel()
        try:
            await self._reader_task
        except asyncio.CancelledError:
            pass
        try:
            await self._writer.wait_closed()
        except (OSError, _ssl.SSLError):
            pass


class AsyncClient:
    """A client for one server: a pool of up to ``pool_size`` connections,
    opened as needed. Use as an async context manager, or call ``close()``.

    ``timeout`` is the default deadline in seconds of every call (``None``:
    the server's default, 30 s, and no local limit). ``token`` is sent as
    ``authorization: Bearer <token>``. ``ssl``: True for TLS with the
    system's trust store, or an ``ssl.SSLContext`` (to trust a private CA).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 7878,
        *,
        pool_size: int = 2,
        timeout: Optional[float] = 30.0,
        token: Optional[str] = None,
        ssl: SSLArg = None,
        server_hostname: Optional[str] = None,
        connect_timeout: float = 10.0,
        max_frame_size: int = DEFAULT_MAX_FRAME_SIZE,
    ):
        if pool_size < 1:
            raise ValueError("pool_size must be at least 1")
        self.host, self.port = host, port
        self.pool_size = pool_size
        self.timeout = timeout
        self.token = token
        self._ssl = ssl
        self._server_hostname = server_hostname
        self._connect_timeout = connect_timeout
        self._max_frame_size = max_frame_size
        self._connections: List[Connection] = []
        self._opening = asyncio.Lock()
        self._closed = False

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        """Closes every connection of the pool."""
        self._closed = True
        connections, self._connections = self._connections, []
        for c in connections:
            await c.close()

    @property
    def connections(self) -> Sequence[Connection]:
        """The pool's open connections."""
        return tuple(c for c in self._connections if not c.closed)

    async def _connection(self) -> Connection:
        if self._closed:
            raise errors.Cancelled("the client is closed", local=True)
        self._connections = [c for c in self._connections if not c.closed]
        idle = [c for c in self._connections if c.in_flight == 0]
        if idle:
            return idle[0]
        if len(self._connections) >= self.pool_size:
            return min(self._connections, key=lambda c: c.in_flight)
        async with self._opening:
            self._connections = [c for c in self._connections if not c.closed]
            if len(self._connections) < self.pool_size:
                c = await Connection.open(
                    self.host, self.port, ssl=self._ssl, server_hostname=self._server_hostname,
                    connect_timeout=self._connect_timeout, max_frame_size=self._max_frame_size,
                )
                self._connections.append(c)
                return c
        return min(self._connections, key=lambda c: c.in_flight)

    def _metadata(self, metadata: Optional[Metadata]) -> List[Tuple[str, str]]:
        out = list(metadata or ())
        if self.token is not None and not any(k == "authorization" for k, _ in out):
            out.append(("authorization", f"Bearer {self.token}"))
        return out

    _DEFAULT = object()

    async def call_envelope(
        self,
        path: str,
        payload: bytes = b"",
        *,
        timeout=_DEFAULT,
        metadata: Optional[Metadata] = None,
        protocol_version: int = PROTOCOL_VERSION,
    ) -> envelope_pb2.ResponseEnvelope:
        """The lowest level: sends ``payload`` to ``path`` and returns the
        ResponseEnvelope as it came, error statuses included."""
        connection = await self._connection()
        return await connection.call_envelope(
            path, payload,
            timeout=self.timeout if timeout is AsyncClient._DEFAULT else timeout,
            metadata=self._metadata(metadata),
            protocol_version=protocol_version,
        )

    async def call(
        self,
        name: str,
        request: Optional[Message] = None,
        /,
        *,
        timeout=_DEFAULT,
        metadata: Optional[Metadata] = None,
        **fields,
    ) -> Message:
        """Calls the method ``name`` ("GetSeries", "get_series" or its path)
        with ``request`` (or a request built from ``fields``); returns the
        decoded response, or raises the error of the status code."""
        m = find_method(name)
        return await self._unary(m, request, fields, timeout=timeout, metadata=metadata)

    async def _unary(self, m: Method, request, fields, *, timeout, metadata) -> Message:
        if request is None:
            request = m.request_type(**fields)
        elif fields:
            raise TypeError("give a request message or fields, not both")
        envelope = await self.call_envelope(
            m.path, request.SerializeToString(), timeout=timeout, metadata=metadata
        )
        if envelope.HasField("status") and envelope.status.code != 0:
            raise errors.error_from_status(envelope.status, method=m.path, request_id=envelope.id)
        try:
            return m.response_type.FromString(envelope.payload)
        except DecodeError as exc:
            raise errors.Internal(f"answer to {m.name} is not a {m.response_type.DESCRIPTOR.full_name}: {exc}",
                                  method=m.path, local=True) from exc

    # ---- one method per server method (Protos/kostra/v1/kostra.proto) ----
    # Each takes the request message, or its fields as keyword arguments,
    # and the keyword options ``timeout`` (seconds) and ``metadata``.

    async def check(self, request=None, /, **kw) -> kostra_pb2.HealthCheckResponse:
        """``Check``: whether the server is serving, its version, data and years."""
        return await self._call("Check", request, kw)

    async def get_schema(self, request=None, /, **kw) -> kostra_pb2.GetSchemaResponse:
        """``GetSchema``: the server's schema as an encoded FileDescriptorSet."""
        return await self._call("GetSchema", request, kw)

    async def list_indicators(self, request=None, /, **kw) -> kostra_pb2.ListIndicatorsResponse:
        """``ListIndicators``: the indicators (``service`` narrows them)."""
        return await self._call("ListIndicators", request, kw)

    async def list_regions(self, request=None, /, **kw) -> kostra_pb2.ListRegionsResponse:
        """``ListRegions``: the regions (``kind`` narrows them)."""
        return await self._call("ListRegions", request, kw)

    async def get_series(self, request=None, /, **kw) -> series_pb2.GetSeriesResponse:
        """``GetSeries``: one indicator for regions over years
        (``indicator_id``, ``regions``, ``from_year``, ``to_year``)."""
        return await self._call("GetSeries", request, kw)

    async def get_profile(self, request=None, /, **kw) -> analysis_pb2.GetProfileResponse:
        """``GetProfile``: a region's indicators indexed to a reference = 100."""
        return await self._call("GetProfile", request, kw)

    async def compare(self, request=None, /, **kw) -> analysis_pb2.CompareResponse:
        """``Compare``: a region against others over years (differences, changes, ranks)."""
        return await self._call("Compare", request, kw)

    async def get_group_average(self, request=None, /, **kw) -> analysis_pb2.GetGroupAverageResponse:
        """``GetGroupAverage``: a group average from its members, beside the published one."""
        return await self._call("GetGroupAverage", request, kw)

    async def get_production_index(self, request=None, /, **kw) -> analysis_pb2.ProductionIndexResponse:
        """``GetProductionIndex`` (``region``, ``year``)."""
        return await self._call("GetProductionIndex", request, kw)

    async def get_production_change(self, request=None, /, **kw) -> analysis_pb2.ProductionChangeResponse:
        """``GetProductionChange`` (``region``, ``year``)."""
        return await self._call("GetProductionChange", request, kw)

    async def get_efficiency(self, request=None, /, **kw) -> analysis_pb2.EfficiencyResponse:
        """``GetEfficiency``: production index over expenditure index (``region``, ``year``)."""
        return await self._call("GetEfficiency", request, kw)

    async def get_resource_use(self, request=None, /, **kw) -> analysis_pb2.ResourceUseResponse:
        """``GetResourceUse``: the ressursbruksindikator (``region``, ``year``)."""
        return await self._call("GetResourceUse", request, kw)

    async def get_teacher_norm(self, request=None, /, **kw) -> analysis_pb2.TeacherNormResponse:
        """``GetTeacherNorm``: group size 2 against the legal norm (``region``, ``year``)."""
        return await self._call("GetTeacherNorm", request, kw)

    async def get_statements(self, request=None, /, **kw) -> analysis_pb2.StatementsResponse:
        """``GetStatements``: the chapter's statements as data (``region``, ``year``)."""
        return await self._call("GetStatements", request, kw)

    async def reload(self, request=None, /, **kw) -> kostra_pb2.ReloadResponse:
        """``Reload``: the server loads the newest version of its data directory.
        Needs the token (the client's ``token``)."""
        return await self._call("Reload", request, kw)

    async def _call(self, name: str, request, kw: dict) -> Message:
        timeout = kw.pop("timeout", AsyncClient._DEFAULT)
        metadata = kw.pop("metadata", None)
        return await self._unary(METHODS[name], request, kw, timeout=timeout, metadata=metadata)
