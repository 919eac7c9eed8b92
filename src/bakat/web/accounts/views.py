"""Sign in, sign out and the home page."""

from __future__ import annotations

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bakat.web.accounts.access import akses_untuk
from bakat.web.accounts.forms import MasukForm
from bakat.web.accounts.models import User
from bakat.web.personnel import selectors as personnel_selectors


class MasukView(LoginView):
    """Sign-in page (with login slowing)."""

    form_class = MasukForm
    template_name = "accounts/masuk.html"
    redirect_authenticated_user = True


@require_POST
def keluar(request: HttpRequest) -> HttpResponse:
    """Sign out (POST only, CSRF-protected)."""
    logout(request)
    return redirect("login")


@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """Home: the user's roles and, per role, the figures in scope."""
    assert isinstance(request.user, User)
    akses = akses_untuk(request.user)
    ringkasan = personnel_selectors.ringkasan_beranda(akses)
    return render(request, "accounts/beranda.html", {"ringkasan": ringkasan})
