"""``photodesk.articles`` stays pure: it imports only ``photodesk.core`` of ours and no I/O code.

DESIGN.md's layering, checked on the source so that a stray import fails here, not in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import photodesk.articles

ALLOWED_THIRD_PARTY = {"selectolax", "markdown_it", "yaml"}
ALLOWED_STDLIB = {
    "__future__", "collections", "dataclasses", "datetime", "json", "re", "typing", "urllib",
}  # fmt: skip
PACKAGE = Path(photodesk.articles.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_articles_import_only_core_and_parsers():
    for path in sorted(PACKAGE.glob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "photodesk":
                assert name.startswith(("photodesk.core", "photodesk.articles")), (path.name, name)
            else:
                assert top in ALLOWED_THIRD_PARTY | ALLOWED_STDLIB, (path.name, name)
