"""PNG text chunks that carry metadata: XMP, and ImageMagick's hex "Raw profile type …" chunks.

A raw profile is ``\\n<name>\\n<spaces><length>\\n<hex digits in lines>``; its bytes are an EXIF
block (``exif``/``APP1``, with or without the ``Exif\\0\\0`` prefix), IPTC (``iptc``: raw IIM
datasets or a Photoshop IRB), an IRB (``8bim``) or XMP (``xmp``). Pillow also writes a tEXt
chunk named ``exif`` holding the binary APP1 payload; ExifTool ignores it, we read it.
"""

from __future__ import annotations

from photodesk.metadata.containers import irb
from photodesk.metadata.containers.buffers import inflate, tiff_payload, trim_xmp

Blocks = dict[str, bytes]  # "exif" | "iim" | "xmp" → raw block
XMP_KEY = b"XML:com.adobe.xmp"
PROFILE_PREFIX = b"Raw profile type "


def read_text_chunk(kind: bytes, data: bytes, blocks: Blocks, warnings: list[str]) -> None:
    """Keep the metadata a tEXt/zTXt/iTXt chunk holds; other text chunks are skipped."""
    keyword, sep, rest = data.partition(b"\x00")
    if not sep:
        return
    if keyword == XMP_KEY:
        put(blocks, "xmp", _value(kind, rest, warnings, "XMP"))
    elif keyword.startswith(PROFILE_PREFIX):
        name = keyword[len(PROFILE_PREFIX) :].decode("latin-1").lower()
        text = _value(kind, rest, warnings, f"raw profile {name}")
        if text is not None:
            _raw_profile(name, text, blocks, warnings)
    elif keyword == b"exif" and kind == b"tEXt" and rest.startswith(b"Exif\x00"):
        put(blocks, "exif", tiff_payload(rest))


def put(blocks: Blocks, name: str, data: bytes | None) -> None:
    """Keep the first non-empty block of each kind."""
    if name == "xmp":
        data = trim_xmp(data)
    if data and name not in blocks:
        blocks[name] = data


def _value(kind: bytes, rest: bytes, warnings: list[str], what: str) -> bytes | None:
    """A text chunk's text after the keyword: plain (tEXt), deflated (zTXt), either (iTXt)."""
    if kind == b"tEXt":
        return rest
    if kind == b"zTXt":
        return inflate(rest[1:], warnings, what)
    parts = rest[2:].split(b"\x00", 2)
    if len(rest) < 2 or len(parts) < 3:
        warnings.append(f"{what}: malformed iTXt chunk")
        return None
    return inflate(parts[2], warnings, what) if rest[0] else parts[2]


def _raw_profile(name: str, text: bytes, blocks: Blocks, warnings: list[str]) -> None:
    """Decode the hex of a raw profile and file it under the block it is."""
    lines = text.lstrip(b"\r\n").split(b"\n", 2)
    try:
        declared = int(lines[1])
        data = bytes.fromhex(lines[2].decode("ascii"))
    except (IndexError, ValueError):
        warnings.append(f"raw profile {name}: not a hex profile")
        return
    if len(data) != declared:
        warnings.append(f"raw profile {name}: {len(data)} bytes, {declared} declared")
    if name in ("exif", "app1") and not data.startswith(b"http://"):
        put(blocks, "exif", tiff_payload(data))
    elif name in ("iptc", "8bim") and data.startswith(b"8BIM"):
        found = irb.resources(data, warnings)
        put(blocks, "iim", irb.iim_of(found))
        put(blocks, "xmp", irb.first_of(found, irb.XMP))
    elif name == "iptc":
        put(blocks, "iim", data)
    elif name == "xmp" or name == "app1":
        put(blocks, "xmp", data.split(b"\x00", 1)[1] if data.startswith(b"http://") else data)
