"""docs/schema-evolution.md, tested against a live kostra-server: a client
built from an OLDER schema (evolution/older: fields, enum values and
methods removed) and one built from a NEWER schema (evolution/newer:
fields, enum values and a method added) both work against today's server,
which is built from Protos/. Unknown fields are ignored by the server and
kept by the Python runtime; unknown enum values are kept as numbers; none is
an error.

Each schema is compiled by protoc into a FileDescriptorSet and loaded into
a descriptor pool of its own (their files have the names of Protos/' files,
so they cannot share the default pool with the generated modules).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

import kostra
from kostra._frames import encode_frame

HERE = Path(__file__).resolve().parent
TEACHER_NORM = "grunnskole.gruppestorrelse_2"


class Schema:
    def __init__(self, root: Path):
        self.root = root
        files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.proto"))
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "fds"
            subprocess.run(["protoc", f"-I{root}", "--include_imports", f"--descriptor_set_out={out}", *files], check=True)
            fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
        self.pool = descriptor_pool.DescriptorPool()
        for f in fds.file:
            self.pool.Add(f)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return message_factory.GetMessageClass(self.pool.FindMessageTypeByName(f"kostra.v1.{name}"))

    def enum(self, name):
        """An EnumDescriptor: values_by_name, values_by_number."""
        return self.pool.FindEnumTypeByName(f"kostra.v1.{name}")


@pytest.fixture(scope="module")
def older():
    return Schema(HERE / "evolution" / "older")


@pytest.fixture(scope="module")
def newer():
    return Schema(HERE / "evolution" / "newer")


def call(server, envelope_bytes: bytes) -> bytes:
    """One request frame on a new connection; the answer's payload."""
    import socket

    with socket.create_connection((server.host, server.port), timeout=30) as s:
        s.sendall(encode_frame(envelope_bytes))
        buf = b""
        while len(buf) < 5 or len(buf) < 5 + int.from_bytes(buf[1:5], "big"):
            chunk = s.recv(65536)
            assert chunk, "connection closed before the answer"
            buf += chunk
        return buf[5:]


# ---------------------------------------------------------------- older client


def test_the_schemas_differ_as_described(older, newer):
    assert "suggestions" not in older.ErrorDetail.DESCRIPTOR.fields_by_name
    assert "protocol_version" not in older.RequestEnvelope.DESCRIPTOR.fields_by_name
    assert "years" not in older.GetSeriesResponse.DESCRIPTOR.fields_by_name
    assert "trace_id" in newer.RequestEnvelope.DESCRIPTOR.fields_by_name
    assert "omit_sources" in newer.GetSeriesRequest.DESCRIPTOR.fields_by_name
    # The shared fields keep their numbers.
    for name, field in older.Observation.DESCRIPTOR.fields_by_name.items():
        assert kostra.Observation.DESCRIPTOR.fields_by_name[name].number == field.number


def test_older_client_reads_a_newer_answer(server, older):
    """The old client sends no protocol_version (read as 1) and decodes a
    series whose unit, status, sources and years it does not know."""
    req = older.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["Bærum"], from_year=2024, to_year=2024)
    env = older.RequestEnvelope(id=7, method="/kostra.v1.Kostra/GetSeries", payload=req.SerializeToString())
    raw = call(server, env.SerializeToString())
    answer = older.ResponseEnvelope.FromString(raw)
    assert answer.id == 7 and answer.status.code == 0
    resp = older.GetSeriesResponse.FromString(answer.payload)
    obs = resp.series[0].observations[0]
    assert obs.value == 16.9  # Tabell «Gruppestørrelse 2 - lærernorm», Bærum 2024
    # Enum values the old schema lacks stay numbers, not errors.
    assert obs.status == 3  # FIGURE_STATUS_AS_PUBLISHED, unknown to it
    assert resp.indicator.unit == 4  # UNIT_NUMBER, unknown to it
    assert older.enum("FigureStatus").values_by_number.get(3) is None
    # What it does not know it keeps: re-encoded and read with today's
    # schema, the answer is whole.
    today = kostra.GetSeriesResponse.FromString(resp.SerializeToString())
    assert today == kostra.GetSeriesResponse.FromString(answer.payload)
    assert list(today.years) == [2024] and today.series[0].observations[0].source.startswith("Tabell")
    # ResponseEnvelope.protocol_version (field 4) is unknown to it and kept too.
    assert kostra.ResponseEnvelope.FromString(answer.SerializeToString()).protocol_version == 1


def test_older_client_reads_an_error_with_details_it_does_not_know(server, older):
    req = older.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["Baerun"])
    env = older.RequestEnvelope(id=8, method="/kostra.v1.Kostra/GetSeries", payload=req.SerializeToString())
    answer = older.ResponseEnvelope.FromString(call(server, env.SerializeToString()))
    assert answer.status.code == 5 and answer.status.details[0].field == "regions[0]"
    today = kostra.Status.FromString(answer.status.SerializeToString())
    assert "Bærum" in today.details[0].suggestions


