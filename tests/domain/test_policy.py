"""The scoring policy: presets, extends, validation messages, fingerprint, TOML round trip."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.domain.errors import InputError, PolicyError
from bakat.domain.hukdis import TingkatHukdis
from bakat.domain.ninebox import REKOMENDASI_KOTAK, LevelKinerja, LevelPotensi
from bakat.domain.policy import (
    KELOMPOK_KOMPOSIT,
    CaraGabung,
    MetodePotensi,
    Policy,
    asesmen_berlaku,
    daftar_preset,
    level_kinerja,
    level_potensi,
    load_policy,
    tahun_kinerja,
)
from bakat.domain.policy_sections import BatasPotensi, BobotKomposit
from bakat.domain.skp import LEVEL_PREDIKAT_BAKU, POIN_PREDIKAT_BAKU, Predikat

POLICIES = Path(__file__).parent / "policies"
NASIONAL = load_policy("nasional-2025")
JPM = load_policy("jpm")
P, L = Predikat, LevelKinerja


def _leaves(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out.update(_leaves(value, f"{prefix}.{key}" if prefix else key))
        return out
    return {prefix: data}


def _write(tmp_path: Path, text: str, name: str = "kebijakan.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- presets ---------------------------------------------------------------------------


def test_both_presets_ship_and_load() -> None:
    assert daftar_preset() == ("jpm", "nasional-2025")
    assert (NASIONAL.id, JPM.id) == ("nasional-2025", "jpm")
    assert NASIONAL.berlaku_mulai == date(2026, 1, 1)
    assert NASIONAL.sumber


def test_the_default_policy_is_nasional_2025() -> None:
    assert load_policy() == NASIONAL


def test_nasional_2025_holds_the_kepka_bkn_411_weights_and_cutoffs() -> None:
    komposit = NASIONAL.potensi.komposit
    assert NASIONAL.potensi.metode is MetodePotensi.KOMPOSIT
    assert dataclasses.asdict(komposit.bobot) == {
        "asesmen_kompetensi": 20,
        "pengembangan_kompetensi": 10,
        "pengalaman_jabatan": 10,
        "potensi": 25,
        "pendidikan": 10,
        "kesesuaian_jurusan": 10,
        "integritas": 15,
    }
    assert (komposit.batas.tinggi, komposit.batas.menengah) == (80, 60)
    assert NASIONAL.potensi.masa_berlaku_asesmen_tahun == 3


def test_the_composite_groups_are_40_25_20_15_and_cover_every_weight() -> None:
    bobot = NASIONAL.potensi.komposit.bobot
    sums = {k: sum(getattr(bobot, n) for n in names) for k, names in KELOMPOK_KOMPOSIT.items()}
    assert sums == {"kompetensi": 40, "potensi": 25, "kualifikasi": 20, "integritas": 15}
    names = [n for group in KELOMPOK_KOMPOSIT.values() for n in group]
    assert sorted(names) == sorted(f.name for f in dataclasses.fields(BobotKomposit))


def test_nasional_2025_holds_the_shared_mapping_and_pool_defaults() -> None:
    kinerja = NASIONAL.kinerja
    assert (kinerja.jumlah_tahun, kinerja.minimal_tahun) == (2, 2)
    assert kinerja.cara_gabung is CaraGabung.TERENDAH
    assert dict(kinerja.level_predikat) == dict(LEVEL_PREDIKAT_BAKU)
    assert dict(kinerja.rata_rata.poin) == dict(POIN_PREDIKAT_BAKU)
    assert dict(kinerja.hukdis.batas_level) == {
        TingkatHukdis.RINGAN: L.SESUAI,
        TingkatHukdis.SEDANG: L.BAWAH,
        TingkatHukdis.BERAT: L.BAWAH,
    }
    assert NASIONAL.talenta.kotak == (7, 8, 9)
    assert NASIONAL.talenta.kecualikan_menjelang_bup_tahun == 1
    assert NASIONAL.pengembangan.jp_per_tahun == 20
    assert NASIONAL.pengembangan.target_unit_persen == 80


def test_nasional_2025_holds_the_succession_defaults() -> None:
    suksesi = NASIONAL.suksesi
    assert (suksesi.horizon_tahun, suksesi.jumlah_suksesor, suksesi.maks_suksesor_pertama) == (
        2,
        3,
        1,
    )
    assert suksesi.kotak_kandidat == (7, 8, 9)
    assert suksesi.lintas_instansi is False
    assert dict(suksesi.kesiapan) == {
        "siap_sekarang": (8, 9),
        "siap_1_2_tahun": (5, 7),
        "potensi_masa_depan": (3, 4, 6),
    }
    assert [suksesi.kesiapan_kotak(n) for n in (9, 7, 4, 1)] == [
        "siap_sekarang",
        "siap_1_2_tahun",
        "potensi_masa_depan",
        None,
    ]


def test_per_box_treatment_defaults_to_the_ninebox_recommendations() -> None:
    assert dict(NASIONAL.pengembangan.perlakuan_kotak) == dict(REKOMENDASI_KOTAK)


def test_jpm_changes_only_identity_and_the_potential_method() -> None:
    before, after = _leaves(NASIONAL.to_dict()), _leaves(JPM.to_dict())
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"id", "nama", "potensi.metode"}
    assert JPM.potensi.metode is MetodePotensi.JPM
    assert JPM.potensi.batas == BatasPotensi(tinggi=90, menengah=78)


# --- extends ---------------------------------------------------------------------------


def test_an_agency_file_overrides_only_what_it_sets() -> None:
    agency = load_policy(POLICIES / "agency_valid.toml")
    assert (agency.id, agency.versi) == ("kemensos-2026", "2026.1")
    assert agency.suksesi.jumlah_suksesor == 2
    assert agency.potensi.komposit.batas == BatasPotensi(tinggi=85, menengah=60)
    assert agency.sumber == NASIONAL.sumber
    before, after = _leaves(NASIONAL.to_dict()), _leaves(agency.to_dict())
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {
        "id",
        "versi",
        "nama",
        "suksesi.jumlah_suksesor",
        "potensi.komposit.batas.tinggi",
    }


def test_extends_follows_a_relative_path_chain() -> None:
    child = load_policy(str(POLICIES / "agency_child.toml"))
    assert child.id == "kemensos-2026-unit"
    assert child.talenta.kotak == (8, 9)
    assert child.suksesi.jumlah_suksesor == 2  # from agency_valid.toml
    assert child.potensi.komposit.batas.menengah == 60  # from the preset


def test_arrays_replace_rather_than_merge(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        'extends = "nasional-2025"\nid = "x"\nversi = "1"\n[talenta]\nkotak = [9]\n',
    )
    assert load_policy(path).talenta.kotak == (9,)


# --- refusals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("berkas", "kolom", "pesan"),
    [
        ("unknown_key.toml", "potensi.komposit.bobot.asesmen", "kunci tidak dikenal"),
        ("wrong_type.toml", "suksesi.jumlah_suksesor", "harus berupa bilangan bulat"),
        ("wrong_bool.toml", "suksesi.lintas_instansi", "harus berupa true/false"),
        ("wrong_date.toml", "berlaku_mulai", "harus berupa tanggal"),
        ("out_of_range.toml", "potensi.komposit.batas.tinggi", "di luar rentang 0..100"),
        ("weights_sum.toml", "potensi.komposit.bobot", "jumlah bobot harus 100, bukan 105"),
        ("cutoffs_order.toml", "potensi.komposit.batas.menengah", "harus lebih kecil"),
        ("bad_box.toml", "talenta.kotak[2]", "di luar rentang 1..9"),
        ("unknown_choice.toml", "kinerja.cara_gabung", "pilihan: terendah, rata_rata"),
        ("unknown_predikat.toml", "kinerja.level_predikat.Istimewa", "tidak dikenal"),
        ("unknown_action.toml", "pengembangan.perlakuan_kotak.9", "'naik_gaji' tidak dikenal"),
        ("readiness_overlap.toml", "suksesi.kesiapan.siap_1_2_tahun", "kotak 9 sudah ada"),
        ("candidate_without_band.toml", "suksesi.kesiapan", "kotak kandidat 1"),
        ("missing_id.toml", "id", "kunci wajib tidak ada"),
        ("cycle_a.toml", "extends", "lingkaran"),
    ],
)
def test_it_refuses_a_bad_file_naming_file_key_and_problem(
    berkas: str, kolom: str, pesan: str
) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(POLICIES / berkas)
    error = info.value
    assert error.column == kolom
    assert pesan in error.message
    assert " / " in error.message  # Indonesian first, then English
    assert error.file is not None
    assert Path(error.file).suffix == ".toml"


@pytest.mark.parametrize(
    "berkas", ["unknown_key.toml", "weights_sum.toml", "bad_box.toml", "missing_id.toml"]
)
def test_the_error_names_the_file_that_holds_the_bad_value(berkas: str) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(POLICIES / berkas)
    assert info.value.file is not None
    assert Path(info.value.file).name == berkas


def test_a_bad_value_inherited_through_extends_is_blamed_on_its_own_file() -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(POLICIES / "extends_bad_weights.toml")
    assert info.value.file is not None
    assert Path(info.value.file).name == "weights_sum.toml"
    assert info.value.column == "potensi.komposit.bobot"


def test_a_policy_error_is_an_input_error_with_one_clear_line() -> None:
    with pytest.raises(InputError) as info:
        load_policy(POLICIES / "unknown_key.toml")
    text = str(info.value)
    assert "unknown_key.toml" in text
    assert "kolom potensi.komposit.bobot.asesmen" in text
    assert "\n" not in text


def test_an_unknown_name_lists_the_presets() -> None:
    with pytest.raises(PolicyError) as info:
        load_policy("provinsi-2030")
    assert "nasional-2025" in info.value.message
    assert "jpm" in info.value.message


def test_an_unknown_base_in_extends_lists_the_presets() -> None:
    with pytest.raises(PolicyError, match="nasional-2025"):
        load_policy(POLICIES / "unknown_base.toml")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(tmp_path / "tidak-ada.toml")
    assert info.value.file == str(tmp_path / "tidak-ada.toml")


def test_invalid_toml_is_refused_with_its_line() -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(POLICIES / "bad_syntax.toml")
    assert "bukan TOML yang sah" in info.value.message
    assert "line 4" in info.value.message


@pytest.mark.parametrize(
    ("isi", "kolom", "pesan"),
    [
        ("[kinerja]\nminimal_tahun = 3", "kinerja.minimal_tahun", "tidak boleh melebihi"),
        ("[kinerja]\njumlah_tahun = 1.5", "kinerja.jumlah_tahun", "bilangan bulat"),
        ("[kinerja]\njumlah_tahun = true", "kinerja.jumlah_tahun", "bilangan bulat"),
        ('[kinerja.level_predikat]\nKurang = "atas"', "kinerja.level_predikat", "predikat"),
        ('[kinerja.hukdis.batas_level]\nberat = "atas"', "kinerja.hukdis.batas_level", "berat"),
        ("[kinerja.rata_rata]\nbatas_sesuai = 4.5", "kinerja.rata_rata.batas_sesuai", "lebih"),
        ("[potensi]\ndesimal = 7", "potensi.desimal", "di luar rentang"),
        ("[potensi.jpm.batas]\nmenengah = 95", "potensi.jpm.batas.menengah", "lebih kecil"),
        ("[potensi.komposit.nilai_pendidikan]\nS3 = 10", "potensi.komposit.nilai_pendidikan",
         "pendidikan yang lebih tinggi"),
        ("[potensi.komposit.integritas.nilai_hukdis]\nberat = 90",
         "potensi.komposit.integritas.nilai_hukdis", "lebih berat"),
        ("[potensi.komposit]\nbobot = 100", "potensi.komposit.bobot", "harus berupa tabel"),
        ('[pemetaan]\nurutan_alasan = ["cpns"]', "pemetaan.urutan_alasan", "tidak_aktif"),
        ('[pemetaan]\nurutan_alasan = ["x"]', "pemetaan.urutan_alasan[0]", "pilihan"),
        ("[talenta]\nkotak = []", "talenta.kotak", "tidak boleh kosong"),
        ("[talenta]\nkotak = [8, 8]", "talenta.kotak", "ganda"),
        ("[suksesi.bobot]\nkotak = 40", "suksesi.bobot", "bukan 115"),
        ("[suksesi.kesiapan]\nSiap = [1]", "suksesi.kesiapan.Siap", "tidak berbentuk"),
        ("[pengembangan.perlakuan_kotak]\n10 = []", "pengembangan.perlakuan_kotak.10", "1..9"),
        ('[[pengembangan.celah]]\nminimal = 1\nkegiatan = ["kursus"]',
         "pengembangan.celah[0].kegiatan", "tidak ada di katalog"),
        ("[rotasi_retensi]\nrotasi_minimal_tahun = 5", "rotasi_retensi.rotasi_minimal_tahun",
         "harus lebih kecil"),
        ("[rekonsiliasi.bobot]\nnama = 10", "rekonsiliasi.bobot", "bukan 50"),
        ("[kualitas_data.bobot]\nakurasi = -5", "kualitas_data.bobot.akurasi", "rentang"),
        ("[kualitas_data.bobot]\nakurasi = 0", "kualitas_data.bobot", "bukan 75"),
        ("[rekonsiliasi]\nambang_cocok = nan", "rekonsiliasi.ambang_cocok", "terhingga"),
        ('id = "Huruf Besar"', "id", "tidak berbentuk"),
    ],
)  # fmt: skip
def test_it_refuses_each_kind_of_bad_value(
    tmp_path: Path, isi: str, kolom: str, pesan: str
) -> None:
    identitas = "" if isi.startswith("id =") else 'id = "uji"\n'
    path = _write(tmp_path, f'extends = "nasional-2025"\nversi = "1"\n{identitas}{isi}\n')
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert info.value.column == kolom
    assert pesan in info.value.message
    assert info.value.file == str(path)


def test_a_standalone_file_must_set_every_key(tmp_path: Path) -> None:
    lines = NASIONAL.to_toml().splitlines()
    without = [line for line in lines if not line.startswith("horizon_tahun")]
    path = _write(tmp_path, "\n".join(without))
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert info.value.column == "suksesi.horizon_tahun"
    assert "kunci wajib tidak ada" in info.value.message


def test_a_mapping_keyed_by_an_enum_must_be_complete(tmp_path: Path) -> None:
    text = NASIONAL.to_toml().replace('"Sangat Kurang" = "bawah"\n', "")
    with pytest.raises(PolicyError) as info:
        load_policy(_write(tmp_path, text))
    assert info.value.column == "kinerja.level_predikat.Sangat Kurang"


# --- fingerprint and writing -------------------------------------------------------------


def test_the_fingerprint_is_stable_across_loads_and_layouts(tmp_path: Path) -> None:
    same = _write(
        tmp_path,
        'extends = "nasional-2025"\nid = "nasional-2025"\nversi = "2025.1"\n'
        "[potensi.komposit.batas]\ntinggi = 80.0\n",
    )
    assert load_policy().fingerprint() == NASIONAL.fingerprint()
    assert load_policy(same).fingerprint() == NASIONAL.fingerprint()
    assert len(NASIONAL.fingerprint()) == 64
    assert NASIONAL.fingerprint() != JPM.fingerprint()


@pytest.mark.parametrize(
    "isi",
    [
        "[potensi.komposit.batas]\ntinggi = 80.5",
        "[suksesi]\njumlah_suksesor = 4",
        "[talenta]\nkotak = [9, 8, 7]",
        '[pengembangan.katalog.coaching]\nnama = "Pembinaan"',
        'nama = "Nama lain"',
    ],
)
def test_the_fingerprint_changes_when_a_value_changes(tmp_path: Path, isi: str) -> None:
    path = _write(
        tmp_path, f'extends = "nasional-2025"\nid = "nasional-2025"\nversi = "2025.1"\n{isi}\n'
    )
    assert load_policy(path).fingerprint() != NASIONAL.fingerprint()


@pytest.mark.parametrize("nama", ["nasional-2025", "jpm"])
def test_the_effective_policy_written_as_toml_loads_back_equal(tmp_path: Path, nama: str) -> None:
    policy = load_policy(nama)
    text = policy.to_toml()
    assert policy.fingerprint() in text
    again = load_policy(_write(tmp_path, text))
    assert again == policy
    assert again.fingerprint() == policy.fingerprint()


def test_a_policy_is_frozen_and_hashable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        NASIONAL.id = "lain"  # type: ignore[misc]
    with pytest.raises(TypeError):
        NASIONAL.suksesi.kesiapan["baru"] = (1,)  # type: ignore[index]
    assert hash(NASIONAL) == hash(load_policy())
    assert isinstance(NASIONAL, Policy)


# --- the rules that read the policy -------------------------------------------------------


def _dengan_batas(policy: Policy, tinggi: float, menengah: float) -> Policy:
    batas = BatasPotensi(tinggi=tinggi, menengah=menengah)
    potensi = policy.potensi
    if potensi.metode is MetodePotensi.JPM:
        potensi = dataclasses.replace(potensi, jpm=dataclasses.replace(potensi.jpm, batas=batas))
    else:
        komposit = dataclasses.replace(potensi.komposit, batas=batas)
        potensi = dataclasses.replace(potensi, komposit=komposit)
    return dataclasses.replace(policy, potensi=potensi)


@given(
    base=st.sampled_from([NASIONAL, JPM]),
    cuts=st.lists(st.floats(0, 100, allow_nan=False), min_size=2, max_size=2, unique=True),
    scores=st.lists(st.floats(0, 100, allow_nan=False), min_size=2, max_size=2),
)
def test_potential_levels_are_monotone_in_the_score(
    base: Policy, cuts: list[float], scores: list[float]
) -> None:
    menengah, tinggi = sorted(cuts)
    policy = _dengan_batas(base, tinggi, menengah)
    low, high = sorted(scores)
    assert level_potensi(low, policy).indeks <= level_potensi(high, policy).indeks
    assert level_potensi(100, policy) is LevelPotensi.TINGGI or tinggi > 100


@pytest.mark.parametrize(
    ("policy", "skor", "level"),
    [
        (NASIONAL, 80, LevelPotensi.TINGGI),
        (NASIONAL, 79.996, LevelPotensi.TINGGI),  # rounded to 2 places first
        (NASIONAL, 79.99, LevelPotensi.MENENGAH),
        (NASIONAL, 60, LevelPotensi.MENENGAH),
        (NASIONAL, 59.99, LevelPotensi.RENDAH),
        (JPM, 90, LevelPotensi.TINGGI),
        (JPM, 85, LevelPotensi.MENENGAH),
        (JPM, 77.99, LevelPotensi.RENDAH),
    ],
)
def test_level_potensi_uses_the_cutoffs_of_the_active_method(
    policy: Policy, skor: float, level: LevelPotensi
) -> None:
    assert level_potensi(skor, policy) is level


def _rata_rata() -> Policy:
    kinerja = dataclasses.replace(NASIONAL.kinerja, cara_gabung=CaraGabung.RATA_RATA)
    return dataclasses.replace(NASIONAL, kinerja=kinerja)


@pytest.mark.parametrize(
    ("policy", "predikat", "hukdis", "level"),
    [
        (NASIONAL, [P.SANGAT_BAIK, P.SANGAT_BAIK], [], L.ATAS),
        (NASIONAL, [P.SANGAT_BAIK, P.BAIK], [], L.SESUAI),
        (NASIONAL, [P.BAIK, P.KURANG], [], L.BAWAH),
        (NASIONAL, [P.SANGAT_BAIK, P.SANGAT_BAIK], [TingkatHukdis.RINGAN], L.SESUAI),
        (NASIONAL, [P.SANGAT_BAIK, P.SANGAT_BAIK], [TingkatHukdis.SEDANG], L.BAWAH),
        (NASIONAL, [P.BAIK, P.BAIK], [TingkatHukdis.RINGAN], L.SESUAI),
        (_rata_rata(), [P.SANGAT_BAIK, P.BAIK], [], L.ATAS),
        (_rata_rata(), [P.SANGAT_BAIK, P.BAIK], [TingkatHukdis.BERAT], L.BAWAH),
    ],
)
def test_level_kinerja_combines_the_years_then_caps_by_sanction(
    policy: Policy, predikat: list[Predikat], hukdis: list[TingkatHukdis], level: LevelKinerja
) -> None:
    assert level_kinerja(predikat, hukdis, policy) is level


def test_the_skp_window_is_the_two_calendar_years_before_the_as_of_year() -> None:
    assert tahun_kinerja(date(2026, 3, 15), NASIONAL) == (2024, 2025)
    assert tahun_kinerja(date(2026, 12, 31), NASIONAL) == (2024, 2025)


@pytest.mark.parametrize(
    ("tanggal", "berlaku"),
    [
        (date(2023, 3, 15), True),  # exactly 3 years before
        (date(2023, 3, 14), False),
        (date(2026, 3, 15), True),
        (date(2026, 3, 16), False),  # after as_of
    ],
)
def test_an_assessment_is_valid_for_three_years(tanggal: date, berlaku: bool) -> None:
    assert asesmen_berlaku(tanggal, date(2026, 3, 15), NASIONAL) is berlaku


def test_written_toml_escapes_awkward_text(tmp_path: Path) -> None:
    awkward = 'Kebijakan "khusus"\nbaris dua \\ tab\t del\x7f é'
    policy = dataclasses.replace(NASIONAL, nama=awkward, sumber=(awkward, "[x] = y"))
    again = load_policy(_write(tmp_path, policy.to_toml()))
    assert (again.nama, again.sumber) == (awkward, (awkward, "[x] = y"))
