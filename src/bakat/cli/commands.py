"""Every command module, imported once so that each registers itself on ``app``.

A command lives in its own module of ``bakat.cli`` and registers itself with
``@app.command``; this module imports them all. Commands that need Django import it
inside the command function, so that file-only commands never load it.
"""

from __future__ import annotations

import importlib
import pkgutil

import bakat.cli

#: Modules of ``bakat.cli`` that hold shared machinery rather than a command.
_NOT_COMMANDS = frozenset({"commands", "main", "options", "progress"})


def register_all() -> None:
    """Import every command module of ``bakat.cli`` (each registers itself)."""
    for module in pkgutil.iter_modules(bakat.cli.__path__):
        if module.name not in _NOT_COMMANDS and not module.name.startswith("_"):
            importlib.import_module(f"bakat.cli.{module.name}")


register_all()
