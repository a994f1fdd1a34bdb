"""Reading and checking the conformance vectors of Tests/conformance/
(README.md beside this file describes the format).

Used by the generator (make_conformance.py) and by the Python client's
tests; needs only the ``protobuf`` runtime and message classes to decode
with (the ``kostra`` package's, or any pool built from Protos/).
"""

from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, List, Optional

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

HERE = Path(__file__).resolve().parent
INDEX = HERE / "index.json"

_SEGMENT = re.compile(r"^([a-z_][a-z0-9_]*)(?:\[([^\]]*)\])?$")


def load_index(path: Path = INDEX) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def frame_payload(frame: bytes) -> bytes:
    """The payload of one whole frame (header checked)."""
    flags, length = struct.unpack(">BI", frame[:5])
    assert flags == 0, f"flag byte {flags}"
    assert len(frame) == 5 + length, f"frame holds {len(frame) - 5} bytes after its header, says {length}"
    return frame[5:]


def _split(path: str) -> List[str]:
    # Dots inside a [selector] do not split.
    out, depth, cur = [], 0, ""
    for ch in path:
        if ch == "." and depth == 0:
            out.append(cur)
            cur = ""
            continue
        depth += ch == "["
        depth -= ch == "]"
        cur += ch
    out.append(cur)
    return out


def _is_repeated(field: FieldDescriptor) -> bool:
    # `is_repeated` in newer protobuf runtimes, which dropped `label`.
    repeated = getattr(field, "is_repeated", None)
    if repeated is not None:
        return bool(repeated)
    return field.label == FieldDescriptor.LABEL_REPEATED


class PathError(AssertionError):
    pass


def resolve(message: Message, path: str):
    """The value at ``path`` and the descriptor of its last field.

    Returns (value, field): value is a scalar, a message, or a list for a
    repeated field not indexed. A message field or oneof member that is not
    set resolves to None (so ``present`` can tell)."""
    current: Any = message
    field: Optional[FieldDescriptor] = None
    for segment in _split(path):
        m = _SEGMENT.match(segment)
        if not m:
            raise PathError(f"bad path segment {segment!r} in {path!r}")
        name, selector = m.group(1), m.group(2)
        if current is None:
            raise PathError(f"{path!r}: nothing at the field before {name!r}")
        field = current.DESCRIPTOR.fields_by_name.get(name)
        if field is None:
            raise PathError(f"{path!r}: {current.DESCRIPTOR.full_name} has no field {name!r}")
        value = getattr(current, name)
        if _is_repeated(field):
            value = list(value)
            if selector is not None:
                if re.fullmatch(r"\d+", selector):
                    i = int(selector)
                    if i >= len(value):
                        raise PathError(f"{path!r}: {name} has {len(value)} elements, no [{i}]")
                    value = value[i]
                else:
                    sub, _, want = selector.partition("=")
                    found = [e for e in value if _text(resolve(e, sub)[0]) == want]
                    if not found:
                        raise PathError(f"{path!r}: no element of {name} with {sub} = {want!r}")
                    value = found[0]
        elif selector is not None:
            raise PathError(f"{path!r}: {name} is not repeated")
        elif field.type == FieldDescriptor.TYPE_MESSAGE or field.containing_oneof is not None:
            if not current.HasField(name):
                value = None
        current = value
    return current, field


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _equal(actual, expected) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return isinstance(actual, bool) and isinstance(expected, bool) and actual == expected
    if isinstance(expected, (int, float)):
        return isinstance(actual, (int, float)) and float(actual) == float(expected)
    return actual == expected


def check(message: Message, c: dict) -> Optional[str]:
    """None when check ``c`` holds for ``message``, else what is wrong."""
    path = c["path"]
    try:
        value, field = resolve(message, path)
    except PathError as exc:
        return str(exc)
    if "present" in c:
        present = bool(value) if isinstance(value, list) else value is not None
        if present != c["present"]:
            return f"{path}: present is {present}, expected {c['present']}"
    if "equals" in c:
        if not _equal(value, c["equals"]):
            return f"{path}: {value!r} != {c['equals']!r}"
    if "enum" in c:
        if field is None or field.enum_type is None:
            return f"{path}: not an enum field"
        names = field.enum_type.values_by_number
        name = names[value].name if value in names else f"<{value}>"
        if name != c["enum"]:
            return f"{path}: enum {name} != {c['enum']}"
    if "approx" in c:
        if value is None or abs(float(value) - c["approx"]) > c["tolerance"]:
            return f"{path}: {value!r} not within {c['tolerance']} of {c['approx']}"
    if "contains" in c:
        if isinstance(value, list):
            if not any(_equal(v, c["contains"]) for v in value):
                return f"{path}: {value!r} does not contain {c['contains']!r}"
        elif not isinstance(value, str) or c["contains"] not in value:
            return f"{path}: {value!r} does not contain {c['contains']!r}"
    if "length" in c:
        if not isinstance(value, list) or len(value) != c["length"]:
            return f"{path}: length {len(value) if isinstance(value, list) else '-'} != {c['length']}"
    return None


@dataclass
class Outcome:
    """What is wrong with one answer (empty ``problems`` means it conforms)."""

    case: str
    problems: List[str]


def check_answer(case: dict, answer_frame: bytes, classes: Callable[[str], type]) -> Outcome:
    """Checks one answer frame against a case's ``expect``.

    ``classes(full_name)`` gives the message class of a full name
    ("kostra.v1.ResponseEnvelope")."""
    problems: List[str] = []
    expect = case["expect"]
    envelope = classes("kostra.v1.ResponseEnvelope").FromString(frame_payload(answer_frame))
    if envelope.id != int(expect["id"]):
        problems.append(f"id {envelope.id} != {expect['id']}")
    code = envelope.status.code if envelope.HasField("status") else 0
    if code != expect["code"]:
        problems.append(f"code {code} != {expect['code']} ({expect['code_name']}): {envelope.status.message}")
        return Outcome(case["name"], problems)
    if envelope.protocol_version not in (0, 1):
        problems.append(f"protocol_version {envelope.protocol_version}")
    if code == 0:
        response = classes(case["response_type"]).FromString(envelope.payload)
        problems += [p for p in (check(response, c) for c in expect.get("checks", [])) if p]
    else:
        if envelope.payload:
            problems.append("an error answer carries a payload")
        problems += [p for p in (check(envelope.status, c) for c in expect.get("status_checks", [])) if p]
    if "response_file" in expect:
        exact = (HERE / expect["response_file"]).read_bytes()
        if exact != answer_frame:
            problems.append(f"answer differs from {expect['response_file']} ({len(answer_frame)} vs {len(exact)} bytes)")
    return Outcome(case["name"], problems)
