"""Prove a staged file is safe to rename over the original: same picture, the values we wrote.

Three checks, all against what is on disk after the fsync (not against exiv2's memory): the hash
of the compressed image data must equal the original's (``image_digest``, the hash the desk's
fingerprint uses to know a picture again; the whole-file hash is not needed here); no other copy
of a block may still say something else (below); and our own reader must read back, block by
block, exactly what the plan wrote, then the same reconciled values. Anything else names the
first difference.

The other copies are what libexiv2 copies through without reading: an XMP segment with a
non-standard header (``XMP\\0://ns.adobe.com/xap/1.0/``) or a second XMP segment, a second IPTC
record in another APP13, an AFCP or FotoStation trailer after the image. Our reader takes the
block from the first copy, which the write updates, so the read-back alone would pass; but
ExifTool and others show the stale copy too, or instead (an old caption beside the new one).
Such a file is refused, naming the copy: removing or rewriting it would mean editing the file
outside libexiv2, after the image data in the trailers' case. A copy that agrees with what was
written, or does not hold the field, is harmless.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from photodesk.core.metadata import Block, BlockReading, Value
from photodesk.metadata.container import RawMetadata, UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.fingerprint import image_digest
from photodesk.metadata.iim import read_iim
from photodesk.metadata.read import read_file
from photodesk.metadata.write_plan import WritePlan
from photodesk.metadata.xmp import read_xmp

_DECODERS: Mapping[Block, Callable[[bytes], BlockReading]] = {"xmp": read_xmp, "iim": read_iim}


def verify(staged: Path, fmt: str, image_sha256: str, plan: WritePlan) -> str | None:
    """None when ``staged`` holds the original picture and the planned values; else why not."""
    try:
        data = staged.read_bytes()
    except OSError as error:
        return f"the written file cannot be read back ({error.strerror or error})"
    problem = check_bytes(data, image_sha256, plan)
    if problem is not None:
        return problem
    metadata = read_file(staged)
    if metadata.error is not None:
        return f"the written file cannot be read back ({metadata.error})"
    if metadata.format != fmt:
        return f"the written file reads as {metadata.format}, not {fmt}"
    blocks = {reading.block: reading.values for reading in metadata.blocks}
    for block, wanted in plan.expected.items():
        found = blocks.get(block, {})
        for name, value in wanted.items():
            if found.get(name) != value:
                return _differs(f"{block.upper()} {name}", found.get(name), value)
    for name, value in plan.values.items():
        if metadata.values.get(name) != value:
            return _differs(name, metadata.values.get(name), value)
    return None


def check_bytes(data: bytes, image_sha256: str, plan: WritePlan) -> str | None:
    """The checks a rewritten file's bytes allow before any reader sees them (the dry run's
    too): the same image data, and no other copy of a block saying something else."""
    try:
        raw = parse_container(data)
    except UnreadableImage as error:
        return f"the written file cannot be read back ({error})"
    if image_digest(data, raw.image_data) != image_sha256:
        return "the image data would change (libexiv2 rewrote more than the metadata)"
    return stale_copy(raw, plan)


def stale_copy(raw: RawMetadata, plan: WritePlan) -> str | None:
    """Why a copy of a block in ``raw`` contradicts what ``plan`` wrote into that block, or None."""
    for copy in raw.copies:
        wanted = plan.expected.get(copy.block)
        decode = _DECODERS.get(copy.block)
        if not wanted or decode is None:
            continue
        try:
            values = decode(copy.data).values
        except Exception:  # a copy no reader can decode shows nothing stale
            continue
        for name, value in wanted.items():
            found = values.get(name)
            if found is not None and found != value:
                return (
                    f"the file carries a second {name} in {copy.where} ({_short(found)}), "
                    "which photodesk cannot update"
                )
    return None


def _differs(what: str, found: Value | None, wanted: Value) -> str:
    return f"{what} reads back as {_short(found)}, not {_short(wanted)}"


def _short(value: Value | None) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
