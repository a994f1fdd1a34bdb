#!/usr/bin/env python3
"""Write the seed corpus of the fuzz targets into Fuzz/Corpus/.

    python3 Fuzz/make_corpus.py          # rewrite Fuzz/Corpus/{FuzzFrames,FuzzMessages,FuzzDataFile}
    python3 Fuzz/make_corpus.py --check  # only check that FuzzMessages lists every message type

Needs `protoc` (Debian's protobuf-compiler) and the `protobuf` Python package:
the message classes are built at run time from Protos/, with no generated code.
The output is deterministic, so a rerun on an unchanged schema changes no file.

FuzzMessages: one seed per message type, its selector byte (the type's index
in `messageTypes` in Sources/FuzzMessages/FuzzMessages.swift) followed by an
encoding with every field set.
FuzzFrames: real request frames for every method, several frames in one read,
and broken streams (truncated, oversized length, bad flag byte, bad payloads).
FuzzDataFile: the built-in data file, a small valid one cut from it, and
broken JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.descriptor import FieldDescriptor

FUZZ = Path(__file__).resolve().parent
REPO = FUZZ.parent
CORPUS = FUZZ / "Corpus"
MESSAGES_SWIFT = FUZZ / "Sources" / "FuzzMessages" / "FuzzMessages.swift"
GENERATED = REPO / "Sources" / "KostraCodec" / "Generated"
DATA_FILE = REPO / "Sources" / "KostraData" / "Resources" / "grunnskole-2025.json"
PACKAGE = "kostra.v1"
SERVICE = "/kostra.v1.Kostra/"


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


def message_class(pool, name: str):
    return message_factory.GetMessageClass(pool.FindMessageTypeByName(f"{PACKAGE}.{name}"))


def selector_list() -> list[str]:
    """The message types in FuzzMessages' selector order."""
    source = MESSAGES_SWIFT.read_text()
    block = source.split("let messageTypes", 1)[1].split("= [", 1)[1].split("\n]", 1)[0]
    return re.findall(r"KostraV1\.(\w+)\.self", block)


def generated_types() -> set[str]:
    names = set()
    for path in GENERATED.glob("*.pb.swift"):
        names.update(re.findall(r"^extension KostraV1\.(\w+): KostraMessage", path.read_text(), re.M))
    return names


def check_selector_list() -> list[str]:
    listed = selector_list()
    problems = []
    duplicates = sorted({n for n in listed if listed.count(n) > 1})
    if duplicates:
        problems.append(f"listed twice in messageTypes: {', '.join(duplicates)}")
    missing = sorted(generated_types() - set(listed))
    if missing:
        problems.append(
            "message types missing from messageTypes in Fuzz/Sources/FuzzMessages/FuzzMessages.swift "
            f"(append them at the end, then rerun python3 Fuzz/make_corpus.py): {', '.join(missing)}"
        )
    unknown = sorted(set(listed) - generated_types())
    if unknown:
        problems.append(f"messageTypes lists types KostraCodec does not have: {', '.join(unknown)}")
    if problems:
        sys.exit("make_corpus.py: " + "\n  ".join(problems))
    return listed


# -- a message with every field set -------------------------------------------


STRINGS = ["3201", "Bærum", "grunnskole.gruppestorrelse_2", "Tabell «Gruppestørrelse 2 - lærernorm»"]


def fill(message, depth: int = 0) -> None:
    """Sets every field of `message` (the first member of each oneof) to a plausible value;
    repeated fields get two elements near the top and one deeper down."""
    seen_oneofs = set()
    for index, field in enumerate(message.DESCRIPTOR.fields):
        if field.containing_oneof is not None:
            if field.containing_oneof.name in seen_oneofs:
                continue
            seen_oneofs.add(field.containing_oneof.name)
        count = (2 if depth < 2 else 1) if field.is_repeated else None
        if field.type == FieldDescriptor.TYPE_MESSAGE:
            if count is None:
                fill(getattr(message, field.name), depth + 1)
            else:
                for _ in range(count):
                    fill(getattr(message, field.name).add(), depth + 1)
            continue
        values = [sample(field, index + k) for k in range(count or 1)]
        if count is None:
            setattr(message, field.name, values[0])
        else:
            getattr(message, field.name).extend(values)


def sample(field, k: int):
    t = field.type
    if t == FieldDescriptor.TYPE_STRING:
        return STRINGS[k % len(STRINGS)]
    if t == FieldDescriptor.TYPE_BYTES:
        return bytes([0x08, 0x01, 0x12, 0x00, 0xFF][: 2 + k % 4])
    if t == FieldDescriptor.TYPE_BOOL:
        return True
    if t in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
        return [16.9, -5.1, 109.3, 0.25][k % 4]
    if t == FieldDescriptor.TYPE_ENUM:
        values = [v.number for v in field.enum_type.values if v.number != 0]
        return values[k % len(values)] if values else 0
    if t in (FieldDescriptor.TYPE_INT32, FieldDescriptor.TYPE_SINT32, FieldDescriptor.TYPE_SFIXED32,
             FieldDescriptor.TYPE_INT64, FieldDescriptor.TYPE_SINT64, FieldDescriptor.TYPE_SFIXED64):
        return [2024, -3, 2021, 1][k % 4]
    return [2024, 3, 1, 300][k % 4]  # unsigned


