"""Recusal: a user never decides on, nor sees the case of, a person they are related to.

A user is recused from a person's case when (anti-nepotism guidance for talent
committees, domain.md §5.2; UU 27/2022 Pasal 10: decisions about a person are taken by
people without a conflict of interest):

- the person is the user themselves (nobody reviews their own placement);
- a ``Relasi`` of the person's agency links the user's own employee record and the
  person, in either direction and of any kind (``suami_istri``, ``keluarga``,
  ``atasan_langsung``, ``lainnya``): the direct superior is recused like a relative;
- the user's own employee record is the person's direct superior, or the person is the
  user's direct superior, as derived from the agency's positions and unit tree below,
  even when no ``atasan_langsung`` row says so.

The user's own employee records are those their role assignments point at
(``Penugasan.pegawai``); a user with none is related to nobody.

Direct superior, derived from ``Jabatan`` and the ``UnitKerja`` tree of the agency:

- The head of a unit is the incumbent (``nip_pemangku``) of its highest filled
  structural post, in the order JPT_UTAMA > JPT_MADYA > JPT_PRATAMA > ADMINISTRATOR >
  PENGAWAS; between posts of the same grade the lowest ``jabatan_id`` wins. Functional
  and PELAKSANA posts never head a unit, and a vacant post (empty ``nip_pemangku``)
  heads nothing: the highest post that has an incumbent counts. Grades are compared as
  loaded (the canonical names of formats.md ``jenjang_jabatan``).
- The direct superior of a person in unit U (``Pegawai.unit``): the head of U when the
  person is not that head; when U has no head or the person is its head, the head of
  the nearest ancestor unit (along ``UnitKerja.path``) whose head is someone else. A
  person without a unit, or with no such head above them, has no derived superior.

Both directions count (the person's superior is one of the user's records, or a
record's superior is the person). ``nip_terkait`` holds the rule and lists everyone at
once; ``is_recused`` asks it about one person. It works without computing the superior
of every employee of the agency: it loads the agency's heads once (one query), adds the
superior of each of the user's own records, and walks down only from the units those
records head, through the sub-units without a head of their own; a sub-unit headed by
someone else stops the walk, and its head is then a direct subordinate (one more query
reads the people of that area with their units).
"""

from __future__ import annotations

from django.db.models import Q

from bakat.domain.jenjang import KATEGORI, URUTAN_JENJANG, Jenjang, KategoriJabatan
from bakat.web.accounts.models import Penugasan, User
from bakat.web.personnel.models import Jabatan, Pegawai
from bakat.web.talent.models import Relasi

#: The structural grades that head a unit, with their order (higher heads).
URUTAN_KEPALA: dict[str, int] = {
    j.value: URUTAN_JENJANG[j] for j in Jenjang if KATEGORI[j] is KategoriJabatan.MANAJERIAL
}


def _catatan_pengguna(user: User, instansi_id: int) -> dict[str, str | None]:
    """``user``'s own employee records in agency ``instansi_id``: NIP -> unit path."""
    return dict(
        Penugasan.objects.filter(
            user_id=user.pk, pegawai__isnull=False, pegawai__instansi_id=instansi_id
        ).values_list("pegawai__nip", "pegawai__unit__path")
    )


def nip_pengguna(user: User, instansi_id: int) -> set[str]:
    """The NIPs of ``user``'s own employee records in agency ``instansi_id``."""
    return set(_catatan_pengguna(user, instansi_id))


def _ids(path: str | None) -> list[int]:
    """The unit primary keys of a materialised path, root first (``/1/4/9/``)."""
    return [int(part) for part in (path or "").split("/") if part]


