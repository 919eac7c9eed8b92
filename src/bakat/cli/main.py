"""The ``bakat`` command: thin wrappers over the engine, io and synth layers.

Exit status: 0 success, 2 bad input or usage (one clear message, no traceback),
1 internal error.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from bakat import __version__
from bakat.domain.errors import InputError

app = typer.Typer(
    name="bakat",
    help="bakat: manajemen talenta ASN berbasis merit / merit-based ASN talent management.",
    add_completion=False,
    pretty_exceptions_enable=False,
)

# soft_wrap: a message is never broken into lines, so that scripts and logs can grep it.
err_console = Console(stderr=True, soft_wrap=True)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Tampilkan versi / show the version."),
) -> None:
    if version:
        typer.echo(f"bakat {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(2)


def _register_commands() -> None:
    """Import the command modules so that they attach themselves to ``app``."""
    from bakat.cli import commands  # noqa: F401


def run() -> None:
    """Console-script entry point: maps errors to exit statuses.

    Usage errors are Typer's own (exit 2); an :class:`InputError` from any layer
    becomes one message and exit 2; anything else is an internal error (exit 1).
    """
    _register_commands()
    try:
        app()
    except InputError as exc:
        err_console.print(f"[bold red]Galat / error:[/] {exc.describe()}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    run()