def full_message(pool, name: str):
    message = message_class(pool, name)()
    fill(message)
    return message


# -- frames -----------------------------------------------------------------


def frame(payload: bytes, flags: int = 0, length: int | None = None) -> bytes:
    return struct.pack(">BI", flags, len(payload) if length is None else length) + payload


def envelope(pool, request_id: int, method: str, payload: bytes, **fields) -> bytes:
    env = message_class(pool, "RequestEnvelope")(id=request_id, method=method, payload=payload, **fields)
    return env.SerializeToString()


def request_types(pool) -> list[tuple[str, str]]:
    """(method name, request type) for every method of service Kostra."""
    service = pool.FindServiceByName(f"{PACKAGE}.Kostra")
    return [(m.name, m.input_type.name) for m in service.methods]


def frames_corpus(pool) -> dict[str, bytes]:
    seeds: dict[str, bytes] = {}
    # The request PROTOCOL.md dumps byte by byte.
    series = message_class(pool, "GetSeriesRequest")(
        indicator_id="grunnskole.gruppestorrelse_2", regions=["Bærum"], from_year=2024, to_year=2024)
    example = frame(envelope(pool, 1, SERVICE + "GetSeries", series.SerializeToString(), protocol_version=1))
    seeds["protocol-example-get-series"] = example

    # Every method with a realistic request, and with every field set.
    realistic = {"RegionYearRequest": dict(region="Bærum", year=2024)}
    for index, (method, request) in enumerate(request_types(pool), start=1):
        cls = message_class(pool, request)
        if realistic.get(request):
            payload = cls(**realistic[request]).SerializeToString()
        else:
            payload = full_message(pool, request).SerializeToString()
        meta = [message_class(pool, "MetadataEntry")(key="authorization", value="Bearer t0ken")]
        seeds[f"method-{method}"] = frame(envelope(pool, index, SERVICE + method, payload, timeout_ms=5000,
                                                   protocol_version=1, metadata=meta))

    # Health, schema and series pipelined in one read.
    empty = b""
    seeds["pipelined-three-requests"] = (
        frame(envelope(pool, 7, SERVICE + "Check", empty))
        + frame(envelope(pool, 8, SERVICE + "GetSchema", empty))
        + example
    )
    # Edge cases of the framing.
    seeds["empty-frame"] = frame(b"")
    seeds["empty-frame-then-request"] = frame(b"") + example
    seeds["truncated-header"] = example[:3]
    seeds["truncated-payload"] = example[:20]
    seeds["request-then-truncated"] = example + example[:30]
    seeds["oversized-length-64k-plus-1"] = frame(b"\x08\x01", length=64 * 1024 + 1)
    seeds["oversized-length-max"] = frame(b"\x08\x01", length=0xFFFFFFFF)
    seeds["request-then-oversized"] = example + frame(b"", length=0x7FFFFFFF)
    seeds["flag-compressed"] = bytes([0x01]) + example[1:]
    seeds["flag-high-bit"] = bytes([0x80]) + example[1:]
    seeds["request-then-bad-flag"] = example + bytes([0x02]) + example[1:]
    # Frames that are whole but whose payload the server refuses.
    seeds["payload-not-protobuf"] = frame(b"\xff\xff\xff\xff\x0f")
    seeds["envelope-method-not-utf8"] = frame(b"\x08\x01\x12\x03\xc3\x28\x41")
    seeds["envelope-unknown-method"] = frame(envelope(pool, 9, SERVICE + "DropTables", b""))
    seeds["envelope-id-zero"] = frame(envelope(pool, 0, SERVICE + "Check", b""))
    seeds["envelope-protocol-version-2"] = frame(envelope(pool, 10, SERVICE + "Check", b"", protocol_version=2))
    seeds["envelope-payload-not-a-request"] = frame(envelope(pool, 11, SERVICE + "GetSeries", b"\x0a\x05ab"))
    seeds["envelope-payload-string-not-utf8"] = frame(
        envelope(pool, 12, SERVICE + "GetSeries", b"\x12\x02\xff\xfe"))
    unknown_fields = envelope(pool, 13, SERVICE + "Check", b"") + b"\xf8\x07\x01\x82\x08\x03abc"
    seeds["envelope-unknown-fields"] = frame(unknown_fields)
    return seeds


# -- data files ---------------------------------------------------------------


