"""Every command module, imported once so that each registers itself on ``app``."""

from bakat.cli import check, generate, reconcile  # noqa: F401
from bakat.cli import map as map_command  # noqa: F401
