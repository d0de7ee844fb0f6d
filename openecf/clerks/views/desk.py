"""What every desk page needs: the signed-in clerk and the court scope, or a way to the sign-in."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from openecf.accounts.models import PacerAccount
from openecf.clerks.scope import ClerkScope, courts_of, scope_for
from openecf.clerks.signin import DESK
from openecf.ecfpasswords.services import UrlFor

View = Callable[..., HttpResponseBase]


def clerk_only(view: View) -> View:
    @wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        clerk = DESK.current(request)
        if clerk is None:
            return redirect(f"{reverse('clerks:login')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, clerk, *args, **kwargs)

    return wrapper


def court_desk(view: View) -> View:
    """The court in the URL must be one of the clerk's; otherwise the page does not exist for them (404)."""

    @wraps(view)
    @clerk_only
    def wrapper(
        request: HttpRequest, clerk: PacerAccount, court_id: str, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        scope = scope_for(clerk, court_id)
        if scope is None:
            raise Http404("No such court on your desk")
        return view(request, scope, *args, **kwargs)

    return wrapper


def page(request: HttpRequest, scope: ClerkScope, template: str, status: int = 200, **context: Any) -> HttpResponse:
    return render(
        request,
        template,
        {"scope": scope, "court": scope.court, "clerk": scope.clerk, "my_courts": courts_of(scope.clerk), **context},
        status=status,
    )


def reset_urls(request: HttpRequest, scope: ClerkScope) -> UrlFor:
    """Reset links point at the court's CM/ECF site on this server."""
    return lambda raw: request.build_absolute_uri(reverse("cmecf:password_reset", args=[scope.court.pk, raw]))
