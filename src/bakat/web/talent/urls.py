from __future__ import annotations

from django.urls import path

from bakat.web.talent import views, views_kalibrasi, views_tinjauan

urlpatterns = [
    path("", views.dasbor, name="talenta_dasbor"),
    path("kotak/", views.kotak, name="talenta_kotak"),
    path("kotak/<int:nomor>/", views.kotak_orang, name="talenta_kotak_orang"),
    path("saya/", views.saya, name="talenta_saya"),
    path("pegawai/<int:pk>/", views.kartu, name="talenta_kartu"),
    path("pegawai/<int:pk>/tinjauan/", views.tinjauan, name="talenta_tinjauan"),
    path("pegawai/<int:pk>/unduh.json", views.unduh, name="talenta_unduh"),
    path("tinjauan/", views_tinjauan.antrean, name="talenta_antrean"),
    path("tinjauan/<int:pk>/", views_tinjauan.detail, name="talenta_tinjauan_detail"),
    path("kalibrasi/", views_kalibrasi.daftar, name="talenta_kalibrasi"),
    path("kalibrasi/<int:pk>/", views_kalibrasi.sesi, name="talenta_kalibrasi_sesi"),
    path("kalibrasi/<int:pk>/usul/", views_kalibrasi.usul, name="talenta_kalibrasi_usul"),
    path("kalibrasi/<int:pk>/tutup/", views_kalibrasi.tutup, name="talenta_kalibrasi_tutup"),
]
