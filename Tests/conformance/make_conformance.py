#!/usr/bin/env python3
"""Writes the conformance vectors of Tests/conformance/ (README.md beside
this file): for each case a request frame, the expectations in index.json,
and for the cases marked exact the answer frame byte for byte.

    python3 Tests/conformance/make_conformance.py            # write; needs a kostra-server
    python3 Tests/conformance/make_conformance.py --check    # exit 1 if the files differ

Writing starts ``kostra-server`` ($KOSTRA_SERVER_BIN, else
.build/debug/kostra-server), sends every request, and refuses to write
unless every expectation below holds for the live answer. The expectations
are written by hand: the figures are the chapter's
(../shared/seed/kostra-analyse-2025-grunnskole.txt from the repository root, «KOSTRA-analyse 2025»,
grunnskole), with the arithmetic beside the computed ones. ``--check`` needs
no server: the requests and index.json are a function of this script.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "clients" / "python" / "src"))
sys.path.insert(0, str(REPO / "Tests" / "python"))
sys.path.insert(0, str(HERE))

from google.protobuf import json_format, symbol_database  # noqa: E402

import conformance  # noqa: E402
import kostra  # noqa: E402
from kostra._frames import encode_frame  # noqa: E402

FORMAT = 1


def eq(path, value, note=None, enum=None):
    c = {"path": path, "equals": value}
    if enum:
        c["enum"] = enum
    if note:
        c["note"] = note
    return c


def approx(path, value, tolerance, note=None):
    c = {"path": path, "approx": value, "tolerance": tolerance}
    if note:
        c["note"] = note
    return c


def has(path, value, note=None):
    c = {"path": path, "contains": value}
    if note:
        c["note"] = note
    return c


def length(path, n, note=None):
    c = {"path": path, "length": n}
    if note:
        c["note"] = note
    return c


def present(path, flag=True, note=None):
    c = {"path": path, "present": flag}
    if note:
        c["note"] = note
    return c


TEACHER_NORM = "grunnskole.gruppestorrelse_2"
NET_EXPENDITURE = "grunnskole.netto_driftsutgifter_sektor_per_innbygger_6_15"
GS2_TABLE = "Tabell «Gruppestørrelse 2 - lærernorm»: Bærum 17,4 17,3 17,1 16,9; Asker 16,7 16,3 16,8 16,7; ASSS med Oslo 16,6 16,5 16,4 16,4"
NET_TABLE = "Tabell «Netto driftsutgifter til grunnskolesektor, per innbygger 6-15 år»: Bærum 133,8 131,6 135,9 136,8; Asker 136,3 136,6 141,4 143,0; ASSS med Oslo 148,2 148,6 156,4 154,1"


def cases():
    """[(name, method, request message or raw payload bytes, envelope options, expect, exact)]."""
    k = kostra
    out = []

    def case(name, method, request, expect, *, description, exact=False, **envelope):
        out.append(dict(name=name, method=method, request=request, expect=expect,
                        description=description, exact=exact, envelope=envelope))

    # ---- Check, GetSchema, ListIndicators, ListRegions ----
    case("check", "Check", k.HealthCheckRequest(), {"code": 0, "checks": [
        eq("status", 1, enum="SERVING_STATUS_SERVING"),
        eq("data_version", "built-in"),
        length("years", 4, "the chapter's tables span 2021-2024"),
        has("years", 2021), has("years", 2024),
    ]}, description="Health: SERVING, built-in data, the years 2021-2024 of the chapter's tables.")
    case("get_schema", "GetSchema", k.GetSchemaRequest(), {"code": 0, "checks": [
        length("files", 7, "the seven files of Protos/kostra/v1"),
        has("files", "kostra/v1/kostra.proto"), has("files", "kostra/v1/envelope.proto"),
    ]}, description="The schema: a FileDescriptorSet of the seven files of Protos/.")
    case("list_indicators_grunnskole", "ListIndicators", k.ListIndicatorsRequest(service="grunnskole"), {"code": 0, "checks": [
        eq(f"indicators[id={TEACHER_NORM}].name_nb", "Gruppestørrelse 2 - lærernorm", "the chapter's table title"),
        eq(f"indicators[id={TEACHER_NORM}].unit", 4, enum="UNIT_NUMBER"),
        eq(f"indicators[id={TEACHER_NORM}].direction", 4, enum="DIRECTION_HIGHER_COSTS_LESS"),
        eq(f"indicators[id={NET_EXPENDITURE}].unit", 2, "the chapter's 133,8 means 133 800 kr", enum="UNIT_THOUSAND_NOK"),
        eq(f"indicators[id={TEACHER_NORM}].service", "grunnskole"),
    ]}, description="The indicators of service «grunnskole», among them gruppestørrelse 2 in pupils per teacher.")
    case("list_regions_municipalities", "ListRegions", k.ListRegionsRequest(kind=1), {"code": 0, "checks": [
        length("regions", 12, "the twelve ASSS municipalities"),
        eq("regions[code=3201].name", "Bærum"),
        eq("regions[code=3201].former_codes[0].code", "3024", "Bærum's number before the 2024 reform"),
        eq("regions[code=3201].former_codes[0].last_year", 2023),
        eq("regions[code=3203].name", "Asker"),
        eq("regions[code=0301].name", "Oslo"),
    ]}, description="The municipalities (kind REGION_KIND_MUNICIPALITY = 1): twelve, Bærum with its former number 3024.")

    # ---- GetSeries ----
    case("get_series_teacher_norm_baerum_2024", "GetSeries",
         k.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["Bærum"], from_year=2024, to_year=2024),
         {"code": 0, "checks": [
             eq("series[0].region_code", "3201"),
             eq("series[0].observations[0].value", 16.9, GS2_TABLE),
             eq("series[0].observations[0].status", 3, enum="FIGURE_STATUS_AS_PUBLISHED"),
             eq("regions[0].name", "Bærum"),
             eq("years[0]", 2024), length("years", 1),
         ]}, exact=True, id=1,
         description="PROTOCOL.md section 9's example, byte for byte (request and answer): Bærum's gruppestørrelse 2 in 2024 is 16,9.")
    case("get_series_net_expenditure_three_regions", "GetSeries",
         k.GetSeriesRequest(indicator_id=NET_EXPENDITURE, regions=["3024", "asker", "ASSS"]),
         {"code": 0, "checks": [
             eq("regions[0].code", "3201", "3024 is Bærum's former number; answers use the current code"),
             eq("regions[1].code", "3203"), eq("regions[2].code", "ASSS"),
             length("years", 4),
             eq("series[0].observations[0].value", 133.8, NET_TABLE),
             eq("series[0].observations[3].value", 136.8, NET_TABLE),
             eq("series[1].observations[3].value", 143.0, NET_TABLE),
             eq("series[2].observations[2].value", 156.4, NET_TABLE),
             eq("series[2].observations[3].value", 154.1, NET_TABLE),
         ]}, description="Regions by former number, lower-case name and group: the chapter's first table, all four years.")
    case("get_series_missing_cells", "GetSeries",
         k.GetSeriesRequest(indicator_id="grunnskole.assistentarsverk_per_100_laererarsverk", regions=["Bærum", "ASSS"]),
         {"code": 0, "checks": [
             eq("series[0].observations[2].value", 14.0, "Tabell «Antall assistentårsverk per hundre lærerårsverk»: Bærum 10 11 14 13"),
             present("series[1].observations[0].value", False, "the table gives no ASSS figure: absent, never 0"),
             eq("series[1].observations[0].missing", 4, enum="MISSING_REASON_NOT_PUBLISHED"),
         ]}, description="A missing figure has no value field at all and says why.")
    case("get_series_unknown_region", "GetSeries",
         k.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["Baerun"]),
         {"code": 5, "status_checks": [
             eq("details[0].field", "regions[0]"),
             has("details[0].suggestions", "Bærum"),
             has("message", "Baerun"),
         ]}, exact=True, description="A misspelt region: NOT_FOUND on regions[0], Bærum suggested.")
    case("get_series_empty_indicator", "GetSeries", k.GetSeriesRequest(regions=["Bærum"]),
         {"code": 3, "status_checks": [eq("details[0].field", "indicator_id")]},
         description="No indicator id: INVALID_ARGUMENT naming the field.")
    case("get_series_unknown_indicator", "GetSeries",
         k.GetSeriesRequest(indicator_id="grunnskole.gruppestorrelse2", regions=["Bærum"]),
         {"code": 5, "status_checks": [eq("details[0].field", "indicator_id"), has("details[0].suggestions", TEACHER_NORM)]},
         description="A misspelt indicator: NOT_FOUND with the right id suggested.")
    case("get_series_reversed_years", "GetSeries",
         k.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["Bærum"], from_year=2024, to_year=2021),
         {"code": 3, "status_checks": []},
         description="from_year after to_year: INVALID_ARGUMENT.")

    # ---- Analysis ----
    case("get_profile_baerum_2024", "GetProfile", k.GetProfileRequest(region="baerum", year=2024), {"code": 0, "checks": [
        eq("region.code", "3201"), eq("reference.code", "ASSS"),
        eq(f"rows[indicator.id={TEACHER_NORM}].value", 16.9, GS2_TABLE),
        eq(f"rows[indicator.id={TEACHER_NORM}].reference_value", 16.4, GS2_TABLE),
        approx(f"rows[indicator.id={TEACHER_NORM}].index.value", 103.04878, 1e-5, "100 × 16,9 / 16,4 = 103,04878"),
        eq(f"rows[indicator.id={TEACHER_NORM}].index.provenance.method", 1, enum="ANALYSIS_METHOD_SERVICE_PROFILE"),
        length(f"rows[indicator.id={TEACHER_NORM}].index.provenance.inputs", 2),
    ]}, description="The service profile, ASSS = 100: gruppestørrelse 2 at 100 × 16,9 / 16,4.")
    case("compare_baerum_asker_2024", "Compare",
         k.CompareRequest(region="Bærum", **{"with": ["Asker"]}, indicator_id=NET_EXPENDITURE, from_year=2024, to_year=2024),
         {"code": 0, "checks": [
             eq("indicators[0].series[0].years[0].value", 136.8, NET_TABLE),
             eq("indicators[0].series[1].years[0].value", 143.0, NET_TABLE),
             approx("indicators[0].differences[other_region_code=3203].absolute.value", -6.2, 1e-9, "136,8 − 143,0 = −6,2"),
             approx("indicators[0].differences[other_region_code=3203].index.value", 95.66434, 1e-5, "100 × 136,8 / 143,0 = 95,66434"),
         ]}, description="Bærum against Asker, net expenditure per inhabitant 6-15 in 2024.")
    case("get_group_average_asss_teacher_norm_2024", "GetGroupAverage",
         k.GetGroupAverageRequest(group="ASSS", indicator_id=TEACHER_NORM, year=2024),
         {"code": 0, "checks": [
             eq("group.code", "ASSS"),
             eq("published.value", 16.4, GS2_TABLE),
             length("members", 12, "the twelve ASSS municipalities"),
             eq("members[region.code=3201].value", 16.9, GS2_TABLE),
         ]}, description="ASSS's average of gruppestørrelse 2 in 2024 beside its members.")
    case("get_production_index_baerum_2024", "GetProductionIndex", k.RegionYearRequest(region="3024", year=2024), {"code": 0, "checks": [
        eq("region.code", "3201"),
        eq("published_total.value", 100.7, "«Produksjonsindeks» 100,7 for Bærum in 2024"),
        length("components", 5),
    ]}, description="The production index: Bærum's published 100,7 in 2024, five components.")
    case("get_production_change_baerum_2024", "GetProductionChange", k.RegionYearRequest(region="Bærum", year=2024), {"code": 0, "checks": [
        eq("base_year", 2023),
        eq("municipality.published.value", -0.9, "the chapter: production fell 0,9 % in Bærum"),
        eq("municipality.published.provenance.published", True),
        eq("reference_change.published.value", -0.7, "and 0,7 % in ASSS"),
        present("municipality.total.value", False, "computed or missing, never the report's number (PROTOCOL.md)"),
    ]}, description="The change in production from 2023: −0,9 in Bærum, −0,7 in ASSS, as published.")
    case("get_efficiency_baerum_2024", "GetEfficiency", k.RegionYearRequest(region="Bærum", year=2024), {"code": 0, "checks": [
        approx("efficiency.value", 109.33768, 1e-5, "100 × 100,7 / 92,1 = 109,33768"),
        eq("efficiency.provenance.published", False),
        eq("published.value", 109.3, "«relativ effektivitet» 109,3"),
        eq("agrees_with_published", True),
        eq("published_change.value", -5.1, "«gått ned med 5,1 prosentpoeng»"),
        eq("expenditure_index.provenance.published", True, "92,1 is the report's figure, served unchanged"),
    ]}, description="Relative efficiency: 100 × 100,7 / 92,1, beside the published 109,3.")
    case("get_efficiency_year_without_data", "GetEfficiency", k.RegionYearRequest(region="Bærum", year=2019),
         {"code": 5, "status_checks": [has("details[0].available", "2024")]},
         description="A year without data: NOT_FOUND listing the years there are.")
    case("get_resource_use_baerum_2024", "GetResourceUse", k.RegionYearRequest(region="Bærum", year=2024), {"code": 0, "checks": [
        approx("deviation_percent.value", -6.9, 1e-9, "«6,9 prosent lavere enn gjennomsnittet av ASSS-kommunene»"),
        eq("published_kroner_per_inhabitant.value", -1959, "«om lag 1 959 kroner mindre per innbygger»"),
    ]}, description="The ressursbruksindikator: 6,9 % below ASSS, 1 959 kr less per inhabitant.")
    case("get_teacher_norm_baerum_2024", "GetTeacherNorm", k.RegionYearRequest(region="Bærum", year=2024), {"code": 0, "checks": [
        length("bands", 3),
        approx("bands[0].margin.value", 0.7, 1e-9, "1.-4. trinn: 15 − 14,3 = 0,7"),
        approx("bands[1].margin.value", 1.4, 1e-9, "5.-7. trinn: 20 − 18,6 = 1,4"),
        approx("bands[2].margin.value", 0.9, 1e-9, "8.-10. trinn: 20 − 19,1 = 0,9"),
        eq("norm_arithmetic.value", 18, "the chapter's 18 for ten equal grades: (4 × 15 + 6 × 20) / 10"),
    ]}, description="Group size 2 per band against the legal norm of 15 and 20.")
    case("get_teacher_norm_group", "GetTeacherNorm", k.RegionYearRequest(region="ASSS", year=2024),
         {"code": 3, "status_checks": [eq("details[0].field", "region")]},
         description="A group where a municipality is needed: INVALID_ARGUMENT on region.")
    case("get_statements_baerum_2024", "GetStatements", k.RegionYearRequest(region="Bærum", year=2024), {"code": 0, "checks": [
        eq("statements[kind=implied_value].figures[role=value].figure.value", 108173,
           "Oslo's 136 522 kr per pupil less 28 349 kr = 108 173 kr"),
        has("statements[kind=implied_value].text_nb", "108 173"),
    ]}, description="The chapter's statements: Bærum's 108 173 kr per pupil, implied by Oslo's figure.")

    # ---- The protocol itself ----
    case("unknown_method", "GetSeries", k.GetSeriesRequest(indicator_id=TEACHER_NORM),
         {"code": 12, "status_checks": [has("message", "/kostra.v1.Kostra/GetSeries")]},
         path="/kostra.v1.Kostra/GetSerie",
         description="A method the server does not have: UNIMPLEMENTED, the message lists the methods.")
    case("protocol_version_2", "Check", k.HealthCheckRequest(), {"code": 12, "status_checks": []},
         protocol_version=2, exact=True,
         description="A protocol version the server does not speak: UNIMPLEMENTED on the request's id, connection kept.")
    case("protocol_version_0", "Check", k.HealthCheckRequest(), {"code": 0, "checks": [eq("status", 1)]},
         protocol_version=0, description="protocol_version 0 (left out) is read as 1.")
    case("payload_not_a_request", "GetSeries", b"\xff\xff\xff", {"code": 3, "status_checks": [has("message", "GetSeriesRequest")]},
         description="A payload that is not a valid GetSeriesRequest: INVALID_ARGUMENT naming the type.")
    case("request_id_zero", "Check", k.HealthCheckRequest(), {"code": 3, "id": 0, "status_checks": []}, id=0,
         description="Id 0 is not a request id: INVALID_ARGUMENT under id 0, connection kept.")
    case("max_uint64_id", "Check", k.HealthCheckRequest(), {"code": 0, "id": 2**64 - 1, "checks": [eq("status", 1)]},
         id=2**64 - 1, description="Ids are uint64: the largest is echoed unchanged.")
    case("deadline_field", "Check", k.HealthCheckRequest(), {"code": 0, "checks": [eq("status", 1)]},
         timeout_ms=5000, metadata=[("x-trace", "Åse Ødegård")],
         description="timeout_ms and an unknown metadata key: answered as usual.")

    # ---- Schema evolution: what a newer client may send ----
    # Field 99 (a string) and field 100 (a varint) are unknown to version 1's
    # GetSeriesRequest; field 15 (a string) and 16 (fixed64) to its RequestEnvelope.
    unknown_req = bytes.fromhex("9a0603") + "new".encode() + bytes.fromhex("a00601")
    case("unknown_fields_in_request", "GetSeries",
         k.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["Bærum"], from_year=2024, to_year=2024),
         {"code": 0, "checks": [eq("series[0].observations[0].value", 16.9, GS2_TABLE)]},
         payload_extra=unknown_req,
         description="A request with fields 99 and 100 that version 1 does not know: ignored, answered as without them.")
    unknown_env = bytes.fromhex("7a05") + b"trace" + bytes.fromhex("8101") + (1).to_bytes(8, "little")
    case("unknown_fields_in_envelope", "Check", k.HealthCheckRequest(), {"code": 0, "checks": [eq("status", 1)]},
         envelope_extra=unknown_env,
         description="A RequestEnvelope with fields 15 and 16 that version 1 does not know: ignored.")
    case("unknown_enum_value_in_request", "ListRegions", k.ListRegionsRequest(kind=99), {"code": 0, "checks": [
        length("regions", 16, "every region the server knows, as with kind unset (docs/schema-evolution.md rule 6)"),
        eq("regions[code=3201].name", "Bærum"), eq("regions[code=ASSS].kind", 2, enum="REGION_KIND_GROUP_AVERAGE"),
    ]},
         description="ListRegionsRequest.kind = 99, a value version 1 does not know: not an error, read as unset.")

    # ---- Administration (last, so that the ids of the cases above stay as they were) ----
    case("reload_without_token", "Reload", k.ReloadRequest(),
         {"code": 7, "status_checks": [has("message", "no token configured")]},
         description="Reload changes the server's state: a server given no token refuses it, PERMISSION_DENIED (PROTOCOL.md section 5).")
    return out


def to_json(msg):
    return json_format.MessageToDict(msg, preserving_proto_field_name=True)


def render():
    """({relative path: bytes} of the request files and index.json, [case entries])."""
    files = {}
    entries = []
    for number, c in enumerate(cases(), start=1):
        m = kostra.METHODS[c["method"]]
        env = dict(c["envelope"])
        payload_extra = env.pop("payload_extra", b"")
        envelope_extra = env.pop("envelope_extra", b"")
        request = c["request"]
        if isinstance(request, bytes):
            payload = request
        else:
            payload = request.SerializeToString() + payload_extra
        envelope = kostra.RequestEnvelope(
            id=env.get("id", number),
            method=env.get("path", m.path),
            timeout_ms=env.get("timeout_ms", 0),
            payload=payload,
            protocol_version=env.get("protocol_version", 1),
        )
        for key, value in env.get("metadata", []):
            envelope.metadata.add(key=key, value=value)
        frame = encode_frame(envelope.SerializeToString() + envelope_extra)
        base = f"{c['method']}/{c['name']}"
        files[f"{base}.request.bin"] = frame
        expect = dict(c["expect"])
        code = expect.pop("code")
        out_expect = {"id": str(expect.pop("id", envelope.id)), "code": code,
                      "code_name": kostra.Code.Name(code)}
        out_expect.update(expect)
        if c["exact"]:
            out_expect["response_file"] = f"{base}.response.bin"
        entry = {
            "name": c["name"],
            "description": c["description"],
            "method": c["method"],
            "request_type": m.request_type.DESCRIPTOR.full_name,
            "response_type": m.response_type.DESCRIPTOR.full_name,
            "request_file": f"{base}.request.bin",
            "envelope": {
                "id": str(envelope.id),
                "method": envelope.method,
                "timeout_ms": envelope.timeout_ms,
                "protocol_version": envelope.protocol_version,
                "metadata": [{"key": e.key, "value": e.value} for e in envelope.metadata],
                "payload_hex": payload.hex(),
            },
            "expect": out_expect,
        }
        if not isinstance(request, bytes):
            entry["request"] = to_json(request)
        if payload_extra:
            entry["envelope"]["payload_extra_hex"] = payload_extra.hex()
        if envelope_extra:
            entry["envelope"]["envelope_extra_hex"] = envelope_extra.hex()
        entries.append(entry)
    index = {
        "format": FORMAT,
        "protocol_version": kostra.PROTOCOL_VERSION,
        "about": "kostra conformance vectors; Tests/conformance/README.md describes every field.",
        "cases": entries,
    }
    files["index.json"] = (json.dumps(index, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files, entries


def exchange(host, port, frame: bytes, timeout: float = 30.0) -> bytes:
    """Writes one request frame on a new connection and returns the answer frame."""
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(frame)
        buf = b""
        while True:
            if len(buf) >= 5:
                n = int.from_bytes(buf[1:5], "big")
                if len(buf) >= 5 + n:
                    return buf[: 5 + n]
            chunk = s.recv(65536)
            if not chunk:
                raise EOFError(f"connection closed after {len(buf)} bytes")
            buf += chunk


def classes(full_name: str) -> type:
    return symbol_database.Default().GetSymbol(full_name)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the files on disk instead of writing")
    args = ap.parse_args(argv)
    files, entries = render()
    if args.check:
        bad = [n for n, d in files.items() if not (HERE / n).exists() or (HERE / n).read_bytes() != d]
        wanted = set(files) | {e["expect"]["response_file"] for e in entries if "response_file" in e["expect"]}
        on_disk = {p.relative_to(HERE).as_posix() for p in HERE.glob("*/*.bin")} | {"index.json"}
        for n in bad:
            print(f"differs: {n}", file=sys.stderr)
        for n in sorted(on_disk - wanted):
            print(f"not written by this script: {n}", file=sys.stderr)
        for n in sorted(wanted - on_disk - set(files)):
            print(f"missing: {n}", file=sys.stderr)
        return 1 if bad or (on_disk ^ wanted) else 0

    import kostra_wire  # Tests/python: starts the server

    answers = {}
    with kostra_wire.running_server() as server:
        failed = False
        for e in entries:
            answer = exchange(server.host, server.port, files[e["request_file"]])
            answers[e["name"]] = answer
            expect = dict(e["expect"])
            expect.pop("response_file", None)  # not written yet
            outcome = conformance.check_answer(dict(e, expect=expect), answer, classes)
            if outcome.problems:
                failed = True
                for p in outcome.problems:
                    print(f"{e['name']}: {p}", file=sys.stderr)
        if failed:
            print("make_conformance: the server does not answer as the cases expect; nothing written", file=sys.stderr)
            return 1
    for p in HERE.glob("*/*.bin"):
        p.unlink()
    for name, data in files.items():
        (HERE / name).parent.mkdir(parents=True, exist_ok=True)
        (HERE / name).write_bytes(data)
    for e in entries:
        if "response_file" in e["expect"]:
            (HERE / e["expect"]["response_file"]).write_bytes(answers[e["name"]])
    print(f"make_conformance: wrote {len(entries)} cases to {HERE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
