"""A picture's embedded metadata to the desk's JSON columns and back.

The reader hands out frozen ``Metadata`` (tuples, mappings, dataclasses); the ``Picture`` row keeps
the same facts as JSON (lists and dicts) so that adding a metadata field never needs a migration.
Both directions live here so that whatever a scan stores, the export and the linker read back
exactly (``stored_metadata(row)`` equals the scanned ``Metadata``, every block's reading included:
the check reads the blocks' warnings).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from photodesk.core.metadata import BLOCK_PRIORITY, Block, BlockReading, Conflict, Metadata, Value
from photodesk.store.models import Picture

MISSING = "missing: the file was not found at the last scan"


def metadata_columns(metadata: Metadata) -> dict[str, Any]:
    """The ``Picture`` columns that hold what the reader found (``error`` included)."""
    return {
        "format": metadata.format,
        "width": metadata.width,
        "height": metadata.height,
        "color_mode": metadata.color_mode,
        "values": _values(metadata.values),
        "blocks": [_block(reading) for reading in metadata.blocks],
        "conflicts": [
            {"field": conflict.field, "values": _values(conflict.values)}
            for conflict in metadata.conflicts
        ],
        "charset": metadata.charset,
        "warnings": list(metadata.warnings),
        "error": metadata.error,
    }


def stored_metadata(picture: Picture) -> Metadata:
    """The ``Metadata`` a scan stored for ``picture``; a missing file says so in ``error``."""
    conflicts = tuple(
        Conflict(
            item["field"],
            {b: _value(v) for b, v in _block_order(item.get("values") or {})},
        )
        for item in picture.conflicts or ()
    )
    error = picture.error or (MISSING if picture.missing else None)
    return Metadata(
        path=picture.path,
        format=picture.format,
        width=picture.width,
        height=picture.height,
        color_mode=picture.color_mode,
        values={name: _value(value) for name, value in (picture.values or {}).items()},
        conflicts=conflicts,
        charset=picture.charset,
        blocks=tuple(_reading(item) for item in picture.blocks or ()),
        warnings=tuple(picture.warnings or ()),
        error=error,
    )


def _values(values: Mapping[str, Value] | Mapping[Block, Value]) -> dict[str, str | list[str]]:
    return {
        name: value if isinstance(value, str) else list(value) for name, value in values.items()
    }


def _value(value: str | list[str]) -> Value:
    return value if isinstance(value, str) else tuple(value)


def _block(reading: BlockReading) -> dict[str, Any]:
    return {
        "block": reading.block,
        "values": _values(reading.values),
        "charset": reading.charset,
        "warnings": list(reading.warnings),
    }


def _reading(item: Mapping[str, Any]) -> BlockReading:
    return BlockReading(
        block=item["block"],
        values={name: _value(value) for name, value in (item.get("values") or {}).items()},
        charset=item.get("charset"),
        warnings=tuple(item.get("warnings") or ()),
    )


def _block_order(values: Mapping[str, Any]) -> list[tuple[Block, Any]]:
    """Blocks in reconciliation order: the first is the one whose value won."""
    return [(block, values[block]) for block in BLOCK_PRIORITY if block in values]
