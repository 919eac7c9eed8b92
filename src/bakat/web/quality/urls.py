from __future__ import annotations

from django.urls import path

from bakat.web.quality import views

urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("koreksi/", views.koreksi_daftar, name="koreksi_daftar"),
    path("koreksi/baru/<int:pegawai_pk>/", views.koreksi_baru, name="koreksi_baru"),
    path("koreksi/<int:pk>/", views.koreksi_detail, name="koreksi_detail"),
    path("usulan-bkn.csv", views.ekspor_usulan_bkn, name="usulan_bkn"),
]
