from __future__ import annotations

from django.urls import path

from bakat.web.succession import views

urlpatterns = [
    path("", views.daftar, name="suksesi_daftar"),
    path("saya/", views.saya, name="suksesi_saya"),
    path("hitung/", views.hitung, name="suksesi_hitung"),
    path("<int:pk>/", views.detail, name="suksesi_detail"),
]
