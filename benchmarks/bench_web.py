"""Latency and throughput of the web application under concurrent clients.

Sets up (or reuses, cached under ``benchmarks/out/web-N/``) an agency of N employees
(``bakat generate --pegawai N`` then ``bakat load``), starts ``bakat serve`` with the
given number of worker processes on a free loopback port, and measures in one run:

1. baseline: the clients fetch the login page (no query beyond the session);
2. pages: the clients, signed in (half as the agency's HR admin, half as an analyst
   scoped to the largest eselon-I subtree), fetch the worklist ``/kualitas/`` (pages
   1-3), the employee list ``/pegawai/`` (a random page) and an employee's detail
   ``/pegawai/<id>/`` (a random record in the client's scope), for a fixed duration;
3. talent pages: the same clients fetch the dashboard ``/talenta/``, the Nine Box grid
   ``/talenta/kotak/`` (each also filtered by a random jenjang) and a box's people
   ``/talenta/kotak/<n>/`` (a random box, pages 1-3), for a fixed duration;
4. logins: the clients sign in again and again (GET form, POST credentials) for a
   fixed duration.

``bakat load`` also maps the agency and plans its succession (bakat.web.analisis), so
the talent pages show the engine's results for all N employees.

It prints p50/p95/p99 per page, requests/s, logins/s, the web server's CPU per request
(and, with ``--postgres``, the database cluster's), the load average of the machine
and the ratio of each page's p50 to the baseline's p50 measured in the same run (which
compares runs on machines of different speed or load). Each client is a thread opening
one connection per request (``http.client``), with an optional think time between
requests (``--think``; 0 means a closed loop: latency then includes the queue).

    .venv/bin/python benchmarks/bench_web.py [--pegawai 30000] [--workers N]
        [--clients 50] [--seconds 30] [--suite all|data|talent]
        [--database-url URL | --postgres]

``--postgres`` starts a throwaway PostgreSQL cluster (initdb/pg_ctl on a Unix socket in
a temporary folder, as ``.ci/run`` does; as root the server runs as ``postgres``) and
loads the agency into it; ``--database-url`` uses an existing database.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import http.client
import json
import os
import random
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]
PASSWORD = "bench-kata-sandi-2025"
#: The generated agency's reference date, also the load's (the mapping reads the SKP of
#: the two years before it).
AS_OF = "2025-10-17"
#: Filters of the talent pages (jenjang values of the generated agency).
JENJANG = ("PELAKSANA", "PENGAWAS", "ADMINISTRATOR", "AHLI_PERTAMA", "AHLI_MUDA")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

#: Creates the two benchmark accounts when missing and prints, as JSON, the employee ids
#: in each account's scope. Runs in a child process with the benchmark's environment.
SETUP = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakat.web.settings")
import django
django.setup()
from django.db.models import Count
from bakat.web.accounts.models import Peran, User
from bakat.web.accounts.services import create_user_with_role
from bakat.web.personnel.models import Instansi, Pegawai, UnitKerja
password = sys.argv[1]
instansi = Instansi.objects.get()
root = UnitKerja.objects.filter(instansi=instansi, induk=None).order_by("path").first()
children = UnitKerja.objects.filter(induk=root)
unit = max(children, key=lambda u: Pegawai.objects.filter(unit__path__startswith=u.path).count())
for username, peran, scope in (("bench-admin", Peran.ADMIN, None),
                               ("bench-analis", Peran.ANALIS, unit)):
    user = User.objects.filter(username=username).first()
    if user is None:
        create_user_with_role(actor=None, username=username, password=password,
                              peran=peran, instansi=instansi, unit=scope)
    elif not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
print(json.dumps({
    "bench-admin": list(Pegawai.objects.filter(instansi=instansi).values_list("id", flat=True)),
    "bench-analis": list(Pegawai.objects.filter(unit__path__startswith=unit.path)
                         .values_list("id", flat=True)),
    "pegawai": Pegawai.objects.filter(instansi=instansi).count(),
}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


#: The PostgreSQL postmaster of a throwaway cluster (``--postgres``): its CPU and its
#: backends' are reported beside the web server's.
DATABASE_PID: int | None = None


def database_cpu() -> float:
    """CPU seconds (user+sys) of the throwaway PostgreSQL cluster: the postmaster, its
    live backends and the backends that have already exited (cutime/cstime)."""
    if DATABASE_PID is None:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{DATABASE_PID}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(f) for f in fields[11:15]) / ticks
        for task in Path(f"/proc/{DATABASE_PID}/task").iterdir():
            for child in (task / "children").read_text().split():
                with contextlib.suppress(OSError):
                    stat = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
                    total += (int(stat[11]) + int(stat[12])) / ticks
    return total


def server_cpu(pid: int) -> float:
    """CPU seconds (user+sys) of the server: its master and live worker processes."""
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(c) for c in (task / "children").read_text().split()]
    total = 0.0
    for p in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _run(cmd: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd[:4])} ... failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare(folder: Path, pegawai: int, seed: int, env: dict[str, str], marker: Path) -> dict:
    """Generate the agency once, load it once per database, create the accounts."""
    data = folder / "data"
    if not (data / "pegawai.csv").exists() and not (data / "pegawai.parquet").exists():
        print(f"generating {pegawai} employees into {data} ...", flush=True)
        _run(
            [
                *BAKAT,
                "generate",
                str(data),
                "--pegawai",
                str(pegawai),
                "--seed",
                str(seed),
                "--as-of",
                AS_OF,
                "--force",
            ],
            env,
        )
    if not marker.exists():
        print("loading (check + reconciliation) ...", flush=True)
        started = time.perf_counter()
        _run([*BAKAT, "load", str(data), "--as-of", AS_OF], env)
        print(f"  loaded in {time.perf_counter() - started:.1f} s", flush=True)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("loaded\n", encoding="utf-8")
    return json.loads(_run([sys.executable, "-c", SETUP, PASSWORD], env).strip().splitlines()[-1])


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A PostgreSQL cluster in a temporary folder reached through its Unix socket."""
    as_root = os.getuid() == 0

    def pg(*cmd: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *cmd] if as_root else list(cmd)

    bindir = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None)
    tool = (lambda name: str(bindir / name)) if bindir else (lambda name: name)
    tmp = Path(tempfile.mkdtemp(prefix="bakat-bench-pg."))
    if as_root:
        shutil.chown(tmp, "postgres")
    try:
        subprocess.run(
            pg(tool("initdb"), "-D", f"{tmp}/data", "-U", "bakat", "-A", "trust", "--no-sync"),
            check=True,
            capture_output=True,
        )
        subprocess.run(
            pg(
                tool("pg_ctl"),
                "-D",
                f"{tmp}/data",
                "-l",
                f"{tmp}/server.log",
                "-w",
                "-o",
                f"-k {tmp} -c listen_addresses='' -c max_connections=200",
                "start",
            ),
            check=True,
            capture_output=True,
        )
        subprocess.run(
            pg(tool("createdb"), "-h", str(tmp), "-U", "bakat", "bakat"),
            check=True,
            capture_output=True,
        )
        yield f"postgresql://bakat@/bakat?host={tmp}"
    finally:
        subprocess.run(
            pg(tool("pg_ctl"), "-D", f"{tmp}/data", "-m", "immediate", "stop"),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(tmp, ignore_errors=True)


class Client:
    """One browser: cookies, one connection per request."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
            return response.status, text
        finally:
            conn.close()

    def login(self, username: str) -> None:
        from urllib.parse import urlencode

        self.cookies.clear()
        status, page = self.request("GET", "/masuk/")
        token = CSRF_FIELD.search(page)
        if status != 200 or token is None:
            raise RuntimeError(f"login form: HTTP {status}")
        form = urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)}
        )
        status, _ = self.request("POST", "/masuk/", form)
        if status != 302:
            raise RuntimeError(f"login: HTTP {status}")


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(seconds)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def _percentile(sorted_values: list[float], p: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


def run_clients(n: int, seconds: float, body, pid: int) -> tuple[float, float]:
    """Run ``body(client_index, stop_time)`` in ``n`` threads: the elapsed wall time and
    the server's CPU time meanwhile (the database's goes to ``LAST_DATABASE_CPU``)."""
    global LAST_DATABASE_CPU
    cpu = server_cpu(pid)
    db = database_cpu()
    started = time.perf_counter()
    stop = started + seconds
    threads = [threading.Thread(target=body, args=(i, stop)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    LAST_DATABASE_CPU = database_cpu() - db
    return time.perf_counter() - started, server_cpu(pid) - cpu


LAST_DATABASE_CPU = 0.0


def timed(client: Client, tally: Tally, kind: str, path: str) -> None:
    started = time.perf_counter()
    try:
        status, _ = client.request("GET", path)
    except OSError as exc:
        tally.error(f"{kind}: {exc!r}")
        return
    if status == 200:
        tally.add(kind, time.perf_counter() - started)
    else:
        tally.error(f"{kind}: HTTP {status} {path}")


def report(
    title: str, tally: Tally, elapsed: float, baseline_p50: float | None, cpu: float
) -> float:
    total = sum(len(v) for v in tally.times.values())
    print(
        f"\n{title}: {total} requests in {elapsed:.1f} s = {total / elapsed:.1f} req/s; "
        f"{len(tally.errors)} errors; {_load()}"
    )
    if total:
        cores = os.cpu_count() or 1
        print(
            f"  server CPU {cpu:.1f} s = {1000 * cpu / total:.1f} ms per request "
            f"(on {cores} idle cores: ~{total * cores / cpu:.0f} per s)"
        )
        if DATABASE_PID is not None:
            db = LAST_DATABASE_CPU
            print(
                f"  database CPU {db:.1f} s = {1000 * db / total:.1f} ms per request "
                f"(web + database on {cores} idle cores: ~{total * cores / (cpu + db):.0f} per s)"
            )
    for error in sorted(set(tally.errors))[:3]:
        print(f"  error: {error}")
    p50_all = 0.0
    for kind, values in tally.times.items():
        values.sort()
        p50, p95, p99 = (_percentile(values, p) * 1000 for p in (50, 95, 99))
        ratio = f"  p50 = {p50 / baseline_p50:5.1f} x baseline" if baseline_p50 else ""
        print(
            f"  {kind:<10} n={len(values):6d}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
            f"p99 {p99:7.1f} ms{ratio}"
        )
        p50_all = p50
    return p50_all


def benchmark(port: int, pid: int, ids: dict, args: argparse.Namespace) -> None:
    users = ["bench-admin", "bench-analis"]
    halaman = max(1, len(ids["bench-admin"]) // 50)

    def pause(rnd: random.Random) -> None:
        if args.think > 0:
            time.sleep(rnd.expovariate(1 / args.think))

    def warm(i: int, stop: float) -> None:  # not counted: every worker's first pages
        client = Client(port)
        with contextlib.suppress(OSError, RuntimeError):
            client.login(users[i % 2])
            first = f"/pegawai/{ids[users[i % 2]][0]}/"
            for path in ("/kualitas/", "/pegawai/", first, "/talenta/", "/talenta/kotak/"):
                client.request("GET", path)

    run_clients(args.clients, 0, warm, pid)
    base = Tally()

    def baseline(i: int, stop: float) -> None:
        client, rnd = Client(port), random.Random(i)
        while time.perf_counter() < stop:
            timed(client, base, "login-page", "/masuk/")
            pause(rnd)

    elapsed, cpu = run_clients(args.clients, args.baseline_seconds, baseline, pid)
    base_p50 = report("baseline (GET /masuk/)", base, elapsed, None, cpu)

    pages = Tally()

    def signed_in(i: int, tally: Tally) -> Client | None:
        """Client ``i`` signed in as its account (half admin, half analyst)."""
        client = Client(port)
        try:
            client.login(users[i % 2])
        except (OSError, RuntimeError) as exc:
            tally.error(f"login {users[i % 2]}: {exc!r}")
            return None
        return client

    def browse(i: int, stop: float) -> None:
        rnd = random.Random(1000 + i)
        client = signed_in(i, pages)
        if client is None:
            return
        scope = ids[users[i % 2]]
        pages_in_scope = max(1, len(scope) // 50)
        while time.perf_counter() < stop:
            kind = rnd.choice(("worklist", "list", "detail"))
            if kind == "worklist":
                path = f"/kualitas/?halaman={rnd.randint(1, 3)}"
            elif kind == "list":
                path = f"/pegawai/?halaman={rnd.randint(1, min(pages_in_scope, halaman))}"
            else:
                path = f"/pegawai/{rnd.choice(scope)}/"
            timed(client, pages, kind, path)
            pause(rnd)

    def browse_talent(i: int, stop: float) -> None:
        rnd = random.Random(2000 + i)
        client = signed_in(i, talent)
        if client is None:
            return
        while time.perf_counter() < stop:
            kind = rnd.choice(("dashboard", "grid", "box"))
            jenjang = rnd.choice(JENJANG)
            if kind == "dashboard":
                path = "/talenta/" + (f"?jenjang={jenjang}" if rnd.random() < 0.5 else "")
            elif kind == "grid":
                path = "/talenta/kotak/" + (f"?jenjang={jenjang}" if rnd.random() < 0.5 else "")
            else:
                path = f"/talenta/kotak/{rnd.randint(1, 9)}/?halaman={rnd.randint(1, 3)}"
            timed(client, talent, kind, path)
            pause(rnd)

    if args.suite in ("all", "data"):
        elapsed, cpu = run_clients(args.clients, args.seconds, browse, pid)
        title = f"pages ({args.clients} clients, think {args.think} s)"
        report(title, pages, elapsed, base_p50, cpu)
    talent = Tally()
    if args.suite in ("all", "talent"):
        elapsed, cpu = run_clients(args.clients, args.seconds, browse_talent, pid)
        title = f"talent pages ({args.clients} clients, think {args.think} s)"
        report(title, talent, elapsed, base_p50, cpu)

    logins = Tally()

    def sign_in(i: int, stop: float) -> None:
        client = Client(port)
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                client.login(users[i % 2])
            except (OSError, RuntimeError) as exc:
                logins.error(repr(exc))
                continue
            logins.add("login", time.perf_counter() - started)

    elapsed, cpu = run_clients(args.clients, args.login_seconds, sign_in, pid)
    done = len(logins.times.get("login", []))
    report("logins (GET form + POST)", logins, elapsed, base_p50, cpu)
    print(f"  => {done / elapsed:.1f} logins/s")


def main() -> None:
    global DATABASE_PID
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pegawai", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--baseline-seconds", type=float, default=10)
    parser.add_argument("--login-seconds", type=float, default=15)
    parser.add_argument("--think", type=float, default=0.0, help="mean think time (s)")
    parser.add_argument(
        "--suite",
        choices=("all", "data", "talent"),
        default="all",
        help="data: worklist, employee list and detail (issue: the web application, part "
        "1); talent: dashboard, grid, box list (part 2); all: both",
    )
    parser.add_argument(
        "--server-command",
        default="",
        help="another server to compare, e.g. 'waitress-serve --port={port} "
        "bakat.web.wsgi:application' (the schema must be migrated; {port} is replaced)",
    )
    db = parser.add_mutually_exclusive_group()
    db.add_argument("--database-url", default="")
    db.add_argument("--postgres", action="store_true", help="start a throwaway cluster")
    args = parser.parse_args()

    folder = OUT / f"web-{args.pegawai}"
    with contextlib.ExitStack() as stack:
        url = args.database_url
        if args.postgres:
            url = stack.enter_context(throwaway_postgres())
            socket_dir = Path(url.rsplit("host=", 1)[1])
            pid_file = socket_dir / "data" / "postmaster.pid"
            with contextlib.suppress(OSError, ValueError, IndexError):
                DATABASE_PID = int(pid_file.read_text().split()[0])
        env = {
            **os.environ,
            "BAKAT_DATA_DIR": str(folder / "sqlite"),
            "PYTHONPATH": str(ROOT / "src"),
        }
        if url:
            env["DATABASE_URL"] = url
            env["BAKAT_DATA_DIR"] = str(folder / "postgresql-files")
            marker = Path(tempfile.mkdtemp(prefix="bakat-bench-")) / "loaded"
            if args.database_url:  # an existing database: load it once
                marker = folder / f"loaded-{hashlib.sha256(url.encode()).hexdigest()[:12]}"
        else:
            marker = folder / "sqlite" / f"loaded-analysed-{AS_OF}"
            if not marker.exists():  # loaded before the load also mapped: start afresh
                shutil.rmtree(folder / "sqlite", ignore_errors=True)
        ids = prepare(folder, args.pegawai, args.seed, env, marker)
        backend = "PostgreSQL" if url else "SQLite"
        port = _free_port()
        print(
            f"{ids['pegawai']} employees on {backend}; bakat serve --workers {args.workers} "
            f"--threads {args.threads} on port {port}; {os.cpu_count()} cores; {_load()}",
            flush=True,
        )
        command = [*BAKAT, "serve", "--port", str(port), "--workers", str(args.workers)]
        command += ["--threads", str(args.threads)]
        if args.server_command:
            command = shlex.split(args.server_command.format(port=port))
            print(f"server: {args.server_command}", flush=True)
        server = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            for _ in range(240):
                try:
                    if Client(port).request("GET", "/masuk/")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.5)
            else:
                sys.exit("the server did not answer")
            cpu_before = os.times()
            benchmark(port, server.pid, ids, args)
            cpu = os.times()
            print(
                f"\nbenchmark client CPU (user+sys): "
                f"{cpu.user + cpu.system - cpu_before.user - cpu_before.system:.1f} s"
            )
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
