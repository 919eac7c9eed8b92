"""``bakat demo [--port P] [--folder DIR] [--no-serve]``: the demo agency in the web app.

Creates a fresh SQLite database in DIR (default ``demo/web``), generates the demo agency
(seed 17, as of 2025-10-17), loads it (which runs the data-quality check and the
reconciliation into the database), runs every batch step with the report into
``DIR/hasil`` (``bakat run``: check, reconcile, map, succession, laporan.html), creates
the demo accounts (admin, analis, komite, pimpinan, pegawai, auditor; password
``bakat-demo``; demo mode only), prints the summary and serves.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from bakat.cli.main import app
from bakat.cli.options import parse_as_of

DEMO_AS_OF = "2025-10-17"
DEMO_SEED = 17


def prepare_environment(folder: Path) -> None:
    """Point the web application at the demo folder, in demo mode, on SQLite."""
    os.environ["BAKAT_DATA_DIR"] = str(folder.resolve())
    os.environ["BAKAT_DEMO"] = "1"
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("BAKAT_ENV", None)
    for name in ("bakat.sqlite3", "bakat.sqlite3-wal", "bakat.sqlite3-shm"):
        (folder / name).unlink(missing_ok=True)


def _link_committee_member(instansi: Any) -> tuple[str, str] | None:
    """Make the demo committee member also an employee declared related (``relasi``) to
    someone in the talent pool, so that recusal can be seen in the demo; the two NIPs."""
    from bakat.web.accounts.models import Peran, User
    from bakat.web.accounts.services import add_role
    from bakat.web.personnel.models import Pegawai
    from bakat.web.talent.models import Penempatan, Relasi

    pool = set(
        Penempatan.objects.filter(instansi=instansi, dalam_kelompok=True).values_list(
            "nip", flat=True
        )
    )
    for relasi in Relasi.objects.filter(instansi=instansi).order_by("nip_a", "nip_b"):
        if relasi.nip_b not in pool:
            continue
        pegawai = Pegawai.objects.filter(instansi=instansi, nip=relasi.nip_a).first()
        if pegawai is None:
            continue
        add_role(
            actor=None,
            user=User.objects.get(username="komite"),
            peran=Peran.PEGAWAI,
            instansi=instansi,
            pegawai=pegawai,
        )
        return relasi.nip_a, relasi.nip_b
    return None


@app.command("demo")
def demo_command(
    port: Annotated[int, typer.Option("--port", help="Port / port.")] = 8000,
    folder: Annotated[Path, typer.Option("--folder", help="Folder demo / demo folder.")] = Path(
        "demo/web"
    ),
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Jalankan server / serve.")
    ] = True,
) -> None:
    """Siapkan dan jalankan aplikasi web dengan instansi demo / serve the demo agency."""
    from bakat.synth.config import KonfigurasiSintesis
    from bakat.synth.generate import generate

    as_of = parse_as_of(DEMO_AS_OF)
    folder.mkdir(parents=True, exist_ok=True)
    prepare_environment(folder)
    data = folder / "data"
    typer.echo("Membuat instansi demo / generating the demo agency ...")
    generate(data, KonfigurasiSintesis(seed=DEMO_SEED, as_of=as_of), force=True)

    from bakat.web.bootstrap import setup_django

    setup_django()
    from bakat.web.accounts.services import DEMO_PASSWORD, create_demo_accounts
    from bakat.web.analisis import analyse
    from bakat.web.personnel.models import Instansi
    from bakat.web.personnel.services import load_data

    typer.echo("Memuat, memeriksa dan merekonsiliasi / loading, checking, reconciling ...")
    hasil = load_data(actor=None, folder=data, as_of=as_of)
    instansi = Instansi.objects.get(kode=hasil.instansi)
    akun = create_demo_accounts(instansi=instansi)
    typer.echo("Memetakan talenta, suksesi, pengembangan / mapping, succession, development ...")
    analyse(actor=None, instansi=instansi, as_of=as_of, folder=data)
    terkait = _link_committee_member(instansi)
    typer.echo(
        f"Instansi {hasil.instansi}: {hasil.pegawai_baru} pegawai, {hasil.temuan} temuan, "
        f"{hasil.disparitas} disparitas / employees, findings, disparities"
    )
    from bakat.cli.run import run_pipeline
    from bakat.domain.policy import PRESET_BAKU, load_policy

    for line in run_pipeline(data, folder / "hasil", as_of, load_policy(PRESET_BAKU)):
        typer.echo(line)
    typer.echo(f"Akun demo (kata sandi {DEMO_PASSWORD}) / demo accounts:")
    for a in akun:
        typer.echo(f"  {a.username:<9} {a.peran.label}: {a.cakupan}")
    if terkait:
        typer.echo(f"  komite juga pegawai {terkait[0]}, terkait dengan {terkait[1]}: mundur dari")
        typer.echo("  kasus itu / komite is also an employee related to that person: recused")
    typer.echo(f"Ready: http://127.0.0.1:{port}")
    if serve:
        from bakat.cli.serve import serve_forever

        serve_forever("127.0.0.1", port)
