"""Interoperability of a Python client with kostra-server.

Everything here is written from PROTOCOL.md and Protos/kostra/v1/*.proto; the
expected figures come from the grunnskole chapter of Bærum's KOSTRA analysis
2025 (the server's built-in data).
"""

import random
import socket
import struct

import pytest
from google.protobuf import descriptor_pb2, text_format

import kostra_wire as kw

GRUPPESTORRELSE_2 = "grunnskole.gruppestorrelse_2"
ASSISTENTER = "grunnskole.assistentarsverk_per_100_laererarsverk"
YEARS = [2021, 2022, 2023, 2024]

# Table «Gruppestørrelse 2 - lærernorm», as the chapter prints it.
CHAPTER_TABLE = {
    "3201": [17.4, 17.3, 17.1, 16.9],  # Bærum
    "3203": [16.7, 16.3, 16.8, 16.7],  # Asker
    "ASSS": [16.6, 16.5, 16.4, 16.4],  # ASSS med Oslo
}
TOL = 1e-9

# Status codes (gRPC's numbers).
OK, INVALID_ARGUMENT, NOT_FOUND, RESOURCE_EXHAUSTED, UNIMPLEMENTED = 0, 3, 5, 8, 12


def series_values(series):
    """[(year, value or None, missing)] of one Series."""
    return [
        (o.year, o.value if o.HasField("value") else None, o.missing)
        for o in series.observations
    ]


def assert_chapter_series(resp, codes):
    """resp (a GetSeriesResponse) holds the chapter's rows for ``codes``, in order."""
    assert list(resp.years) == YEARS
    assert resp.indicator.id == GRUPPESTORRELSE_2
    assert [s.region_code for s in resp.series] == codes
    assert [r.code for r in resp.regions] == codes
    for s in resp.series:
        assert s.indicator_id == GRUPPESTORRELSE_2
        expected = CHAPTER_TABLE[s.region_code]
        assert [o.year for o in s.observations] == YEARS
        for o, want in zip(s.observations, expected):
            assert o.region_code == s.region_code
            assert o.HasField("value"), o
            assert o.missing == 0
            assert abs(o.value - want) <= TOL, (s.region_code, o.year, o.value, want)


# ---------------------------------------------------------------------------
# Health
# ---------------------------------------------------------------------------


def test_check_serving(client, schema):
    a = client.call("Check", schema.HealthCheckRequest())
    assert a.ok, a.status
    assert a.id != 0
    assert a.envelope.protocol_version == 1
    h = a.message
    assert h.status == 1  # SERVING_STATUS_SERVING
    assert h.status == schema.enum("HealthCheckResponse.ServingStatus").values_by_name["SERVING_STATUS_SERVING"].number
    assert h.data_version == "built-in"
    assert 2024 in h.years
    assert list(h.years) == sorted(h.years)  # oldest first
    assert h.server_version


# ---------------------------------------------------------------------------
# GetSeries
# ---------------------------------------------------------------------------


def test_get_series_chapter_table(client, schema):
    req = schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["Bærum", "Asker", "ASSS"])
    a = client.call("GetSeries", req)
    assert a.ok, a.status
    assert_chapter_series(a.message, ["3201", "3203", "ASSS"])
    names = {r.code: r.name for r in a.message.regions}
    assert names == {"3201": "Bærum", "3203": "Asker", "ASSS": "ASSS med Oslo"}
    baerum = a.message.regions[0]
    assert "3024" in [f.code for f in baerum.former_codes]


def test_get_series_region_aliases_agree(client, schema):
    answers = {}
    for name in ["baerum", "3024", "3201", "Bærum", "BÆRUM"]:
        a = client.call("GetSeries", schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=[name]))
        assert a.ok, (name, a.status)
        assert_chapter_series(a.message, ["3201"])
        answers[name] = a.message.series[0].SerializeToString()
    # Same series bytes whichever name was used.
    assert len(set(answers.values())) == 1, answers.keys()


