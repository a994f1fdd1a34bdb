"""kostra: a client for the kostra protocol (PROTOCOL.md), with the messages
generated from ``Protos/``.

    import kostra

    with kostra.Client("127.0.0.1", 7878) as client:
        answer = client.get_series(indicator_id="grunnskole.gruppestorrelse_2",
                                   regions=["Bærum"], from_year=2024, to_year=2024)
        print(answer.series[0].observations[0].value)   # 16.9

``kostra.AsyncClient`` is the asyncio core; ``kostra.Client`` blocks. The
messages are in ``kostra.v1`` (``kostra.v1.series_pb2.GetSeriesRequest``, ...)
and re-exported here by name; errors are ``kostra.errors`` (``NotFound``, ...).
"""

from . import errors
from .aio import DEADLINE_GRACE, AsyncClient, Connection
from .errors import (
    Aborted, AlreadyExists, Cancelled, DataLoss, DeadlineExceeded, FailedPrecondition, Internal,
    InvalidArgument, KostraError, NotFound, OutOfRange, PermissionDenied, ResourceExhausted,
    Unauthenticated, Unavailable, Unimplemented, Unknown,
)
from .methods import METHODS, PROTOCOL_VERSION, SERVICE, Method
from .sync import Client
from .v1.analysis_pb2 import *  # noqa: F401,F403 - the messages by name
from .v1.envelope_pb2 import *  # noqa: F401,F403
from .v1.indicator_pb2 import *  # noqa: F401,F403
from .v1.kostra_pb2 import *  # noqa: F401,F403
from .v1.region_pb2 import *  # noqa: F401,F403
from .v1.series_pb2 import *  # noqa: F401,F403
from .v1.status_pb2 import *  # noqa: F401,F403

# The star imports bring each module's DESCRIPTOR too; none of them is ours.
del DESCRIPTOR  # noqa: F821

__version__ = "0.1.0"
