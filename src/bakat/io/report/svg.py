"""Charts drawn as inline SVG strings: horizontal bars, the Nine Box grid, and columns.

Everything is computed here, with no chart library and no script: the report stays one
file that opens offline. Every text is escaped; coordinates are written with one
decimal so that the same data always gives the same bytes. The ``<svg>`` element has no
``xmlns``: inside HTML the parser puts it in the SVG namespace, and each chart is also
well-formed XML on its own.
"""

from __future__ import annotations

from html import escape

from bakat.domain.ninebox import KINERJA_NAIK, KOTAK_TALENTA, POTENSI_NAIK, tata_letak
from bakat.io.report.angka import angka, desimal, persen_dari
from bakat.io.report.model import GrafikBatang, GrafikKolom, GrafikKotak

LEBAR = 760
_LABEL = 270
_BARIS = 26
_ATAS = 34
_WARNA_BATANG = "#2f6690"
_WARNA_SERI = ("#2f6690", "#d9822b", "#3a7d44", "#9b2335")
#: Fill of the Nine Box cells: the talent boxes, the middle band, the lowest band.
_WARNA_KOTAK = {9: "#1b7f4a", 8: "#3fa16a", 7: "#3fa16a", 6: "#e3b23c", 5: "#e3b23c",
                4: "#e3b23c", 3: "#e07a5f", 2: "#e07a5f", 1: "#c0392b"}  # fmt: skip


def _t(text: object) -> str:
    return escape(str(text), quote=True)


def _n(x: float) -> str:
    return f"{x:.1f}"


def _pendek(text: str, batas: int = 42) -> str:
    return text if len(text) <= batas else text[: batas - 1] + "…"


def _pembuka(lebar: float, tinggi: float, judul: str) -> str:
    return (
        f'<svg class="grafik" viewBox="0 0 {_n(lebar)} {_n(tinggi)}" width="{_n(lebar)}" '
        f'height="{_n(tinggi)}" role="img" aria-label="{_t(judul)}"><title>{_t(judul)}</title>'
    )


def grafik_batang(g: GrafikBatang) -> str:
    """Horizontal bars, one per item, labelled on the left, value text at the end."""
    n = len(g.batang)
    tinggi = _ATAS + max(n, 1) * _BARIS + 24
    area = LEBAR - _LABEL - 110
    maks = g.maks if g.maks is not None else max((b.nilai for b in g.batang), default=0.0)
    rentang = maks - g.mulai
    judul = f"{g.judul} / {g.judul_en}"
    bagian = [_pembuka(LEBAR, tinggi, judul)]
    bagian.append(
        f'<text x="0" y="16" class="judul-grafik">{_t(g.judul)}</text>'
        f'<text x="0" y="29" class="sub-grafik">{_t(g.judul_en)}</text>'
    )
    if n == 0:
        bagian.append(f'<text x="{_LABEL}" y="{_ATAS + 16}" class="label">tidak ada data</text>')
    for i, b in enumerate(g.batang):
        y = _ATAS + i * _BARIS
        skala = 0.0 if rentang <= 0 else min(max((b.nilai - g.mulai) / rentang, 0.0), 1.0)
        panjang = area * skala
        bagian.append(
            f"<g><title>{_t(b.label)}: {_t(b.teks)}</title>"
            f'<text x="{_LABEL - 8}" y="{_n(y + 16)}" class="label" text-anchor="end">'
            f"{_t(_pendek(b.label))}</text>"
            f'<rect x="{_LABEL}" y="{_n(y + 4)}" width="{_n(panjang)}" height="{_BARIS - 8}" '
            f'fill="{_WARNA_BATANG}"/>'
            f'<text x="{_n(_LABEL + panjang + 6)}" y="{_n(y + 16)}" class="nilai">'
            f"{_t(b.teks)}</text></g>"
        )
    dasar = _ATAS + n * _BARIS + 4
    bagian.append(
        f'<line x1="{_LABEL}" y1="{_ATAS}" x2="{_LABEL}" y2="{dasar}" class="sumbu"/>'
        f'<text x="{_LABEL}" y="{dasar + 14}" class="skala" text-anchor="middle">'
        f"{_t(desimal(g.mulai, 0))}</text>"
        f'<text x="{_LABEL + area}" y="{dasar + 14}" class="skala" text-anchor="middle">'
        f"{_t(desimal(maks, 0))}</text>"
    )
    if g.acuan is not None and rentang > 0 and g.mulai <= g.acuan <= maks:
        x = _LABEL + area * (g.acuan - g.mulai) / rentang
        bagian.append(
            f'<line x1="{_n(x)}" y1="{_ATAS}" x2="{_n(x)}" y2="{dasar}" class="acuan"/>'
            f'<text x="{_n(x)}" y="{dasar + 14}" class="skala" text-anchor="middle">'
            f"{_t(g.acuan_label)} {_t(desimal(g.acuan, 0))}</text>"
        )
    bagian.append("</svg>")
    return "".join(bagian)


# Row and column labels in the order of tata_letak(): kinerja atas first, potensi rendah first.
_KINERJA = tuple(f"Kinerja {k.label}" for k in reversed(KINERJA_NAIK))
_POTENSI = tuple(f"Potensial {p.label}" for p in POTENSI_NAIK)


