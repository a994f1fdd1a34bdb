#!/usr/bin/env python3
"""Show one kostra request and its answer byte by byte.

    python3 scripts/protocol-example.py [HOST] [PORT]     # default 127.0.0.1 7878

Connects to a running kostra-server, sends ONE request (GetSeries for
grunnskole.gruppestorrelse_2, region "Bærum", 2024 only, id 1), and prints in
Markdown: a hex dump of the exact request frame and of the exact answer
frame, each followed by a field-by-field reading of the frame header, the
envelope (with the byte offset of every field within the frame) and the
payload, decoded as protobuf text.

Needs only `protoc` and the `protobuf` Python package: the message classes
are built at run time from Protos/ (no generated code).
"""

from __future__ import annotations

import argparse
import socket
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory, text_format

REPO = Path(__file__).resolve().parents[1]
HEADER = struct.Struct(">BI")  # flag byte, big-endian uint32 payload length
WIRE_TYPES = {0: "VARINT", 1: "I64", 2: "LEN", 5: "I32"}


# -- schema -----------------------------------------------------------------


def load_pool() -> descriptor_pool.DescriptorPool:
    protos = REPO / "Protos"
    files = sorted(p.relative_to(protos).as_posix() for p in protos.rglob("*.proto"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "fds.bin"
        subprocess.run(["protoc", "--include_imports", f"--descriptor_set_out={out}", f"-I{protos}", *files],
                       check=True)
        fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    pool = descriptor_pool.DescriptorPool()
    for f in fds.file:
        pool.Add(f)
    return pool


# -- bytes ------------------------------------------------------------------


def hexdump(data: bytes) -> str:
    """Offset, 16 bytes per line in hex, and the bytes as ASCII ('.' otherwise)."""
    lines = []
    for off in range(0, len(data), 16):
        chunk = data[off : off + 16]
        hexpart = " ".join(f"{b:02x}" for b in chunk[:8])
        if len(chunk) > 8:
            hexpart += "  " + " ".join(f"{b:02x}" for b in chunk[8:])
        ascii_ = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        lines.append(f"{off:08x}  {hexpart:<49}  |{ascii_}|")
    lines.append(f"{len(data):08x}")
    return "\n".join(lines)


def read_varint(buf: bytes, pos: int):
    shift = result = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result, pos


def wire_fields(buf: bytes, base: int):
    """(tag offset, tag bytes, number, wire type, value offset, value end, raw value)
    for each top-level field of a message; offsets are absolute (base added)."""
    pos = 0
    while pos < len(buf):
        start = pos
        key, pos = read_varint(buf, pos)
        number, wt = key >> 3, key & 7
        tag = buf[start:pos]
        if wt == 0:
            vstart = pos
            value, pos = read_varint(buf, pos)
        elif wt == 2:
            n, vstart = read_varint(buf, pos)
            pos = vstart + n
            value = buf[vstart:pos]
        elif wt == 1:
            vstart, pos = pos, pos + 8
            value = buf[vstart:pos]
        elif wt == 5:
            vstart, pos = pos, pos + 4
            value = buf[vstart:pos]
        else:
            raise ValueError(f"unsupported wire type {wt} at {base + start}")
        yield base + start, tag, number, wt, base + vstart, base + pos, value


def span(a: int, b: int) -> str:
    """Byte range [a, b) as "a" or "a-(b-1)"."""
    return f"{a}" if b - a == 1 else f"{a}-{b - 1}"


def annotate(frame: bytes, envelope_cls, payload_cls_for) -> str:
    """A field-by-field reading of one frame."""
    flags, length = HEADER.unpack_from(frame)
    payload = frame[5:]
    out = [
        "frame header",
        f"  byte  0        {frame[0]:02x}           flags  = {flags} (uncompressed; must be 0)",
        f"  bytes 1-4      {frame[1:5].hex(' ')}  length = {length} (big-endian uint32; payload is bytes 5-{4 + length})",
        "",
        f"{envelope_cls.DESCRIPTOR.full_name} (bytes 5-{4 + length})",
    ]
    env = envelope_cls.FromString(payload)

    def payload_name(e):
        c = payload_cls_for(e)
        return f"an encoded {c.DESCRIPTOR.full_name}" if c is not None else "the method's message"
    fields_by_number = envelope_cls.DESCRIPTOR.fields_by_number
    for tag_off, tag, number, wt, vstart, vend, value in wire_fields(payload, 5):
        fd = fields_by_number.get(number)
        name = fd.name if fd else f"<unknown {number}>"
        head = f"  bytes {span(tag_off, vend):<9} tag {tag.hex():<4} field {number} {name} ({WIRE_TYPES[wt]})"
        if wt == 0:
            shown = str(value)
            if fd is not None and fd.enum_type is not None:
                shown += f" ({fd.enum_type.values_by_number[value].name})"
            out.append(f"{head}: {shown}")
        elif wt == 2:
            len_at = span(tag_off + len(tag), vstart)
            where = f"value bytes {span(vstart, vend)}" if vend > vstart else "no value bytes"
            out.append(f"{head}: length {len(value)} (byte{'s' if vstart - tag_off - len(tag) > 1 else ''} {len_at}), {where}")
            if fd is not None and fd.type == fd.TYPE_STRING:
                out.append(f"      = {value.decode('utf-8')!r}")
            elif fd is not None and fd.type == fd.TYPE_MESSAGE:
                sub = message_factory.GetMessageClass(fd.message_type).FromString(value)
                text = text_format.MessageToString(sub, as_utf8=True, as_one_line=True)
                out.append(f"      = {fd.message_type.full_name} {{ {text} }}" if text else f"      = {fd.message_type.full_name} {{ }} (present, all fields default)")
            else:
                out.append(f"      = {payload_name(env)}, below")
        else:
            out.append(f"{head}: {value.hex(' ')}")
    out.append("")
    out.append("envelope as protobuf text (payload bytes elided):")
    shown = envelope_cls()
    shown.CopyFrom(env)
    shown.ClearField("payload")
    text = text_format.MessageToString(shown, as_utf8=True).splitlines()
    at = next((i for i, ln in enumerate(text) if ln.startswith("protocol_version")), len(text))
    if env.payload:
        text.insert(at, f"payload: <{len(env.payload)} bytes: {payload_name(env)}>")
    out.append(indent("\n".join(text)))
    pcls = payload_cls_for(env)
    if pcls is not None and env.payload:
        out.append(f"payload as {pcls.DESCRIPTOR.full_name}:")
        out.append(indent(text_format.MessageToString(pcls.FromString(env.payload), as_utf8=True)))
    return "\n".join(out).rstrip()


def indent(text: str) -> str:
    return "\n".join("  " + line for line in text.rstrip().splitlines())


def read_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise EOFError(f"connection closed after {len(buf)} of {n} bytes")
        buf += chunk
    return bytes(buf)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Show one kostra request and its answer byte by byte.")
    ap.add_argument("host", nargs="?", default="127.0.0.1")
    ap.add_argument("port", nargs="?", type=int, default=7878)
    args = ap.parse_args(argv)

    pool = load_pool()

    def cls(name):
        return message_factory.GetMessageClass(pool.FindMessageTypeByName(name))

    RequestEnvelope, ResponseEnvelope = cls("kostra.v1.RequestEnvelope"), cls("kostra.v1.ResponseEnvelope")
    GetSeriesRequest, GetSeriesResponse = cls("kostra.v1.GetSeriesRequest"), cls("kostra.v1.GetSeriesResponse")

    req = GetSeriesRequest(indicator_id="grunnskole.gruppestorrelse_2", regions=["Bærum"], from_year=2024, to_year=2024)
    env = RequestEnvelope(id=1, method="/kostra.v1.Kostra/GetSeries", payload=req.SerializeToString(), protocol_version=1)
    body = env.SerializeToString()
    request_frame = HEADER.pack(0, len(body)) + body

    with socket.create_connection((args.host, args.port), timeout=30) as sock:
        sock.sendall(request_frame)
        header = read_exact(sock, 5)
        flags, length = HEADER.unpack(header)
        answer_frame = header + read_exact(sock, length)

    print(f"### Request frame ({len(request_frame)} bytes)\n")
    print("```text")
    print(hexdump(request_frame))
    print("```\n")
    print("```text")
    print(annotate(request_frame, RequestEnvelope, lambda e: GetSeriesRequest))
    print("```\n")
    print(f"### Answer frame ({len(answer_frame)} bytes)\n")
    print("```text")
    print(hexdump(answer_frame))
    print("```\n")
    print("```text")
    answer_env = ResponseEnvelope.FromString(answer_frame[5:])
    ok = not answer_env.HasField("status") or answer_env.status.code == 0
    print(annotate(answer_frame, ResponseEnvelope, lambda e: GetSeriesResponse if ok else None))
    print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
