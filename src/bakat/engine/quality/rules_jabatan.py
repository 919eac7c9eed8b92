"""Position rules: golongan and education against the grade, appointment dates and ages,
titles, and the agreement between ``pegawai`` and ``jabatan`` (domain.md §4.5, §4.6;
§8 V22-V26, V28, V30; own rules Q04-Q11)."""

from __future__ import annotations

import polars as pl

from bakat.domain.gelar import pendidikan_dari_gelar
from bakat.domain.golongan import Golongan
from bakat.domain.jenjang import Jenjang, KategoriJabatan
from bakat.domain.pendidikan import TINGKAT_PENDIDIKAN, Pendidikan
from bakat.domain.pengangkatan import USIA_PENGANGKATAN_JPT as _USIA_JPT
from bakat.engine.quality.kode import ENUM_JENJANG, lookup, petakan_unik, usia_ymd, ymd
from bakat.engine.quality.kondisi import ada, aktif, jenjang_dalam, kategori_dalam, pppk
from bakat.engine.quality.prepare import tingkat_pendidikan, urutan_golongan
from bakat.engine.quality.registry import Dimensi, Konteks, Tingkat, aturan

_E, _W = Tingkat.ERROR, Tingkat.WARNING
_RENTANG = "PP 13/2002; Keppres 87/1999, PermenPANRB 1/2023 (domain.md §4.5 [S])"
_PP11 = "PP 11/2017 Pasal 54 dan 107 (domain.md §4.6 [S])"

#: Highest age at appointment to a JPT post by grade value (``bakat.domain.pengangkatan``:
#: PP 11/2017 Pasal 107 [S]).
USIA_PENGANGKATAN_JPT: dict[str, int] = {j.value: n for j, n in _USIA_JPT.items()}
_JPT = (Jenjang.JPT_PRATAMA, Jenjang.JPT_MADYA, Jenjang.JPT_UTAMA)
_FUNGSIONAL = (KategoriJabatan.FUNGSIONAL_KEAHLIAN, KategoriJabatan.FUNGSIONAL_KETERAMPILAN)
_GOLONGAN = {g.urutan: g.value for g in Golongan}
#: Education order -> label; D4 and S1 share a level.
LABEL_TINGKAT = {
    n: p.value for p, n in TINGKAT_PENDIDIKAN.items() if n != TINGKAT_PENDIDIKAN[Pendidikan.S1]
}
LABEL_TINGKAT[TINGKAT_PENDIDIKAN[Pendidikan.S1]] = "S1/D4"


def _rentang(*kategori: KategoriJabatan) -> pl.Expr:
    return ~pppk() & kategori_dalam(*kategori) & ada("_gol", "_rentang_min", "_rentang_max")


def _di_luar_rentang() -> pl.Expr:
    return (pl.col("_gol") < pl.col("_rentang_min")) | (pl.col("_gol") > pl.col("_rentang_max"))


_ISIAN_RENTANG = {
    "rentang": lambda k: pl.format(
        "{}-{}",
        pl.col("_rentang_min").replace_strict(_GOLONGAN, default=None, return_dtype=pl.String),
        pl.col("_rentang_max").replace_strict(_GOLONGAN, default=None, return_dtype=pl.String),
    )
}


@aturan(
    id="V22",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="golongan",
    dasar=_RENTANG,
    pesan="Golongan ({golongan}) di luar rentang {rentang} untuk jabatan {jenjang_jabatan}.",
    message="The golongan ({golongan}) is outside {rentang} for {jenjang_jabatan}.",
    berlaku=lambda k: _rentang(KategoriJabatan.MANAJERIAL),
    isian=_ISIAN_RENTANG,
    perlu_kolom=("golongan", "jenjang_jabatan"),
)
def golongan_di_luar_rentang_struktural(k: Konteks) -> pl.Expr:
    """V22: a managerial post's golongan lies in the PP 13/2002 range of its eselon
    equivalent (``bakat.domain.jenjang.RENTANG_GOLONGAN``)."""
    return _di_luar_rentang()


