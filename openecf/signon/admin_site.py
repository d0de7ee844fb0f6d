"""The operators' admin site: off unless OPENECF_ADMIN=1, and then only for a staff account signed in through the
sign-in machine's ADMIN profile (password, then an authenticator app's code; throttled and audited like every
other way in).

Its session is its own, as the clerk's desk's is: signing in here makes no PACER session and no token, and a
PACER session (even a staff account's) never opens the admin site. Django's admin reads ``request.user``, so
every admin view sees the staff account of the admin session and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from openecf.accounts.models import PacerAccount
from openecf.signon import machine, staff

ViewT = TypeVar("ViewT", bound=Callable[..., HttpResponseBase])


def enabled() -> bool:
    return bool(settings.OPENECF_ADMIN)


class StaffAdminSite(admin.AdminSite):
    site_header = "OpenECF administration"
    site_title = "OpenECF administration"
    final_catch_all_view = False  # an unknown /admin/ path is a plain 404, signed in or not

    def admin_view(self, view: ViewT, cacheable: bool = False) -> ViewT:
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def gate(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not enabled():
                raise Http404("No such page")
            request.user = staff.ADMIN.current(request) or AnonymousUser()
            return inner(request, *args, **kwargs)

        return cast(ViewT, gate)

    def has_permission(self, request: HttpRequest) -> bool:
        return enabled() and isinstance(request.user, PacerAccount) and machine.is_staff(request.user)

    def get_urls(self) -> list[URLPattern | URLResolver]:
        return [path("login/code/", self.login_code, name="login_code"), *super().get_urls()]

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        return _password_step(request)

    def login_code(self, request: HttpRequest) -> HttpResponse:
        return _code_step(request)

    def logout(  # type: ignore[override]  # a redirect, not the stock "logged out" page
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if not enabled():
            raise Http404("No such page")
        if request.method != "POST":
            return redirect("admin:index")
        staff.ADMIN.end(request)
        return redirect("admin:login")


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def _password_step(request: HttpRequest) -> HttpResponse:
    if not enabled():
        raise Http404("No such page")
    return staff.ADMIN.password_step(request)


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def _code_step(request: HttpRequest) -> HttpResponse:
    if not enabled():
        raise Http404("No such page")
    return staff.ADMIN.code_step(request)
