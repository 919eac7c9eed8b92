"""URL map of the web application."""

from __future__ import annotations

from django.urls import include, path
from django.views.i18n import set_language

from bakat.web.accounts import views as account_views

urlpatterns = [
    path("masuk/", account_views.MasukView.as_view(), name="login"),
    path("keluar/", account_views.keluar, name="logout"),
    path("bahasa/", set_language, name="set_language"),
    path("", account_views.beranda, name="beranda"),
    path("pegawai/", include("bakat.web.personnel.urls")),
    path("kualitas/", include("bakat.web.quality.urls")),
    path("audit/", include("bakat.web.audit.urls")),
    path("suksesi/", include("bakat.web.succession.urls")),
    path("pengembangan/", include("bakat.web.development.urls")),
    path("talenta/", include("bakat.web.talent.urls")),
    path("api/v1/", include("bakat.web.api.urls")),
]
