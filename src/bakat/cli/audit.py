"""``bakat audit verify [--checkpoint FILE]`` and ``bakat audit checkpoint --out FILE``.

``verify`` exits 0 when every chain is intact, 1 naming the first broken link of each
broken chain. A checkpoint file (the head of every chain) kept outside the database
lets ``verify`` also catch the removal of the latest events.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bakat.cli.main import app
from bakat.domain.errors import InputError

audit_app = typer.Typer(help="Jejak audit / audit trail.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


def read_checkpoint(path: Path) -> dict[str, tuple[int, str]]:
    """``{rantai: (seq, hash)}`` from a checkpoint file (InputError when malformed)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): (int(v["seq"]), str(v["hash"])) for k, v in data.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"berkas titik periksa tidak sah: {exc} / invalid checkpoint file", file=str(path)
        ) from None


@audit_app.command("verify")
def verify_command(
    checkpoint: Annotated[
        Path | None, typer.Option("--checkpoint", help="Berkas titik periksa / checkpoint.")
    ] = None,
) -> None:
    """Verifikasi rantai hash jejak audit / verify the audit hash chains."""
    marks = read_checkpoint(checkpoint) if checkpoint is not None else None
    from bakat.web.bootstrap import setup_django

    setup_django()
    from bakat.web.audit.verify import verify

    hasil = verify(marks)
    for rantai, jumlah in hasil.jumlah.items():
        typer.echo(f"{rantai}: {jumlah} peristiwa / events")
    if hasil.utuh:
        typer.echo("Jejak audit utuh / audit trail intact")
        return
    for pelanggaran in hasil.pelanggaran:
        typer.echo(f"RUSAK / BROKEN: {pelanggaran}", err=True)
    raise typer.Exit(1)


@audit_app.command("checkpoint")
def checkpoint_command(
    out: Annotated[Path, typer.Option("--out", help="Berkas tujuan / output file.")],
) -> None:
    """Tulis titik periksa (kepala setiap rantai) / write a checkpoint of every chain."""
    from bakat.web.bootstrap import setup_django

    setup_django()
    from bakat.io.writers import atomic_output
    from bakat.web.audit.verify import checkpoint

    with atomic_output(out) as temporary:
        temporary.write_text(json.dumps(checkpoint(), indent=2, sort_keys=True), encoding="utf-8")
    typer.echo(f"Titik periksa ditulis ke {out} / checkpoint written to {out}")