def test_get_series_year_range(client, schema):
    req = schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["3203"], from_year=2022, to_year=2023)
    a = client.call("GetSeries", req)
    assert a.ok, a.status
    assert list(a.message.years) == [2022, 2023]
    got = [(y, v) for y, v, _ in series_values(a.message.series[0])]
    assert [y for y, _ in got] == [2022, 2023]
    assert all(abs(v - w) <= TOL for (_, v), w in zip(got, CHAPTER_TABLE["3203"][1:3]))


def test_get_series_answers_every_year_asked(client, schema):
    """PROTOCOL.md section 8: one observation per year asked for. The data has
    2021-2024; 2019 and 2020 are answered as missing, with the reason
    MISSING_REASON_OUTSIDE_DATA and a source naming the years there are, so
    a client that lays out columns by the years it asked for keeps every
    figure in its column."""
    asked = list(range(2019, 2025))
    req = schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["Bærum", "ASSS"], from_year=2019, to_year=2024)
    a = client.call("GetSeries", req)
    assert a.ok, a.status
    assert list(a.message.years) == asked
    outside = schema.enum("MissingReason").values_by_name["MISSING_REASON_OUTSIDE_DATA"].number
    unspecified = schema.enum("FigureStatus").values_by_name["FIGURE_STATUS_UNSPECIFIED"].number
    for s in a.message.series:
        assert [o.year for o in s.observations] == asked
        early, known = s.observations[:2], s.observations[2:]
        for o in early:
            assert not o.HasField("value"), o
            assert o.missing == outside
            assert o.status == unspecified
            assert "2021–2024" in o.source, o.source
        # The chapter's row, in the columns 2021-2024.
        assert [o.value for o in known] == CHAPTER_TABLE[s.region_code]
        assert all(o.missing == 0 for o in known)


def test_get_series_open_range_reaching_past_the_data(client, schema):
    """from_year 2023 with to_year 0 (to the latest) is 2023-2024; to_year 2026
    adds 2025 and 2026 as outside the data."""
    a = client.call("GetSeries", schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["3203"], from_year=2023))
    assert a.ok, a.status
    assert list(a.message.years) == [2023, 2024]
    a = client.call("GetSeries", schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["3203"], from_year=2023, to_year=2026))
    assert a.ok, a.status
    assert list(a.message.years) == [2023, 2024, 2025, 2026]
    got = series_values(a.message.series[0])
    outside = schema.enum("MissingReason").values_by_name["MISSING_REASON_OUTSIDE_DATA"].number
    # Asker 16,8 (2023) and 16,7 (2024) from the chapter's table, then two missing years.
    assert got == [(2023, 16.8, 0), (2024, 16.7, 0), (2025, None, outside), (2026, None, outside)]


def test_get_series_range_wholly_outside_is_not_found(client, schema):
    """A range with no year of data stays NOT_FOUND, listing the years there are."""
    for lo, hi in [(2015, 2020), (2025, 2030), (2030, 0)]:
        a = client.call("GetSeries", schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["3201"], from_year=lo, to_year=hi))
        assert a.status.code == NOT_FOUND, (lo, hi, a.status)
        assert "2021–2024" in a.status.message, a.status.message


