"""The framing of PROTOCOL.md section 2: a flag byte (0), the payload length
as a big-endian uint32, then the payload (one envelope)."""

from __future__ import annotations

import struct

#: Frame header: one flag byte, then the payload length, big-endian.
HEADER = struct.Struct(">BI")
HEADER_SIZE = HEADER.size  # 5

#: The largest payload a default server accepts (4 MiB); the client refuses
#: to send larger frames and to read larger answers than ``max_frame_size``.
DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024


class FrameError(Exception):
    """The peer broke the framing: a non-zero flag byte or an oversized length."""


def encode_frame(payload: bytes) -> bytes:
    """One frame around ``payload``."""
    return HEADER.pack(0, len(payload)) + payload


def parse_header(header: bytes, max_frame_size: int = DEFAULT_MAX_FRAME_SIZE) -> int:
    """The payload length of a 5-byte header; raises FrameError if the flag
    byte is not 0 or the length is above ``max_frame_size``."""
    flags, length = HEADER.unpack(header)
    if flags != 0:
        raise FrameError(f"frame flag byte is {flags:#04x}, must be 0x00")
    if length > max_frame_size:
        raise FrameError(f"frame of {length} bytes is above the limit of {max_frame_size}")
    return length
