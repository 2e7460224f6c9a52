"""Prove a staged file is safe to rename over the original: same picture, the values we wrote.

Two checks, both against what is on disk after the fsync (not against exiv2's memory): the hash
of the compressed image data must equal the original's (``image_digest``, the hash the desk's
fingerprint uses to know a picture again; the whole-file hash is not needed here), and our own
reader must read back, block by block, exactly what the plan wrote, then the same reconciled
values. Anything else names the first difference.
"""

from __future__ import annotations

from pathlib import Path

from photodesk.core.metadata import Value
from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.fingerprint import image_digest
from photodesk.metadata.read import read_file
from photodesk.metadata.write_plan import WritePlan


def verify(staged: Path, fmt: str, image_sha256: str, plan: WritePlan) -> str | None:
    """None when ``staged`` holds the original picture and the planned values; else why not."""
    try:
        data = staged.read_bytes()
    except OSError as error:
        return f"the written file cannot be read back ({error.strerror or error})"
    try:
        image = image_digest(data, parse_container(data).image_data)
    except UnreadableImage as error:
        return f"the written file cannot be read back ({error})"
    if image != image_sha256:
        return "the image data would change (libexiv2 rewrote more than the metadata)"
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


def _differs(what: str, found: Value | None, wanted: Value) -> str:
    return f"{what} reads back as {_short(found)}, not {_short(wanted)}"


def _short(value: Value | None) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
