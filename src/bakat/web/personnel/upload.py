"""Loading data from the upload page: staging the uploaded files, previewing them, and
applying them with ``services.load_data``.

The files go to a fresh private staging folder under the file store
(``BAKAT_FILE_STORE/unggahan/<token>/``), named by the table they hold
(docs/formats.md: one file per table, ``pegawai.csv``, ``siasn.xlsx`` ...). A name that
is not a table the load reads, a path, a wrong extension or an oversized file is refused
before anything is written. The preview runs exactly what the load runs (read, check,
reconcile: ``loading.baca_folder``) without touching the database; confirming re-reads
the staged files through ``load_data`` (one transaction, one ``data.dimuat`` event), after
checking that their digests are those of the preview. The staging folder is removed
after the load, after a refusal, and when older than :data:`UMUR_MAKS`.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import polars as pl
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from bakat.domain.errors import InputError
from bakat.domain.policy import load_policy
from bakat.io.readers import Loaded
from bakat.web.accounts.models import User
from bakat.web.personnel.loading import BERKAS_UNIT, TABEL_MUAT, Bacaan, baca_folder
from bakat.web.personnel.models import Instansi, Pegawai
from bakat.web.personnel.services import HasilMuat, load_data
from bakat.web.personnel.store import sha256_of
from bakat.web.personnel.writes import KOLOM_TANGGAL, KOLOM_TEKS

#: The staging area, below ``BAKAT_FILE_STORE``.
FOLDER_UNGGAHAN = "unggahan"
#: Formats of a table file (docs/formats.md); ``unit_kerja`` is read as CSV only.
EKSTENSI = ("csv", "xlsx", "parquet")
#: Staging folders older than this are removed at the next upload.
UMUR_MAKS = timedelta(hours=24)
#: Default largest accepted file (``BAKAT_UPLOAD_MAX_MB`` overrides it).
MAKS_MB_BAKU = 100
#: Rules listed per table and overall in the preview.
ATURAN_TERATAS = 5
_TOKEN = re.compile(r"[0-9a-f]{32}")
_NAMA = re.compile(r"(?P<tabel>[a-z_]+)\.(?P<ekstensi>[a-z]+)")
_TINGKAT = ("error", "warning", "info")


def folder_unggahan() -> Path:
    return Path(settings.BAKAT_FILE_STORE) / FOLDER_UNGGAHAN


def maks_byte() -> int:
    """The largest accepted file, in bytes."""
    return int(getattr(settings, "BAKAT_UPLOAD_MAX_MB", MAKS_MB_BAKU)) * 1024 * 1024


def folder_token(token: str) -> Path | None:
    """The staging folder of ``token``; None for a malformed token or a missing folder."""
    if not _TOKEN.fullmatch(token):
        return None
    folder = folder_unggahan() / token
    return folder if folder.is_dir() else None


def nama_berkas(nama: str) -> str:
    """The staged name of an uploaded file (lower case), or InputError naming it.

    Accepted: ``<tabel>.csv|.xlsx|.parquet`` for every table the load reads, and
    ``unit_kerja.csv``; nothing with a path, a hidden name or another extension.
    """
    shown = nama.replace("\x00", "")[:120]
    if not nama or any(c in nama for c in "/\\\x00:") or nama.startswith("."):
        raise InputError(
            "nama berkas tidak sah (tanpa folder atau jalur) / invalid file name (no folder "
            "or path)",
            file=shown,
        )
    cocok = _NAMA.fullmatch(nama.casefold())
    if cocok is None or cocok["ekstensi"] not in EKSTENSI:
        raise InputError(
            "format berkas tidak didukung; gunakan .csv, .xlsx atau .parquet / unsupported "
            "file format; use .csv, .xlsx or .parquet",
            file=shown,
        )
    tabel, ekstensi = cocok["tabel"], cocok["ekstensi"]
    unit = Path(BERKAS_UNIT).stem
    if tabel == unit and f"{tabel}.{ekstensi}" != BERKAS_UNIT:
        raise InputError(
            f"tabel unit kerja dibaca dari {BERKAS_UNIT} saja / the unit table is read from "
            f"{BERKAS_UNIT} only",
            file=shown,
        )
    if tabel not in TABEL_MUAT and tabel != unit:
        known = ", ".join([*TABEL_MUAT, unit])
        raise InputError(
            f"'{tabel}' bukan nama tabel yang dimuat ({known}); beri nama berkas sesuai "
            f"tabelnya / '{tabel}' is not a table the load reads ({known}); name each file "
            "after its table",
            file=shown,
        )
    return f"{tabel}.{ekstensi}"


def _periksa_berkas(files: Sequence[UploadedFile]) -> list[tuple[str, UploadedFile]]:
    if not files:
        raise InputError("pilih minimal satu berkas (pegawai wajib) / choose at least one file")
    batas = maks_byte()
    named: list[tuple[str, UploadedFile]] = []
    per_tabel: dict[str, str] = {}
    for item in files:
        asli = item.name or ""
        nama = nama_berkas(asli)
        tabel = Path(nama).stem
        if tabel in per_tabel:
            raise InputError(
                f"tabel '{tabel}' ada di lebih dari satu berkas ({per_tabel[tabel]}, {asli}); "
                f"sisakan satu / table '{tabel}' is in more than one file; keep one",
                file=asli,
            )
        per_tabel[tabel] = asli
        if (item.size or 0) > batas:
            raise InputError(
                f"berkas lebih besar dari {batas // (1024 * 1024)} MB / file larger than "
                f"{batas // (1024 * 1024)} MB",
                file=asli,
            )
        named.append((nama, item))
    return named


def bersihkan_kedaluwarsa(sekarang: float | None = None) -> None:
    """Remove staging folders (and their locks) older than :data:`UMUR_MAKS`."""
    root = folder_unggahan()
    if not root.is_dir():
        return
    batas = (time.time() if sekarang is None else sekarang) - UMUR_MAKS.total_seconds()
    for entry in root.iterdir():
        try:
            if entry.stat().st_mtime >= batas:
                continue
        except FileNotFoundError:
            continue
        hapus(entry)


def hapus(path: Path) -> None:
    """Remove a staging folder or lock (nothing when already gone)."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def tampung(files: Sequence[UploadedFile]) -> tuple[str, Path]:
    """Stage ``files`` in a fresh private folder: (token, folder). Every name and size
    is checked before anything is written; InputError names the refused file."""
    named = _periksa_berkas(files)
    bersihkan_kedaluwarsa()
    root = folder_unggahan()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    token = secrets.token_hex(16)
    folder = root / token
    folder.mkdir(mode=0o700)
    try:
        for nama, item in named:
            descriptor = os.open(folder / nama, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                for chunk in item.chunks():
                    handle.write(chunk)
    except BaseException:
        hapus(folder)
        raise
    return token, folder


@dataclass(frozen=True)
class Galat:
    """A refusal as the page shows it: the uploaded file's name, not the staging path."""

    pesan: str
    berkas: str | None
    baris: int | None
    kolom: str | None

    @classmethod
    def dari(cls, exc: InputError, folder: Path | None = None) -> Galat:
        berkas = exc.file
        pesan = exc.message
        if folder is not None:
            root = str(folder)
            pesan = pesan.replace(root + os.sep, "").replace(root, "")
            if berkas is not None:
                path = Path(berkas)
                berkas = path.name if path.parent == folder else None
        return cls(pesan, berkas, exc.row, exc.column)


@dataclass(frozen=True)
class RingkasanTabel:
    """One staged table in the preview."""

    tabel: str
    berkas: str
    baris: int
    per_tingkat: dict[str, int]
    aturan: list[dict[str, Any]]


@dataclass(frozen=True)
class Pratinjau:
    """What a load of the staged files would do."""

    tabel: list[RingkasanTabel]
    per_tingkat: dict[str, int]
    jumlah_temuan: int
    aturan: list[dict[str, Any]]
    disparitas: int | None
    pegawai_baru: int
    pegawai_diubah: int
    kebijakan: str
    berkas: dict[str, str]


def _aturan(temuan: pl.DataFrame) -> list[dict[str, Any]]:
    if temuan.height == 0:
        return []
    return (
        temuan.group_by("aturan", "nama_aturan", "tingkat")
        .len("n")
        .sort(["n", "aturan"], descending=[True, False])
        .head(ATURAN_TERATAS)
        .to_dicts()
    )


def _per_tingkat(temuan: pl.DataFrame) -> dict[str, int]:
    counts = dict(temuan.get_column("tingkat").value_counts().iter_rows())
    return {t: int(counts.get(t, 0)) for t in _TINGKAT}


def _jumlah_baris(item: Loaded) -> int:
    return int(item.frame.select(pl.len()).collect().item())


def _periksa_instansi(bacaan: Bacaan, instansi: Instansi) -> None:
    """Refuse employees of another agency (the ``instansi`` column, when filled)."""
    pegawai = bacaan.pegawai
    if "instansi" not in pegawai.columns:
        return
    lain = pegawai.filter(pl.col("instansi").is_not_null() & (pl.col("instansi") != instansi.kode))
    if lain.height:
        row = lain.row(0, named=True)
        raise InputError(
            f"pegawai instansi '{row['instansi']}' tidak dapat dimuat ke {instansi.kode} / "
            f"an employee of agency '{row['instansi']}' cannot be loaded into {instansi.kode}",
            file=str(bacaan.tabel["pegawai"].path),
            row=int(row["_baris"]) if row.get("_baris") is not None else None,
            column=bacaan.tabel["pegawai"].headers.get("instansi", "instansi"),
        )


def _teks(value: Any) -> str:
    return "" if value is None else str(value)


def _baru_diubah(instansi: Instansi, rows: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    """Employees the load would create and update, by NIP and stored values (the unit
    link aside, which follows ``unit_kerja``)."""
    names = [*KOLOM_TEKS, *KOLOM_TANGGAL, "status_aktif"]
    existing = {
        row["nip"]: row
        for row in Pegawai.objects.filter(instansi=instansi).values("nip", *names).iterator()
    }
    baru = diubah = 0
    for row in rows:
        nip = _teks(row.get("nip")).strip()
        if not nip:
            continue
        stored = existing.get(nip)
        if stored is None:
            baru += 1
            continue
        fields: dict[str, Any] = {k: _teks(row.get(k)) for k in KOLOM_TEKS}
        fields.update(
            {k: row.get(k) if isinstance(row.get(k), date) else None for k in KOLOM_TANGGAL}
        )
        fields["status_aktif"] = row.get("status_aktif") is not False
        if any(stored[k] != v for k, v in fields.items()):
            diubah += 1
    return baru, diubah


def pratinjau(folder: Path, *, as_of: date, policy: str, instansi: Instansi) -> Pratinjau:
    """Read, check and reconcile the staged files without writing anything."""
    kebijakan = load_policy(policy)
    bacaan = baca_folder(folder, as_of=as_of, policy=kebijakan)
    _periksa_instansi(bacaan, instansi)
    temuan = bacaan.check.temuan
    tabel = [
        RingkasanTabel(
            tabel=name,
            berkas=item.path.name,
            baris=_jumlah_baris(item),
            per_tingkat=_per_tingkat(temuan.filter(pl.col("tabel") == name)),
            aturan=_aturan(temuan.filter(pl.col("tabel") == name)),
        )
        for name, item in bacaan.tabel.items()
    ]
    unit = folder / BERKAS_UNIT
    if unit.is_file():
        tabel.append(
            RingkasanTabel(
                tabel=Path(BERKAS_UNIT).stem,
                berkas=BERKAS_UNIT,
                baris=pl.read_csv(unit, infer_schema=False).height,
                per_tingkat={t: 0 for t in _TINGKAT},
                aturan=[],
            )
        )
    baru, diubah = _baru_diubah(instansi, bacaan.pegawai.iter_rows(named=True))
    rekonsiliasi = bacaan.rekonsiliasi
    return Pratinjau(
        tabel=tabel,
        per_tingkat=_per_tingkat(temuan),
        jumlah_temuan=temuan.height,
        aturan=_aturan(temuan),
        disparitas=rekonsiliasi.rekonsiliasi.height if rekonsiliasi is not None else None,
        pegawai_baru=baru,
        pegawai_diubah=diubah,
        kebijakan=f"{kebijakan.id} {kebijakan.versi}",
        berkas={path.name: sha256_of(path) for path in bacaan.berkas},
    )


def terapkan(
    *,
    actor: User,
    token: str,
    instansi: Instansi,
    as_of: date,
    policy: str,
    berkas: Mapping[str, str],
) -> HasilMuat:
    """Load the staged folder of ``token`` (its files must still have the digests of
    the preview), then remove it, whatever the outcome. A token whose folder is gone,
    or that is being applied by another request, is refused."""
    folder = folder_token(token)
    if folder is None:
        raise InputError(
            "unggahan tidak ditemukan atau kedaluwarsa; unggah ulang berkasnya / upload "
            "not found or expired; upload the files again"
        )
    kunci = folder_unggahan() / f"{token}.kunci"
    try:
        os.close(os.open(kunci, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise InputError(
            "unggahan ini sedang atau sudah diproses / this upload is being or has been applied"
        ) from None
    try:
        sekarang = {p.name: sha256_of(p) for p in folder.iterdir() if p.is_file()}
        if sekarang != dict(berkas):
            raise InputError(
                "berkas unggahan berubah sejak pratinjau; unggah ulang / the uploaded files "
                "changed since the preview; upload again"
            )
        return load_data(
            actor=actor,
            folder=folder,
            as_of=as_of,
            instansi_kode=instansi.kode,
            instansi_nama=instansi.nama,
            policy=policy,
        )
    finally:
        hapus(folder)
        hapus(kunci)
