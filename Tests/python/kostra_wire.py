"""A small Python client for the kostra protocol, written from PROTOCOL.md and
Protos/kostra/v1/*.proto alone.

What it provides:

* ``load_schema()``: the message classes of package ``kostra.v1``, built at run
  time from a FileDescriptorSet that ``protoc`` writes into a temporary
  directory. No generated code is kept anywhere (and none is imported: the
  classes come from ``google.protobuf.message_factory``).
* ``encode_frame()`` / ``FrameReader``: the framing of PROTOCOL.md section 2,
  a flag byte (0) and a 4-byte big-endian payload length before each payload.
* ``Client``: a blocking socket client. ``send()`` writes request frames
  without waiting, ``recv()`` reads answers, so many requests can be in flight
  at once (pipelining); ``call()`` is a send and a wait matched by id.
* ``running_server()``: a context manager that starts ``kostra-server`` on a
  free loopback port, waits until the port accepts connections, and at the end
  sends SIGTERM and checks that the server exits 0.

Only the standard library and the ``protobuf`` package are used.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import socket
import struct
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

REPO_ROOT = Path(__file__).resolve().parents[2]
PROTOS_DIR = REPO_ROOT / "Protos"
PACKAGE = "kostra.v1"
SERVICE = "kostra.v1.Kostra"

#: Frame header: one flag byte, then the payload length as a big-endian uint32.
HEADER = struct.Struct(">BI")
HEADER_SIZE = HEADER.size  # 5

PROTOCOL_VERSION = 1


def method_path(name: str) -> str:
    """The gRPC-style path of a method: ``/kostra.v1.Kostra/GetSeries``."""
    return f"/{SERVICE}/{name}"


# --------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------


def protoc_descriptor_set(protos_dir: Path = PROTOS_DIR, protoc: str = "protoc") -> bytes:
    """Run protoc over every ``*.proto`` below ``protos_dir`` and return the
    encoded FileDescriptorSet (with imports), written to a temporary dir."""
    files = sorted(p.relative_to(protos_dir).as_posix() for p in protos_dir.rglob("*.proto"))
    if not files:
        raise FileNotFoundError(f"no .proto files under {protos_dir}")
    with tempfile.TemporaryDirectory(prefix="kostra-protos-") as tmp:
        out = Path(tmp) / "kostra.fds"
        subprocess.run(
            [protoc, "--include_imports", f"--descriptor_set_out={out}", f"-I{protos_dir}", *files],
            check=True,
            capture_output=True,
        )
        return out.read_bytes()


class Schema:
    """Message classes built from one FileDescriptorSet, in a pool of their own.

    ``schema["GetSeriesRequest"]`` (or ``schema.GetSeriesRequest``) is the
    class of ``kostra.v1.GetSeriesRequest``; fully qualified names work too.
    ``schema.enum("Code").values_by_name["NOT_FOUND"].number`` reads enums.
    """

    def __init__(self, fds_bytes: bytes):
        self.fds_bytes = fds_bytes
        self.file_set = descriptor_pb2.FileDescriptorSet.FromString(fds_bytes)
        self.pool = descriptor_pool.DescriptorPool()
        for file_proto in self.file_set.file:  # protoc writes dependencies first
            self.pool.Add(file_proto)
        self._classes: Dict[str, type] = {}

    def _full(self, name: str) -> str:
        return name if name.startswith(("kostra.", "google.")) else f"{PACKAGE}.{name}"

    def __getitem__(self, name: str) -> type:
        full = self._full(name)
        if full not in self._classes:
            desc = self.pool.FindMessageTypeByName(full)
            self._classes[full] = message_factory.GetMessageClass(desc)
        return self._classes[full]

    def __getattr__(self, name: str) -> type:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def enum(self, name: str):
        """The EnumDescriptor of a top-level or nested enum."""
        return self.pool.FindEnumTypeByName(self._full(name))

    def enum_value(self, enum_name: str, value_name: str) -> int:
        return self.enum(enum_name).values_by_name[value_name].number

    def service(self, name: str = SERVICE):
        return self.pool.FindServiceByName(name)


@functools.lru_cache(maxsize=1)
def load_schema() -> Schema:
    """The schema of Protos/, compiled by protoc at first use (cached)."""
    return Schema(protoc_descriptor_set())


# --------------------------------------------------------------------------
# Frames
# --------------------------------------------------------------------------


def encode_frame(payload: bytes, flags: int = 0) -> bytes:
    """One frame: flag byte, big-endian uint32 length, payload."""
    return HEADER.pack(flags, len(payload)) + payload


def decode_frames(data: bytes) -> List[bytes]:
    """Split a byte string holding whole frames into their payloads.

    Raises ValueError on a non-zero flag byte or on trailing partial frames."""
    payloads = []
    offset = 0
    while offset < len(data):
        if len(data) - offset < HEADER_SIZE:
            raise ValueError(f"partial frame header at offset {offset}")
        flags, length = HEADER.unpack_from(data, offset)
        if flags != 0:
            raise ValueError(f"flag byte {flags:#04x} at offset {offset}")
        start = offset + HEADER_SIZE
        if len(data) - start < length:
            raise ValueError(f"frame at offset {offset} needs {length} bytes, has {len(data) - start}")
        payloads.append(data[start : start + length])
        offset = start + length
    return payloads


class ConnectionClosed(EOFError):
    """The peer closed the connection (between frames if ``clean``)."""

    def __init__(self, message: str, clean: bool):
        super().__init__(message)
        self.clean = clean


class FrameReader:
    """Reads whole frames from a socket: a 5-byte header, then exactly
    ``length`` bytes, however the bytes are split over ``recv`` calls."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.buffer = bytearray()

    def _fill(self, n: int) -> None:
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                clean = len(self.buffer) == 0
                raise ConnectionClosed(
                    "connection closed" + ("" if clean else f" inside a frame ({len(self.buffer)} bytes pending)"),
                    clean,
                )
            self.buffer += chunk

    def read_frame_raw(self) -> bytes:
        """The exact bytes of the next frame, header included."""
        self._fill(HEADER_SIZE)
        flags, length = HEADER.unpack_from(self.buffer, 0)
        if flags != 0:
            raise ValueError(f"server sent flag byte {flags:#04x}")
        self._fill(HEADER_SIZE + length)
        raw = bytes(self.buffer[: HEADER_SIZE + length])
        del self.buffer[: HEADER_SIZE + length]
        return raw

    def read_frame(self) -> bytes:
        """The payload of the next frame."""
        return self.read_frame_raw()[HEADER_SIZE:]


