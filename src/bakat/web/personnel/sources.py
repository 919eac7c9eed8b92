"""Where a talent run's data comes from: the stored source files of an agency's last
load, put back in a folder under their original names, and the digests that record
exactly which bytes a run read."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from bakat.domain.errors import InputError
from bakat.web.personnel.models import Instansi, Muatan
from bakat.web.personnel.store import sha256_of


def folder_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file directly in ``folder``, by name."""
    return {p.name: sha256_of(p) for p in sorted(folder.iterdir()) if p.is_file()}


def input_digest(digests: dict[str, str]) -> str:
    """One digest for the whole input: SHA-256 over the sorted ``name:sha256`` lines."""
    text = "\n".join(f"{name}:{digest}" for name, digest in sorted(digests.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextmanager
def last_load_folder(instansi: Instansi) -> Iterator[Path]:
    """A temporary folder holding the stored files of the agency's last load under their
    original names, removed afterwards (InputError when the agency was never loaded)."""
    muatan = Muatan.objects.filter(instansi=instansi).order_by("-dimuat_pada", "-pk").first()
    if muatan is None or not muatan.berkas:
        raise InputError(
            f"instansi {instansi.kode} belum pernah dimuat / the agency has no load yet"
        )
    store = Path(settings.BAKAT_FILE_STORE)
    with tempfile.TemporaryDirectory(prefix="bakat-muatan-") as temporary:
        folder = Path(temporary)
        for nama, digest in dict(muatan.berkas).items():
            nama_aman = Path(str(nama)).name
            source = store / str(digest)[:2] / f"{digest}{Path(nama_aman).suffix.casefold()}"
            if not source.is_file():
                raise InputError(
                    "berkas sumber tidak ada di penyimpanan / stored source file missing",
                    file=nama_aman,
                )
            shutil.copyfile(source, folder / nama_aman)
        yield folder
