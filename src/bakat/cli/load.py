"""``bakat load DATA [--as-of DATE] [--instansi KODE] [--policy POLICY]``: a data folder
into the web application's database (one transaction, one audit event), then the
Nine Box placement, succession and development computed from it (bakat.web.analisis)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bakat.cli.main import app
from bakat.cli.options import parse_as_of
from bakat.domain.policy import PRESET_BAKU
from bakat.io.report.angka import angka


@app.command("load")
def load_command(
    data: Annotated[Path, typer.Argument(help="Folder data / data folder.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Tanggal acuan YYYY-MM-DD (baku: hari ini) / as-of date."),
    ] = None,
    instansi: Annotated[
        str | None, typer.Option("--instansi", help="Kode instansi / agency code.")
    ] = None,
    policy: Annotated[
        str, typer.Option("--policy", help="Preset (nasional-2025, jpm) atau berkas .toml.")
    ] = PRESET_BAKU,
) -> None:
    """Muat data ke basis data aplikasi web / load data into the web database."""
    tanggal = parse_as_of(as_of)
    from bakat.web.bootstrap import setup_django

    setup_django()
    from bakat.web.analisis import load_and_analyse

    hasil, analisis = load_and_analyse(
        actor=None, folder=data, as_of=tanggal, instansi_kode=instansi, policy_name=policy
    )
    typer.echo(
        f"Instansi {hasil.instansi}: {hasil.pegawai_baru} pegawai baru, "
        f"{hasil.pegawai_diubah} diubah, {hasil.temuan} temuan, {hasil.disparitas} disparitas "
        f"/ new, updated, findings, disparities"
    )
    run = analisis.penempatan
    typer.echo(
        f"{angka(run.terpetakan)} dari {angka(run.jumlah_pegawai)} pegawai terpetakan, "
        f"{angka(run.kelompok_talenta)} dalam kelompok talenta / mapped, in the talent pool"
    )
