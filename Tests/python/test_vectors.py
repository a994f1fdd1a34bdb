"""The test vectors of Tests/interop/python-encoded/ are what
Tests/interop/make_vectors.py writes (encoding is deterministic), and each
.bin file decodes to the fields expected.json gives for it."""

import importlib.util
import json
from pathlib import Path

import pytest
from google.protobuf import json_format

INTEROP = Path(__file__).resolve().parents[1] / "interop"
OUT_DIR = INTEROP / "python-encoded"


def _load_make_vectors():
    spec = importlib.util.spec_from_file_location("make_vectors", INTEROP / "make_vectors.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def mv():
    return _load_make_vectors()


def test_vectors_are_deterministic_and_unchanged(mv):
    classes = mv.load_classes()
    first = mv.render(classes)
    second = mv.render(mv.load_classes())
    assert first == second, "two encodings differ"
    on_disk = {p.name for p in OUT_DIR.iterdir()}
    assert on_disk == set(first), "files on disk differ from the script's set; run make_vectors.py"
    for name, data in first.items():
        assert (OUT_DIR / name).read_bytes() == data, f"{name} changed; run Tests/interop/make_vectors.py"


def test_expected_json_describes_the_files(schema):
    entries = json.loads((OUT_DIR / "expected.json").read_text(encoding="utf-8"))
    assert {e["file"] for e in entries} == {p.name for p in OUT_DIR.glob("*.bin")}
    for e in entries:
        data = (OUT_DIR / e["file"]).read_bytes()
        assert len(data) == e["size"] and data.hex() == e["hex"], e["file"]
        cls = schema[e["message"]]
        decoded = cls.FromString(data)
        expected = json_format.ParseDict(e["fields"], cls())
        assert decoded == expected, e["file"]
        # Presence survives the JSON: a value of 0.0 that is set stays set.
        assert decoded.SerializeToString() == data, e["file"]
        if "payload" in e:
            pcls = schema[e["payload"]["message"]]
            assert pcls.FromString(decoded.payload) == json_format.ParseDict(e["payload"]["fields"], pcls())


def test_vectors_exercise_what_they_claim(schema):
    d = {p.name: p.read_bytes() for p in OUT_DIR.glob("*.bin")}
    env = schema.RequestEnvelope.FromString(d["request_envelope.bin"])
    assert env.id > 2**32 and env.id > 2**63
    assert any(ord(ch) > 0xFFFF for m in env.metadata for ch in m.value)  # a 4-byte UTF-8 character
    resp = schema.GetSeriesResponse.FromString(d["get_series_response.bin"])
    zero = resp.series[0].observations[1]
    assert zero.HasField("value") and zero.value == 0.0 and zero.missing == 0
    absent = resp.series[1].observations[0]
    assert not absent.HasField("value") and absent.missing == 1  # MISSING_REASON_NOT_AVAILABLE
    region = schema.Region.FromString(d["region.bin"])
    assert [f.code for f in region.former_codes] == ["0219", "3024"]
    status = schema.Status.FromString(d["status.bin"])
    assert status.code == 5 and "Bærum" in status.details[0].suggestions
    renv = schema.ResponseEnvelope.FromString(d["response_envelope.bin"])
    assert renv.HasField("status") and renv.status.code == 0
    raw = schema.RequestEnvelope.FromString(d["request_envelope_raw_bytes.bin"])
    assert raw.payload == b"\x00\xff\x80\x7f"
