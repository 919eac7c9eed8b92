"""``bakat serve --port P``: migrates, prints the address, answers HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bakat.cli.serve import default_workers, gunicorn_options
from tests.web.cli_support import BAKAT, env_for


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_it_serves_the_login_page(tmp_path: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [*BAKAT, "serve", "--port", str(port)],
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/masuk/", timeout=2) as r:
                    body = r.read().decode()
                    headers = r.headers
                break
            except OSError:
                time.sleep(0.5)
        assert "Kata sandi" in body
        assert "no-store" in headers["Cache-Control"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_registering_the_commands_does_not_load_django() -> None:
    code = "import sys, bakat.cli.commands; print('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_a_missing_production_setting_exits_2_naming_the_variable(tmp_path: Path) -> None:
    env = {**env_for(tmp_path), "BAKAT_ENV": "production"}
    env.pop("BAKAT_SECRET_KEY", None)
    result = subprocess.run(
        [*BAKAT, "serve", "--port", "1"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "BAKAT_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_malformed_worker_count_exits_2_naming_the_variable(tmp_path: Path) -> None:
    env = {**env_for(tmp_path), "BAKAT_WEB_WORKERS": "banyak"}
    result = subprocess.run(
        [*BAKAT, "serve", "--port", "1"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "BAKAT_WEB_WORKERS" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("threads", "worker_class"),
    [(1, "sync"), (2, "gthread"), (8, "gthread")],
)
def test_more_than_one_thread_selects_threaded_workers(threads: int, worker_class: str) -> None:
    options = gunicorn_options("127.0.0.1", 8000, 3, threads)
    assert options["worker_class"] == worker_class
    assert options["workers"] == 3
    assert options["threads"] == threads


@pytest.mark.parametrize(
    ("host", "bind"),
    [("127.0.0.1", "127.0.0.1:8000"), ("::1", "[::1]:8000"), ("0.0.0.0", "0.0.0.0:8000")],
)
def test_the_address_is_bound_as_given(host: str, bind: str) -> None:
    assert gunicorn_options(host, 8000, 1, 1)["bind"] == [bind]


def test_the_master_loads_the_application_once_and_opens_no_control_socket() -> None:
    options = gunicorn_options("127.0.0.1", 8000, 1, 1)
    assert options["preload_app"] is True
    assert options["control_socket_disable"] is True


def test_the_default_worker_count_is_twice_the_cores_plus_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert default_workers() == 9
