from __future__ import annotations

from django.urls import path

from bakat.web.personnel import views

urlpatterns = [
    path("", views.daftar, name="pegawai_daftar"),
    path("<int:pk>/", views.detail, name="pegawai_detail"),
]
