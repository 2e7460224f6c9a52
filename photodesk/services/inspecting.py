"""Inspecting pictures without a desk: read each file's embedded metadata, shape it for output.

``metadata_record`` is the one definition of the ``meta --json`` object (DESIGN.md); the JSON
export reuses it for its ``pictures[].metadata`` so that both stay the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from photodesk.core.metadata import BLOCK_PRIORITY, FIELDS, LIST_FIELDS, Metadata, Value
from photodesk.metadata.read import read_file


def inspect_files(paths: Iterable[str | Path]) -> list[Metadata]:
    """Every file's metadata, in the order given; an unreadable file carries its ``error``."""
    return [read_file(path) for path in paths]


def metadata_record(metadata: Metadata) -> dict[str, object]:
    """One file as ``photodesk meta --json`` prints it: every key present, in DESIGN.md's order.

    List fields are arrays (``[]`` when empty), other fields strings or ``null``; each conflict
    names the field and gives every block's value (``null`` where a block has none).
    """
    record: dict[str, object] = {
        "file": metadata.path,
        "format": metadata.format,
        "width": metadata.width,
        "height": metadata.height,
    }
    for name in FIELDS:
        record[name] = _json_value(name, metadata.values.get(name))
    record["charset"] = metadata.charset
    record["conflicts"] = [
        {
            "field": conflict.field,
            "values": {
                block: None
                if block not in conflict.values
                else _json_value(conflict.field, conflict.values[block])
                for block in BLOCK_PRIORITY
            },
        }
        for conflict in metadata.conflicts
    ]
    record["error"] = metadata.error
    return record


def _json_value(name: str, value: Value | None) -> str | list[str] | None:
    if name in LIST_FIELDS:
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)
    if value is None or isinstance(value, str):
        return value
    return "; ".join(value)