@aturan(
    id="V23",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="golongan",
    dasar=_RENTANG,
    pesan="Golongan ({golongan}) di luar rentang {rentang} untuk jenjang fungsional "
    "{jenjang_jabatan}.",
    message="The golongan ({golongan}) is outside {rentang} for functional grade "
    "{jenjang_jabatan}.",
    berlaku=lambda k: _rentang(*_FUNGSIONAL),
    isian=_ISIAN_RENTANG,
    perlu_kolom=("golongan", "jenjang_jabatan"),
)
def golongan_di_luar_rentang_fungsional(k: Konteks) -> pl.Expr:
    """V23: a JF grade's golongan lies in the JF pangkat range (PermenPANRB 1/2023 [S])."""
    return _di_luar_rentang()


_ISIAN_PEND = {
    "minimal": lambda k: pl.col("_pend_min").replace_strict(
        LABEL_TINGKAT, default=None, return_dtype=pl.String
    )
}


def _pendidikan(jenjang: pl.Expr) -> pl.Expr:
    return jenjang & ada("_pend", "_pend_min")


def _pendidikan_kurang() -> pl.Expr:
    return pl.col("_pend") < pl.col("_pend_min")


_PESAN_PEND = "Pendidikan ({pendidikan}) di bawah syarat minimal {minimal} untuk jabatan "
_PESAN_PEND += "{jenjang_jabatan}."
_MESSAGE_PEND = "Education ({pendidikan}) is below the minimum {minimal} for {jenjang_jabatan}."


@aturan(
    id="V24",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="pendidikan",
    dasar="PP 11/2017 Pasal 107 (domain.md §4.6 [S])",
    pesan=_PESAN_PEND,
    message=_MESSAGE_PEND,
    berlaku=lambda k: _pendidikan(jenjang_dalam(*_JPT)),
    isian=_ISIAN_PEND,
    perlu_kolom=("pendidikan", "jenjang_jabatan"),
)
def pendidikan_jpt_di_bawah_syarat(k: Konteks) -> pl.Expr:
    """V24: JPT holders have at least S1/D4 (PP 11/2017 Pasal 107 [S])."""
    return _pendidikan_kurang()


@aturan(
    id="V24",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="tmt_jabatan",
    dasar="PP 11/2017 Pasal 107 (domain.md §4.6 [S])",
    pesan="Usia saat pengangkatan ke jabatan {jenjang_jabatan} ({usia} tahun) "
    "melebihi batas {batas} tahun; periksa TMT jabatan dan tanggal lahir.",
    message="Age at appointment to {jenjang_jabatan} ({usia}) is above {batas}.",
    berlaku=lambda k: jenjang_dalam(*_JPT) & ada("_lahir", "tmt_jabatan"),
    isian={"batas": lambda k: _batas_jpt(), "usia": lambda k: _usia_jabatan()},
    perlu_kolom=("tmt_jabatan", "tanggal_lahir", "jenjang_jabatan"),
)
def usia_pengangkatan_jpt_melebihi_batas(k: Konteks) -> pl.Expr:
    """V24: appointment age to JPT pratama at most 56, to JPT madya/utama at most 58
    (PP 11/2017 Pasal 107 [S])."""
    return _usia_jabatan() > _batas_jpt()


def _usia_jabatan() -> pl.Expr:
    return usia_ymd(pl.col("_lahir"), ymd("tmt_jabatan"))


def _batas_jpt() -> pl.Expr:
    return lookup(pl.col("_jenjang"), ENUM_JENJANG, USIA_PENGANGKATAN_JPT, pl.Int32())


@aturan(
    id="V25",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="pendidikan",
    dasar="PP 11/2017 Pasal 54 (domain.md §4.6 [S])",
    pesan=_PESAN_PEND,
    message=_MESSAGE_PEND,
    berlaku=lambda k: _pendidikan(jenjang_dalam(Jenjang.ADMINISTRATOR, Jenjang.PENGAWAS)),
    isian=_ISIAN_PEND,
    perlu_kolom=("pendidikan", "jenjang_jabatan"),
)
def pendidikan_administrator_pengawas_di_bawah_syarat(k: Konteks) -> pl.Expr:
    """V25: administrator at least S1/D4, pengawas at least D3 (PP 11/2017 Pasal 54 [S])."""
    return _pendidikan_kurang()


