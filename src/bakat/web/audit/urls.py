from __future__ import annotations

from django.urls import path

from bakat.web.audit import views

urlpatterns = [
    path("", views.jejak, name="audit"),
    path("titik-periksa.json", views.titik_periksa, name="audit_checkpoint"),
]
