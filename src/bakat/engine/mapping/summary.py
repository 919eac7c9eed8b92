"""The mapping in a few numbers, for the command line and the report.

Numbers are written the Indonesian way (``2.757``, ``80,8%``), as a head of HR reads them:
"2.757 dari 3.414 pegawai terpetakan (80,8%)".
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from bakat.domain.ninebox import SEMUA_KOTAK, AlasanTidakTerpetakan
from bakat.engine.mapping.job import MappingResult
from bakat.engine.mapping.pool import EXCLUSIONS


def angka(n: int) -> str:
    """A whole number with Indonesian thousands separators: ``3414`` -> ``3.414``."""
    return f"{n:,}".replace(",", ".")


def persen(part: int, whole: int, decimals: int = 1) -> str:
    """``part / whole`` as an Indonesian percentage: ``80,8%`` (``-`` when ``whole`` is 0)."""
    if whole == 0:
        return "-"
    return f"{100 * part / whole:.{decimals}f}%".replace(".", ",")


@dataclass(frozen=True)
class MappingSummary:
    """Counts of a mapping result. ``alasan``, ``kotak`` and ``pengecualian`` keep the
    order of the policy, the boxes and the exclusion codes."""

    jumlah_pegawai: int
    terpetakan: int
    alasan: tuple[tuple[str, int], ...]
    kotak: tuple[tuple[int, int], ...]
    kandidat_talenta: int
    masuk_talenta: int
    pengecualian: tuple[tuple[str, int], ...]
    unit_diuji: int
    unit_perlu_ditelaah: int
    unit_tidak_cukup_data: int
    kelompok_perlu_ditelaah: int
    catatan: tuple[str, ...]

    @property
    def persen_terpetakan(self) -> str:
        """Coverage as an Indonesian percentage, e.g. ``80,8%``."""
        return persen(self.terpetakan, self.jumlah_pegawai)

    def lines(self) -> list[str]:
        """The summary in Indonesian, one fact per line."""
        lines = [
            f"{angka(self.terpetakan)} dari {angka(self.jumlah_pegawai)} pegawai terpetakan "
            f"({self.persen_terpetakan})"
        ]
        for code, count in self.alasan:
            if count:
                deskripsi = AlasanTidakTerpetakan(code).deskripsi
                lines.append(f"  tidak terpetakan, {code} ({deskripsi}): {angka(count)}")
        grid = ", ".join(f"{n}: {angka(c)}" for n, c in self.kotak)
        lines.append(f"Sebaran kotak: {grid}")
        keluar = ", ".join(f"{code} {angka(c)}" for code, c in self.pengecualian if c)
        lines.append(
            f"Kelompok talenta: {angka(self.masuk_talenta)} masuk dari "
            f"{angka(self.kandidat_talenta)} pegawai di kotak talenta"
            + (f" (dikecualikan: {keluar})" if keluar else "")
        )
        lines.append(
            f"Kalibrasi: {angka(self.unit_diuji)} unit diuji, "
            f"{angka(self.unit_perlu_ditelaah)} perlu ditelaah, "
            f"{angka(self.unit_tidak_cukup_data)} tidak cukup data"
        )
        lines.append(
            f"Keadilan: {angka(self.kelompok_perlu_ditelaah)} kelompok perlu ditelaah "
            "(rasio di bawah ambang)"
        )
        lines.extend(f"Catatan: {note}" for note in self.catatan)
        return lines


def _count(df: pl.DataFrame, column: str, value: object) -> int:
    return int(df.filter(pl.col(column) == value).height)


def summarise(result: MappingResult) -> MappingSummary:
    """The summary of a mapping result."""
    pemetaan = result.pemetaan
    boxes = pemetaan.get_column("kotak").value_counts()
    per_box = dict(
        zip(boxes.get_column("kotak").to_list(), boxes.get_column("count").to_list(), strict=True)
    )
    pool = result.kelompok_talenta
    reasons = pool.get_column("alasan_pengecualian").drop_nulls().str.split(";").explode()
    excluded = reasons.value_counts()
    per_exclusion = dict(
        zip(
            excluded.get_column("alasan_pengecualian").to_list(),
            excluded.get_column("count").to_list(),
            strict=True,
        )
    )
    kalibrasi = result.kalibrasi
    return MappingSummary(
        jumlah_pegawai=pemetaan.height,
        terpetakan=int(pemetaan.get_column("terpetakan").sum()),
        alasan=tuple(
            (code.value, _count(pemetaan, "alasan", code.value))
            for code in result.policy.pemetaan.urutan_alasan
        ),
        kotak=tuple((n, int(per_box.get(n, 0))) for n in SEMUA_KOTAK),
        kandidat_talenta=pool.height,
        masuk_talenta=int(pool.get_column("masuk").sum()),
        pengecualian=tuple((code, int(per_exclusion.get(code, 0))) for code in EXCLUSIONS),
        unit_diuji=kalibrasi.height - _count(kalibrasi, "status", "tidak_cukup_data"),
        unit_perlu_ditelaah=_count(kalibrasi, "status", "perlu_ditelaah"),
        unit_tidak_cukup_data=_count(kalibrasi, "status", "tidak_cukup_data"),
        kelompok_perlu_ditelaah=_count(result.keadilan, "status", "perlu_ditelaah"),
        catatan=result.catatan,
    )
