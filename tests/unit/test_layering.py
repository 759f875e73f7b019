"""DESIGN §2: core and storage never import Qt; only cep_desk/ui/ does."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import cep_desk

ROOT = Path(cep_desk.__file__).parent


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                a.name for a in node.names if a.name.split(".")[0] in ("PySide6", "shiboken6")
            ]
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] in ("PySide6", "shiboken6")
        ):
            found.append(node.module)
    return found


def test_no_qt_outside_ui():
    offenders = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] == "ui":
            continue
        if hits := _qt_imports(path):
            offenders[str(rel)] = hits
    assert offenders == {}


def test_core_imports_without_qt():
    """Import every core module in a fresh interpreter and check Qt was not loaded."""
    modules = sorted(
        "cep_desk." + ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in ROOT.rglob("*.py")
        if p.relative_to(ROOT).parts[0] not in ("ui",)
        and p.name != "__main__.py"
        and "migrations" not in p.parts
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m.removesuffix('.__init__'))\n"
        "print(sorted(k for k in sys.modules if k.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
