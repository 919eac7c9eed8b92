"""The succession job: target posts, eligible candidates, successors, bench strength.

``run_succession`` collects the candidate and target plans once, then works block by
block (:mod:`.solve`) on NumPy arrays: a block is one ``instansi`` and one target grade,
so candidates are never crossed beyond the agency and the grade ladder. A large run is
spread over worker processes by agency (:mod:`.blocks`), with the same result. It reads no file
and no clock (architecture.md conventions 2 and 3). docs/succession.md describes every
output column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import polars as pl

from bakat.domain.hukdis import maju_tahun
from bakat.domain.kompetensi import KOMPETENSI
from bakat.domain.policy import Policy
from bakat.engine.mapping.frames import MappingData
from bakat.engine.succession import frames
from bakat.engine.succession.blocks import Problem, blocks, solve_all, spans
from bakat.engine.succession.rules import ALASAN, SuccessionSettings, teks_alasan
from bakat.engine.succession.scoring import Candidates, day_numbers
from bakat.engine.succession.state import Rows, Targets
from bakat.engine.succession.strength import SuccessionSummary, strength_table, summarise

NOTE_NO_JABATAN = (
    "tabel jabatan tidak ada atau tanpa jabatan target: tidak ada suksesi / no jabatan "
    "table or no target post: no succession"
)

_PRIORITY = ["kritikal", "tanggal_lowong", "jabatan_id"]
_F = pl.Float64()


@dataclass(frozen=True)
class SuccessionResult:
    """``suksesi`` (one row per named successor), ``pengecualian`` (excluded candidates a
    reviewer would ask about), ``kekuatan`` (bench strength per target post), the
    ``ringkasan`` and notes. Frames are sorted deterministically."""

    as_of: date
    policy: Policy
    suksesi: pl.DataFrame
    pengecualian: pl.DataFrame
    kekuatan: pl.DataFrame
    ringkasan: SuccessionSummary
    catatan: tuple[str, ...] = field(default=())


def _stamp(as_of: date, policy: Policy) -> list[pl.Expr]:
    return [
        pl.lit(policy.id).alias("kebijakan"),
        pl.lit(policy.versi).alias("versi_kebijakan"),
        pl.lit(policy.fingerprint()).alias("sidik_kebijakan"),
        pl.lit(as_of).alias("tanggal_acuan"),
    ]


def _limits(tanggal_lowong: pl.Series, years: int) -> np.ndarray:
    """Day number of ``maju_tahun(tanggal_lowong, years)`` per post."""
    moved = {d: maju_tahun(d, years) for d in tanggal_lowong.unique().drop_nulls().to_list()}
    return day_numbers(tanggal_lowong.replace_strict(moved, return_dtype=pl.Date), 0)


def _solve(
    cand_frame: pl.DataFrame,
    targets: pl.DataFrame,
    policy: Policy,
    settings: SuccessionSettings,
) -> Rows:
    """Every block of ``targets`` (sorted by block, then priority)."""
    suksesi = policy.suksesi
    tg = Targets(
        required=targets.select(pl.col(k).cast(pl.Float64) for k in KOMPETENSI)
        .to_numpy()
        .astype(np.float64),
        pendidikan_minimal=targets.get_column("tingkat_pendidikan_minimal")
        .cast(pl.Int64)
        .fill_null(-1)
        .to_numpy(),
        golongan_minimal=targets.get_column("urutan_golongan_minimal")
        .cast(pl.Int64)
        .fill_null(-1)
        .to_numpy(),
        limit=_limits(targets.get_column("tanggal_lowong"), suksesi.kecualikan_menjelang_bup_tahun),
        incumbent=targets.get_column("_pemangku").cast(pl.Int64).fill_null(-1).to_numpy(),
    )
    problem = Problem(
        cand=Candidates.from_frame(cand_frame, policy),
        ranges=spans(cand_frame),
        targets=tg,
        size=cand_frame.height,
        policy=policy,
        settings=settings,
    )
    return solve_all(problem, blocks(targets, suksesi.lintas_instansi))


def _codes(bits: int) -> str:
    """The ``;``-joined exclusion codes of a bit set (bit i = the i-th code of ALASAN)."""
    return ";".join(code for i, code in enumerate(ALASAN) if bits & (1 << i))


def _reasons(bits: pl.Series) -> list[pl.Expr]:
    """``alasan`` and ``keterangan`` of each bit set, looked up per distinct value."""
    values = bits.unique().drop_nulls().to_list()
    codes = {v: _codes(v) for v in values}
    texts = {v: teks_alasan(codes[v]) for v in values}
    column = pl.col("_bits")
    return [
        column.replace_strict(codes, default=None, return_dtype=pl.String).alias("alasan"),
        column.replace_strict(texts, default=None, return_dtype=pl.String).alias("keterangan"),
    ]


def _gaps() -> pl.Expr:
    """``celah_kompetensi``: each competency below the required level, ``name level/req``."""
    return pl.concat_str(
        [
            pl.when(pl.col(k) < pl.col(f"wajib_{k}")).then(
                pl.format("{} {}/{}", pl.lit(k), pl.col(k), pl.col(f"wajib_{k}"))
            )
            for k in KOMPETENSI
        ],
        separator="; ",
        ignore_nulls=True,
    )


def run_succession(
    data: MappingData,
    pemetaan: pl.DataFrame,
    as_of: date,
    policy: Policy,
    *,
    settings: SuccessionSettings | None = None,
) -> SuccessionResult:
    """Successors for every target post of ``data`` at ``as_of`` under ``policy``, from
    the Nine Box placement ``pemetaan`` (``run_mapping(...).pemetaan``)."""
    settings = settings or SuccessionSettings()
    # ``_urutan_nip`` orders the NIPs as text: an integer sort instead of a text one.
    cand_plan = frames.candidates(data, pemetaan, as_of, policy).sort(
        "instansi", "jenjang_jabatan", "_urutan_nip", nulls_last=True
    )
    target_plan = frames.targets(data, as_of, policy, settings)
    cand_frame, target_frame = pl.collect_all([cand_plan, target_plan])
    keys = [] if policy.suksesi.lintas_instansi else ["instansi"]
    # The candidate row of each incumbent; only the incumbents' rows are hashed.
    held = target_frame.get_column("nip_pemangku").drop_nulls().implode()
    incumbents = (
        cand_frame.with_row_index("_pemangku")
        .select(pl.col("nip").alias("nip_pemangku"), pl.col("_pemangku").cast(pl.Int64))
        .filter(pl.col("nip_pemangku").is_in(held))
    )
    target_frame = (
        target_frame.join(
            incumbents,
            on="nip_pemangku",
            how="left",
            maintain_order="left",
        )
        .sort(
            [*keys, "jenjang_jabatan", *_PRIORITY],
            descending=[False] * (len(keys) + 1) + [True, False, False],
            nulls_last=True,
        )
        .with_row_index("_t")
    )
    out = _solve(cand_frame, target_frame, policy, settings)
    return _assemble(cand_frame, target_frame, out, as_of, policy)


def _gather(rows: pl.DataFrame, posts: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """``rows`` with the post of its ``_t`` and the person of its ``_c`` (row numbers)."""
    return pl.concat(
        [rows, posts[rows.get_column("_t")], people[rows.get_column("_c")]], how="horizontal"
    )


def _assemble(
    cand_frame: pl.DataFrame,
    targets: pl.DataFrame,
    out: Rows,
    as_of: date,
    policy: Policy,
) -> SuccessionResult:
    """The three result frames from the accumulated rows."""
    bobot = policy.suksesi.bobot
    # Only the columns read below are gathered; the rows are sorted on integer ranks of
    # ``jabatan_id`` and of the NIP (the same order as the text, far cheaper).
    cand_info = cand_frame.select(
        "nip",
        "_urutan_nip",
        "kotak",
        "level_kinerja",
        "skor_potensi",
        "pengalaman_tahun",
        "jenjang_jabatan",
        "unit_kerja",
        *KOMPETENSI,
    ).rechunk()  # one chunk: a gather from the sort's many chunks costs several times more
    target_info = targets.select(
        "jabatan_id",
        pl.col("jabatan_id").rank("ordinal").cast(pl.Int64).alias("_urutan_jabatan"),
        "instansi",
        pl.col("jenjang_jabatan").alias("jenjang_target"),
        "alasan_target",
        "tanggal_lowong",
        *(pl.col(k).alias(f"wajib_{k}") for k in KOMPETENSI),
    )
    succ = pl.DataFrame(
        {
            "_t": out.succ_target,
            "peringkat": out.succ_rank,
            "_c": out.succ_candidate,
            "skor": out.succ_score,
            "_fit": out.succ_fit,
        },
        schema={"_t": pl.Int64, "peringkat": pl.Int64, "_c": pl.Int64, "skor": _F, "_fit": _F},
    )
    bands = {n: code for code, boxes in policy.suksesi.kesiapan.items() for n in boxes}
    pengalaman = (pl.col("pengalaman_tahun") / policy.suksesi.pengalaman_tahun_penuh).clip(0, 1)
    suksesi = (
        _gather(succ, target_info, cand_info)
        .sort("_urutan_jabatan", "peringkat")
        .select(
            "jabatan_id",
            "peringkat",
            "nip",
            "skor",
            pl.col("kotak")
            .cast(pl.Int64)
            .replace_strict(bands, default=None, return_dtype=pl.String)
            .alias("kesiapan"),
            "kotak",
            (pl.col("_fit") * bobot.kesesuaian_kompetensi).alias("nilai_kesesuaian_kompetensi"),
            ((pl.col("kotak").cast(pl.Float64) - 1) / 8 * bobot.kotak).alias("nilai_kotak"),
            (
                pl.col("level_kinerja").replace_strict(
                    {"atas": 1.0, "sesuai": 0.5, "bawah": 0.0}, default=0.0
                )
                * bobot.kinerja
            ).alias("nilai_kinerja"),
            ((pl.col("skor_potensi").fill_null(0) / 100).clip(0, 1) * bobot.potensi).alias(
                "nilai_potensi"
            ),
            (pengalaman * bobot.pengalaman).alias("nilai_pengalaman"),
            (pl.col("_fit") * 100).alias("kesesuaian_kompetensi"),
            _gaps().alias("celah_kompetensi"),
            "pengalaman_tahun",
            "jenjang_jabatan",
            "unit_kerja",
            "instansi",
            "jenjang_target",
            "alasan_target",
            "tanggal_lowong",
            *_stamp(as_of, policy),
        )
    )
    excl = pl.DataFrame(
        {
            "_t": out.excl_target,
            "_c": out.excl_candidate,
            "_bits": out.excl_bits,
            "skor": out.excl_score,
        },
        schema={"_t": pl.Int64, "_c": pl.Int64, "_bits": pl.Int64, "skor": _F},
    )
    pengecualian = (
        _gather(
            excl,
            target_info.select("jabatan_id", "_urutan_jabatan", "instansi"),
            cand_info.select("nip", "_urutan_nip", "kotak", "jenjang_jabatan", "unit_kerja"),
        )
        .with_columns(
            *_reasons(excl.get_column("_bits")),
        )
        .sort(
            "_urutan_jabatan",
            "skor",
            "kotak",
            "_urutan_nip",
            descending=[False, True, True, False],
        )
        .select(
            "jabatan_id",
            "nip",
            "alasan",
            "keterangan",
            "skor",
            "kotak",
            "jenjang_jabatan",
            "unit_kerja",
            "instansi",
            *_stamp(as_of, policy),
        )
    )
    counts = np.zeros(targets.height, dtype=np.int64)
    counts[out.eligible_target] = out.eligible_count
    eligible = pl.DataFrame(
        {"jabatan_id": target_info.get_column("jabatan_id"), "jumlah_kandidat": counts}
    )
    posts = targets.sort("jabatan_id").select(
        "jabatan_id",
        "nama",
        "instansi",
        "unit_kerja",
        "jenjang_jabatan",
        "kritikal",
        "nip_pemangku",
        "tanggal_pensiun_pemangku",
        "alasan_target",
        "tanggal_lowong",
    )
    kekuatan = strength_table(posts, suksesi, eligible, policy).with_columns(_stamp(as_of, policy))
    frames_ = {"suksesi": suksesi, "pengecualian": pengecualian, "kekuatan": kekuatan}
    if targets.height == 0 or targets.get_column("instansi").null_count() == targets.height:
        frames_ = {name: f.drop("instansi") for name, f in frames_.items()}
    ringkasan = summarise(frames_["kekuatan"], frames_["suksesi"], frames_["pengecualian"], policy)
    notes = (NOTE_NO_JABATAN,) if targets.height == 0 else ()
    return SuccessionResult(as_of, policy, **frames_, ringkasan=ringkasan, catatan=notes)