# --------------------------------------------------------------------------
# Client
# --------------------------------------------------------------------------


@dataclass
class Answer:
    """A decoded ResponseEnvelope, with the payload decoded when the request's
    response type is known."""

    envelope: object  # kostra.v1.ResponseEnvelope
    message: Optional[object] = None  # the method's response message, when OK

    @property
    def id(self) -> int:
        return self.envelope.id

    @property
    def code(self) -> int:
        return self.envelope.status.code if self.envelope.HasField("status") else 0

    @property
    def ok(self) -> bool:
        return self.code == 0

    @property
    def status(self):
        return self.envelope.status


class Client:
    """A blocking client for one connection.

    ``send()`` only writes; ``recv()`` only reads. Answers are matched to
    requests by id, never by order (PROTOCOL.md section 4)."""

    def __init__(self, host: str, port: int, schema: Optional[Schema] = None, timeout: float = 60.0):
        self.schema = schema or load_schema()
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = FrameReader(self.sock)
        self._next_id = 1
        self._pending: Dict[int, str] = {}  # id -> method name
        self._answered: Dict[int, Answer] = {}

    # -- context manager -------------------------------------------------
    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()

    # -- building requests -------------------------------------------------
    def new_id(self) -> int:
        i = self._next_id
        self._next_id += 1
        return i

    def request_envelope(
        self,
        method: str,
        request=None,
        *,
        id: Optional[int] = None,
        payload: Optional[bytes] = None,
        timeout_ms: int = 0,
        metadata: Iterable[tuple] = (),
    ):
        """A RequestEnvelope for ``method`` (a bare name such as "GetSeries",
        or a full path). ``payload`` overrides the encoded ``request``."""
        env = self.schema.RequestEnvelope()
        env.id = self.new_id() if id is None else id
        env.method = method if method.startswith("/") else method_path(method)
        env.timeout_ms = timeout_ms
        env.protocol_version = PROTOCOL_VERSION
        if payload is None:
            payload = request.SerializeToString() if request is not None else b""
        env.payload = payload
        for key, value in metadata:
            env.metadata.add(key=key, value=value)
        return env

    # -- sending -----------------------------------------------------------
    def send_envelopes(self, envelopes: Iterable) -> List[int]:
        """Write all envelopes' frames with one ``sendall``; return their ids."""
        data = bytearray()
        ids = []
        for env in envelopes:
            data += encode_frame(env.SerializeToString())
            self._pending[env.id] = env.method.rsplit("/", 1)[-1]
            ids.append(env.id)
        self.sock.sendall(bytes(data))
        return ids

    def send(self, method: str, request=None, **kw) -> int:
        """Send one request without waiting; return its id."""
        return self.send_envelopes([self.request_envelope(method, request, **kw)])[0]

    def send_raw(self, data: bytes, expect: Iterable = ()) -> None:
        """Write bytes as they are (for broken frames in tests). ``expect``:
        envelopes inside ``data`` whose answers ``recv()`` should decode."""
        for env in expect:
            self._pending[env.id] = env.method.rsplit("/", 1)[-1]
        self.sock.sendall(data)

    # -- receiving ---------------------------------------------------------
    def response_type(self, method_name: str) -> Optional[type]:
        try:
            m = self.schema.service().methods_by_name[method_name]
        except KeyError:
            return None
        return self.schema[m.output_type.full_name]

    def recv(self) -> Answer:
        """Read the next answer, whatever request it belongs to."""
        env = self.schema.ResponseEnvelope.FromString(self.reader.read_frame())
        answer = Answer(env)
        method = self._pending.pop(env.id, None)
        if answer.ok and method is not None:
            cls = self.response_type(method)
            if cls is not None:
                answer.message = cls.FromString(env.payload)
        return answer

    def recv_for(self, request_id: int) -> Answer:
        """Read until the answer to ``request_id`` arrives; keep the others."""
        while request_id not in self._answered:
            a = self.recv()
            self._answered[a.id] = a
        return self._answered.pop(request_id)

    def call(self, method: str, request=None, **kw) -> Answer:
        """Send one request and wait for its answer."""
        return self.recv_for(self.send(method, request, **kw))

    def wait_closed(self, timeout: float = 30.0) -> bool:
        """True when the server closes the connection (EOF) within ``timeout``
        seconds, reading and discarding anything still sent."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return False
            except ConnectionResetError:
                return True
            if not chunk:
                return True
        return False


# --------------------------------------------------------------------------
# Server process
# --------------------------------------------------------------------------


def server_binary() -> Path:
    """$KOSTRA_SERVER_BIN, else <repo>/.build/debug/kostra-server."""
    env = os.environ.get("KOSTRA_SERVER_BIN")
    return Path(env) if env else REPO_ROOT / ".build" / "debug" / "kostra-server"


def free_port(host: str = "127.0.0.1") -> int:
    """A port that was free a moment ago (bind to port 0, read it, close)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_for_port(host: str, port: int, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"kostra-server exited with {proc.returncode} before listening")
        try:
            with socket.create_connection((host, port), timeout=1.0):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"kostra-server did not accept connections on {host}:{port} in {timeout}s")
            time.sleep(0.05)