def test_missing_value_has_no_value_field(client, schema):
    ind = client.call("ListIndicators", schema.ListIndicatorsRequest())
    assert ind.ok, ind.status
    by_name = {i.name_nb: i.id for i in ind.message.indicators}
    assert by_name["Antall assistentårsverk per hundre lærerårsverk"] == ASSISTENTER

    a = client.call("GetSeries", schema.GetSeriesRequest(indicator_id=ASSISTENTER, regions=["Bærum", "Asker", "ASSS"]))
    assert a.ok, a.status
    rows = {s.region_code: series_values(s) for s in a.message.series}
    # The chapter's table: Bærum 10 11 14 13, Asker 14 13 14 13, no ASSS row.
    assert [v for _, v, _ in rows["3201"]] == [10, 11, 14, 13]
    assert [v for _, v, _ in rows["3203"]] == [14, 13, 14, 13]
    assert all(m == 0 for _, _, m in rows["3201"] + rows["3203"])
    # One observation per year in every row, even where nothing is known.
    assert [y for y, _, _ in rows["ASSS"]] == YEARS
    for obs in a.message.series[2].observations:
        assert not obs.HasField("value"), obs
        assert obs.WhichOneof("value_opt") is None
        assert obs.missing != 0
        assert schema.enum("MissingReason").values_by_number[obs.missing].name.startswith("MISSING_REASON_")


# ---------------------------------------------------------------------------
# Pipelining
# ---------------------------------------------------------------------------


def _pipeline_cases(schema):
    """50 (method, request, check) triples, of mixed methods, each of which
    can only be satisfied by its own answer."""
    cases = []
    regions = [("Bærum", "3201"), ("asker", "3203"), ("ASSS", "ASSS"), ("3024", "3201"), ("3025", "3203")]

    def series_check(code, year):
        def check(a):
            assert a.ok, a.status
            (s,) = a.message.series
            assert s.region_code == code
            assert list(a.message.years) == [year]
            (o,) = s.observations
            assert o.year == year
            assert abs(o.value - CHAPTER_TABLE[code][YEARS.index(year)]) <= TOL
        return check

    for region, code in regions:
        for year in YEARS:
            req = schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=[region], from_year=year, to_year=year)
            cases.append(("GetSeries", req, series_check(code, year)))  # 20

    def check_health(a):
        assert a.ok and a.message.status == 1 and a.message.data_version == "built-in"

    def check_indicators(a):
        assert a.ok
        ids = [i.id for i in a.message.indicators]
        assert GRUPPESTORRELSE_2 in ids and ASSISTENTER in ids

    def check_municipalities(a):
        assert a.ok
        kinds = {r.kind for r in a.message.regions}
        assert kinds == {1}, kinds  # REGION_KIND_MUNICIPALITY
        assert "3201" in [r.code for r in a.message.regions]

    def check_all_regions(a):
        assert a.ok
        codes = [r.code for r in a.message.regions]
        assert "ASSS" in codes and "3201" in codes

    def check_schema(a):
        assert a.ok
        assert "kostra/v1/kostra.proto" in a.message.files

    def check_not_found(a):
        assert a.code == NOT_FOUND, a.status
        assert a.envelope.payload == b""

    def check_unimplemented(a):
        assert a.code == UNIMPLEMENTED, a.status

    for _ in range(6):
        cases.append(("Check", schema.HealthCheckRequest(), check_health))
    for _ in range(5):
        cases.append(("ListIndicators", schema.ListIndicatorsRequest(), check_indicators))
    for _ in range(4):
        cases.append(("ListRegions", schema.ListRegionsRequest(kind=1), check_municipalities))
    for _ in range(4):
        cases.append(("ListRegions", schema.ListRegionsRequest(), check_all_regions))
    for _ in range(3):
        cases.append(("GetSchema", schema.GetSchemaRequest(), check_schema))
    for _ in range(5):
        req = schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["Baerun"])
        cases.append(("GetSeries", req, check_not_found))
    for _ in range(3):
        cases.append(("NoSuchMethod", schema.HealthCheckRequest(), check_unimplemented))
    assert len(cases) == 50
    return cases