def grafik_kotak(g: GrafikKotak) -> str:
    """The Nine Box in the regulation's layout: rows kinerja atas, sesuai, bawah; columns
    potensial rendah, menengah, tinggi (``bakat.domain.ninebox.tata_letak``)."""
    jumlah = dict(g.jumlah)
    kiri, atas, sel = 190, 10, 170
    tinggi_sel = 110
    lebar = kiri + 3 * sel + 10
    tinggi = atas + 3 * tinggi_sel + 50
    judul = "Nine Box: jumlah pegawai per kotak / people per box"
    bagian = [_pembuka(lebar, tinggi, judul)]
    for r, baris in enumerate(tata_letak()):
        y = atas + r * tinggi_sel
        bagian.append(
            f'<text x="{kiri - 10}" y="{y + tinggi_sel / 2 + 4}" class="label" '
            f'text-anchor="end">{_t(_KINERJA[r])}</text>'
        )
        for c, nomor in enumerate(baris):
            x = kiri + c * sel
            n = jumlah.get(nomor, 0)
            kelas = "kotak talenta" if nomor in KOTAK_TALENTA else "kotak"
            bagian.append(
                f'<g class="{kelas}"><title>Kotak {nomor}: {_t(angka(n))} pegawai '
                f"({_t(persen_dari(n, g.total))})</title>"
                f'<rect x="{x + 2}" y="{y + 2}" width="{sel - 4}" height="{tinggi_sel - 4}" '
                f'rx="6" fill="{_WARNA_KOTAK[nomor]}"/>'
                f'<text x="{x + 12}" y="{y + 26}" class="nomor-kotak">{nomor}</text>'
                f'<text x="{x + sel / 2}" y="{y + 62}" class="jumlah-kotak" '
                f'text-anchor="middle">{_t(angka(n))}</text>'
                f'<text x="{x + sel / 2}" y="{y + 86}" class="persen-kotak" '
                f'text-anchor="middle">{_t(persen_dari(n, g.total))}</text></g>'
            )
    for c, label in enumerate(_POTENSI):
        bagian.append(
            f'<text x="{kiri + c * sel + sel / 2}" y="{atas + 3 * tinggi_sel + 20}" '
            f'class="label" text-anchor="middle">{_t(label)}</text>'
        )
    bagian.append(
        f'<text x="{kiri + 1.5 * sel}" y="{atas + 3 * tinggi_sel + 42}" class="sub-grafik" '
        f'text-anchor="middle">sumbu potensial / potential axis →</text></svg>'
    )
    return "".join(bagian)


def grafik_kolom(g: GrafikKolom) -> str:
    """Vertical columns per category (year), the series side by side, with a legend."""
    kiri, atas, tinggi_area = 50, 44, 200
    k = max(len(g.kategori), 1)
    lebar_kelompok = (LEBAR - kiri - 20) / k
    lebar_kolom = min(40.0, lebar_kelompok * 0.8 / max(len(g.seri), 1))
    maks = max((v for s in g.seri for v in s.nilai), default=0.0)
    judul = f"{g.judul} / {g.judul_en}"
    tinggi = atas + tinggi_area + 60
    bagian = [_pembuka(LEBAR, tinggi, judul)]
    bagian.append(
        f'<text x="0" y="16" class="judul-grafik">{_t(g.judul)}</text>'
        f'<text x="0" y="29" class="sub-grafik">{_t(g.judul_en)}</text>'
    )
    dasar = atas + tinggi_area
    bagian.append(f'<line x1="{kiri}" y1="{dasar}" x2="{LEBAR - 10}" y2="{dasar}" class="sumbu"/>')
    for i, kategori in enumerate(g.kategori):
        x0 = kiri + i * lebar_kelompok + (lebar_kelompok - lebar_kolom * len(g.seri)) / 2
        for j, seri in enumerate(g.seri):
            nilai = seri.nilai[i] if i < len(seri.nilai) else 0.0
            h = 0.0 if maks <= 0 else tinggi_area * nilai / maks
            x = x0 + j * lebar_kolom
            bagian.append(
                f"<g><title>{_t(kategori)}, {_t(seri.nama)}: {_t(angka(round(nilai)))}</title>"
                f'<rect x="{_n(x)}" y="{_n(dasar - h)}" width="{_n(lebar_kolom - 2)}" '
                f'height="{_n(h)}" fill="{_WARNA_SERI[j % len(_WARNA_SERI)]}"/>'
                f'<text x="{_n(x + lebar_kolom / 2)}" y="{_n(dasar - h - 4)}" class="nilai" '
                f'text-anchor="middle">{_t(angka(round(nilai)))}</text></g>'
            )
        bagian.append(
            f'<text x="{_n(kiri + (i + 0.5) * lebar_kelompok)}" y="{dasar + 16}" class="label" '
            f'text-anchor="middle">{_t(kategori)}</text>'
        )
    x = float(kiri)
    for j, seri in enumerate(g.seri):
        bagian.append(
            f'<rect x="{_n(x)}" y="{dasar + 30}" width="12" height="12" '
            f'fill="{_WARNA_SERI[j % len(_WARNA_SERI)]}"/>'
            f'<text x="{_n(x + 18)}" y="{dasar + 40}" class="label">{_t(seri.nama)}</text>'
        )
        x += 40 + 7 * len(seri.nama)
    bagian.append("</svg>")
    return "".join(bagian)
