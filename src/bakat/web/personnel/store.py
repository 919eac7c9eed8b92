"""The content-addressed store of loaded source files: each file is kept once under the
SHA-256 of its bytes (``ab/abcdef....csv``), so an audit event can point at exactly the
bytes that were loaded, and a file can never be replaced under the same name."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Tersimpan:
    """A stored file: its digest, where it is kept, and its original name."""

    sha256: str
    path: Path
    nama_asli: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def simpan(source: Path, store: Path) -> Tersimpan:
    """Copy ``source`` into ``store`` under its digest (no-op when already there)."""
    digest = sha256_of(source)
    target = store / digest[:2] / f"{digest}{source.suffix.casefold()}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        os.close(handle)
        try:
            shutil.copyfile(source, temporary)
            Path(temporary).replace(target)
        finally:
            Path(temporary).unlink(missing_ok=True)
    return Tersimpan(digest, target, source.name)
