"""``bakat generate``: write a synthetic agency (or nation) with its ground truth."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bakat.cli.main import app
from bakat.cli.options import parse_as_of
from bakat.synth.config import Format, KonfigurasiSintesis, TingkatGalat
from bakat.synth.generate import LANGKAH, generate

console = Console()


def _angka(n: float, desimal: int = 0) -> str:
    """Indonesian number format: 3.414 and 80,8."""
    teks = f"{n:,.{desimal}f}"
    return teks.replace(",", "_").replace(".", ",").replace("_", ".")


@app.command("generate")
def generate_command(
    folder: Annotated[Path, typer.Argument(help="Folder tujuan / output folder.")],
    pegawai: Annotated[int, typer.Option("--pegawai", help="Jumlah pegawai / headcount.")] = 3414,
    seed: Annotated[int, typer.Option("--seed", help="Benih acak / random seed.")] = 17,
    instansi: Annotated[
        int, typer.Option("--instansi", help="Jumlah instansi / number of agencies.")
    ] = 1,
    format_: Annotated[
        Format,
        typer.Option(
            "--format", help="auto (CSV s.d. 200.000 pegawai, lalu Parquet), csv, parquet."
        ),
    ] = Format.AUTO,
    as_of: Annotated[
        str, typer.Option("--as-of", help="Tanggal acuan YYYY-MM-DD / reference date.")
    ] = "2025-10-17",
    tingkat_galat: Annotated[
        float,
        typer.Option(
            "--tingkat-galat",
            help="Pengali semua tingkat galat dan disparitas (0 = data bersih) / error-rate scale.",
        ),
    ] = 1.0,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa folder yang tidak kosong / replace.")
    ] = False,
) -> None:
    """Tulis instansi sintetis beserta kebenaran dasarnya / write a synthetic agency."""
    config = KonfigurasiSintesis(
        pegawai=pegawai,
        seed=seed,
        instansi=instansi,
        as_of=parse_as_of(as_of),
        format=format_,
        galat=TingkatGalat().skala(tingkat_galat),
    )
    config.periksa()
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        tugas = progress.add_task("Menyiapkan", total=len(LANGKAH))
        mulai = [True]

        def lapor(langkah: str) -> None:
            if not mulai[0]:
                progress.advance(tugas)
            mulai[0] = False
            progress.update(tugas, description=langkah)

        hasil = generate(folder, config, force=force, lapor=lapor)
        progress.advance(tugas)
    _cetak(hasil.ringkasan, hasil.folder)


def _cetak(r: dict[str, Any], folder: Path) -> None:
    p = r["pemetaan"]
    total = p["terpetakan"] + p["tidak_terpetakan"]
    persen = 100 * p["terpetakan"] / total if total else 0.0
    console.print(
        f"[bold green]{_angka(p['terpetakan'])} dari {_angka(total)} pegawai dapat dipetakan "
        f"({_angka(persen, 1)}%)[/]"
    )
    t = Table(title=f"Data sintetis di {folder}", show_lines=False)
    t.add_column("Kelompok")
    t.add_column("Nilai")
    t.add_column("Jumlah", justify="right")
    menurut = r["pegawai_menurut"]
    for judul, kunci in (
        ("Status kepegawaian", "status_kepegawaian"),
        ("Status aktif", "status_aktif"),
        ("Jenis kelamin", "jenis_kelamin"),
        ("Pendidikan", "pendidikan"),
        ("Jenis jabatan", "jenis_jabatan"),
        ("Unit kerja terbesar", "unit_teratas"),
    ):
        for i, (nilai, jumlah) in enumerate(menurut[kunci].items()):
            t.add_row(judul if i == 0 else "", str(nilai), _angka(jumlah))
    for i, (alasan, jumlah) in enumerate(p["alasan"].items()):
        t.add_row("Tidak terpetakan" if i == 0 else "", alasan, _angka(jumlah))
    for i, (aturan, jumlah) in enumerate(r["kesalahan"].items()):
        t.add_row("Galat rekaman" if i == 0 else "", aturan, _angka(jumlah))
    for i, (status, jumlah) in enumerate(r["disparitas"]["status"].items()):
        t.add_row("Disparitas SIASN" if i == 0 else "", status, _angka(jumlah))
    for i, (jenis, jumlah) in enumerate(r["beda_format"].items()):
        t.add_row("Beda format saja" if i == 0 else "", jenis, _angka(jumlah))
    t.add_row("Bukan pasangan (mirip)", "", _angka(r["bukan_pasangan"]))
    console.print(t)
    baris = ", ".join(f"{nama} {_angka(n)}" for nama, n in r["baris"].items())
    console.print(f"Baris per tabel: {baris}")
