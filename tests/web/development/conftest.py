"""Development fixtures: the stored runs of tests/web/succession/conftest.py."""

from __future__ import annotations

from tests.web.succession.conftest import hasil, komite_terkait

__all__ = ["hasil", "komite_terkait"]
