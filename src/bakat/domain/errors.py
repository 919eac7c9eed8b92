"""Errors that the user can act on.

An :class:`InputError` is bad input or bad usage: the command line turns it into one
clear message (naming the file, the row and the column where known) and exit status 2.
Anything else that escapes is an internal error (exit status 1).
"""

from __future__ import annotations


class InputError(Exception):
    """Input that breaks the contract: a file, a policy, or a command-line value.

    ``row`` is the 1-based row number as a spreadsheet user counts it (the header is
    row 1, the first data row is row 2); ``column`` is the column name as written in
    the file.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        super().__init__(self.describe())

    def describe(self) -> str:
        where = []
        if self.file is not None:
            where.append(f"berkas {self.file}")
        if self.row is not None:
            where.append(f"baris {self.row}")
        if self.column is not None:
            where.append(f"kolom {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class PolicyError(InputError):
    """A scoring policy file that cannot be used (unknown key, bad value, bad type)."""
