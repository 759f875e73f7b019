"""Old module names kept importable while the other branches of this session are merged.

Issue 11 moved some modules (``cep_desk.lifecycle`` → ``cep_desk.usecases.lifecycle``, …).
Code written against the old names keeps working: importing an old name gives the module
under its new name (the same object, so there is one module, not a copy). Nothing in
``cep_desk`` itself uses the old names (the layering test checks our imports); remove this
module, and its import in ``cep_desk/__init__.py``, once every branch uses the new names.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

# old dotted name (a module or a package: its submodules follow) → new dotted name
MOVED: dict[str, str] = {
    "cep_desk.lifecycle": "cep_desk.usecases.lifecycle",
    "cep_desk.access_pdf": "cep_desk.plan_pdf.access",
}


def new_name(name: str) -> str | None:
    """The current name of a moved module (or of a module inside a moved package), or None."""
    for old, new in MOVED.items():
        if name == old or name.startswith(old + "."):
            return new + name[len(old) :]
    return None


class _Alias(importlib.abc.Loader):
    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.spec = module.__spec__

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return self.module

    def exec_module(self, module: ModuleType) -> None:
        # The import machinery stamped the old name's spec on the module: give it back its own.
        module.__spec__ = self.spec


class _MovedFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        new = new_name(fullname)
        if new is None:
            return None
        module = importlib.import_module(new)
        return importlib.machinery.ModuleSpec(
            fullname, _Alias(module), is_package=hasattr(module, "__path__")
        )


def install() -> None:
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _MovedFinder())