@aturan(
    id="V26",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="pendidikan",
    dasar="domain.md §4.5, §8 V26 [I]; anomali IKD pendidikan tidak sesuai JF [S]",
    pesan=_PESAN_PEND,
    message=_MESSAGE_PEND,
    berlaku=lambda k: _pendidikan(kategori_dalam(*_FUNGSIONAL)),
    isian=_ISIAN_PEND,
    perlu_kolom=("pendidikan", "jenjang_jabatan"),
)
def pendidikan_jf_di_bawah_syarat(k: Konteks) -> pl.Expr:
    """V26: JF keahlian needs at least S1/D4, JF keterampilan at least SLTA
    (``bakat.domain.jenjang.PENDIDIKAN_MINIMAL``)."""
    return _pendidikan_kurang()


@aturan(
    id="V28",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="tmt_jabatan",
    dasar="Anomali IKD riwayat jabatan (domain.md §4.12, §8 V28 [S])",
    pesan="TMT jabatan ({tmt_jabatan}) lebih awal dari TMT CPNS ({tmt_cpns}).",
    message="TMT jabatan ({tmt_jabatan}) is before TMT CPNS ({tmt_cpns}).",
    berlaku=lambda k: ada("tmt_jabatan", "tmt_cpns"),
    perlu_kolom=("tmt_jabatan", "tmt_cpns"),
)
def tmt_jabatan_sebelum_tmt_cpns(k: Konteks) -> pl.Expr:
    """V28: TMT jabatan is not before TMT CPNS (domain.md §8 [S])."""
    return pl.col("tmt_jabatan") < pl.col("tmt_cpns")


def _tingkat_gelar(kolom: str, depan: bool) -> pl.Expr:
    def tingkat(teks: str) -> int | None:
        p = pendidikan_dari_gelar(teks, None) if depan else pendidikan_dari_gelar(None, teks)
        return None if p is None else TINGKAT_PENDIDIKAN[p]

    return petakan_unik(kolom, tingkat, pl.Int16())


def _pendidikan_gelar() -> pl.Expr:
    """The education order the titles imply (the higher of front and back titles)."""
    return pl.max_horizontal(
        _tingkat_gelar("gelar_depan", True), _tingkat_gelar("gelar_belakang", False)
    )


@aturan(
    id="V30",
    tingkat=_W,
    dimensi=Dimensi.KETEPATAN_WAKTU,
    tabel="pegawai",
    kolom="pendidikan",
    dasar="Anomali IKD gelar tidak diperbarui (domain.md §4.12, §8 V30 [S])",
    pesan="Gelar ({gelar}) menunjukkan pendidikan {dari_gelar}, tetapi pendidikan tercatat "
    "{pendidikan}; perbarui riwayat pendidikan atau gelar.",
    message="The titles ({gelar}) imply {dari_gelar} but the recorded education is {pendidikan}.",
    berlaku=lambda k: ada("_pend") & (ada("gelar_depan") | ada("gelar_belakang")),
    isian={
        "gelar": lambda k: pl.concat_str(
            [pl.col("gelar_depan"), pl.col("gelar_belakang")], separator=" ", ignore_nulls=True
        ),
        "dari_gelar": lambda k: _pendidikan_gelar().replace_strict(
            LABEL_TINGKAT, default=None, return_dtype=pl.String
        ),
    },
    perlu_kolom=("pendidikan",),
)
def gelar_tidak_sesuai_pendidikan(k: Konteks) -> pl.Expr:
    """V30: academic titles match the highest education ("S.Sos" needs S1; domain.md §8
    [S]); a title above the recorded education means the education was not updated."""
    return _pendidikan_gelar() > pl.col("_pend")


# --- pegawai against the jabatan table -----------------------------------------------

_POSISI = "Tabel jabatan (formats.md); konsistensi data jabatan IKD (domain.md §4.12 [S])"


@aturan(
    id="Q04",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="jabatan_id",
    dasar=_POSISI,
    pesan="jabatan_id {jabatan_id} tidak ada di tabel jabatan.",
    message="jabatan_id {jabatan_id} is not in the jabatan table.",
    berlaku=lambda k: ada("jabatan_id"),
    perlu_tabel=("jabatan",),
)
def jabatan_id_tidak_dikenal(k: Konteks) -> pl.Expr:
    """Q04: a position id points at a row of ``jabatan``."""
    return ~pl.col("_jab_ada")