def test_pipelining_50_requests_one_write(client, schema):
    rng = random.Random(20250611)
    cases = _pipeline_cases(schema)
    rng.shuffle(cases)
    # Distinct ids in no order, some above 2^32 (id is a uint64).
    ids = rng.sample(range(1, 1000), 25) + [rng.randrange(2**32, 2**64) for _ in range(25)]
    assert len(set(ids)) == 50
    rng.shuffle(ids)
    envelopes = [client.request_envelope(m, r, id=i) for i, (m, r, _) in zip(ids, cases)]
    by_id = {i: case for i, case in zip(ids, cases)}

    client.send_envelopes(envelopes)  # all 50 frames in one sendall

    answered = {}
    for _ in range(50):
        a = client.recv()
        assert a.id in by_id, f"answer for unknown id {a.id}"
        assert a.id not in answered, f"second answer for id {a.id}"
        answered[a.id] = a
    assert set(answered) == set(ids)
    for i, (method, _req, check) in by_id.items():
        check(answered[i])


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


def test_unknown_region_not_found_with_suggestion(client, schema):
    a = client.call("GetSeries", schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["Bærum", "Baerun"]))
    assert a.code == NOT_FOUND, a.status
    assert a.envelope.payload == b""
    assert a.status.message
    suggestions = [s for d in a.status.details for s in d.suggestions]
    assert "Bærum" in suggestions, a.status
    assert any(d.field == "regions[1]" for d in a.status.details), a.status


def test_unknown_method_unimplemented(client, schema):
    a = client.call("/kostra.v1.Kostra/GetSeriez", schema.GetSeriesRequest())
    assert a.code == UNIMPLEMENTED, a.status
    assert "/kostra.v1.Kostra/GetSeries" in a.status.message  # lists the methods


def test_garbage_payload_invalid_argument(client, schema):
    a = client.call("GetSeries", payload=b"\xff\xff\xff\xff")
    assert a.code == INVALID_ARGUMENT, a.status
    assert "GetSeriesRequest" in a.status.message  # names the type expected


def test_bad_protocol_version_unimplemented(client, schema):
    env = client.request_envelope("Check", schema.HealthCheckRequest())
    env.protocol_version = 2
    client.send_envelopes([env])
    a = client.recv()
    assert a.id == env.id
    assert a.code == UNIMPLEMENTED, a.status


def test_connection_level_errors_keep_connection(client, schema):
    # An empty frame is an envelope with id 0; not a valid RequestEnvelope: id 0,
    # INVALID_ARGUMENT, and the connection stays usable.
    client.send_raw(kw.encode_frame(b""))
    a = client.recv()
    assert (a.id, a.code) == (0, INVALID_ARGUMENT), a.status
    client.send_raw(kw.encode_frame(b"\xff\xff\xff"))
    a = client.recv()
    assert (a.id, a.code) == (0, INVALID_ARGUMENT), a.status
    assert client.call("Check", schema.HealthCheckRequest()).ok


def test_flag_byte_one_closes_connection(server, schema):
    with server.client(schema=schema) as c:
        env = c.request_envelope("Check", schema.HealthCheckRequest(), id=77)
        c.send_raw(kw.encode_frame(env.SerializeToString(), flags=0x01))
        a = c.recv()
        assert a.id == 0
        assert a.code != OK
        assert a.code == UNIMPLEMENTED, a.status  # PROTOCOL.md section 6
        assert c.wait_closed(timeout=30), "server kept the connection open"


def test_oversized_length_closes_connection(server, schema):
    with server.client(schema=schema) as c:
        # Only the header: the server must answer without waiting for the payload.
        c.send_raw(struct.pack(">BI", 0, 4 * 1024 * 1024 + 1))
        a = c.recv()
        assert (a.id, a.code) == (0, RESOURCE_EXHAUSTED), a.status
        assert "4194305" in a.status.message.replace(" ", "").replace("\u202f", "")
        assert c.wait_closed(timeout=30)


def test_connection_ended_inside_frame(server, schema):
    with server.client(schema=schema) as c:
        c.send_raw(struct.pack(">BI", 0, 100) + b"\x08\x01")
        c.sock.shutdown(socket.SHUT_WR)
        a = c.recv()
        assert (a.id, a.code) == (0, INVALID_ARGUMENT), a.status
        assert c.wait_closed(timeout=30)


