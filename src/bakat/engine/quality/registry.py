"""Data-quality rules as named, registered objects.

A rule (architecture.md convention 1) has an id (the domain.md §8 number it implements,
``V02``, or ``Q..`` for the rules of this project beyond §8), a snake_case name that is
also the name of the function defining it, a severity (``tingkat``), a BKN data-quality
dimension (``dimensi``), the canonical column it reports on, the regulation it rests on,
and an Indonesian and an English message template.

The function receives a :class:`Konteks` (the as-of date, the policy, which values the
readers could not read) and returns a Polars boolean expression over the prepared frame
of the rule's table (``tabel``): true where the record violates the rule. ``berlaku``
(applicability) says which records the rule can judge at all; the engine reports a
violation only where both are true, and the data-quality index counts a record as one
(record, rule) pair only where ``berlaku`` holds. Nulls count as false in both.

Message templates name columns of the prepared frame in braces (``{tanggal_lahir}``) or
extra values the rule defines in ``isian``; they are filled only for violating records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

import polars as pl

from bakat.domain.policy import Policy


class Tingkat(StrEnum):
    """Severity of a finding (domain.md §8: E, W, I)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Dimensi(StrEnum):
    """The four dimensions of BKN's data-quality index (IKD, domain.md §4.12 [S])."""

    KELENGKAPAN = "kelengkapan"
    AKURASI = "akurasi"
    KONSISTENSI = "konsistensi"
    KETEPATAN_WAKTU = "ketepatan_waktu"


@dataclass(frozen=True)
class Konteks:
    """What a rule may depend on besides the data: the as-of date, the policy, and the
    cells the readers reported as unreadable (table -> column -> 1-based rows)."""

    as_of: date
    policy: Policy
    tak_terbaca_baris: Mapping[str, Mapping[str, tuple[int, ...]]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def tak_terbaca(self, tabel: str, kolom: str) -> pl.Expr:
        """True on the rows of ``tabel`` whose ``kolom`` the reader could not read (the
        value is null in the frame and already reported as a reader finding)."""
        baris = self.tak_terbaca_baris.get(tabel, {}).get(kolom, ())
        if not baris:
            return pl.lit(False)
        return pl.col("_baris").is_in(pl.Series(baris, dtype=pl.Int64).implode())


Ekspresi = Callable[[Konteks], pl.Expr]


@dataclass(frozen=True)
class Rule:
    """One named data-quality rule (see the module docstring).

    A reader rule (``kode_masalah`` set, ``tabel`` = ``"*"``) turns the value-level
    problems the readers list into findings instead of evaluating an expression; it
    applies to the records of ``tabel_berlaku``.
    """

    id: str
    name: str
    tingkat: Tingkat
    dimensi: Dimensi
    tabel: str
    kolom: str
    dasar: str
    pesan: str
    message: str
    violated: Ekspresi
    berlaku: Ekspresi | None = None
    nilai: Ekspresi | None = None
    isian: Mapping[str, Ekspresi] = field(default_factory=lambda: MappingProxyType({}))
    perlu_tabel: tuple[str, ...] = ()
    perlu_kolom: tuple[str, ...] = ()
    indeks: bool | None = None
    kode_masalah: tuple[str, ...] = ()
    tabel_berlaku: tuple[str, ...] = ()

    def expr_violated(self, k: Konteks) -> pl.Expr:
        """The violation flag: applicable and violated, nulls as false."""
        return (self.expr_berlaku(k) & self.violated(k).fill_null(False)).fill_null(False)

    def expr_berlaku(self, k: Konteks) -> pl.Expr:
        """The applicability flag, nulls as false."""
        if self.berlaku is None:
            return pl.lit(True)
        return self.berlaku(k).fill_null(False)

    def expr_nilai(self, k: Konteks) -> pl.Expr:
        """The offending value as text (default: the reported column)."""
        nilai = pl.col(self.kolom) if self.nilai is None else self.nilai(k)
        return nilai.cast(pl.String)

    def expr_pesan(self, k: Konteks, english: bool = False) -> pl.Expr:
        """The message with its placeholders filled from the (violating) rows."""
        return isi_template(self.message if english else self.pesan, self.isian, k)

    @property
    def dari_pembaca(self) -> bool:
        """Whether the rule reports the readers' value-level problems."""
        return bool(self.kode_masalah)

    @property
    def masuk_indeks(self) -> bool:
        """Whether the rule counts in the data-quality index. By default errors and
        warnings do and info-level rules (notices, not defects) do not; a rule that
        reports a fact about the person rather than about the data sets ``indeks``."""
        if self.indeks is not None:
            return self.indeks
        return self.tingkat is not Tingkat.INFO


_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def placeholders(template: str) -> tuple[str, ...]:
    """The names between braces in ``template``, in order."""
    return tuple(_PLACEHOLDER.findall(template))


def isi_template(template: str, isian: Mapping[str, Ekspresi], k: Konteks) -> pl.Expr:
    """A string expression: ``template`` with each ``{name}`` replaced by the value of
    ``isian[name]`` or, failing that, of column ``name``; a null shows as ``kosong``."""
    names = placeholders(template)
    if not names:
        return pl.lit(template)
    pattern = _PLACEHOLDER.sub("{}", template)
    values = [
        (isian[name](k) if name in isian else pl.col(name)).cast(pl.String).fill_null("kosong")
        for name in names
    ]
    return pl.format(pattern, *values)


_REGISTRY: dict[str, Rule] = {}


def aturan(
    *,
    id: str,
    tingkat: Tingkat,
    dimensi: Dimensi,
    tabel: str,
    kolom: str,
    dasar: str,
    pesan: str,
    message: str,
    berlaku: Ekspresi | None = None,
    nilai: Ekspresi | None = None,
    isian: Mapping[str, Ekspresi] | None = None,
    perlu_tabel: tuple[str, ...] = (),
    perlu_kolom: tuple[str, ...] | None = None,
    indeks: bool | None = None,
) -> Callable[[Ekspresi], Rule]:
    """Decorator: register the decorated function as the rule of the same name.

    ``perlu_kolom`` (default: ``kolom``) are the columns of ``tabel`` that must be present
    in the source file for the rule to run; ``perlu_tabel`` the other tables it needs.
    """

    def register(fn: Ekspresi) -> Rule:
        rule = Rule(
            id=id,
            name=fn.__name__,
            tingkat=tingkat,
            dimensi=dimensi,
            tabel=tabel,
            kolom=kolom,
            dasar=dasar,
            pesan=pesan,
            message=message,
            violated=fn,
            berlaku=berlaku,
            nilai=nilai,
            isian=MappingProxyType(dict(isian or {})),
            perlu_tabel=perlu_tabel,
            perlu_kolom=(kolom,) if perlu_kolom is None else perlu_kolom,
            indeks=indeks,
        )
        daftarkan(rule)
        return rule

    return register


def daftarkan(rule: Rule) -> Rule:
    """Add ``rule`` to the registry; a second rule with the same name is a defect."""
    if rule.name in _REGISTRY:
        raise ValueError(f"rule {rule.name!r} is registered twice")
    _REGISTRY[rule.name] = rule
    return rule


def terdaftar() -> Iterator[Rule]:
    """Every registered rule, in registration order."""
    return iter(tuple(_REGISTRY.values()))
