"""``bakat map DATA --out DIR [--as-of DATE] [--policy POLICY]``: Nine Box placement.

Reads the data folder (``pegawai`` required; ``kinerja``, ``asesmen``, ``diklat``,
``hukdis``, ``jabatan`` and ``unit_kerja`` when present), maps everyone under the policy,
writes ``pemetaan.csv``, ``kelompok_talenta.csv``, ``cakupan.csv``, ``kalibrasi.csv``,
``keadilan.csv`` and the effective policy ``kebijakan.toml`` into DIR, and prints the
coverage. docs/mapping.md describes every file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from bakat.cli.main import app
from bakat.cli.options import (
    DEFAULT_POLICY,
    AsOf,
    DataFolder,
    OutFolder,
    PolicyName,
    check_folders,
    parse_as_of,
)
from bakat.cli.progress import langkah
from bakat.domain.policy import Policy, load_policy
from bakat.engine.mapping.frames import MappingData
from bakat.engine.mapping.job import MappingResult, run_mapping
from bakat.engine.mapping.output import POLICY_FILE, result_files
from bakat.engine.mapping.settings import Correction, ScreeningSettings
from bakat.engine.mapping.summary import summarise
from bakat.io.mapping_input import read_mapping_data
from bakat.io.writers import atomic_output, write_csv


def read_data(folder: Path) -> MappingData:
    """The tables of ``folder`` the mapping reads (InputError when unusable)."""
    return read_mapping_data(folder, step="map")


JUDUL = "Pemetaan Nine Box / Nine Box mapping"


def langkah_map(
    data: MappingData,
    out: Path,
    as_of: date,
    policy: Policy,
    maju: Callable[[], None] = lambda: None,
    settings: ScreeningSettings | None = None,
) -> MappingResult:
    """Map ``data`` and write the mapping's files and the effective policy into ``out``
    (``bakat map`` and ``bakat run``); ``maju`` is called after each of the two parts."""
    result = run_mapping(data, as_of=as_of, policy=policy, settings=settings)
    maju()
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in result_files(result).items():
        write_csv(frame, out / name)
    with atomic_output(out / POLICY_FILE) as temporary:
        temporary.write_text(policy.to_toml(), encoding="utf-8")
    maju()
    return result


@app.command("map")
def map_command(
    data: DataFolder,
    out: OutFolder,
    as_of: AsOf = None,
    policy: PolicyName = DEFAULT_POLICY,
    koreksi: Annotated[
        Correction,
        typer.Option(
            "--koreksi",
            help="Koreksi uji berganda kalibrasi: bh (Benjamini-Hochberg) atau holm / "
            "multiple-comparison correction of the calibration tests.",
        ),
    ] = Correction.BH,
) -> None:
    """Pemetaan Nine Box / Nine Box placement."""
    tanggal = parse_as_of(as_of)
    kebijakan = load_policy(policy)
    check_folders(data, out)
    with langkah({"map": (JUDUL, 3)}) as bar:
        bar.mulai("map")
        masukan = read_data(data)
        bar.maju("map")
        result = langkah_map(
            masukan,
            out,
            tanggal,
            kebijakan,
            lambda: bar.maju("map"),
            ScreeningSettings(correction=koreksi),
        )
    for line in summarise(result).lines():
        typer.echo(line)
    typer.echo(f"Hasil ditulis ke {out} / results written to {out}")
