"""Extended XMP in JPEG: packets larger than one APP1 segment, split into GUID-tagged chunks.

Each chunk says which extended packet it belongs to (a GUID, the MD5 of the packet), the
packet's full length and the chunk's offset. The main packet names the GUID to use in
``xmpNote:HasExtendedXMP``; other GUIDs are ignored, as the XMP specification requires. The
extended packet's ``rdf:Description`` elements are spliced into the main packet's ``rdf:RDF``
so that the XMP decoder reads one document.
"""

from __future__ import annotations

import hashlib
import re
import struct

_GUID_REF = re.compile(rb"HasExtendedXMP\s*(?:=\s*[\"']|>)\s*([0-9A-Fa-f]{32})")
_RDF_OPEN = re.compile(rb"<rdf:RDF\b[^>]*>")
MAX_EXTENDED = 64 << 20

# GUID → (claimed full length, {offset: chunk})
Chunks = dict[bytes, tuple[int, dict[int, bytes]]]


def add_chunk(chunks: Chunks, payload: bytes, warnings: list[str]) -> None:
    """Keep one extension chunk: ``GUID(32) full_length(4) offset(4) data`` after the header."""
    if len(payload) < 40:
        warnings.append("extended XMP chunk too short")
        return
    guid = payload[:32]
    full, offset = struct.unpack_from(">II", payload, 32)
    known = chunks.setdefault(guid, (full, {}))
    if known[0] != full:
        warnings.append("extended XMP chunks disagree on the packet length")
    known[1][offset] = payload[40:]


def merge(main: bytes | None, chunks: Chunks, warnings: list[str]) -> bytes | None:
    """The main packet with the referenced extended packet spliced in (or unchanged)."""
    if not chunks:
        return main
    ref = _GUID_REF.search(main) if main else None
    guid = ref.group(1) if ref else None
    if guid not in chunks:
        warnings.append("extended XMP not referenced by the main XMP packet; ignored")
        return main
    assert main is not None and guid is not None
    extended = _assemble(*chunks[guid], warnings)
    if extended is None:
        return main
    if hashlib.md5(extended, usedforsecurity=False).hexdigest().upper() != guid.decode().upper():
        warnings.append("extended XMP does not match its GUID (MD5); read anyway")
    return _splice(main, extended, warnings)


def _assemble(full: int, parts: dict[int, bytes], warnings: list[str]) -> bytes | None:
    """Join the chunks in offset order; a gap, an overlap or a short packet drops it."""
    if full > MAX_EXTENDED:
        warnings.append(f"extended XMP claims {full} bytes; ignored")
        return None
    pieces, pos = [], 0
    for offset in sorted(parts):
        if offset != pos:
            warnings.append("incomplete extended XMP (missing chunk); ignored")
            return None
        pieces.append(parts[offset])
        pos += len(parts[offset])
    if pos != full:
        warnings.append("incomplete extended XMP (short packet); ignored")
        return None
    return b"".join(pieces)


def _splice(main: bytes, extended: bytes, warnings: list[str]) -> bytes:
    """Insert the extended packet's rdf:RDF content before the main packet's ``</rdf:RDF>``."""
    opening = _RDF_OPEN.search(extended)
    inner_end = extended.rfind(b"</rdf:RDF>")
    main_end = main.rfind(b"</rdf:RDF>")
    if opening is None or inner_end < opening.end() or main_end < 0:
        warnings.append("extended XMP has no rdf:RDF to merge; ignored")
        return main
    return main[:main_end] + extended[opening.end() : inner_end] + main[main_end:]
