"""The client against a live kostra-server: a method per server method,
typed errors, many requests on one connection, the pool, the schema."""

from __future__ import annotations

import asyncio
import threading

import pytest
from google.protobuf import descriptor_pb2

import kostra
from kostra.v1 import kostra_pb2

TEACHER_NORM = "grunnskole.gruppestorrelse_2"
# Tabell «Gruppestørrelse 2 - lærernorm», 2021-2024.
GS2 = {"3201": [17.4, 17.3, 17.1, 16.9], "3203": [16.7, 16.3, 16.8, 16.7], "ASSS": [16.6, 16.5, 16.4, 16.4]}


def test_every_server_method_has_a_client_method():
    service = kostra_pb2.DESCRIPTOR.services_by_name["Kostra"]
    names = [m.name for m in service.methods]
    assert len(names) == 15 and names[0] == "Check" and "GetStatements" in names and names[-1] == "Reload"
    for name in names:
        m = kostra.METHODS[name]
        assert callable(getattr(kostra.AsyncClient, m.python_name)), name
        assert callable(getattr(kostra.Client, m.python_name)), name
        assert m.path == f"/kostra.v1.Kostra/{name}"


def test_check(client):
    health = client.check()
    assert health.status == kostra.HealthCheckResponse.SERVING_STATUS_SERVING
    assert list(health.years) == [2021, 2022, 2023, 2024]


def test_get_series_by_fields_and_by_message(client):
    a = client.get_series(indicator_id=TEACHER_NORM, regions=["Bærum", "Asker", "ASSS"])
    b = client.get_series(kostra.GetSeriesRequest(indicator_id=TEACHER_NORM, regions=["3024", "3203", "asss"]))
    assert a == b
    assert {s.region_code: [o.value for o in s.observations] for s in a.series} == GS2


def test_analysis_methods(client):
    # 100 × 100,7 / 92,1 = 109,3377 beside the published 109,3
    eff = client.get_efficiency(region="Bærum", year=2024)
    assert eff.efficiency.value == pytest.approx(100 * 100.7 / 92.1, abs=1e-9)
    assert eff.published.value == 109.3
    norm = client.get_teacher_norm(kostra.RegionYearRequest(region="Bærum", year=2024))
    assert [round(b.margin.value, 9) for b in norm.bands] == [0.7, 1.4, 0.9]  # 15−14,3; 20−18,6; 20−19,1
    # «om lag 1 959 kroner mindre per innbygger»: the report's figure, published beside the computed one
    assert client.call("GetResourceUse", region="Bærum", year=2024).published_kroner_per_inhabitant.value == -1959


def test_not_found_carries_code_message_and_details(client):
    with pytest.raises(kostra.NotFound) as info:
        client.get_series(indicator_id=TEACHER_NORM, regions=["Bærum", "Baerun"])
    e = info.value
    assert isinstance(e, kostra.KostraError) and not e.local
    assert e.code == 5 and e.code_name == "NOT_FOUND"
    assert e.field == "regions[1]"
    assert e.suggestions[0] == "Bærum"
    assert "Baerun" in e.message and e.method == "/kostra.v1.Kostra/GetSeries"
    assert e.status.details[0].field == "regions[1]"


def test_invalid_argument_and_available(client):
    with pytest.raises(kostra.InvalidArgument) as info:
        client.get_teacher_norm(region="ASSS", year=2024)
    assert info.value.field == "region"
    with pytest.raises(kostra.NotFound) as info:
        client.get_efficiency(region="Bærum", year=2019)
    assert "2024" in info.value.available


def test_unimplemented_for_another_protocol_version(client):
    env = client.call_envelope("/kostra.v1.Kostra/Check", b"", protocol_version=2)
    assert env.status.code == kostra.Code.UNIMPLEMENTED
    assert client.check().status == 1  # the connection is kept


def test_fields_and_message_together_is_a_type_error(client):
    with pytest.raises(TypeError):
        client.get_series(kostra.GetSeriesRequest(), indicator_id=TEACHER_NORM)


