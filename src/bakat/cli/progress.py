"""Progress bars of the long commands (``bakat map``, ``succession``, ``run``): one
task per step, each advanced as its parts are done. They are drawn on the error
stream, so that standard output carries the summary alone."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)

#: Standard output: the summary lines.
console = Console(soft_wrap=True)
#: The error stream: the bars.
progress_console = Console(stderr=True)


class Langkah:
    """The progress bars of a command: one task per step."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tugas: dict[str, TaskID] = {}

    def tambah(self, kunci: str, judul: str, total: int) -> None:
        self.tugas[kunci] = self.progress.add_task(judul, total=total, start=False)

    def mulai(self, kunci: str) -> None:
        """Start the clock of a step."""
        self.progress.start_task(self.tugas[kunci])

    def maju(self, kunci: str) -> None:
        """One part of a step done."""
        self.progress.advance(self.tugas[kunci])

    def lewati(self, kunci: str, judul: str) -> None:
        tugas = self.tugas[kunci]
        total = self.progress.tasks[tugas].total or 1
        self.progress.update(tugas, completed=total, description=f"{judul} (dilewati / skipped)")


@contextmanager
def langkah(steps: Mapping[str, tuple[str, int]]) -> Iterator[Langkah]:
    """Bars for ``steps`` (key -> title, number of parts), shown while the block runs."""
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=progress_console,
    ) as progress:
        bar = Langkah(progress)
        for kunci, (judul, total) in steps.items():
            bar.tambah(kunci, judul, total)
        yield bar
