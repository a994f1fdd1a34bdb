"""The conformance vectors of Tests/conformance/ checked with this package:
the files are what make_conformance.py writes, each request frame is what
the index's description of it encodes to, each frame sent as it is gets an
answer that meets the case's expectations, and the same request through the
client's methods meets them too (an error as the exception of its code)."""

from __future__ import annotations

import socket

import pytest
from google.protobuf import json_format, symbol_database

import conformance
import kostra
import make_conformance
from kostra._frames import encode_frame

INDEX = conformance.load_index()
CASES = INDEX["cases"]


def classes(full_name: str) -> type:
    return symbol_database.Default().GetSymbol(full_name)


def test_files_are_what_the_script_writes():
    assert make_conformance.main(["--check"]) == 0, "run Tests/conformance/make_conformance.py"


def test_every_method_has_a_case_and_an_error_case_exists():
    methods = {c["method"] for c in CASES}
    assert methods == set(kostra.METHODS), set(kostra.METHODS) - methods
    codes = {c["expect"]["code"] for c in CASES}
    assert {0, 3, 5, 12} <= codes


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_request_frame_is_the_encoding_of_its_description(case):
    """A client in any language can build these bytes from the index alone."""
    env = case["envelope"]
    payload = bytes.fromhex(env["payload_hex"])
    if "request" in case:
        request = json_format.ParseDict(case["request"], classes(case["request_type"])())
        assert request.SerializeToString() + bytes.fromhex(env.get("payload_extra_hex", "")) == payload
    envelope = kostra.RequestEnvelope(
        id=int(env["id"]), method=env["method"], timeout_ms=env["timeout_ms"], payload=payload,
        protocol_version=env["protocol_version"],
        metadata=[kostra.MetadataEntry(key=m["key"], value=m["value"]) for m in env["metadata"]],
    )
    frame = encode_frame(envelope.SerializeToString() + bytes.fromhex(env.get("envelope_extra_hex", "")))
    assert frame == (conformance.HERE / case["request_file"]).read_bytes()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_raw_frame_against_the_server(server, case):
    frame = (conformance.HERE / case["request_file"]).read_bytes()
    answer = make_conformance.exchange(server.host, server.port, frame)
    outcome = conformance.check_answer(case, answer, classes)
    assert outcome.problems == []


THROUGH_CLIENT = [
    c for c in CASES
    if c["envelope"]["method"] == kostra.METHODS[c["method"]].path
    and c["envelope"]["protocol_version"] == 1 and "request" in c
    and c["envelope"]["id"] != "0"  # the client picks its own ids; id 0 is a case of the raw frame only
]


@pytest.mark.parametrize("case", THROUGH_CLIENT, ids=[c["name"] for c in THROUGH_CLIENT])
def test_through_the_client(client, case):
    request = json_format.ParseDict(case["request"], classes(case["request_type"])())
    expect = case["expect"]
    if expect["code"] == 0:
        response = client.call(case["method"], request)
        problems = [p for p in (conformance.check(response, c) for c in expect.get("checks", [])) if p]
    else:
        with pytest.raises(kostra.KostraError) as info:
            client.call(case["method"], request)
        assert info.value.code == expect["code"]
        assert type(info.value) is kostra.errors.ERRORS_BY_CODE[expect["code"]]
        problems = [p for p in (conformance.check(info.value.status, c) for c in expect.get("status_checks", [])) if p]
    assert problems == []


def test_check_finds_what_is_wrong():
    """The checker itself: each kind of expectation can fail."""
    r = kostra.GetSeriesResponse(years=[2024])
    s = r.series.add(region_code="3201")
    s.observations.add(year=2024, value=16.9, status=3)
    s.observations.add(year=2023)
    assert conformance.check(r, {"path": "series[0].observations[0].value", "equals": 16.9}) is None
    assert conformance.check(r, {"path": "series[0].observations[0].value", "equals": 17.0})
    assert conformance.check(r, {"path": "series[region_code=3201].observations[0].status", "equals": 3,
                                 "enum": "FIGURE_STATUS_AS_PUBLISHED"}) is None
    assert conformance.check(r, {"path": "series[0].observations[0].status", "equals": 3, "enum": "FIGURE_STATUS_FINAL"})
    assert conformance.check(r, {"path": "series[0].observations[1].value", "present": False}) is None
    assert conformance.check(r, {"path": "series[0].observations[1].value", "present": True})
    assert conformance.check(r, {"path": "series[0].observations[0].value", "approx": 17, "tolerance": 0.01})
    assert conformance.check(r, {"path": "years", "contains": 2023})
    assert conformance.check(r, {"path": "years", "length": 2})
    assert conformance.check(r, {"path": "series[1].region_code", "equals": "3201"})
    assert conformance.check(r, {"path": "series[region_code=0301].region_code", "equals": "0301"})
    assert conformance.check(r, {"path": "indicator.id", "equals": ""})  # indicator is not set


def test_protocol_md_section_9_is_a_vector():
    """PROTOCOL.md's hex dumps of a real request and answer are the frames of
    the case get_series_teacher_norm_baerum_2024, byte for byte."""
    import re

    doc = (conformance.HERE.parents[1] / "PROTOCOL.md").read_text(encoding="utf-8")
    dumps = re.findall(r"```text\n(00000000.*?)```", doc, re.S)
    assert len(dumps) == 2

    def parse(dump):
        out = b""
        for line in dump.splitlines():
            m = re.match(r"^[0-9a-f]{8}  (.*?)\s*\|", line)
            if m:
                out += bytes.fromhex(m.group(1).replace(" ", ""))
        return out

    base = conformance.HERE / "GetSeries" / "get_series_teacher_norm_baerum_2024"
    assert parse(dumps[0]) == (base.parent / (base.name + ".request.bin")).read_bytes()
    assert parse(dumps[1]) == (base.parent / (base.name + ".response.bin")).read_bytes()
