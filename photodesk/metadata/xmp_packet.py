"""An XMP packet's bytes made ready for the parser: wrapper and padding cut, UTF-8, lean.

Everything here works on bytes, before any XML is parsed: it must be cheap (it runs on every
file) and it must never change what the packet says.
"""

from __future__ import annotations

MAX_XMP_BYTES = 32 * 1024 * 1024  # extended XMP included; beyond this it is not metadata
_BULK = (
    (b"<xmpMM:History>", b"</xmpMM:History>"),
    (b"<photoshop:DocumentAncestors>", b"</photoshop:DocumentAncestors>"),
)


def packet_body(data: bytes, warnings: list[str]) -> bytes | None:
    """The XML inside the packet wrapper's padding, as UTF-8 bytes.

    Writers pad packets with kilobytes of spaces (and NULs) before ``<?xpacket end``; cutting at
    the root element's last ``>`` saves parsing them and tolerates junk after the packet.
    """
    if len(data) > MAX_XMP_BYTES:
        warnings.append(f"XMP: packet of {len(data)} bytes is over {MAX_XMP_BYTES}; not read")
        return None
    data = _as_utf8(bytes(data), warnings)
    start = data.find(b"<")
    end = data.rfind(b"<?xpacket end")
    stop = data.rfind(b">", max(start, 0), end if end > start else len(data))
    if start < 0 or stop < 0:
        warnings.append("XMP: the packet holds no XML")
        return None
    return data[start : stop + 1]


def _as_utf8(data: bytes, warnings: list[str]) -> bytes:
    """UTF-16/32 packets (allowed by the XMP spec, rare in the wild) re-encoded as UTF-8."""
    first = data.find(b"<")
    found = _wide_encoding(data, first) if first >= 0 else None
    if found is None:
        return data
    codec, start = found
    unit = 4 if codec.startswith("utf-32") else 2
    text = data[start : start + (len(data) - start) // unit * unit].decode(codec, "replace")
    if "\ufffd" in text:
        warnings.append(f"XMP: the {codec.upper()} packet has undecodable bytes; shown as U+FFFD")
    return text.encode("utf-8")


def _wide_encoding(data: bytes, first: int) -> tuple[str, int] | None:
    """The codec and start of a UTF-16/32 packet, judged by the NULs around its first ``<``.

    A NUL before ``<`` means big-endian, unless the packet's byte-order mark (the xpacket
    ``begin`` attribute) says little-endian: then the NUL is junk before the packet.
    """
    before, after = data[max(first - 3, 0) : first], data[first + 1 : first + 4]
    if before.endswith(b"\0\0\0"):
        return "utf-32-be", first - 3
    if after == b"\0\0\0":
        return "utf-32-le", first
    if after[:1] != b"\0":
        return None
    head = data[first : first + 128]
    little = b"\xff\xfe" in head and b"\xfe\xff" not in head
    if before.endswith(b"\0") and not little:
        return "utf-16-be", first - 1
    return "utf-16-le", first


def without_bulk(body: bytes) -> bytes:
    """The packet without Photoshop's edit history and document ancestors, which we never read.

    They are often most of a packet (ancestors can run to megabytes). Found by Adobe's usual
    prefixes: a packet that spells them otherwise is simply parsed whole, and so is one with a
    CDATA section (the only place where such a tag could be text rather than markup).
    """
    if not any(open_tag in body for open_tag, _ in _BULK) or b"<![CDATA[" in body:
        return body  # most packets have neither: two scans and no copy
    for open_tag, close_tag in _BULK:
        start = body.find(open_tag)
        end = body.find(close_tag, start) if start >= 0 else -1
        if end >= 0:
            body = body[:start] + body[end + len(close_tag) :]
    return body
