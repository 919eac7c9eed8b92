"""Typed decoding of TOML tables into frozen dataclasses, and encoding back to TOML.

General machinery behind :mod:`bakat.domain.policy`; it knows nothing of talent rules.
A dataclass field's type says what a value must be (``int``, ``float``, ``bool``, ``str``,
``date``, an ``Enum``, ``tuple[X, ...]``, ``Mapping[K, V]`` or another dataclass), and
``Annotated[T, Rule(...)]`` adds limits (see :class:`Rule`).

A dataclass may define ``problems(self)`` yielding ``(sub_path, message_id, message_en)``
for checks across fields. Every error is a :class:`PolicyError` with the file and the key
path (``column``, e.g. ``potensi.komposit.bobot.potensi`` or ``talenta.kotak[0]``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import (
    Annotated,
    Any,
    Generic,
    NoReturn,
    TypeVar,
    get_args,
    get_origin,
    get_type_hints,
)

from bakat.domain.errors import PolicyError

K = TypeVar("K")
V = TypeVar("V")

Path_ = tuple[str | int, ...]
Problem = tuple[Path_, str, str]


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """An immutable, hashable mapping (so that frozen dataclasses holding it hash)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V]) -> None:
        self._data = dict(data)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


@dataclass(frozen=True)
class Rule:
    """Limits on a value, attached to its type with ``Annotated[T, Rule(...)]``.

    ``min`` / ``max``: numeric range; ``pattern``: a regular expression the whole text must
    match; ``unique`` / ``non_empty``: for arrays; ``complete``: a mapping must have every
    key (every member of an enum key, or every integer ``key_min..key_max`` of an int key);
    ``ordered``: a text-keyed mapping keeps the file's key order (otherwise keys are sorted,
    so that their order carries no meaning).
    """

    min: float | None = None
    max: float | None = None
    pattern: str | None = None
    unique: bool = False
    non_empty: bool = False
    complete: bool = False
    key_min: int = 0
    key_max: int = -1
    ordered: bool = False


_NO_RULE = Rule()
_KEY_TEXT = Rule(pattern=r"[a-z][a-z0-9_]*")


