from __future__ import annotations

from django.urls import path

from bakat.web.development import views

urlpatterns = [
    path("", views.daftar, name="pengembangan"),
    path("<slug:berkas>/", views.daftar, name="pengembangan_daftar"),
    path("<slug:berkas>/ekspor.xlsx", views.ekspor, name="pengembangan_ekspor"),
]
