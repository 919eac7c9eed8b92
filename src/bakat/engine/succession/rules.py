"""The eligibility rules of succession, their codes, texts and bases, and the job settings.

A candidate may be named successor to a target post only when every rule below holds
(domain.md §2.8, §4.6; data rule V37). Two rules are enforced by how candidates are
generated and never appear as exclusion reasons:

- same ``instansi`` unless ``suksesi.lintas_instansi`` (formats.md ``instansi``: succession
  never crosses an agency unless the policy allows) [I];
- ``jenjang_jabatan`` one step below the target (``bakat.domain.jenjang.jenjang_di_bawah``;
  KPK 2/2024 [V], PP 11/2017 Pasal 54, 107 [S]) when ``suksesi.hanya_jenjang_di_bawah``;
  otherwise the grade of the target itself is added (lateral moves).

The others are checked per (candidate, post) and, when they fail, are written to
``pengecualian.csv`` with the codes of :data:`ALASAN`, in the order listed there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

#: Exclusion codes, in the order they are checked and listed, with their Indonesian and
#: English texts. Each is a policy setting (docs/succession.md gives the basis):
#:
#: - ``bukan_kotak_kandidat``: the box is not in ``suksesi.kotak_kandidat`` (7-9; Aceh
#:   Barat code, V37 [S]).
#: - ``hukdis_aktif``: a sanction is in force at the as-of date and
#:   ``talenta.hukdis.kecualikan_aktif`` (V35 [S]).
#: - ``hukdis_dalam_jendela``: a sanction of a level of ``talenta.hukdis.tingkat``
#:   (sedang, berat) in the last ``talenta.hukdis.jendela_tahun`` years (Buleleng SIMATA,
#:   V35 [S]).
#: - ``menjelang_bup``: the retirement date is on or before the expected vacancy date +
#:   ``suksesi.kecualikan_menjelang_bup_tahun`` years (Aceh Barat; V37 [S]).
#: - ``pendidikan_kurang``: education below the post's ``pendidikan_minimal`` or, when
#:   empty, the grade's (``jenjang.pendidikan_minimal``); missing education counts as below
#:   (PP 11/2017 Pasal 54, 107 [S]; ``suksesi.cek_pendidikan_minimal``).
#: - ``golongan_kurang``: golongan below the post's ``golongan_minimal`` or, when empty, the
#:   lower end of the grade's range (``jenjang.rentang_golongan``); not checked for PPPK;
#:   missing golongan counts as below (V37 [S]; ``suksesi.cek_golongan_minimal``).
#: - ``pemangku``: the candidate holds the target post (V37 [S]).
ALASAN: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "bukan_kotak_kandidat": (
            "kotak Nine Box di luar kotak kandidat suksesi",
            "Nine Box box outside the succession candidate boxes",
        ),
        "hukdis_aktif": (
            "sedang menjalani hukuman disiplin",
            "a disciplinary sanction is in force",
        ),
        "hukdis_dalam_jendela": (
            "hukuman disiplin sedang/berat dalam jendela waktu kebijakan",
            "a medium or heavy sanction within the policy window",
        ),
        "menjelang_bup": (
            "mencapai BUP kurang dari batas kebijakan setelah tanggal lowong",
            "reaches retirement age too soon after the expected vacancy date",
        ),
        "pendidikan_kurang": (
            "pendidikan di bawah syarat minimal jabatan",
            "education below the post's minimum",
        ),
        "golongan_kurang": (
            "golongan di bawah syarat minimal jabatan",
            "golongan below the post's minimum",
        ),
        "pemangku": ("pemangku jabatan target", "holds the target post"),
    }
)

#: Reasons a post is a target, in the order listed in ``alasan_target``.
#: ``kritikal`` (KPK 2/2024, PMK 38/2025 [V]), ``lowong`` (vacant, KPK 2/2024 [V]),
#: ``pensiun`` (incumbent reaches BUP within ``suksesi.horizon_tahun``, KPK 2/2024 "will
#: become vacant" [V]; horizon [I]), ``manajerial`` (every managerial post, only with
#: :attr:`SuccessionSettings.semua_manajerial`).
ALASAN_TARGET: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "kritikal": ("jabatan kritikal", "critical post"),
        "lowong": ("jabatan lowong", "vacant post"),
        "pensiun": (
            "pemangku mencapai BUP dalam horizon kebijakan",
            "incumbent reaches retirement age within the policy horizon",
        ),
        "manajerial": ("jabatan manajerial (semua)", "managerial post (all)"),
    }
)

#: Chunk size of the assignment: a block (instansi x target grade) with more target posts
#: is solved in chunks of at most this many posts, in priority order.
TARGET_PER_SOAL = 1000
#: At most this many exclusions are listed per target post.
PENGECUALIAN_PER_JABATAN = 5


@dataclass(frozen=True)
class SuccessionSettings:
    """Settings of the job that are not regulated policy.

    ``semua_manajerial``: every managerial post (JPT, administrator, pengawas) is a target,
    whatever its state (a candidate policy key ``suksesi.sertakan_semua_manajerial``).
    ``hanya_manajerial``: only managerial posts are targets (with ``semua_manajerial``:
    exactly the structural posts, the issue's national case). ``target_per_soal``: chunk size of the
    assignment (:data:`TARGET_PER_SOAL`). ``pengecualian_per_jabatan``: bound of the
    exclusion list per post (:data:`PENGECUALIAN_PER_JABATAN`).
    """

    semua_manajerial: bool = False
    hanya_manajerial: bool = False
    target_per_soal: int = TARGET_PER_SOAL
    pengecualian_per_jabatan: int = PENGECUALIAN_PER_JABATAN

    def __post_init__(self) -> None:
        if self.target_per_soal < 1 or self.pengecualian_per_jabatan < 0:
            raise ValueError("target_per_soal >= 1 and pengecualian_per_jabatan >= 0")


def teks_alasan(codes: str) -> str:
    """The Indonesian / English text of ``;``-joined exclusion codes."""
    parts = [ALASAN[code] for code in codes.split(";") if code]
    return "; ".join(p[0] for p in parts) + " / " + "; ".join(p[1] for p in parts)