def column(path: Path_) -> str:
    """Key path in the dotted form of error messages: ``a.b[0].c``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass
class Provenance:
    """The files of one load (base first) and, per key path, the last file that set it."""

    files: list[str] = field(default_factory=list)
    origin: dict[tuple[str, ...], int] = field(default_factory=dict)

    def file_for(self, path: Path_) -> str:
        keys: list[str] = []
        for part in path:
            if isinstance(part, int):
                break
            keys.append(part)
        while keys and tuple(keys) not in self.origin:
            keys.pop()
        return self.files[self.origin[tuple(keys)]] if keys else self.files[-1]

    def fail(self, path: Path_, message: str, message_en: str) -> NoReturn:
        raise PolicyError(
            f"{message} / {message_en}", file=self.file_for(path), column=column(path) or None
        )

    def merge(self, base: dict[str, Any], over: dict[str, Any], index: int) -> dict[str, Any]:
        """Deep merge ``over`` (file ``index``) onto ``base``: tables merge key by key, any
        other value (arrays too) replaces. Records which file set each key path."""
        return self._merge(base, over, index, ())

    def _merge(
        self, base: dict[str, Any], over: dict[str, Any], index: int, path: tuple[str, ...]
    ) -> dict[str, Any]:
        result = dict(base)
        for key, value in over.items():
            sub = (*path, key)
            for i in range(1, len(sub) + 1):
                self.origin[sub[:i]] = index
            if isinstance(value, dict):
                old = result.get(key)
                result[key] = self._merge(old if isinstance(old, dict) else {}, value, index, sub)
            else:
                result[key] = value
        return result


_KIND = {
    bool: ("true/false", "a boolean"),
    int: ("bilangan bulat", "an integer"),
    float: ("bilangan", "a number"),
    str: ("teks", "text"),
    date: ("tanggal (YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
    list: ("daftar [...]", "an array [...]"),
    dict: ("tabel", "a table"),
}


def _wrong_type(prov: Provenance, path: Path_, wanted: type, value: Any) -> NoReturn:
    name = type(value).__name__
    given = _KIND.get(type(value), (name, name))
    shown = "{...}" if isinstance(value, dict) else repr(value)
    prov.fail(
        path,
        f"harus berupa {_KIND[wanted][0]}, bukan {given[0]} {shown}",
        f"must be {_KIND[wanted][1]}, not {given[1]} {shown}",
    )


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, include_extras=True)


def decode(cls: type, value: Any, prov: Provenance, path: Path_ = ()) -> Any:
    """Build dataclass ``cls`` from a TOML table, checking every key and value."""
    if not isinstance(value, dict):
        _wrong_type(prov, path, dict, value)
    known = {f.name: f for f in fields(cls)}
    for key in value:
        if key not in known:
            valid = ", ".join(known)
            prov.fail(
                (*path, key),
                f"kunci tidak dikenal; kunci yang sah: {valid}",
                f"unknown key; valid keys: {valid}",
            )
    args: dict[str, Any] = {}
    for name in known:
        if name not in value:
            prov.fail((*path, name), "kunci wajib tidak ada", "required key is missing")
        args[name] = _decode(_hints(cls)[name], value[name], (*path, name), prov)
    result = cls(**args)
    check = getattr(result, "problems", None)
    if check is not None:
        for sub, message, message_en in check():
            prov.fail((*path, *sub), message, message_en)
    return result


def _decode(tp: Any, value: Any, path: Path_, prov: Provenance) -> Any:
    rule = _NO_RULE
    if get_origin(tp) is Annotated:
        tp, *extras = get_args(tp)
        rule = next((x for x in extras if isinstance(x, Rule)), _NO_RULE)
    if is_dataclass(tp) and isinstance(tp, type):
        return decode(tp, value, prov, path)
    origin = get_origin(tp)
    if origin is tuple:
        if not isinstance(value, list):
            _wrong_type(prov, path, list, value)
        items = tuple(_decode(get_args(tp)[0], v, (*path, i), prov) for i, v in enumerate(value))
        if rule.non_empty and not items:
            prov.fail(path, "tidak boleh kosong", "must not be empty")
        if rule.unique and len(set(items)) != len(items):
            prov.fail(path, "berisi nilai ganda", "contains a value twice")
        return items
    if origin is Mapping:
        return _decode_mapping(tp, value, path, rule, prov)
    return _decode_scalar(tp, value, path, rule, prov)


def _decode_mapping(
    tp: Any, value: Any, path: Path_, rule: Rule, prov: Provenance
) -> FrozenMap[Any, Any]:
    if not isinstance(value, dict):
        _wrong_type(prov, path, dict, value)
    key_type, value_type = get_args(tp)
    result: dict[Any, Any] = {}
    for text, item in value.items():
        key = _decode_key(key_type, text, (*path, text), rule, prov)
        result[key] = _decode(value_type, item, (*path, text), prov)
    if isinstance(key_type, type) and issubclass(key_type, Enum):
        order: list[Any] = list(key_type)
    elif key_type is int:
        order = list(range(rule.key_min, rule.key_max + 1))
    else:
        order = list(result) if rule.ordered else sorted(result)
    if rule.complete:
        for key in order:
            if key not in result:
                text = key.value if isinstance(key, Enum) else str(key)
                prov.fail((*path, text), "kunci wajib tidak ada", "required key is missing")
    return FrozenMap({k: result[k] for k in order if k in result})


def _decode_key(tp: Any, text: str, path: Path_, rule: Rule, prov: Provenance) -> Any:
    if tp is int:
        low, high = rule.key_min, rule.key_max
        if not (text.isdigit() and low <= int(text) <= high):
            prov.fail(
                path, f"kunci harus angka {low}..{high}", f"key must be a number {low}..{high}"
            )
        return int(text)
    if tp is str:
        return _decode_scalar(str, text, path, _KEY_TEXT, prov)
    return _decode_scalar(tp, text, path, _NO_RULE, prov)


def _decode_scalar(tp: Any, value: Any, path: Path_, rule: Rule, prov: Provenance) -> Any:
    if isinstance(tp, type) and issubclass(tp, Enum):
        choices = [m.value for m in tp]
        if value not in choices:
            listed = ", ".join(map(str, choices))
            prov.fail(
                path,
                f"nilai {value!r} tidak dikenal; pilihan: {listed}",
                f"unknown value {value!r}; choices: {listed}",
            )
        return tp(value)
    if tp is float and type(value) is int:
        value = float(value)
    if type(value) is not tp:
        _wrong_type(prov, path, tp, value)
    if tp is float and not math.isfinite(value):
        prov.fail(path, "harus bilangan terhingga", "must be a finite number")
    pattern = rule.pattern
    if pattern is not None and not re.fullmatch(pattern, value):
        prov.fail(
            path,
            f"teks {value!r} tidak berbentuk {pattern}",
            f"text {value!r} must match {pattern}",
        )
    low, high = rule.min, rule.max
    if tp in (int, float) and (
        (low is not None and value < low) or (high is not None and value > high)
    ):
        span = f"{'' if low is None else low}..{'' if high is None else high}"
        prov.fail(
            path, f"nilai {value} di luar rentang {span}", f"value {value} is out of range {span}"
        )
    return value


# --- encoding ----------------------------------------------------------------------------


def plain(obj: Any) -> Any:
    """Dataclasses, mappings, tuples and enums as plain dicts, lists and values."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, Mapping):
        return {(k.value if isinstance(k, Enum) else str(k)): plain(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        return [plain(v) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    return obj


def canonical_json(data: Any) -> str:
    """Compact JSON of plain data, dates as ISO text: the input of fingerprints."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=date.isoformat)


def _toml_string(text: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; DEL must be escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, date):
        return value.isoformat()
    return "[" + ", ".join(_toml_value(v) for v in value) + "]"


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dump_toml(table: Mapping[str, Any]) -> str:
    """TOML text of plain data (tables, arrays of tables, scalars, arrays, dates)."""
    lines: list[str] = []
    _dump_table(table, [], lines)
    return "\n".join(lines).strip("\n") + "\n"


def _dump_table(table: Mapping[str, Any], path: list[str], lines: list[str]) -> None:
    for key, value in table.items():
        if not isinstance(value, dict) and not _is_table_array(value):
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in table.items():
        name = ".".join(_toml_key(k) for k in [*path, key])
        if isinstance(value, dict):
            lines.extend(["", f"[{name}]"])
            _dump_table(value, [*path, key], lines)
        elif _is_table_array(value):
            for item in value:
                lines.extend(["", f"[[{name}]]"])
                _dump_table(item, [*path, key], lines)
