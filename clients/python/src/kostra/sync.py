"""The blocking client: ``AsyncClient`` on an event loop in a thread of its
own, so that plain code (and several threads at once) can call it.

    with kostra.Client("127.0.0.1", 7878) as client:
        print(client.check().server_version)

Every method of ``AsyncClient`` is here with the same arguments, blocking
until the answer. Calls from many threads share the pool and are in flight
together.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Coroutine, Optional, TypeVar

from google.protobuf.message import Message

from .aio import AsyncClient
from .v1 import analysis_pb2, envelope_pb2, kostra_pb2, series_pb2

T = TypeVar("T")


class Client:
    """A blocking client; takes the arguments of ``AsyncClient``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 7878, **options: Any):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kostra-client", daemon=True)
        self._thread.start()
        self._async = self._run(self._make(host, port, options))

    @staticmethod
    async def _make(host: str, port: int, options: dict) -> AsyncClient:
        return AsyncClient(host, port, **options)

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        if not self._thread.is_alive():
            coro.close()
            raise RuntimeError("the client is closed")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    @property
    def aio(self) -> AsyncClient:
        """The AsyncClient underneath (its coroutines run on this client's loop)."""
        return self._async

    def close(self) -> None:
        """Closes the connections and stops the client's thread."""
        if not self._thread.is_alive():
            return
        self._run(self._async.close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def call_envelope(self, path: str, payload: bytes = b"", **kw: Any) -> envelope_pb2.ResponseEnvelope:
        """See ``AsyncClient.call_envelope``."""
        return self._run(self._async.call_envelope(path, payload, **kw))

    def call(self, name: str, request: Optional[Message] = None, /, **kw: Any) -> Message:
        """See ``AsyncClient.call``."""
        return self._run(self._async.call(name, request, **kw))

    def check(self, request=None, /, **kw) -> kostra_pb2.HealthCheckResponse:
        """See ``AsyncClient.check``."""
        return self._run(self._async.check(request, **kw))

    def get_schema(self, request=None, /, **kw) -> kostra_pb2.GetSchemaResponse:
        """See ``AsyncClient.get_schema``."""
        return self._run(self._async.get_schema(request, **kw))

    def list_indicators(self, request=None, /, **kw) -> kostra_pb2.ListIndicatorsResponse:
        """See ``AsyncClient.list_indicators``."""
        return self._run(self._async.list_indicators(request, **kw))

    def list_regions(self, request=None, /, **kw) -> kostra_pb2.ListRegionsResponse:
        """See ``AsyncClient.list_regions``."""
        return self._run(self._async.list_regions(request, **kw))

    def get_series(self, request=None, /, **kw) -> series_pb2.GetSeriesResponse:
        """See ``AsyncClient.get_series``."""
        return self._run(self._async.get_series(request, **kw))

    def get_profile(self, request=None, /, **kw) -> analysis_pb2.GetProfileResponse:
        """See ``AsyncClient.get_profile``."""
        return self._run(self._async.get_profile(request, **kw))

    def compare(self, request=None, /, **kw) -> analysis_pb2.CompareResponse:
        """See ``AsyncClient.compare``."""
        return self._run(self._async.compare(request, **kw))

    def get_group_average(self, request=None, /, **kw) -> analysis_pb2.GetGroupAverageResponse:
        """See ``AsyncClient.get_group_average``."""
        return self._run(self._async.get_group_average(request, **kw))

    def get_production_index(self, request=None, /, **kw) -> analysis_pb2.ProductionIndexResponse:
        """See ``AsyncClient.get_production_index``."""
        return self._run(self._async.get_production_index(request, **kw))

    def get_production_change(self, request=None, /, **kw) -> analysis_pb2.ProductionChangeResponse:
        """See ``AsyncClient.get_production_change``."""
        return self._run(self._async.get_production_change(request, **kw))

    def get_efficiency(self, request=None, /, **kw) -> analysis_pb2.EfficiencyResponse:
        """See ``AsyncClient.get_efficiency``."""
        return self._run(self._async.get_efficiency(request, **kw))

    def get_resource_use(self, request=None, /, **kw) -> analysis_pb2.ResourceUseResponse:
        """See ``AsyncClient.get_resource_use``."""
        return self._run(self._async.get_resource_use(request, **kw))

    def get_teacher_norm(self, request=None, /, **kw) -> analysis_pb2.TeacherNormResponse:
        """See ``AsyncClient.get_teacher_norm``."""
        return self._run(self._async.get_teacher_norm(request, **kw))

    def get_statements(self, request=None, /, **kw) -> analysis_pb2.StatementsResponse:
        """See ``AsyncClient.get_statements``."""
        return self._run(self._async.get_statements(request, **kw))

    def reload(self, request=None, /, **kw) -> kostra_pb2.ReloadResponse:
        """See ``AsyncClient.reload``."""
        return self._run(self._async.reload(request, **kw))