def test_older_client_with_the_kostra_client_package(server, older):
    """The package's own client speaks to the server with today's schema;
    an old ListRegions request (kind only) is read the same."""
    req = older.ListRegionsRequest(kind=1)
    with kostra.Client(server.host, server.port) as c:
        today = c.list_regions(kostra.ListRegionsRequest.FromString(req.SerializeToString()))
    assert len(today.regions) == 12  # the twelve ASSS municipalities


# ---------------------------------------------------------------- newer client


def test_newer_client_sends_fields_the_server_does_not_know(server, newer):
    """New request fields and new envelope fields are ignored: the answer is
    the one to the same request without them."""
    plain = newer.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["Bærum"], from_year=2024, to_year=2024)
    rich = newer.GetSeriesRequest()
    rich.CopyFrom(plain)
    rich.omit_sources = True
    rich.rounding = newer.enum("Rounding").values_by_name["ROUNDING_AS_PUBLISHED"].number
    rich.more_indicator_ids.append("grunnskole.gruppestorrelse_1")
    answers = []
    for req, extra in ((plain, {}), (rich, {"trace_id": "abc-123", "priority": 2})):
        env = newer.RequestEnvelope(id=9, method="/kostra.v1.Kostra/GetSeries", payload=req.SerializeToString(),
                                    protocol_version=1, **extra)
        answers.append(newer.ResponseEnvelope.FromString(call(server, env.SerializeToString())))
    assert answers[0].status.code == 0 and answers[1].status.code == 0
    assert answers[0].payload == answers[1].payload
    resp = newer.GetSeriesResponse.FromString(answers[1].payload)
    assert resp.series[0].observations[0].value == 16.9
    # Fields the server does not send are at their defaults.
    assert resp.regions[0].county_code == "" and answers[1].server_load_percent == 0


def test_newer_client_sends_an_enum_value_the_server_does_not_know(server, newer):
    county = newer.enum("RegionKind").values_by_name["REGION_KIND_COUNTY"].number
    env = newer.RequestEnvelope(id=10, method="/kostra.v1.Kostra/ListRegions",
                                payload=newer.ListRegionsRequest(kind=county).SerializeToString(), protocol_version=1)
    answer = newer.ResponseEnvelope.FromString(call(server, env.SerializeToString()))
    assert answer.status.code == 0, answer.status.message
    # The server reads a kind it does not know as REGION_KIND_UNSPECIFIED,
    # "no filter" (docs/schema-evolution.md, rule 6): every region comes back.
    env.payload = newer.ListRegionsRequest().SerializeToString()
    unfiltered = newer.ResponseEnvelope.FromString(call(server, env.SerializeToString()))
    regions = newer.ListRegionsResponse.FromString(answer.payload).regions
    assert len(regions) > 12 and answer.payload == unfiltered.payload


def test_newer_client_calling_a_method_the_server_lacks_is_unimplemented(server, newer):
    env = newer.RequestEnvelope(id=11, method="/kostra.v1.Kostra/GetRanking",
                                payload=newer.RegionYearRequest(region="Bærum", year=2024).SerializeToString())
    answer = newer.ResponseEnvelope.FromString(call(server, env.SerializeToString()))
    assert answer.id == 11 and answer.status.code == 12  # UNIMPLEMENTED: a new method needs a newer server
    assert "/kostra.v1.Kostra/GetSeries" in answer.status.message  # it lists what it has


def test_newer_client_reads_todays_answers(server, newer):
    with kostra.Client(server.host, server.port) as c:
        today = c.get_series(indicator_id=TEACHER_NORM, regions=["Bærum", "ASSS"])
    new = newer.GetSeriesResponse.FromString(today.SerializeToString())
    assert [o.value for o in new.series[1].observations] == [16.6, 16.5, 16.4, 16.4]


def test_unknown_wire_types_in_a_request_are_skipped(server):
    """Unknown fields of every wire type (varint, 64-bit, length-delimited,
    32-bit) in the payload and in the envelope: still answered OK."""
    unknown = (
        bytes.fromhex("a006") + b"\x96\x01"  # field 100, varint 150
        + bytes.fromhex("a906") + bytes(8)  # field 101, fixed64 0
        + bytes.fromhex("b206") + b"\x03abc"  # field 102, bytes "abc"
        + bytes.fromhex("bd06") + bytes(4)  # field 103, fixed32 0
    )
    req = kostra.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["Asker"], from_year=2024, to_year=2024)
    env = kostra.RequestEnvelope(id=12, method="/kostra.v1.Kostra/GetSeries",
                                 payload=req.SerializeToString() + unknown, protocol_version=1)
    answer = kostra.ResponseEnvelope.FromString(call(server, env.SerializeToString() + unknown))
    assert answer.status.code == 0, answer.status.message
    assert kostra.GetSeriesResponse.FromString(answer.payload).series[0].observations[0].value == 16.7


def test_a_protocol_version_the_server_does_not_speak_is_unimplemented(server):
    env = kostra.RequestEnvelope(id=13, method="/kostra.v1.Kostra/Check", protocol_version=2)
    answer = kostra.ResponseEnvelope.FromString(call(server, env.SerializeToString()))
    assert answer.id == 13 and answer.status.code == 12
    assert answer.protocol_version == 1