def kepala_unit(instansi_id: int) -> dict[int, tuple[str, str]]:
    """The head of each headed unit of agency ``instansi_id``: unit pk -> (NIP of the
    head, unit path), from the highest filled structural post (one query)."""
    rows = (
        Jabatan.objects.filter(
            instansi_id=instansi_id, unit__isnull=False, jenjang_jabatan__in=URUTAN_KEPALA
        )
        .exclude(nip_pemangku="")
        .values_list("unit_id", "unit__path", "jenjang_jabatan", "jabatan_id", "nip_pemangku")
    )
    terbaik: dict[int, tuple[int, str, str, str]] = {}
    for unit_id, path, jenjang, jabatan_id, nip in rows:
        nip = nip.strip()
        if unit_id is None or not nip:
            continue
        urutan = URUTAN_KEPALA[jenjang]
        lama = terbaik.get(unit_id)
        if lama is None or (-urutan, jabatan_id) < (-lama[0], lama[1]):
            terbaik[unit_id] = (urutan, jabatan_id, nip, path)
    return {unit_id: (nip, path) for unit_id, (_, _, nip, path) in terbaik.items()}


def atasan_langsung(nip: str, path: str | None, kepala: dict[int, tuple[str, str]]) -> str | None:
    """The NIP of the direct superior of person ``nip`` in the unit of ``path`` (see the
    module docstring), given the agency's heads; ``None`` when there is none."""
    for unit_id in reversed(_ids(path)):
        head = kepala.get(unit_id)
        if head is not None and head[0] != nip:
            return head[0]
    return None


def is_recused(user: User, pegawai: Pegawai) -> bool:
    """Whether ``user`` must stay out of ``pegawai``'s case (see the module docstring):
    the rule lives in :func:`nip_terkait` alone, so a list and a single case never
    disagree."""
    return pegawai.nip in nip_terkait(user, pegawai.instansi_id)


def _bawahan(
    milik: dict[str, str | None], kepala: dict[int, tuple[str, str]], instansi_id: int
) -> set[str]:
    """The NIPs whose direct superior is one of the records ``milik`` (see the module
    docstring): walked down from the units those records head."""
    area = Q()
    kepala_bawah: set[str] = set()
    for unit_id, (nip_kepala, path_kepala) in kepala.items():
        if nip_kepala not in milik:
            continue
        # This unit's subtree, less the subtrees of the nearest units below it that are
        # headed by someone else (their heads are the subordinates there).
        bagian = Q(unit__path__startswith=path_kepala)
        kedalaman = len(_ids(path_kepala))
        for lain_id, (nip_lain, path_lain) in kepala.items():
            if nip_lain in milik or lain_id == unit_id or not path_lain.startswith(path_kepala):
                continue
            antara = _ids(path_lain)[kedalaman:-1]
            if any(u in kepala and kepala[u][0] not in milik for u in antara):
                continue  # a nearer head stands between
            bagian &= ~Q(unit__path__startswith=path_lain)
            kepala_bawah.add(nip_lain)
        area |= bagian
    if not area and not kepala_bawah:
        return set()
    calon = Pegawai.objects.filter(
        area | Q(nip__in=kepala_bawah), instansi_id=instansi_id
    ).values_list("nip", "unit__path")
    return {nip for nip, path in calon if atasan_langsung(nip, path, kepala) in milik}


def nip_terkait(user: User, instansi_id: int) -> set[str]:
    """Every NIP ``user`` is recused from in agency ``instansi_id`` (for filtering lists)."""
    milik = _catatan_pengguna(user, instansi_id)
    if not milik:
        return set()
    rows = Relasi.objects.filter(
        Q(nip_a__in=milik) | Q(nip_b__in=milik), instansi_id=instansi_id
    ).values_list("nip_a", "nip_b")
    terkait = set(milik) | {nip for pair in rows for nip in pair}
    kepala = kepala_unit(instansi_id)
    if kepala:
        for nip, path in milik.items():
            atasan = atasan_langsung(nip, path, kepala)
            if atasan is not None:
                terkait.add(atasan)
        terkait |= _bawahan(milik, kepala, instansi_id)
    return terkait
