from __future__ import annotations

from django.urls import path

from bakat.web.personnel import views, views_upload

urlpatterns = [
    path("", views.daftar, name="pegawai_daftar"),
    path("<int:pk>/", views.detail, name="pegawai_detail"),
    path("unggah/", views_upload.unggah, name="pegawai_unggah"),
    path("unggah/konfirmasi/", views_upload.konfirmasi, name="pegawai_unggah_konfirmasi"),
    path("unggah/hasil/<int:pk>/", views_upload.hasil, name="pegawai_unggah_hasil"),
]
