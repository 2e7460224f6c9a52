"""The layering rules of DESIGN.md, enforced by reading every module's imports.

core and articles are pure (no file, clock, database or UI); metadata, store and export stand on
core only; services may use all of those; cli and tui talk to services and core types only.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "photodesk"

ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "articles": {"core", "articles"},
    "metadata": {"core", "metadata"},
    "store": {"core", "store"},
    "export": {"core", "export"},
    "services": {"core", "articles", "metadata", "store", "export", "services"},
    "cli": {"core", "services", "cli", "tui"},  # `edit` and `demo` launch the app
    "tui": {"core", "services", "tui"},
}
# Pure layers may not reach the outside world.
IMPURE_MODULES = {
    "os",
    "pathlib",
    "io",
    "subprocess",
    "socket",
    "sqlite3",
    "shutil",
    "tempfile",
    "time",
    "sqlmodel",
    "sqlalchemy",
    "textual",
    "PIL",
    "exifread",
    "exiv2",
    "click",
    "rich",
}
PURE_LAYERS = {"core", "articles"}
# DESIGN.md: store/ is the ONLY SQLModel/SQLAlchemy user (table models, engine, named queries,
# Alembic migrations); everyone else calls store's named queries.
DATABASE_MODULES = {"sqlmodel", "sqlalchemy", "alembic"}
# No exceptions: a module outside store/ that needs a statement gets a named query in store/.
DATABASE_ALLOWED_OUTSIDE_STORE: set[str] = set()


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) > 1:
            yield parts[0], path


def imported(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def calls_open(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open"
        for node in ast.walk(tree)
    )


@pytest.mark.parametrize(("layer", "path"), list(modules()), ids=lambda v: str(v))
def test_module_imports_respect_the_layers(layer: str, path: Path) -> None:
    for name in imported(path):
        parts = name.split(".")
        if parts[0] == "photodesk" and len(parts) > 1 and parts[1] in ALLOWED:
            assert parts[1] in ALLOWED[layer], f"{path.name}: {layer} may not import {name}"
        if layer in PURE_LAYERS:
            assert parts[0] not in IMPURE_MODULES, f"{path.name}: pure {layer} imports {name}"
    if layer in PURE_LAYERS:
        assert not calls_open(path), f"{path.name}: pure {layer} opens a file"


@pytest.mark.parametrize(("layer", "path"), list(modules()), ids=lambda v: str(v))
def test_only_the_store_uses_the_database_libraries(layer: str, path: Path) -> None:
    relative = path.relative_to(PACKAGE).as_posix()
    if layer == "store" or relative in DATABASE_ALLOWED_OUTSIDE_STORE:
        return
    for name in imported(path):
        assert name.split(".")[0] not in DATABASE_MODULES, (
            f"{relative}: only store may import {name}"
        )


def test_the_database_allow_list_names_real_modules() -> None:
    for relative in DATABASE_ALLOWED_OUTSIDE_STORE:
        assert (PACKAGE / relative).is_file(), f"{relative} is gone: drop it from the allow-list"


def test_the_rule_would_catch_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import textual\nfrom photodesk.store import x\nfrom sqlmodel import select\nopen('f')\n",
        encoding="utf-8",
    )
    assert "textual" in set(imported(bad))
    assert "sqlmodel" in set(imported(bad))
    assert "photodesk.store" in set(imported(bad))
    assert calls_open(bad)
