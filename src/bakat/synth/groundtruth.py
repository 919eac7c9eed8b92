"""Ground truth: who is mappable and why not, and the summary of what was generated.

``pemetaan`` mirrors the ``terpetakan``/``alasan`` columns of the ``map`` output
(formats.md) with ``rincian`` for the concrete story behind a reason.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from bakat.synth.config import KonfigurasiSintesis
from bakat.synth.people import ALASAN_NAMA, RINCIAN, Orang

VERSI = 1


def pemetaan(o: Orang, nip: pl.Series) -> pl.DataFrame:
    """One row per employee: ``nip``, ``terpetakan``, ``alasan``, ``rincian``."""
    al = o.alasan[: o.n].astype(np.int64)
    return pl.DataFrame(
        {
            "nip": nip,
            "terpetakan": pl.Series(al == 0),
            "alasan": pl.Series([x or None for x in ALASAN_NAMA], dtype=pl.String).gather(
                pl.Series(al)
            ),
            "rincian": pl.Series([x or None for x in RINCIAN], dtype=pl.String).gather(
                pl.Series(o.rincian[: o.n].astype(np.int64))
            ),
        }
    )


def _hitung(df: pl.DataFrame, *kolom: str) -> dict[str, int]:
    if df.height == 0:
        return {}
    g = df.group_by(list(kolom)).len().sort(list(kolom))
    return {
        " / ".join("" if v is None else str(v) for v in row[:-1]): int(row[-1])
        for row in g.iter_rows()
    }


def menurut(pegawai: pl.DataFrame) -> dict[str, dict[str, int]]:
    """Headcounts of the agency's file by status, sex, education, position type, unit."""
    kategori = pegawai.select(
        pl.when(pl.col("jenjang_jabatan").is_in(["JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA",
                                                 "ADMINISTRATOR", "PENGAWAS"]))
        .then(pl.lit("struktural"))
        .when(pl.col("jenjang_jabatan") == "PELAKSANA")
        .then(pl.lit("pelaksana"))
        .otherwise(pl.lit("fungsional"))
        .alias("kategori")
    )  # fmt: skip
    unit_teratas = (
        pegawai.group_by("unit_kerja_nama")
        .len()
        .sort(["len", "unit_kerja_nama"], descending=[True, False])
        .head(5)
    )
    return {
        "status_kepegawaian": _hitung(pegawai, "status_kepegawaian"),
        "status_aktif": _hitung(
            pegawai.select(
                pl.when(pl.col("status_aktif"))
                .then(pl.lit("aktif"))
                .otherwise(pl.lit("tidak aktif"))
                .alias("status_aktif")
            ),
            "status_aktif",
        ),
        "jenis_kelamin": _hitung(pegawai, "jenis_kelamin"),
        "pendidikan": _hitung(pegawai, "pendidikan"),
        "jenis_jabatan": _hitung(kategori, "kategori"),
        "unit_teratas": {r[0]: int(r[1]) for r in unit_teratas.iter_rows()},
    }


def ringkas(
    config: KonfigurasiSintesis,
    *,
    pegawai_menurut: dict[str, dict[str, int]],
    pemetaan: pl.DataFrame,
    kesalahan: pl.DataFrame,
    disparitas: pl.DataFrame,
    beda_format: pl.DataFrame,
    bukan_pasangan: pl.DataFrame,
    baris: dict[str, int],
    format_tabel: str,
) -> dict[str, Any]:
    """The content of ``ringkasan.json`` (also what the command line prints)."""
    terpetakan = int(pemetaan["terpetakan"].sum())
    return {
        "versi": VERSI,
        "seed": config.seed,
        "pegawai": config.pegawai,
        "instansi": config.instansi,
        "as_of": config.as_of.isoformat(),
        "format": format_tabel,
        "tingkat_galat": config.galat.sebagai_dict(),
        "baris": dict(sorted(baris.items())),
        "pemetaan": {
            "terpetakan": terpetakan,
            "tidak_terpetakan": pemetaan.height - terpetakan,
            "alasan": _hitung(pemetaan.filter(~pl.col("terpetakan")), "alasan"),
            "rincian": _hitung(pemetaan.filter(~pl.col("terpetakan")), "alasan", "rincian"),
        },
        "pegawai_menurut": pegawai_menurut,
        "kesalahan": _hitung(kesalahan, "aturan", "jenis"),
        "disparitas": {
            "status": _hitung(disparitas.unique(["nip", "nip_siasn", "status"]), "status"),
            "kolom": _hitung(disparitas.filter(pl.col("kolom").is_not_null()), "kolom"),
        },
        "beda_format": _hitung(beda_format, "jenis"),
        "bukan_pasangan": bukan_pasangan.height,
    }
