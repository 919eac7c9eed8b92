"""Running the database commands of ``bakat`` in a subprocess with their own data folder
(so the test process never loads Django)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

BAKAT = [sys.executable, "-c", "from bakat.cli.main import run; run()"]


def env_for(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "BAKAT_ENV"}}
    env["BAKAT_DATA_DIR"] = str(data_dir)
    env.pop("DATABASE_URL", None)
    return env


def bakat(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BAKAT, *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env=env_for(data_dir),
    )


def small_agency(folder: Path) -> Path:
    from bakat.synth.config import KonfigurasiSintesis
    from bakat.synth.generate import generate

    generate(folder, KonfigurasiSintesis(pegawai=60, seed=17, as_of=date(2025, 10, 17)))
    return folder
