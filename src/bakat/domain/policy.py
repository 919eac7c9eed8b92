"""The scoring policy: every threshold, weight and table of talent management, as data.

Rules change by decree, so the numbers live in versioned TOML files, not in code
(architecture.md "Why this shape"). Two presets ship with the package: ``nasional-2025``
(the default: Kepka BKN 411/2025 composite potential) and ``jpm`` (potential from the
assessment's job-person match). An agency writes a small file that starts with
``extends = "nasional-2025"`` and sets only what it changes.

Every key, its meaning, its default and the source of the default are in docs/policy.md.
Loading checks everything and refuses a bad file with a
:class:`~bakat.domain.errors.PolicyError` naming the file and the key path (``column``).
The section dataclasses live in :mod:`bakat.domain.policy_sections` and
:mod:`bakat.domain.policy_support`, the TOML machinery in :mod:`bakat.domain.policy_codec`.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from bakat.domain.errors import PolicyError
from bakat.domain.hukdis import TingkatHukdis, mundur_tahun
from bakat.domain.ninebox import LevelKinerja, LevelPotensi, level_dari_skor
from bakat.domain.policy_codec import Provenance, Rule, canonical_json, decode, dump_toml, plain
from bakat.domain.policy_sections import (
    KELOMPOK_KOMPOSIT,
    BatasPotensi,
    CaraGabung,
    KinerjaPolicy,
    MetodePotensi,
    PemetaanPolicy,
    PotensiPolicy,
    SuksesiPolicy,
    TalentaPolicy,
)
from bakat.domain.policy_support import (
    JenisPengembangan,
    KualitasDataPolicy,
    PengembanganPolicy,
    RekonsiliasiPolicy,
    RotasiRetensiPolicy,
)
from bakat.domain.skp import Predikat, gabung_rata_rata, gabung_terendah

__all__ = [
    "KELOMPOK_KOMPOSIT",
    "PRESET_BAKU",
    "CaraGabung",
    "JenisPengembangan",
    "MetodePotensi",
    "Policy",
    "asesmen_berlaku",
    "daftar_preset",
    "level_kinerja",
    "level_potensi",
    "load_policy",
    "tahun_kinerja",
]

#: The preset used when no policy is named.
PRESET_BAKU = "nasional-2025"
_PAKET_PRESET = "bakat.domain.presets"
# Part of every fingerprint; bumped if the canonical form ever changes meaning.
_SKEMA = "bakat-policy/1"


@dataclass(frozen=True)
class Policy:
    """A complete, checked scoring policy (``extends`` already resolved)."""

    id: Annotated[str, Rule(pattern=r"[a-z0-9][a-z0-9._-]*")]
    versi: Annotated[str, Rule(pattern=r"\S.*")]
    nama: str
    berlaku_mulai: date
    sumber: tuple[str, ...]
    kinerja: KinerjaPolicy
    potensi: PotensiPolicy
    pemetaan: PemetaanPolicy
    talenta: TalentaPolicy
    suksesi: SuksesiPolicy
    pengembangan: PengembanganPolicy
    rotasi_retensi: RotasiRetensiPolicy
    rekonsiliasi: RekonsiliasiPolicy
    kualitas_data: KualitasDataPolicy

    def to_dict(self) -> dict[str, Any]:
        """The canonical plain form: nested dicts and lists of texts, numbers and dates."""
        result: dict[str, Any] = plain(self)
        return result

    def fingerprint(self) -> str:
        """SHA-256 (hex) of the canonical content; record it with every placement.

        Layout, comments, the key order of unordered tables, ``80`` versus ``80.0`` and
        how the file was split with ``extends`` do not change it; any value does.
        """
        teks = canonical_json([_SKEMA, self.to_dict()])
        return hashlib.sha256(teks.encode("utf-8")).hexdigest()

    def to_toml(self) -> str:
        """The effective policy as one standalone TOML file that loads back to an equal
        policy; write it beside the results."""
        kepala = (
            f"# Kebijakan efektif / effective policy: {self.id} versi {self.versi}\n"
            f"# sidik / fingerprint: {self.fingerprint()}\n\n"
        )
        return kepala + dump_toml(self.to_dict())


# --- loading ----------------------------------------------------------------------------


def daftar_preset() -> tuple[str, ...]:
    """The names of the built-in presets, sorted."""
    folder = resources.files(_PAKET_PRESET)
    nama = (p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))
    return tuple(sorted(nama))


def _cari(sumber: str | Path, folder: Path | None) -> tuple[str, str, Path | None, str]:
    """Text, display name, folder (for a relative ``extends``) and identity of a policy."""
    teks_sumber = str(sumber)
    presets = daftar_preset()
    seperti_path = isinstance(sumber, Path) or teks_sumber.endswith(".toml") or "/" in teks_sumber
    if not seperti_path and teks_sumber in presets:
        berkas = resources.files(_PAKET_PRESET).joinpath(f"{teks_sumber}.toml")
        return berkas.read_text(encoding="utf-8"), f"{teks_sumber}.toml", None, f"preset:{sumber}"
    path = Path(sumber)
    if folder is not None and not path.is_absolute():
        path = folder / path
    if not path.is_file():
        if seperti_path:
            raise PolicyError(
                "berkas kebijakan tidak ditemukan / policy file not found", file=str(path)
            )
        daftar = ", ".join(presets)
        raise PolicyError(
            f"kebijakan {teks_sumber!r} tidak dikenal: bukan preset bawaan ({daftar}) dan bukan "
            f"berkas .toml / unknown policy {teks_sumber!r}: not a built-in preset ({daftar}) "
            "nor a .toml file"
        )
    try:
        teks = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(
            f"berkas tidak terbaca sebagai UTF-8 ({exc}) / cannot read the file as UTF-8",
            file=str(path),
        ) from exc
    return teks, str(path), path.parent, str(path.resolve())


def _muat(
    sumber: str | Path, prov: Provenance, rantai: tuple[str, ...], folder: Path | None
) -> dict[str, Any]:
    """The merged raw table of ``sumber`` and its ``extends`` chain; records each file."""
    teks, nama, folder_ini, identitas = _cari(sumber, folder)
    if identitas in rantai:
        raise PolicyError(
            "extends membentuk lingkaran / extends forms a cycle", file=nama, column="extends"
        )
    try:
        data = tomllib.loads(teks)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"bukan TOML yang sah: {exc} / not valid TOML", file=nama) from exc
    for wajib in ("id", "versi"):
        # Every file names itself, or an agency file would pass for its base preset.
        if wajib not in data:
            raise PolicyError(
                "kunci wajib tidak ada / required key is missing", file=nama, column=wajib
            )
    induk = data.pop("extends", None)
    dasar: dict[str, Any] = {}
    if induk is not None:
        if not isinstance(induk, str):
            raise PolicyError(
                "extends harus berupa teks: nama preset atau path berkas / extends must be "
                "text: a preset name or a file path",
                file=nama,
                column="extends",
            )
        dasar = _muat(induk, prov, (*rantai, identitas), folder_ini)
    prov.files.append(nama)
    return prov.merge(dasar, data, len(prov.files) - 1)


def load_policy(name_or_path: str | Path = PRESET_BAKU) -> Policy:
    """Load a built-in preset by name (``nasional-2025``, ``jpm``) or a TOML policy file.

    A file may start with ``extends = "<preset name or relative path>"`` and set only the
    keys it changes: tables merge key by key, any other value (arrays too) replaces.
    Raises :class:`PolicyError` naming the file and key path of the first problem.
    """
    prov = Provenance()
    data = _muat(name_or_path, prov, (), None)
    hasil: Policy = decode(Policy, data, prov)
    return hasil


# --- the rules that read the policy -----------------------------------------------------


def tahun_kinerja(as_of: date, policy: Policy) -> tuple[int, ...]:
    """The SKP years that count at ``as_of``: the ``kinerja.jumlah_tahun`` calendar years
    before the as-of year, oldest first (Buleleng SIMATA, domain.md §2.5 [S])."""
    return tuple(range(as_of.year - policy.kinerja.jumlah_tahun, as_of.year))


def level_kinerja(
    predikat: Sequence[Predikat], hukdis: Iterable[TingkatHukdis], policy: Policy
) -> LevelKinerja:
    """The performance axis level (domain.md §2.5, §3.5).

    ``predikat``: the valid predicates of the years of :func:`tahun_kinerja`; ``hukdis``:
    the levels of the sanctions that fall in ``kinerja.hukdis.jendela_tahun``
    (:func:`bakat.domain.hukdis.dalam_jendela`). The years combine by
    ``kinerja.cara_gabung``; then each sanction caps the level at its
    ``kinerja.hukdis.batas_level`` (BPKP conditions [S]).
    """
    kinerja = policy.kinerja
    if kinerja.cara_gabung is CaraGabung.TERENDAH:
        level = gabung_terendah(kinerja.level_predikat[p] for p in predikat)
    else:
        rata = kinerja.rata_rata
        level = gabung_rata_rata(predikat, rata.poin, rata.batas_atas, rata.batas_sesuai)
    for tingkat in hukdis:
        level = min(level, kinerja.hukdis.batas_level[tingkat], key=lambda x: x.indeks)
    return level


def level_potensi(skor: float, policy: Policy) -> LevelPotensi:
    """The potential axis level of a score (0-100) under the policy's method: rounded to
    ``potensi.desimal`` places, then compared with the active cut-offs
    (``potensi.komposit.batas`` or ``potensi.jpm.batas``; domain.md §2.6)."""
    batas: BatasPotensi = policy.potensi.batas
    return level_dari_skor(round(skor, policy.potensi.desimal), batas.tinggi, batas.menengah)


def asesmen_berlaku(tanggal: date, as_of: date, policy: Policy) -> bool:
    """Whether an assessment dated ``tanggal`` counts at ``as_of``: it lies in
    ``[as_of - potensi.masa_berlaku_asesmen_tahun years, as_of]``, both ends inclusive."""
    return mundur_tahun(as_of, policy.potensi.masa_berlaku_asesmen_tahun) <= tanggal <= as_of
