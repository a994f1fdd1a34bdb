"""The server's methods, read from the ``service Kostra`` block of the
generated schema: path, request class and response class of each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict

from google.protobuf import message_factory

from .v1 import kostra_pb2

#: The service's full name.
SERVICE = "kostra.v1.Kostra"

#: The protocol version this client speaks (PROTOCOL.md: 0 is read as 1).
PROTOCOL_VERSION = 1


@dataclass(frozen=True)
class Method:
    """One method of ``service Kostra``."""

    name: str  # "GetSeries"
    python_name: str  # "get_series"
    path: str  # "/kostra.v1.Kostra/GetSeries"
    request_type: type
    response_type: type


def snake_case(name: str) -> str:
    """"GetProductionIndex" -> "get_production_index"."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _methods() -> Dict[str, Method]:
    service = kostra_pb2.DESCRIPTOR.services_by_name["Kostra"]
    out = {}
    for m in service.methods:
        out[m.name] = Method(
            name=m.name,
            python_name=snake_case(m.name),
            path=f"/{SERVICE}/{m.name}",
            request_type=message_factory.GetMessageClass(m.input_type),
            response_type=message_factory.GetMessageClass(m.output_type),
        )
    return out


#: Every method by its proto name ("GetSeries"), in the order of the service block.
METHODS: Dict[str, Method] = _methods()


def method(name: str) -> Method:
    """A method by proto name ("GetSeries"), Python name ("get_series") or path."""
    if name.startswith("/"):
        name = name.rsplit("/", 1)[-1]
    if name in METHODS:
        return METHODS[name]
    for m in METHODS.values():
        if m.python_name == name:
            return m
    raise KeyError(f"no method {name!r}; the methods are {', '.join(METHODS)}")
