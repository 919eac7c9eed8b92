"""Where one request's time goes, in process: each busy page timed through Django's test
client, one request at a time, on the agency ``bench_web.py`` loads.

No server, no network, no concurrency: the figure is the application's own cost per
request (middleware, session, queries, rendering), the part of ``bench_web.py``'s server
CPU that the code decides. Pages (as the benchmark's clients ask for them): the
worklist ``/kualitas/`` (pages 1-3), the employee list ``/pegawai/`` (a random page), an
employee's detail ``/pegawai/<id>/``, the talent dashboard ``/talenta/`` and the Nine Box
grid ``/talenta/kotak/``; signed in as the benchmark's HR admin. Each page is asked
``--warm`` times first (the caches fill), then ``--n`` times; printed: milliseconds per
request, and with ``--profile PAGE`` the functions that cost most (cProfile).

``--sesi`` also times the session user's load (``muat_pengguna``: the user with their
grants and data versions, one query every signed-in request runs) against the same
rows built by a raw queryset (``User.objects.raw``), the alternative that converts the
values itself.

Run ``bench_web.py`` once first (it generates and loads the agency); for PostgreSQL pass
the same ``DATABASE_URL`` the loaded database has.

    .venv/bin/python benchmarks/profile_web_pages.py [--pages list,detail] [--n 300]
        [--warm 30] [--profile detail] [--sesi] [--folder benchmarks/out/web-30000]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-kata-sandi-2025"
PAGES = ("worklist", "list", "detail", "dashboard", "grid")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "benchmarks/out/web-30000")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--warm", type=int, default=30)
    parser.add_argument("--profile", choices=PAGES, default=None)
    parser.add_argument("--sesi", action="store_true")
    args = parser.parse_args()
    sub = "postgresql-files" if os.environ.get("DATABASE_URL") else "sqlite"
    os.environ.setdefault("BAKAT_DATA_DIR", str(args.folder / sub))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakat.web.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from bakat.web.accounts.models import User
    from bakat.web.personnel.models import Pegawai

    settings.ALLOWED_HOSTS = ["*"]
    if not User.objects.filter(username="bench-admin").exists():
        sys.exit("run benchmarks/bench_web.py once first: no benchmark agency is loaded")
    ids = list(Pegawai.objects.values_list("id", flat=True))
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.login(username="bench-admin", password=PASSWORD)
    rnd = random.Random(1)
    halaman = max(1, len(ids) // 50)
    paths = {
        "worklist": lambda: f"/kualitas/?halaman={rnd.randint(1, 3)}",
        "list": lambda: f"/pegawai/?halaman={rnd.randint(1, halaman)}",
        "detail": lambda: f"/pegawai/{rnd.choice(ids)}/",
        "dashboard": lambda: "/talenta/",
        "grid": lambda: "/talenta/kotak/",
    }
    print(f"{len(ids)} employees, {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[1]}")
    for name in args.pages.split(","):
        path = paths[name]
        for _ in range(args.warm):
            client.get(path())
        start = time.perf_counter()
        for _ in range(args.n):
            response = client.get(path())
            assert response.status_code == 200, (name, response.status_code)
        print(f"  {name:<10} {(time.perf_counter() - start) / args.n * 1000:6.2f} ms a request")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.n):
            client.get(paths[args.profile]())
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    if args.sesi:
        _sesi(args.n * 10)


def _sesi(n: int) -> None:
    """The session user's load, as the backend does it and by a raw queryset."""
    from bakat.web.accounts.access import _sql_penugasan, muat_pengguna
    from bakat.web.accounts.models import User

    pk = User.objects.get(username="bench-admin").pk
    # The same query: its grant and version columns become the rows' extra attributes.
    sql = _sql_penugasan(dengan_pengguna=True)
    for label, call in (
        ("muat_pengguna", lambda: muat_pengguna(pk)),
        ("User.objects.raw", lambda: list(User.objects.raw(sql, [pk]))),
    ):
        for _ in range(100):
            call()
        start = time.perf_counter()
        for _ in range(n):
            call()
        print(f"  {label:<18} {(time.perf_counter() - start) / n * 1000:6.3f} ms a call")


if __name__ == "__main__":
    main()
