"""Dukcapil province codes: the first two digits of a NIK.

The codes are the Kemendagri area codes (Permendagri 72/2019; Kepmendagri
100.1.1-6117/2022 after the new Papua provinces) that Dukcapil writes into the NIK
(UU 23/2006 Pasal 13; domain.md §4.3 [V], rule V09).

A NIK is never reissued (domain.md §4.3), so the codes of provinces that have since been
split stay valid for the people registered there before the split: a NIK issued in
Papua before 2022 keeps 91 even if the person's district now lies in Papua Tengah.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

KODE_PROVINSI: Mapping[str, str] = MappingProxyType(
    {
        "11": "Aceh",
        "12": "Sumatera Utara",
        "13": "Sumatera Barat",
        "14": "Riau",
        "15": "Jambi",
        "16": "Sumatera Selatan",
        "17": "Bengkulu",
        "18": "Lampung",
        "19": "Kepulauan Bangka Belitung",
        "21": "Kepulauan Riau",
        # Renamed Daerah Khusus Jakarta by UU 2/2024; the code is unchanged.
        "31": "DKI Jakarta",
        "32": "Jawa Barat",
        "33": "Jawa Tengah",
        "34": "DI Yogyakarta",
        "35": "Jawa Timur",
        "36": "Banten",
        "51": "Bali",
        "52": "Nusa Tenggara Barat",
        "53": "Nusa Tenggara Timur",
        "61": "Kalimantan Barat",
        "62": "Kalimantan Tengah",
        "63": "Kalimantan Selatan",
        "64": "Kalimantan Timur",
        # Formed in 2012 (UU 20/2012); older NIKs of its people start with 64.
        "65": "Kalimantan Utara",
        "71": "Sulawesi Utara",
        "72": "Sulawesi Tengah",
        "73": "Sulawesi Selatan",
        "74": "Sulawesi Tenggara",
        "75": "Gorontalo",
        "76": "Sulawesi Barat",
        "81": "Maluku",
        "82": "Maluku Utara",
        "91": "Papua",
        # 92: Kemendagri code of Papua Barat (its BPS code is 91: do not mix the lists) [S].
        "92": "Papua Barat",
        # The 2022 provinces (UU 14, 15, 16/2022; UU 29/2022). 95 is confirmed [S]
        # (Kemendagri code on the province's reference page); 93, 94 and 96 are [I]:
        # follow the order of the Kepmendagri list, not confirmed in a source here.
        "93": "Papua Selatan",
        "94": "Papua Tengah",
        "95": "Papua Pegunungan",
        "96": "Papua Barat Daya",
    }
)
