#!/usr/bin/env python3
"""Write protobuf test vectors encoded by Python's protobuf runtime, for the
Swift codec to decode.

    python3 Tests/interop/make_vectors.py           # (re)write the files
    python3 Tests/interop/make_vectors.py --check   # exit 1 if they differ

Output, in Tests/interop/python-encoded/:

* ``<name>.bin``: one encoded message each (no frame header).
* ``expected.json``: a JSON array, one object per .bin file::

      {"file": "region.bin",
       "message": "kostra.v1.Region",
       "size": 27,
       "hex": "0a04...",
       "fields": { ...the message in proto3 JSON... },
       "payload": {"message": "kostra.v1.GetSeriesRequest", "fields": {...}}}

  ``fields`` follows the proto3 JSON mapping with the .proto (snake_case)
  field names: fields at their default value are left out (except a field
  with explicit presence that is set, such as ``Observation.value`` = 0.0,
  which is written), enums are written by name, 64-bit integers are written
  as decimal strings ("9223372036854788153"), ``bytes`` as standard base64
  with padding, doubles as JSON numbers. ``payload`` appears on envelopes
  whose ``payload`` bytes hold a message, decoded the same way.

The messages are built from Protos/ compiled by protoc at run time (no
generated code). Python's protobuf writes fields in field-number order and
this script sets no map fields, so the bytes are deterministic.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT_DIR = HERE / "python-encoded"


def load_classes():
    """{short name: class} for every message of kostra.v1, from protoc."""
    protos = REPO / "Protos"
    files = sorted(p.relative_to(protos).as_posix() for p in protos.rglob("*.proto"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "fds.bin"
        subprocess.run(
            ["protoc", "--include_imports", f"--descriptor_set_out={out}", f"-I{protos}", *files],
            check=True,
        )
        fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    pool = descriptor_pool.DescriptorPool()
    for f in fds.file:
        pool.Add(f)

    class Classes:
        def __getattr__(self, name):
            return message_factory.GetMessageClass(pool.FindMessageTypeByName(f"kostra.v1.{name}"))

    return Classes()


def build_vectors(k):
    """[(file name, message, payload message or None)]."""
    vectors = []

    # 1. A request envelope: uint64 id above 2^63 (so not an int64), non-ASCII
    #    metadata (2-, 3- and 4-byte UTF-8), a nested GetSeriesRequest payload.
    payload = k.GetSeriesRequest(
        indicator_id="grunnskole.gruppestorrelse_2",
        regions=["Bærum", "3024", "ASSS"],
        from_year=2021,
        to_year=2024,
    )
    env = k.RequestEnvelope(
        id=2**63 + 12345,  # 9223372036854788153
        method="/kostra.v1.Kostra/GetSeries",
        timeout_ms=2500,
        payload=payload.SerializeToString(),
        protocol_version=1,
    )
    env.metadata.add(key="x-user", value="Åse Ødegård, Bærum")
    env.metadata.add(key="x-note", value="lærernorm ≤ 15 🚀")
    vectors.append(("request_envelope.bin", env, payload))

    # 2. A series answer: a present 0.0 (must be kept: the field is in a
    #    oneof), an absent value with missing = NOT_AVAILABLE, a normal value
    #    with reported_code, enums, repeated int32.
    resp = k.GetSeriesResponse(years=[2023, 2024])
    resp.indicator.id = "grunnskole.gruppestorrelse_2"
    resp.indicator.name_nb = "Gruppestørrelse 2 - lærernorm"
    resp.indicator.unit = 4  # UNIT_NUMBER
    resp.indicator.direction = 4  # DIRECTION_HIGHER_COSTS_LESS
    resp.indicator.decimals = 1
    s = resp.series.add(indicator_id="grunnskole.gruppestorrelse_2", region_code="3201")
    s.observations.add(region_code="3201", year=2023, value=17.1, status=3, reported_code="3024",
                       source="Tabell «Gruppestørrelse 2 - lærernorm»")
    s.observations.add(region_code="3201", year=2024, value=0.0, status=1)
    s2 = resp.series.add(indicator_id="grunnskole.gruppestorrelse_2", region_code="ASSS")
    s2.observations.add(region_code="ASSS", year=2023, missing=1, status=2)  # no value: NOT_AVAILABLE
    s2.observations.add(region_code="ASSS", year=2024, value=-0.5, status=2)
    assert s.observations[1].HasField("value") and not s2.observations[0].HasField("value")
    vectors.append(("get_series_response.bin", resp, None))

    # 3. A region with former codes (repeated message) and member codes.
    region = k.Region(code="3201", name="Bærum", kind=1, name_en="Baerum")
    region.former_codes.add(code="0219", last_year=2019)
    region.former_codes.add(code="3024", last_year=2023)
    vectors.append(("region.bin", region, None))

    group = k.Region(code="ASSS", name="ASSS med Oslo", kind=2, member_codes=["0301", "3201", "5001"],
                     name_en="ASSS average incl. Oslo")
    vectors.append(("region_group.bin", group, None))

    # 4. A status with details (repeated strings, non-ASCII).
    status = k.Status(code=5, message="no region matches 'Baerun'; did you mean Bærum (3201)?")
    status.details.add(
        field="regions[1]",
        reason="no region matches 'Baerun'",
        available=["3201", "3203", "ASSS"],
        suggestions=["Bærum", "Asker"],
    )
    status.details.add(field="from_year", reason="år før 2021 finnes ikke", available=["2021", "2024"])
    vectors.append(("status.bin", status, None))

    # 5. A response envelope: id above 2^32, a present but empty status (as
    #    an OK answer may carry it), bytes payload holding a HealthCheckResponse.
    health = k.HealthCheckResponse(status=1, server_version="0.1.0", data_version="built-in",
                                   years=[2021, 2022, 2023, 2024])
    renv = k.ResponseEnvelope(id=2**32 + 1, payload=health.SerializeToString(), protocol_version=1)
    renv.status.SetInParent()
    vectors.append(("response_envelope.bin", renv, health))

    # 6. Raw bytes that are not UTF-8 (0x00, 0xff, 0x80) in a bytes field.
    raw = k.RequestEnvelope(id=1, method="/kostra.v1.Kostra/Check", payload=b"\x00\xff\x80\x7f")
    vectors.append(("request_envelope_raw_bytes.bin", raw, None))
    return vectors


def to_json(msg):
    return json_format.MessageToDict(msg, preserving_proto_field_name=True)


def render(k):
    """{file name: bytes} of every output file."""
    out = {}
    entries = []
    for name, msg, payload in build_vectors(k):
        data = msg.SerializeToString()
        # Decoding must give back the same message.
        assert type(msg).FromString(data) == msg
        out[name] = data
        entry = {
            "file": name,
            "message": msg.DESCRIPTOR.full_name,
            "size": len(data),
            "hex": data.hex(),
            "fields": to_json(msg),
        }
        if payload is not None:
            entry["payload"] = {"message": payload.DESCRIPTOR.full_name, "fields": to_json(payload)}
        entries.append(entry)
    out["expected.json"] = (json.dumps(entries, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the files on disk instead of writing")
    args = ap.parse_args(argv)
    files = render(load_classes())
    if args.check:
        bad = [n for n, d in files.items() if not (OUT_DIR / n).exists() or (OUT_DIR / n).read_bytes() != d]
        extra = sorted(p.name for p in OUT_DIR.glob("*") if p.name not in files)
        for n in bad:
            print(f"differs: {n}", file=sys.stderr)
        for n in extra:
            print(f"not written by this script: {n}", file=sys.stderr)
        return 1 if bad or extra else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for n, d in files.items():
        (OUT_DIR / n).write_bytes(d)
        print(f"wrote {OUT_DIR.relative_to(REPO) / n} ({len(d)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
