"""Typed errors: one exception class per status code of ``kostra.v1.Code``
(gRPC's codes, number for number).

Every error carries the ``code`` (an int), its ``code_name`` ("NOT_FOUND"),
the server's ``message``, and the ``details`` (``kostra.v1.ErrorDetail``
messages: the request ``field`` at fault, the ``reason``, the values
``available`` and close matches as ``suggestions``)::

    try:
        client.get_series(indicator_id="grunnskole.gruppestorrelse_2", regions=["Baerun"])
    except kostra.NotFound as e:
        print(e.code, e.field, e.suggestions)   # 5 regions[0] ['Bærum']

An error the client itself decides (its local deadline passed, the server
could not be reached, the connection ended) has ``local`` set to True and an
empty ``details``.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Type

from .v1 import status_pb2

Code = status_pb2.Code


class KostraError(Exception):
    """A request failed: the server answered a status other than OK, or the
    client could not get an answer. Subclasses per code; ``code`` is the
    number (``kostra.v1.Code``)."""

    #: The status code this class stands for (set on each subclass).
    code: int = Code.UNKNOWN

    def __init__(
        self,
        message: str,
        *,
        code: Optional[int] = None,
        details: Sequence[status_pb2.ErrorDetail] = (),
        method: str = "",
        request_id: int = 0,
        local: bool = False,
    ):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.details: List[status_pb2.ErrorDetail] = list(details)
        self.method = method
        self.request_id = request_id
        self.local = local

    @property
    def code_name(self) -> str:
        """The code's name, "NOT_FOUND"; "CODE_<n>" for a number this schema lacks."""
        try:
            return Code.Name(self.code)
        except ValueError:
            return f"CODE_{self.code}"

    @property
    def status(self) -> status_pb2.Status:
        """The error as a ``kostra.v1.Status`` message."""
        return status_pb2.Status(code=self.code, message=self.message, details=self.details)

    # The first detail's parts, which is what a caller usually wants.
    @property
    def field(self) -> str:
        """The request field the first detail names ("regions[0]"), or ""."""
        return self.details[0].field if self.details else ""

    @property
    def suggestions(self) -> List[str]:
        """Close matches from every detail, best first ("did you mean")."""
        return [s for d in self.details for s in d.suggestions]

    @property
    def available(self) -> List[str]:
        """The accepted values from every detail (the years there are, ...)."""
        return [a for d in self.details for a in d.available]

    def __str__(self) -> str:
        return f"{self.code_name}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code}, message={self.message!r}, details={len(self.details)})"


class Cancelled(KostraError):
    code = Code.CANCELLED


class Unknown(KostraError):
    code = Code.UNKNOWN


class InvalidArgument(KostraError):
    code = Code.INVALID_ARGUMENT


class DeadlineExceeded(KostraError):
    code = Code.DEADLINE_EXCEEDED


class NotFound(KostraError):
    code = Code.NOT_FOUND


class AlreadyExists(KostraError):
    code = Code.ALREADY_EXISTS


class PermissionDenied(KostraError):
    code = Code.PERMISSION_DENIED


class ResourceExhausted(KostraError):
    code = Code.RESOURCE_EXHAUSTED


class FailedPrecondition(KostraError):
    code = Code.FAILED_PRECONDITION


class Aborted(KostraError):
    code = Code.ABORTED


class OutOfRange(KostraError):
    code = Code.OUT_OF_RANGE


class Unimplemented(KostraError):
    code = Code.UNIMPLEMENTED


class Internal(KostraError):
    code = Code.INTERNAL


class Unavailable(KostraError):
    code = Code.UNAVAILABLE


class DataLoss(KostraError):
    code = Code.DATA_LOSS


class Unauthenticated(KostraError):
    code = Code.UNAUTHENTICATED


#: The exception class of each code.
ERRORS_BY_CODE: Dict[int, Type[KostraError]] = {
    cls.code: cls
    for cls in (
        Cancelled, Unknown, InvalidArgument, DeadlineExceeded, NotFound, AlreadyExists,
        PermissionDenied, ResourceExhausted, FailedPrecondition, Aborted, OutOfRange,
        Unimplemented, Internal, Unavailable, DataLoss, Unauthenticated,
    )
}


def error_for(code: int, message: str, **kw) -> KostraError:
    """The exception for ``code``: its own class, or KostraError with that
    code for a number this schema does not know (a newer server's code)."""
    cls = ERRORS_BY_CODE.get(code)
    if cls is None:
        return KostraError(message, code=code, **kw)
    return cls(message, **kw)


def error_from_status(status: status_pb2.Status, *, method: str = "", request_id: int = 0) -> KostraError:
    """The exception for a non-OK ``kostra.v1.Status`` from the server."""
    return error_for(status.code, status.message, details=status.details, method=method, request_id=request_id)
