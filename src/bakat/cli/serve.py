"""``bakat serve [--port P] [--host H] [--workers N] [--threads T]``: the web application.

Migrates the database (SQLite in the data folder unless ``DATABASE_URL`` is set), then
serves ``bakat.web.wsgi:application`` with gunicorn: one master process and ``N`` worker
processes forked from it after Django is set up (``BAKAT_WEB_WORKERS``, default
``2 x cores + 1``), each with ``T`` threads (``BAKAT_WEB_THREADS``, default 1: sync
workers). Processes, not threads, carry the load: page rendering and Argon2id are CPU
work that one Python process cannot spread over cores. For HTTPS put a reverse proxy in
front (docs/web.md, docs/decisions/0003-web-server.md).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated, Any

import typer

from bakat.cli.main import app


def default_workers() -> int:
    """``2 x cores + 1`` (the usual rule for CPU-bound sync workers)."""
    return 2 * (os.cpu_count() or 1) + 1


def _env_count(name: str, default: int) -> int:
    from bakat.web.env import env_int

    return env_int(name, default, minimum=1)


def gunicorn_options(host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    """The gunicorn settings of ``bakat serve`` (no access log, no control socket)."""
    return {
        "bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
        "workers": workers,
        "worker_class": "gthread" if threads > 1 else "sync",
        "threads": threads,
        # Django is set up once in the master; workers are forked with it loaded.
        "preload_app": True,
        "timeout": 60,
        "graceful_timeout": 5,
        "keepalive": 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "control_socket_disable": True,
        "proc_name": "bakat-web",
        "post_worker_init": _warm_worker,
    }


#: Templates of the busiest pages, compiled in the master so every worker shares them.
_TEMPLATES = (
    "base.html",
    "accounts/masuk.html",
    "accounts/beranda.html",
    "personnel/daftar.html",
    "personnel/detail.html",
    "quality/worklist.html",
)


def warm_up() -> None:
    """Do in the master what each worker would otherwise do on its first requests: load
    both translation catalogues and compile the busiest templates; forked workers
    inherit the result. The views are not imported here: some import Polars, whose
    thread pool must not exist before the fork (a forked worker would then hang on
    exit instead of stopping)."""
    from django.template.loader import get_template
    from django.utils import translation

    for language in ("id", "en"):
        with translation.override(language):
            translation.gettext("Pegawai")
    for name in _TEMPLATES:
        get_template(name)


def _warm_worker(_worker: object) -> None:
    """gunicorn's ``post_worker_init`` hook: import every view (through the URL
    patterns) in the new worker before it accepts its first request."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - importing the views is the point


def serve_forever(
    host: str, port: int, *, workers: int | None = None, threads: int | None = None
) -> None:
    """Serve the configured application with gunicorn until interrupted.

    The schema must be up to date. This process is replaced (``exec``, same process id,
    same environment) by a fresh interpreter that becomes gunicorn's master: the command
    line has imported Polars, whose thread pool must not exist in a process that forks
    workers (a forked child has the pool's state but not its threads)."""
    options = {
        "host": host,
        "port": port,
        "workers": workers
        if workers is not None
        else _env_count("BAKAT_WEB_WORKERS", default_workers()),
        "threads": threads if threads is not None else _env_count("BAKAT_WEB_THREADS", 1),
    }
    if "django" in sys.modules:
        from django.db import connections

        connections.close_all()
    sys.stdout.flush()
    sys.stderr.flush()
    code = "from bakat.cli.serve import run_gunicorn; run_gunicorn()"
    os.execv(sys.executable, [sys.executable, "-c", code, json.dumps(options)])


def run_gunicorn() -> None:
    """gunicorn's master (the process ``serve_forever`` becomes): set Django up, warm
    the caches the workers inherit, fork the workers (options as JSON in argv[1])."""
    options = json.loads(sys.argv[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakat.web.settings")
    import django
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    django.setup()
    from bakat.web.wsgi import application

    warm_up()
    connections.close_all()
    settings = gunicorn_options(
        str(options["host"]), int(options["port"]), int(options["workers"]), int(options["threads"])
    )

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    _Server().run()


@app.command("serve")
def serve_command(
    port: Annotated[int, typer.Option("--port", help="Port / port.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Alamat / address.")] = "127.0.0.1",
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Jumlah proses / worker processes (BAKAT_WEB_WORKERS; 2 x inti + 1).",
        ),
    ] = None,
    threads: Annotated[
        int | None,
        typer.Option(
            "--threads", min=1, help="Utas per proses / threads per worker (BAKAT_WEB_THREADS)."
        ),
    ] = None,
) -> None:
    """Jalankan aplikasi web / serve the web application."""
    # Read the environment before the migration, so that a bad value fails at once.
    workers = workers if workers is not None else _env_count("BAKAT_WEB_WORKERS", default_workers())
    threads = threads if threads is not None else _env_count("BAKAT_WEB_THREADS", 1)
    from bakat.web.bootstrap import setup_django

    setup_django()
    typer.echo(f"Ready: http://{host}:{port}")
    serve_forever(host, port, workers=workers, threads=threads)