# ------------------------------------------------------ the rules, mechanically


def breaking_changes(old: Schema, new: Schema) -> list:
    """What in ``new`` breaks rules 1 and 2 against ``old``: a field or enum
    value whose number now has another name or type, or whose number is gone
    without being reserved."""
    problems = []
    old_files = [old.pool.FindFileByName(n) for n in _file_names(old)]
    for file in old_files:
        for message in _messages(file.message_types_by_name.values()):
            try:
                other = new.pool.FindMessageTypeByName(message.full_name)
            except KeyError:
                continue  # a whole message may go once nothing refers to it
            reserved = _reserved(new, message.full_name)
            for field in message.fields:
                now = other.fields_by_number.get(field.number)
                if now is None:
                    if field.number not in reserved:
                        problems.append(f"{message.full_name}.{field.name} = {field.number} removed, not reserved")
                elif (now.name, now.type, _repeated(now)) != (field.name, field.type, _repeated(field)):
                    problems.append(f"{message.full_name} field {field.number} was {field.name}, is {now.name}")
        for enum in list(file.enum_types_by_name.values()) + [
            e for m in _messages(file.message_types_by_name.values()) for e in m.enum_types
        ]:
            try:
                other = new.pool.FindEnumTypeByName(enum.full_name)
            except KeyError:
                continue
            for value in enum.values:
                now = other.values_by_number.get(value.number)
                if now is None:
                    problems.append(f"{enum.full_name} value {value.number} ({value.name}) removed")
                elif now.name != value.name:
                    problems.append(f"{enum.full_name} value {value.number} was {value.name}, is {now.name}")
    return problems


def _repeated(field) -> bool:
    repeated = getattr(field, "is_repeated", None)
    return bool(repeated) if repeated is not None else field.label == field.LABEL_REPEATED


def _messages(messages):
    for m in messages:
        yield m
        yield from _messages(m.nested_types)


def _file_names(schema: Schema):
    return [f"kostra/v1/{p.stem}.proto" for p in schema.root.rglob("*.proto")]


def _reserved(schema: Schema, full_name: str) -> set:
    from google.protobuf import descriptor_pb2 as d

    proto = d.DescriptorProto()
    schema.pool.FindMessageTypeByName(full_name).CopyToProto(proto)
    return {n for r in proto.reserved_range for n in range(r.start, r.end)}


@pytest.fixture(scope="module")
def today():
    return Schema(HERE.parents[2] / "Protos")


def test_older_to_today_and_today_to_newer_follow_the_rules(older, today, newer):
    assert breaking_changes(older, today) == []
    assert breaking_changes(today, newer) == []


def test_a_renumbered_field_and_an_unreserved_removal_are_caught(today, tmp_path):
    """The check itself: a copy of Protos/ with a field renumbered and
    another removed without `reserved` breaks the rules."""
    root = tmp_path / "broken"
    (root / "kostra" / "v1").mkdir(parents=True)
    for p in (HERE.parents[2] / "Protos" / "kostra" / "v1").glob("*.proto"):
        text = p.read_text(encoding="utf-8")
        if p.name == "series.proto":
            text = text.replace("string reported_code = 7;", "string reported_code = 8;")
            text = text.replace("  int32 to_year = 4;\n", "")
        (root / "kostra" / "v1" / p.name).write_text(text, encoding="utf-8")
    problems = breaking_changes(today, Schema(root))
    assert any("kostra.v1.Observation.reported_code = 7 removed" in p for p in problems), problems
    assert any("kostra.v1.GetSeriesRequest.to_year = 4 removed" in p for p in problems), problems
    # With the removal reserved, only the renumbering is left.
    text = (root / "kostra" / "v1" / "series.proto").read_text(encoding="utf-8")
    text = text.replace("  int32 from_year = 3;\n", "  int32 from_year = 3;\n  reserved 4;\n  reserved \"to_year\";\n", 1)
    (root / "kostra" / "v1" / "series.proto").write_text(text, encoding="utf-8")
    problems = breaking_changes(today, Schema(root))
    assert problems == ["kostra.v1.Observation.reported_code = 7 removed, not reserved"]


def test_protos_keeps_the_rules_against_its_own_history(today, tmp_path):
    """Every earlier version of Protos/ in git (each commit that changed it)
    against today's: nothing renumbered, nothing removed unreserved. Skipped
    where there is no git history (a source archive)."""
    repo = HERE.parents[2]
    log = subprocess.run(["git", "-C", str(repo), "log", "--format=%H", "--", "Protos/"],
                         capture_output=True, text=True)
    commits = log.stdout.split()
    if log.returncode != 0 or not commits:
        pytest.skip("no git history of Protos/ here")
    for commit in commits:
        root = tmp_path / commit
        files = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", commit, "Protos/"],
                               capture_output=True, text=True, check=True).stdout.split()
        for name in files:
            if not name.endswith(".proto"):
                continue
            target = root / Path(name).relative_to("Protos")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(subprocess.run(["git", "-C", str(repo), "show", f"{commit}:{name}"],
                                              capture_output=True, check=True).stdout)
        assert breaking_changes(Schema(root), today) == [], commit