def test_many_requests_in_flight_on_one_connection(server):
    """200 requests at once on one connection, of three regions and two
    methods; each answer must be the one for its own request."""

    async def run():
        async with kostra.AsyncClient(server.host, server.port, pool_size=1) as c:
            regions = ["Bærum", "Asker", "ASSS"] * 60
            calls = [c.get_series(indicator_id=TEACHER_NORM, regions=[r]) for r in regions]
            calls += [c.check() for _ in range(20)]
            answers = await asyncio.gather(*calls)
            assert len(c.connections) == 1
            return regions, answers

    regions, answers = asyncio.run(run())
    codes = {"Bærum": "3201", "Asker": "3203", "ASSS": "ASSS"}
    for region, answer in zip(regions, answers[:180]):
        assert answer.series[0].region_code == codes[region]
        assert [o.value for o in answer.series[0].observations] == GS2[codes[region]]
    assert all(a.status == 1 for a in answers[180:])


def test_pool_opens_at_most_pool_size_connections_and_replaces_closed_ones(server):
    async def run():
        async with kostra.AsyncClient(server.host, server.port, pool_size=3) as c:
            answers = await asyncio.gather(*[c.get_series(indicator_id=TEACHER_NORM, regions=["Asker"]) for _ in range(60)])
            assert all(a.series[0].observations[3].value == 16.7 for a in answers)
            assert 1 <= len(c.connections) <= 3
            for conn in c.connections:  # as after an idle timeout: the server closes
                conn._writer.transport.abort()
            for _ in range(3000):  # until the readers have seen it (30 s at most, on a busy machine)
                if not c.connections:
                    break
                await asyncio.sleep(0.01)
            assert c.connections == ()
            assert (await c.check()).status == 1
            assert len(c.connections) == 1

    asyncio.run(run())


def test_sync_client_from_many_threads(client):
    results, errors = {}, []

    def work(i):
        try:
            r = ["Bærum", "Asker", "ASSS"][i % 3]
            results[i] = client.get_series(indicator_id=TEACHER_NORM, regions=[r], from_year=2024, to_year=2024)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [results[i].series[0].observations[0].value for i in range(12)] == [16.9, 16.7, 16.4] * 4


def test_the_servers_schema_is_the_one_the_client_was_generated_from(client):
    """GetSchema's FileDescriptorSet holds, for every file, exactly the
    descriptor compiled into the generated modules."""
    schema = client.get_schema()
    fds = descriptor_pb2.FileDescriptorSet.FromString(schema.file_descriptor_set)
    by_name = {f.name: f for f in fds.file}
    assert list(schema.files) == [f.name for f in fds.file]
    from kostra.v1 import analysis_pb2, envelope_pb2, indicator_pb2, region_pb2, series_pb2, status_pb2

    def without_json_names(file):
        # protoc's descriptor sets spell out each field's json_name; the
        # generated Python leaves the default one out. Nothing else may differ.
        file = descriptor_pb2.FileDescriptorProto.FromString(file.SerializeToString())
        stack = list(file.message_type)
        while stack:
            message = stack.pop()
            for field in message.field:
                field.ClearField("json_name")
            stack.extend(message.nested_type)
        return file

    assert len(by_name) == 7
    for module in (analysis_pb2, envelope_pb2, indicator_pb2, kostra_pb2, region_pb2, series_pb2, status_pb2):
        mine = descriptor_pb2.FileDescriptorProto()
        module.DESCRIPTOR.CopyToProto(mine)
        assert without_json_names(by_name[module.DESCRIPTOR.name]) == without_json_names(mine), module.DESCRIPTOR.name


def test_nothing_listening_is_unavailable():
    port = kostra_wire_free_port()
    with kostra.Client("127.0.0.1", port, connect_timeout=5) as c:
        with pytest.raises(kostra.Unavailable) as info:
            c.check()
    assert info.value.local


def kostra_wire_free_port():
    import kostra_wire

    return kostra_wire.free_port()
