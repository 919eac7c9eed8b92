"""``bakat token create --user U --name N [--days D]``, ``bakat token list --user U`` and
``bakat token revoke ID``: personal tokens of the JSON API (docs/web-api.md).

The secret is printed once, at creation; the database keeps only its SHA-256. Creating
and revoking are recorded in the audit trail (the actor is the system: the operator of
the server).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import typer

from bakat.cli.main import app
from bakat.domain.errors import InputError

token_app = typer.Typer(help="Token API / API tokens.", no_args_is_help=True)
app.add_typer(token_app, name="token")


def _setup() -> None:
    from bakat.web.bootstrap import setup_django

    setup_django()


@token_app.command("create")
def create_command(
    user: Annotated[str, typer.Option("--user", help="Nama pengguna / username.")],
    name: Annotated[str, typer.Option("--name", help="Nama token / token name.")],
    days: Annotated[
        int | None,
        typer.Option("--days", min=1, max=3650, help="Berlaku sekian hari / valid for days."),
    ] = None,
) -> None:
    """Buat token API (ditampilkan sekali) / create an API token (shown once)."""
    _setup()
    from django.utils import timezone

    from bakat.web.accounts.models import User
    from bakat.web.api.tokens import buat_token

    pengguna = User.objects.filter(username=user).first()
    if pengguna is None:
        raise InputError(f"pengguna {user!r} tidak ada / no such user")
    expires = timezone.now() + timedelta(days=days) if days is not None else None
    baru = buat_token(actor=None, user=pengguna, name=name, expires=expires)
    typer.echo(f"Token {baru.token.pk} untuk / for {user}: {baru.rahasia}")
    typer.echo("Simpan sekarang: token tidak dapat ditampilkan lagi / store it now: shown once.")


@token_app.command("list")
def list_command(
    user: Annotated[str, typer.Option("--user", help="Nama pengguna / username.")],
) -> None:
    """Daftar token seorang pengguna / list a user's tokens."""
    _setup()
    from bakat.web.api.models import ApiToken

    for t in ApiToken.objects.filter(user__username=user).order_by("pk"):
        status = "dicabut/revoked" if t.revoked else "aktif/active"
        expires = t.expires.isoformat() if t.expires else "-"
        last = t.last_used.isoformat() if t.last_used else "-"
        typer.echo(f"{t.pk}\t{t.prefix}…\t{t.name}\t{status}\t{expires}\t{last}")


@token_app.command("revoke")
def revoke_command(
    token_id: Annotated[int, typer.Argument(help="Nomor token / token id.")],
) -> None:
    """Cabut token API / revoke an API token."""
    _setup()
    from bakat.web.api.models import ApiToken
    from bakat.web.api.tokens import cabut_token

    token = ApiToken.objects.select_related("user").filter(pk=token_id).first()
    if token is None:
        raise InputError(f"token {token_id} tidak ada / no such token")
    cabut_token(actor=None, token=token)
    typer.echo(f"Token {token_id} dicabut / revoked")
