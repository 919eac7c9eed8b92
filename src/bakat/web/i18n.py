"""Message catalogues: ``.po`` files are kept in the repository and compiled to ``.mo``
with polib at start-up (no gettext binary is needed, none is assumed).

Source strings are Bahasa Indonesia (the default language); ``locale/en`` holds the
English catalogue. A catalogue is recompiled only when its ``.po`` is newer than its
``.mo``; the write is atomic so that parallel test workers never read half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every stale ``*.po`` under ``locale_dir``; the ``.mo`` files written."""
    written: list[Path] = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        handle, temporary = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.tmp")
        os.close(handle)
        try:
            polib.pofile(str(po_path)).save_as_mofile(temporary)
            Path(temporary).replace(mo_path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        written.append(mo_path)
    return written
