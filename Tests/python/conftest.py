"""pytest setup for the Python interop tests: makes ``kostra_wire`` importable
and provides one kostra-server per test module."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kostra_wire  # noqa: E402


@pytest.fixture(scope="session")
def schema():
    """The kostra.v1 message classes, compiled from Protos/ by protoc."""
    return kostra_wire.load_schema()


@pytest.fixture(scope="module")
def server():
    """One kostra-server for the module; stopped with SIGTERM at the end, and
    its exit status must be 0."""
    with kostra_wire.running_server() as srv:
        yield srv


@pytest.fixture
def client(server, schema):
    with server.client(schema=schema) as c:
        yield c
