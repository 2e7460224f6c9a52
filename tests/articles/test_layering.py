"""What ``photodesk.articles`` may import from outside photodesk: its parsers and pure stdlib.

``tests/test_layering.py`` checks the layers between our own packages, bans a list of known I/O
modules from the pure layers and catches ``open()``. This adds the other half for the reader
layer: an allow-list, so that a new import (``requests``, ``urllib.request``, ``sys``) is a
decision made here rather than an accident a deny-list misses.
"""

from __future__ import annotations

import ast
from pathlib import Path

import photodesk.articles

ALLOWED = {
    # parsers
    "selectolax.lexbor", "markdown_it", "markdown_it.token", "yaml", "tomllib", "json",
    # pure standard library
    "__future__", "collections.abc", "dataclasses", "datetime", "itertools", "re", "typing",
    "urllib.parse",
}  # fmt: skip
PACKAGE = Path(photodesk.articles.__file__).parent


def _outside_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name for name in names if name.split(".")[0] != "photodesk"}


def test_articles_import_only_parsers_and_pure_stdlib() -> None:
    for path in sorted(PACKAGE.glob("*.py")):
        assert _outside_imports(path) <= ALLOWED, path.name


def test_the_allow_list_would_catch_a_network_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import urllib.request\nfrom photodesk.core import types\n", encoding="utf-8")
    assert _outside_imports(bad) == {"urllib.request"}
