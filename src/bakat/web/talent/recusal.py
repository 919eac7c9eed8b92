"""Recusal: a user never decides on, nor sees the case of, a person they are related to.

A user is recused from a person's case when (anti-nepotism guidance for talent
committees, domain.md §5.2; UU 27/2022 Pasal 10: decisions about a person are taken by
people without a conflict of interest):

- the person is the user themselves (nobody reviews their own placement);
- a ``Relasi`` of the person's agency links the user's own employee record and the
  person, in either direction and of any kind (``suami_istri``, ``keluarga``,
  ``atasan_langsung``, ``lainnya``): the direct superior is recused like a relative.

The user's own employee records are those their role assignments point at
(``Penugasan.pegawai``); a user with none is related to nobody.
"""

from __future__ import annotations

from django.db.models import Q

from bakat.web.accounts.models import Penugasan, User
from bakat.web.personnel.models import Pegawai
from bakat.web.talent.models import Relasi


def nip_pengguna(user: User, instansi_id: int) -> set[str]:
    """The NIPs of ``user``'s own employee records in agency ``instansi_id``."""
    return set(
        Penugasan.objects.filter(
            user_id=user.pk, pegawai__isnull=False, pegawai__instansi_id=instansi_id
        ).values_list("pegawai__nip", flat=True)
    )


def is_recused(user: User, pegawai: Pegawai) -> bool:
    """Whether ``user`` must stay out of ``pegawai``'s case (see the module docstring)."""
    milik = nip_pengguna(user, pegawai.instansi_id)
    if not milik:
        return False
    if pegawai.nip in milik:
        return True
    return Relasi.objects.filter(
        Q(nip_a__in=milik, nip_b=pegawai.nip) | Q(nip_b__in=milik, nip_a=pegawai.nip),
        instansi_id=pegawai.instansi_id,
    ).exists()


def nip_terkait(user: User, instansi_id: int) -> set[str]:
    """Every NIP ``user`` is recused from in agency ``instansi_id`` (for filtering lists)."""
    milik = nip_pengguna(user, instansi_id)
    if not milik:
        return set()
    rows = Relasi.objects.filter(
        Q(nip_a__in=milik) | Q(nip_b__in=milik), instansi_id=instansi_id
    ).values_list("nip_a", "nip_b")
    return milik | {nip for pair in rows for nip in pair}