def test_requests_before_broken_frame_are_answered(server, schema):
    with server.client(schema=schema) as c:
        good = c.request_envelope("Check", schema.HealthCheckRequest(), id=5)
        c.send_raw(kw.encode_frame(good.SerializeToString()) + kw.encode_frame(b"", flags=0x01), expect=[good])
        answers = {}
        for _ in range(2):
            a = c.recv()
            answers[a.id] = a
        assert answers[5].ok and answers[5].message.status == 1
        assert answers[0].code == UNIMPLEMENTED
        assert c.wait_closed(timeout=30)


def test_new_connection_served_after_errors(server, schema):
    # Runs after the error tests above (pytest keeps file order).
    with server.client(schema=schema) as c:
        a = c.call("GetSeries", schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["Bærum"]))
        assert a.ok, a.status
        assert_chapter_series(a.message, ["3201"])


# ---------------------------------------------------------------------------
# GetSchema: a client that needs no generated code and no .proto files
# ---------------------------------------------------------------------------


def _varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _read_varint(buf, pos):
    shift = result = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result, pos


def _fields(buf):
    """Top-level (number, wire_type, value) of a protobuf message; value is an
    int for varints and bytes for length-delimited fields."""
    pos = 0
    while pos < len(buf):
        key, pos = _read_varint(buf, pos)
        number, wt = key >> 3, key & 7
        if wt == 0:
            value, pos = _read_varint(buf, pos)
        elif wt == 2:
            n, pos = _read_varint(buf, pos)
            value, pos = bytes(buf[pos : pos + n]), pos + n
        elif wt == 1:
            value, pos = bytes(buf[pos : pos + 8]), pos + 8
        elif wt == 5:
            value, pos = bytes(buf[pos : pos + 4]), pos + 4
        else:
            raise ValueError(f"wire type {wt}")
        yield number, wt, value


def _bootstrap_get_schema(server):
    """GetSchema with hand-made bytes, as PROTOCOL.md section 8 describes:
    RequestEnvelope{id=1, method=..., protocol_version=1}, empty request;
    the answer's payload (field 3) is a GetSchemaResponse whose field 1 is the
    FileDescriptorSet."""
    method = b"/kostra.v1.Kostra/GetSchema"
    env = b"\x08\x01" + b"\x12" + _varint(len(method)) + method + b"\x28\x01"
    with socket.create_connection((server.host, server.port), timeout=60) as s:
        s.sendall(kw.encode_frame(env))
        reader = kw.FrameReader(s)
        resp = dict((n, v) for n, _, v in _fields(reader.read_frame()))
    assert resp.get(1) == 1, resp  # id
    if 2 in resp:  # status present: code must be OK (0)
        status = dict((n, v) for n, _, v in _fields(resp[2]))
        assert status.get(1, 0) == 0, status
    schema_resp = [v for n, _, v in _fields(resp[3]) if n == 1]
    assert len(schema_resp) == 1
    return schema_resp[0]


def test_get_schema_is_enough_for_a_client(server, schema):
    fds_bytes = _bootstrap_get_schema(server)
    fds = descriptor_pb2.FileDescriptorSet.FromString(fds_bytes)
    files = {f.name: f for f in fds.file}
    assert "kostra/v1/kostra.proto" in files
    kostra_proto = files["kostra/v1/kostra.proto"]
    (service,) = [s for s in kostra_proto.service if s.name == "Kostra"]
    assert [m.name for m in service.method] == [
        "Check", "GetSchema", "ListIndicators", "ListRegions", "GetSeries",
        "GetProfile", "Compare", "GetGroupAverage", "GetProductionIndex", "GetProductionChange",
        "GetEfficiency", "GetResourceUse", "GetTeacherNorm", "GetStatements", "Reload",
    ]
    io = {m.name: (m.input_type, m.output_type) for m in service.method}
    assert io["GetSeries"] == (".kostra.v1.GetSeriesRequest", ".kostra.v1.GetSeriesResponse")
    # Dependencies come before the files that import them.
    seen = set()
    for f in fds.file:
        assert set(f.dependency) <= seen, (f.name, list(f.dependency))
        seen.add(f.name)

    # Message classes from THAT set alone, in a fresh pool.
    fresh = kw.Schema(fds_bytes)
    assert fresh.pool is not schema.pool
    with kw.Client(server.host, server.port, schema=fresh) as c:
        a = c.call("GetSeries", fresh.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["Bærum", "Asker", "ASSS"]))
        assert a.ok, a.status
        resp = a.message
        assert type(resp).DESCRIPTOR.file.pool is fresh.pool
        assert_chapter_series(resp, ["3201", "3203", "ASSS"])
        # The GetSchemaResponse also lists the files, dependencies first.
        g = c.call("GetSchema", fresh.GetSchemaRequest())
        assert list(g.message.files) == [f.name for f in fds.file]


