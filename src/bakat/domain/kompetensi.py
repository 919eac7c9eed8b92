"""The competencies of the ASN position competency standard (standar kompetensi jabatan).

PermenPANRB 38/2017 (domain.md §4.11 [V/S]): eight managerial competencies and one
sociocultural competency, each assessed on proficiency levels 1-5. Their snake_case
names are the optional columns of ``asesmen`` (a person's level) and ``jabatan`` (the
position's required level) in formats.md. Technical competencies are defined per
position and are not part of this list.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: The eight managerial competencies, in the order of PermenPANRB 38/2017.
KOMPETENSI_MANAJERIAL: tuple[str, ...] = (
    "integritas",
    "kerja_sama",
    "komunikasi",
    "orientasi_hasil",
    "pelayanan_publik",
    "pengembangan_diri",
    "mengelola_perubahan",
    "pengambilan_keputusan",
)

#: The sociocultural competency.
KOMPETENSI_SOSIAL_KULTURAL: tuple[str, ...] = ("perekat_bangsa",)

#: All nine, as columns of ``asesmen`` and ``jabatan``.
KOMPETENSI: tuple[str, ...] = KOMPETENSI_MANAJERIAL + KOMPETENSI_SOSIAL_KULTURAL

#: Proficiency levels (PermenPANRB 38/2017 [S]).
LEVEL_MINIMAL = 1
LEVEL_MAKSIMAL = 5

#: Indonesian and English names, for reports.
NAMA_KOMPETENSI: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "integritas": ("Integritas", "Integrity"),
        "kerja_sama": ("Kerja sama", "Cooperation"),
        "komunikasi": ("Komunikasi", "Communication"),
        "orientasi_hasil": ("Orientasi pada hasil", "Results orientation"),
        "pelayanan_publik": ("Pelayanan publik", "Public service"),
        "pengembangan_diri": (
            "Pengembangan diri dan orang lain",
            "Developing self and others",
        ),
        "mengelola_perubahan": ("Mengelola perubahan", "Managing change"),
        "pengambilan_keputusan": ("Pengambilan keputusan", "Decision making"),
        "perekat_bangsa": ("Perekat bangsa", "Nation glue"),
    }
)
