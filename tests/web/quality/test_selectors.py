"""The rows of one record that its page lists: only that record's, in a fixed order."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from bakat.web.personnel.models import Muatan
from bakat.web.quality import selectors
from bakat.web.quality.models import Disparitas, Koreksi, Temuan
from tests.web.conftest import Cast

pytestmark = pytest.mark.django_db


def test_a_records_findings_disparities_and_corrections_in_order(cast: Cast) -> None:
    muatan = Muatan.objects.create(
        instansi=cast.ins_a, dimuat_pada=timezone.now(), as_of="2025-10-17"
    )
    for p, aturan in [(cast.p_b, "V07"), (cast.p_a, "V01"), (cast.p_b, "V02"), (cast.p_b, "V07")]:
        Temuan.objects.create(
            instansi=p.instansi, muatan=muatan, pegawai=p, nip=p.nip, aturan=aturan,
            tingkat="error", pesan=f"pesan {aturan}",
        )  # fmt: skip
    for status, kolom in [("beda", "nama"), ("beda", "golongan"), ("hanya_siasn", "nip")]:
        Disparitas.objects.create(
            instansi=cast.ins_a, muatan=muatan, pegawai=cast.p_b, nip=cast.p_b.nip,
            status=status, kolom=kolom, pihak="instansi",
        )  # fmt: skip
    waktu = timezone.now()
    for i, kolom in enumerate(["jabatan", "golongan"]):
        Koreksi.objects.create(
            instansi=cast.ins_a, pegawai=cast.p_b, kolom=kolom, nilai_lama="a", nilai_baru="b",
            alasan="x", diajukan_oleh=cast.users["analis"], diajukan_pada=waktu + timedelta(i),
        )  # fmt: skip

    temuan = selectors.temuan_pegawai(cast.p_b)
    assert [t.aturan for t in temuan] == ["V02", "V07", "V07"]
    assert temuan[1].id < temuan[2].id  # ties by id
    assert temuan[0].pesan == "pesan V02"
    disparitas = selectors.disparitas_pegawai(cast.p_b)
    assert [(d.status, d.kolom) for d in disparitas] == [
        ("beda", "golongan"),
        ("beda", "nama"),
        ("hanya_siasn", "nip"),
    ]
    koreksi = selectors.koreksi_pegawai(cast.p_b)
    assert [k.kolom for k in koreksi] == ["golongan", "jabatan"]  # newest first
    assert koreksi[0].get_status_display()
    assert selectors.temuan_pegawai(cast.p_a1) == []