def test_server_schema_matches_protos_dir(server, schema):
    """The schema the server returns describes the same messages, fields,
    enums and methods as Protos/ compiled by protoc."""
    served = kw.Schema(_bootstrap_get_schema(server))

    def shape(s):
        """{full name: description} of every message, enum and service of
        package kostra.v1, from the FileDescriptorProtos (comments and
        options left out)."""
        out = {}

        def messages(prefix, msgs):
            for m in msgs:
                name = f"{prefix}.{m.name}"
                out[name] = sorted(
                    (f.name, f.number, f.type, f.label, f.type_name,
                     m.oneof_decl[f.oneof_index].name if f.HasField("oneof_index") else "")
                    for f in m.field
                )
                enums(name, m.enum_type)
                messages(name, m.nested_type)

        def enums(prefix, es):
            for e in es:
                out[f"{prefix}.{e.name}"] = sorted((v.name, v.number) for v in e.value)

        for f in s.file_set.file:
            if f.package != "kostra.v1":
                continue
            messages(".kostra.v1", f.message_type)
            enums(".kostra.v1", f.enum_type)
            for sv in f.service:
                out[f".kostra.v1.{sv.name}"] = [(m.name, m.input_type, m.output_type) for m in sv.method]
        return out

    mine, theirs = shape(schema), shape(served)
    assert sorted(theirs) == sorted(mine)
    for name in mine:
        assert theirs[name] == mine[name], name


# ---------------------------------------------------------------------------
# Metadata and unknown fields are ignored
# ---------------------------------------------------------------------------


def test_metadata_and_unknown_fields_ignored(client, schema):
    env = client.request_envelope(
        "Check", schema.HealthCheckRequest(), metadata=[("x-trace", "Bærum ✓"), ("x-empty", "")]
    )
    # An unknown field (number 31, varint) appended to the envelope.
    client.send_raw(kw.encode_frame(env.SerializeToString() + b"\xf8\x01\x07"), expect=[env])
    a = client.recv()
    assert a.id == env.id and a.ok, a.status
    assert a.message.status == 1


def test_text_format_round_trip(schema):
    """The runtime-built classes behave like generated ones (sanity check)."""
    o = schema.Observation(region_code="3201", year=2024, value=0.0)
    assert o.HasField("value")
    o2 = text_format.Parse(text_format.MessageToString(o), schema.Observation())
    assert o2 == o and o2.HasField("value")


# ---------------------------------------------------------------------------
# scripts/protocol-example.py keeps working
# ---------------------------------------------------------------------------


def test_protocol_example_script(server):
    import subprocess
    import sys

    script = kw.REPO_ROOT / "scripts" / "protocol-example.py"
    out = subprocess.run(
        [sys.executable, str(script), server.host, str(server.port)],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    assert out.count("```") % 2 == 0
    assert "00000000  00 00 00 00 4f" in out  # request frame: flag 0, length 79
    assert "value: 16.9" in out and 'regions: "Bærum"' in out