@aturan(
    id="Q05",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="jenjang_jabatan",
    dasar=_POSISI,
    pesan="Jenjang jabatan pegawai ({jenjang_jabatan}) berbeda dengan jenjang jabatan "
    "{jabatan_id} di tabel jabatan ({_jab_jenjang}).",
    message="The employee's grade ({jenjang_jabatan}) differs from position {jabatan_id} "
    "({_jab_jenjang}).",
    berlaku=lambda k: pl.col("_jab_ada") & ada("jenjang_jabatan", "_jab_jenjang"),
    perlu_tabel=("jabatan",),
    perlu_kolom=("jenjang_jabatan", "jabatan_id"),
)
def jenjang_tidak_sesuai_jabatan(k: Konteks) -> pl.Expr:
    """Q05: the person's grade equals the grade of the position they hold."""
    return pl.col("jenjang_jabatan") != pl.col("_jab_jenjang")


@aturan(
    id="Q06",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="unit_kerja",
    dasar=_POSISI,
    pesan="Unit kerja pegawai ({unit_kerja}) berbeda dengan unit jabatan {jabatan_id} "
    "({_jab_unit}).",
    message="The employee's unit ({unit_kerja}) differs from position {jabatan_id}'s "
    "({_jab_unit}).",
    berlaku=lambda k: pl.col("_jab_ada") & ada("unit_kerja", "_jab_unit"),
    perlu_tabel=("jabatan",),
    perlu_kolom=("unit_kerja", "jabatan_id"),
)
def unit_kerja_tidak_sesuai_jabatan(k: Konteks) -> pl.Expr:
    """Q06: the person's unit equals the unit of the position they hold."""
    return pl.col("unit_kerja") != pl.col("_jab_unit")


@aturan(
    id="Q07",
    tingkat=_W,
    dimensi=Dimensi.KONSISTENSI,
    tabel="pegawai",
    kolom="jabatan_id",
    dasar=_POSISI,
    pesan="Jabatan {jabatan_id} di tabel jabatan dipangku oleh NIP {_jab_pemangku}, bukan "
    "pegawai ini.",
    message="Position {jabatan_id} has incumbent {_jab_pemangku} in the jabatan table, not "
    "this employee.",
    berlaku=lambda k: aktif() & pl.col("_jab_ada") & ada("_jab_pemangku"),
    perlu_tabel=("jabatan",),
)
def jabatan_dipangku_pegawai_lain(k: Konteks) -> pl.Expr:
    """Q07: a person holds a position whose recorded incumbent is someone else."""
    return pl.col("_jab_pemangku") != pl.col("_kunci")


@aturan(
    id="Q11",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="pendidikan",
    dasar=_POSISI + "; syarat jabatan " + _PP11,
    pesan="Pendidikan ({pendidikan}) di bawah pendidikan minimal jabatan {jabatan_id} "
    "({_jab_pendidikan_minimal}).",
    message="Education ({pendidikan}) is below position {jabatan_id}'s minimum "
    "({_jab_pendidikan_minimal}).",
    berlaku=lambda k: pl.col("_jab_ada") & ada("_pend", "_jab_pendidikan_minimal"),
    perlu_tabel=("jabatan",),
    perlu_kolom=("pendidikan", "jabatan_id"),
)
def pendidikan_di_bawah_syarat_jabatan(k: Konteks) -> pl.Expr:
    """Q11: the holder meets the position's own minimum education (``jabatan.
    pendidikan_minimal``; D4 meets S1)."""
    return pl.col("_pend") < tingkat_pendidikan("_jab_pendidikan_minimal")


@aturan(
    id="Q11",
    tingkat=_W,
    dimensi=Dimensi.AKURASI,
    tabel="pegawai",
    kolom="golongan",
    dasar=_POSISI + "; syarat jabatan " + _PP11,
    pesan="Golongan ({golongan}) di bawah golongan minimal jabatan {jabatan_id} "
    "({_jab_golongan_minimal}).",
    message="The golongan ({golongan}) is below position {jabatan_id}'s minimum "
    "({_jab_golongan_minimal}).",
    berlaku=lambda k: ~pppk() & pl.col("_jab_ada") & ada("_gol", "_jab_golongan_minimal"),
    perlu_tabel=("jabatan",),
    perlu_kolom=("golongan", "jabatan_id"),
)
def golongan_di_bawah_syarat_jabatan(k: Konteks) -> pl.Expr:
    """Q11: the holder meets the position's own minimum golongan (``jabatan.
    golongan_minimal``)."""
    return pl.col("_gol") < urutan_golongan("_jab_golongan_minimal")
