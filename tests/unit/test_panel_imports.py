"""The tabs of the person's file are handed their context: none imports the panel (issue 11)."""

from __future__ import annotations

import ast
from pathlib import Path

import cep_desk.ui.panel

PANEL_DIR = Path(cep_desk.ui.panel.__file__).parent
PACKAGE = "cep_desk.ui.panel"


def _imported(path: Path) -> set[str]:
    """Every module of the package ``path`` imports (TYPE_CHECKING blocks included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                base = f"{PACKAGE}.{node.module}" if node.module else PACKAGE
            elif node.level == 0 and node.module:
                base = node.module
            else:
                continue
            names = [f"{base}.{a.name}" for a in node.names]
            # ``from . import described`` imports the submodule, not what the package exports
            if not (
                node.module is None
                and all((PANEL_DIR / f"{a.name}.py").exists() for a in node.names)
            ):
                found.add(base)
            found.update(names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {name for name in found if name == PACKAGE or name.startswith(PACKAGE + ".")}


def _modules() -> dict[str, set[str]]:
    return {path.stem: _imported(path) for path in sorted(PANEL_DIR.glob("*.py"))}


def test_only_the_panel_imports_panel_py():
    offenders = {
        name: sorted(
            i for i in imports if i in (f"{PACKAGE}.panel", PACKAGE, f"{PACKAGE}.BeneficiaryPanel")
        )
        for name, imports in _modules().items()
        if name not in ("panel", "__init__")
    }
    assert {name: hits for name, hits in offenders.items() if hits} == {}


def test_no_import_circle_inside_the_panel_package():
    graph = {
        name: {i.removeprefix(PACKAGE + ".") for i in imports} & set(_modules())
        for name, imports in _modules().items()
    }
    graph["__init__"] = graph.get("__init__", set())

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(graph.get(start, ()))
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo += graph.get(node, ())
        return seen

    circles = sorted(name for name in graph if name != "__init__" and name in reach(name))
    assert circles == []


def test_the_check_sees_an_import_of_the_panel(tmp_path):
    """The scan is not blind: a TYPE_CHECKING import of the panel is found."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .panel import BeneficiaryPanel\n"
    )
    assert f"{PACKAGE}.panel" in _imported(probe)
