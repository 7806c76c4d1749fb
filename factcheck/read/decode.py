"""Bytes to text: UTF-8 unless it clearly is not, UTF-16/32 by their byte-order mark, binary refused.

A file that is mostly valid UTF-8 stays UTF-8 with its few bad bytes replaced by U+FFFD (and a
warning naming their offsets), because reading it as Windows-1252 would turn every correct
non-ASCII character into mojibake. Windows-1252 (a superset of Latin-1's printable characters)
is used only when invalid bytes outnumber the valid multi-byte characters.
"""
from __future__ import annotations

import codecs
import re
from contextvars import ContextVar
from dataclasses import dataclass

from ..errors import InputError

BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
CONTROL_SHARE_OF_BINARY = 0.01  # text has next to no control characters; binary data about 11%
OFFSETS_SHOWN = 3
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32-le": "UTF-32",
                  "utf-32-be": "UTF-32", "cp1252": "Windows-1252"}

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_bad_spans: ContextVar[list[tuple[int, int]]] = ContextVar("bad_spans")


def _record_bad_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    _bad_spans.get().append((error.start, error.end))
    return "\ufffd", error.end


codecs.register_error("factcheck.read.record", _record_bad_bytes)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding it was read as, and what a reader should be told."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, name: str, legacy: str = "cp1252") -> Decoded:
    """Text from bytes; InputError for binary data or a file with no text. `legacy` is the
    encoding used when UTF-8 clearly fails (an HTML page may declare its own)."""
    bom, codec = next(((bom, codec) for bom, codec in BOMS if data.startswith(bom)), (b"", None))
    if codec not in (None, "utf-8"):
        text, bad = _decode(data, len(bom), codec)
        if "\x00" in text:
            raise InputError(f"{name}: looks like a binary file, not text (a NUL character)")
        warnings = [_bad_warning(name, codec, bad)] if bad else []
    else:
        if b"\x00" in data:
            raise InputError(f"{name}: looks like a binary file, not text (a NUL byte at byte "
                             f"{data.index(0):,})")
        codec = "utf-8"
        text, bad = _decode(data, len(bom), codec)
        warnings = [_bad_warning(name, codec, bad)] if bad else []
        if bad and not bom and len(bad) > _non_ascii(text) - len(bad):  # a UTF-8 mark is believed
            codec = legacy
            text, bad = _decode(data, len(bom), codec)
            if _looks_binary(text, bad):
                raise InputError(f"{name}: looks like a binary file, not text")
            warnings = [f"{name}: not UTF-8; read as {_label(codec)}"] + ([_bad_warning(name, codec, bad)] if bad else [])
    if not text.strip():
        raise InputError(f"{name}: empty, no text to read")
    return Decoded(text, codec, tuple(warnings))


def _decode(data: bytes, start: int, codec: str) -> tuple[str, list[tuple[int, int]]]:
    """The text of data[start:] in `codec`, and the byte spans (file offsets) replaced by U+FFFD."""
    token = _bad_spans.set([])
    try:
        text = data[start:].decode(codec, errors="factcheck.read.record")
        bad = [(s + start, e + start) for s, e in _bad_spans.get()]
    finally:
        _bad_spans.reset(token)
    return text, bad


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _looks_binary(text: str, bad: list[tuple[int, int]]) -> bool:
    controls = len(_CONTROLS.findall(text))
    return controls + len(bad) > CONTROL_SHARE_OF_BINARY * len(text) + 1


def _bad_warning(name: str, codec: str, bad: list[tuple[int, int]]) -> str:
    shown = ", ".join(f"{start:,}" for start, _ in bad[:OFFSETS_SHOWN])
    more = f" and {len(bad) - OFFSETS_SHOWN:,} more" if len(bad) > OFFSETS_SHOWN else ""
    where = "byte" if len(bad) == 1 else "bytes"
    return f"{name}: not valid {_label(codec)} at {where} {shown}{more}; replaced by U+FFFD"


def _label(codec: str) -> str:
    return ENCODING_NAMES.get(codec, codec)
