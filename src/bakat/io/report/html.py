"""``laporan.html``: the report as one self-contained page.

Inline CSS, charts as inline SVG (``svg.py``), no script, no font, image or style sheet
from anywhere else: the file opens offline and can be mailed as it is. Every value from
the result files passes through ``html.escape``. Bahasa Indonesia first, English in
the subtitles. Nothing depends on the clock: the same result folder gives the same bytes.
"""

from __future__ import annotations

from html import escape

from bakat.io.report.angka import angka, tanggal, teks
from bakat.io.report.model import (
    Bagian,
    Fakta,
    Grafik,
    GrafikBatang,
    GrafikKolom,
    GrafikKotak,
    Jenis,
    Laporan,
    Tabel,
)
from bakat.io.report.svg import grafik_batang, grafik_kolom, grafik_kotak

_CSS = """
:root { --biru: #1f4e79; --abu: #5b6770; --garis: #d5dbe0; --latar: #f5f7f9; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d252c;
  margin: 0; background: #fff; line-height: 1.45; }
header { background: var(--biru); color: #fff; padding: 24px 32px; }
header h1 { margin: 0; font-size: 26px; }
header p { margin: 4px 0 0; }
.en { color: var(--abu); font-style: italic; font-size: 0.92em; margin-top: 0; }
header .en { color: #d6e4f0; }
nav { padding: 10px 32px; background: var(--latar); border-bottom: 1px solid var(--garis); }
nav a { margin-right: 18px; color: var(--biru); text-decoration: none; font-weight: 600; }
main { padding: 8px 32px 32px; max-width: 1180px; }
section { margin-top: 28px; border-top: 1px solid var(--garis); padding-top: 8px; }
h2 { color: var(--biru); margin: 8px 0 0; font-size: 21px; }
h3 { margin: 18px 0 0; font-size: 16px; }
.pengantar { font-size: 17px; font-weight: 600; margin: 10px 0; }
.kartu { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; padding: 0; }
.kartu div { background: var(--latar); border: 1px solid var(--garis); border-radius: 6px;
  padding: 10px 14px; min-width: 170px; flex: 0 1 auto; }
.kartu dt { font-size: 13px; color: var(--abu); }
.kartu dd { margin: 2px 0 0; font-size: 22px; font-weight: 700; }
.kartu .ket { font-size: 12px; color: var(--abu); font-weight: 400; display: block; }
.sorotan .kartu dd { color: var(--biru); }
.sorotan li { margin: 4px 0; }
.pengantar .en, li .en { font-weight: 400; }
.tabel { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th { background: var(--biru); color: #fff; text-align: left; padding: 6px 8px;
  vertical-align: bottom; }
td { border-bottom: 1px solid var(--garis); padding: 4px 8px; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: var(--latar); }
.catatan { color: var(--abu); font-size: 13px; }
.grafik { display: block; margin: 14px 0; max-width: 100%; height: auto; }
.grafik text { font-family: inherit; font-size: 12px; fill: #1d252c; }
.grafik .judul-grafik { font-size: 14px; font-weight: 700; }
.grafik .sub-grafik { font-style: italic; fill: var(--abu); }
.grafik .skala { fill: var(--abu); font-size: 11px; }
.grafik .sumbu { stroke: #8a959e; stroke-width: 1; }
.grafik .acuan { stroke: #9b2335; stroke-width: 2; stroke-dasharray: 4 3; }
.grafik .nomor-kotak { font-size: 15px; font-weight: 700; fill: #fff; }
.grafik .jumlah-kotak { font-size: 24px; font-weight: 700; fill: #fff; }
.grafik .persen-kotak { font-size: 14px; fill: #fff; }
footer { padding: 16px 32px; color: var(--abu); font-size: 13px;
  border-top: 1px solid var(--garis); }
@media print { nav { display: none; } section { break-inside: avoid-page; } }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _dwibahasa(text: str) -> str:
    """``"Indonesian / English"`` with the English part set as a subtitle."""
    indonesia, garis, inggris = text.partition(" / ")
    if not garis:
        return _e(text)
    return f'{_e(indonesia)} <span class="en">/ {_e(inggris)}</span>'


def _fakta(daftar: tuple[Fakta, ...]) -> str:
    if not daftar:
        return ""
    isi = []
    for f in daftar:
        ket = f'<span class="ket">{_e(f.keterangan)}</span>' if f.keterangan else ""
        isi.append(
            f'<div><dt>{_e(f.label)}<br><span class="en">{_e(f.label_en)}</span></dt>'
            f"<dd>{_e(teks(f.nilai, f.jenis.value))}{ket}</dd></div>"
        )
    return f'<dl class="kartu">{"".join(isi)}</dl>'


def _grafik(g: Grafik) -> str:
    if isinstance(g, GrafikKotak):
        return grafik_kotak(g)
    if isinstance(g, GrafikKolom):
        return grafik_kolom(g)
    assert isinstance(g, GrafikBatang)
    return grafik_batang(g)


def _tabel(t: Tabel) -> str:
    if t.batas_html <= 0:
        return ""
    kolom = [k for k in t.kolom if k.nama in t.frame.columns]
    kepala = "".join(
        f'<th class="{"teks" if k.jenis is Jenis.TEKS else "num"}">{_e(k.label)}</th>'
        for k in kolom
    )
    baris = []
    for row in t.frame.select(k.nama for k in kolom).head(t.batas_html).iter_rows():
        sel = "".join(
            f'<td class="{"teks" if k.jenis is Jenis.TEKS else "num"}">'
            f"{_e(teks(nilai, k.jenis.value))}</td>"
            for k, nilai in zip(kolom, row, strict=True)
        )
        baris.append(f"<tr>{sel}</tr>")
    catatan = []
    if t.frame.height > t.batas_html:
        catatan.append(
            f"Menampilkan {angka(t.batas_html)} dari {angka(t.frame.height)} baris / showing "
            f"{angka(t.batas_html)} of {angka(t.frame.height)} rows"
        )
    if t.catatan:
        catatan.append(t.catatan)
    if t.frame.height == 0:
        baris.append(f'<tr><td colspan="{len(kolom)}">tidak ada / none</td></tr>')
    bawah = f'<p class="catatan">{_e("; ".join(catatan))}</p>' if catatan else ""
    return (
        f'<h3>{_e(t.judul)}</h3><p class="en">{_e(t.judul_en)}</p>'
        f'<div class="tabel"><table><thead><tr>{kepala}</tr></thead>'
        f"<tbody>{''.join(baris)}</tbody></table></div>{bawah}"
    )


def _bagian(b: Bagian) -> str:
    isi = [f'<section id="{_e(b.kunci)}"><h2>{_e(b.judul)}</h2><p class="en">{_e(b.judul_en)}</p>']
    if b.pengantar:
        isi.append(f'<p class="pengantar">{_dwibahasa(b.pengantar)}</p>')
    isi.append(_fakta(b.fakta))
    isi += [_grafik(g) for g in b.grafik]
    isi += [_tabel(t) for t in b.tabel]
    isi += [f'<p class="catatan">{_e(c)}</p>' for c in b.catatan]
    isi.append("</section>")
    return "".join(isi)


def render_html(laporan: Laporan) -> str:
    """The report as an HTML document (a string)."""
    meta = [f"Tanggal acuan / as of: {tanggal(laporan.tanggal_acuan)}"]
    if laporan.kebijakan:
        meta.append(f"Kebijakan / policy: {laporan.kebijakan}")
    nav = "".join(f'<a href="#{_e(b.kunci)}">{_e(b.judul)}</a>' for b in laporan.bagian)
    kalimat = "".join(f"<li>{_dwibahasa(b.pengantar)}</li>" for b in laporan.bagian if b.pengantar)
    sorotan = (
        '<section class="sorotan" id="sorotan"><h2>Ringkasan</h2><p class="en">At a glance</p>'
        f"{_fakta(laporan.sorotan)}<ul>{kalimat}</ul></section>"
        if laporan.bagian
        else ""
    )
    catatan = "".join(f"<p>{_e(c)}</p>" for c in laporan.tidak_ada)
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(laporan.judul)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{_e(laporan.judul)}</h1>"
        '<p class="en">Talent management report</p>'
        f"<p>{_e(' · '.join(meta))}</p></header>\n"
        f"<nav>{nav}</nav>\n<main>{sorotan}\n"
        + "\n".join(_bagian(b) for b in laporan.bagian)
        + f"\n</main>\n<footer>{catatan}<p>Disusun oleh bakat dari berkas hasil di folder ini; "
        "rincian per orang ada di berkas CSV. / Built by bakat from the result files in this "
        "folder; person-level detail is in the CSV files.</p></footer>\n</body>\n</html>\n"
    )