def data_corpus() -> dict[str, bytes]:
    real = DATA_FILE.read_bytes()
    seeds: dict[str, bytes] = {"grunnskole-2025.json": real}
    full = json.loads(real)

    # A small valid file: two regions, one indicator, its table restricted to them.
    keep = {"3201", "3203"}
    table = next(t for t in full["tables"] if set(t.get("rows", {})) >= keep)
    indicator = next(i for i in full["indicators"] if i["id"] == table["indicator"])
    small = {
        "format": full["format"],
        "name": "small",
        "source": "cut from grunnskole-2025.json",
        "status": full["status"],
        "regions": [r for r in full["regions"] if r["code"] in keep],
        "indicators": [indicator],
        "tables": [dict(table, rows={k: v for k, v in table["rows"].items() if k in keep})],
    }
    seeds["small-valid.json"] = json.dumps(small, ensure_ascii=False, indent=1).encode()
    seeds["minimal.json"] = b'{"format": 1, "name": "empty", "regions": [], "indicators": []}'

    # Broken in one way each.
    seeds["truncated.json"] = seeds["small-valid.json"][: len(seeds["small-valid.json"]) // 2]
    seeds["not-utf8.json"] = b'{"format": 1, "name": "\xc3\x28"}'
    seeds["bad-escape.json"] = b'{"format": 1, "name": "\\ud800\\u00zz"}'
    seeds["deep-nesting.json"] = b"[" * 600 + b"]" * 600
    seeds["numbers.json"] = b'[1e999, -0, 0.1e-400, 123456789012345678901234567890, -1.5E+3, 2.5e-3]'
    seeds["leading-zero.json"] = b'{"format": 01}'
    seeds["duplicate-key.json"] = b'{"format": 1, "format": 2}'
    seeds["wrong-format.json"] = b'{"format": 99}'
    seeds["unexpected-field.json"] = b'{"format": 1, "name": "x", "regoins": []}'
    bad_row = dict(small, tables=[dict(small["tables"][0], rows={"3201": [1.0], "9999": [None, "x"]})])
    seeds["bad-row.json"] = json.dumps(bad_row, ensure_ascii=False).encode()
    return seeds


# -- dictionaries -------------------------------------------------------------


def dict_entry(token: bytes) -> str:
    return '"' + "".join(chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else f"\\x{b:02x}" for b in token) + '"'


def frames_dictionary(pool) -> list[bytes]:
    tokens = [(SERVICE + method).encode() for method, _ in request_types(pool)]
    tokens += [b"\x00\x00\x00\x00", b"\x00\x00\x01\x00\x00", b"authorization", b"Bearer "]
    return tokens


def data_dictionary() -> list[bytes]:
    """Every key of the built-in file and every short string value (kinds, units, codes)."""
    keys: set[str] = set()
    values: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                keys.add(key)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, str) and len(node) <= 24:
            values.add(node)

    walk(json.loads(DATA_FILE.read_bytes()))
    tokens = [json.dumps(k, ensure_ascii=False).encode() for k in sorted(keys)]
    tokens += [json.dumps(v, ensure_ascii=False).encode() for v in sorted(values)]
    tokens += [b"true", b"false", b"null", b"\\u00e6", b"\\ud83d\\ude00", b"1e308", b"-0.0"]
    return tokens


def write_dictionary(target: str, tokens: list[bytes]) -> None:
    directory = FUZZ / "Dictionaries"
    directory.mkdir(exist_ok=True)
    lines = [f"# Written by Fuzz/make_corpus.py for {target}; libFuzzer's -dict format."]
    lines += [dict_entry(t) for t in dict.fromkeys(tokens)]
    (directory / f"{target}.dict").write_text("\n".join(lines) + "\n")


# -- writing ----------------------------------------------------------------


def write(target: str, seeds: dict[str, bytes]) -> int:
    directory = CORPUS / target
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for name, data in seeds.items():
        (directory / name).write_bytes(data)
    return sum(len(d) for d in seeds.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check the selector list of FuzzMessages")
    args = parser.parse_args()
    listed = check_selector_list()
    if args.check:
        print(f"FuzzMessages lists all {len(listed)} message types")
        return
    pool = load_pool()

    messages = {}
    for index, name in enumerate(listed):
        messages[f"{index:02d}-{name}"] = bytes([index]) + full_message(pool, name).SerializeToString()
    totals = {
        "FuzzMessages": (len(messages), write("FuzzMessages", messages)),
    }
    frames = frames_corpus(pool)
    totals["FuzzFrames"] = (len(frames), write("FuzzFrames", frames))
    data = data_corpus()
    totals["FuzzDataFile"] = (len(data), write("FuzzDataFile", data))
    write_dictionary("FuzzFrames", frames_dictionary(pool))
    write_dictionary("FuzzDataFile", data_dictionary())
    for target, (count, size) in totals.items():
        print(f"{target}: {count} seeds, {size} bytes")


if __name__ == "__main__":
    main()