@dataclass
class ServerProcess:
    host: str
    port: int
    proc: subprocess.Popen
    stderr_path: Path

    def client(self, **kw) -> Client:
        return Client(self.host, self.port, **kw)

    def stderr(self) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")
        except OSError:
            return ""


def stop_server(server: ServerProcess, timeout: float = 15.0) -> int:
    """SIGTERM the server and wait for it; return its exit code.
    Kills it (and raises) if it does not exit within ``timeout`` seconds."""
    proc = server.proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise AssertionError(f"kostra-server did not exit within {timeout}s of SIGTERM")


@contextlib.contextmanager
def running_server(
    host: str = "127.0.0.1",
    extra_args: Iterable[str] = (),
    start_timeout: float = 60.0,
    stop_timeout: float = 15.0,
    check_exit: bool = True,
) -> Iterator[ServerProcess]:
    """Start kostra-server on a free loopback port; yield a ServerProcess.

    At the end: SIGTERM, and (with ``check_exit``) assert exit status 0 within
    ``stop_timeout`` seconds. The server's stderr goes to a temporary file,
    readable with ``server.stderr()``."""
    binary = server_binary()
    if not binary.exists():
        raise FileNotFoundError(f"{binary} not found; run `swift build --product kostra-server` or set KOSTRA_SERVER_BIN")
    with tempfile.TemporaryDirectory(prefix="kostra-server-") as tmp:
        stderr_path = Path(tmp) / "stderr.log"
        last_error: Optional[Exception] = None
        for _attempt in range(3):  # the free port may be taken in between
            port = free_port(host)
            with open(stderr_path, "wb") as err:
                proc = subprocess.Popen(
                    [str(binary), "--host", host, "--port", str(port), *extra_args],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                )
            server = ServerProcess(host, port, proc, stderr_path)
            try:
                wait_for_port(host, port, proc, start_timeout)
                break
            except Exception as exc:  # noqa: BLE001 - retried, then re-raised
                last_error = exc
                if proc.poll() is None:
                    proc.kill()
                proc.wait()
        else:
            raise RuntimeError(f"could not start kostra-server: {last_error}\n{server.stderr()}")
        try:
            yield server
        finally:
            code = stop_server(server, stop_timeout)
            if check_exit:
                assert code == 0, f"kostra-server exited {code} after SIGTERM\n{server.stderr()}"
