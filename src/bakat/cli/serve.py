"""``bakat serve [--port P] [--host H]``: the web application on this machine.

Migrates the database (SQLite in the data folder unless ``DATABASE_URL`` is set), then
serves with Django's threaded server; for production put a WSGI server in front of
``bakat.web.wsgi:application`` (docs/web.md).
"""

from __future__ import annotations

from typing import Annotated

import typer

from bakat.cli.main import app


def serve_forever(host: str, port: int) -> None:
    """Serve the configured application until interrupted (Django must be set up)."""
    from django.core.management import call_command

    call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)


@app.command("serve")
def serve_command(
    port: Annotated[int, typer.Option("--port", help="Port / port.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Alamat / address.")] = "127.0.0.1",
) -> None:
    """Jalankan aplikasi web / serve the web application."""
    from bakat.web.bootstrap import setup_django

    setup_django()
    typer.echo(f"Ready: http://{host}:{port}")
    serve_forever(host, port)
