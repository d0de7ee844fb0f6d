"""CM/ECF accounts on the desk: search, create, deactivate or reactivate, reset a password, disclose a login."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from openecf.audit.context import Origin
from openecf.clerks import selectors, services
from openecf.clerks.forms import AccountSearchForm, IdentityCheckForm, NewAccountForm, ReasonForm
from openecf.clerks.scope import ClerkScope
from openecf.clerks.views.desk import court_desk, page, reset_urls
from openecf.cmecf.models import EcfAccount

PAGE_SIZE = 50


def _account(scope: ClerkScope, pk: int) -> EcfAccount:
    account = scope.ecf_account(pk)
    if account is None:
        raise Http404("No such CM/ECF account at this court")
    return account


@court_desk
def search(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    form = AccountSearchForm(request.GET)
    form.is_valid()
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    status = form.cleaned_data.get("status", "") if form.is_valid() else ""
    found = selectors.search_accounts(scope, q=q, status=status)
    total = found.count()
    rows = [(account, selectors.mask_login(account.login)) for account in found[:PAGE_SIZE]]
    return page(request, scope, "clerks/accounts.html", form=form, rows=rows, total=total, shown=len(rows))


@court_desk
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    form = NewAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            account = services.create_account(
                scope=scope, origin=Origin.of(request), url_for=reset_urls(request, scope), **form.cleaned_data
            )
        except ValidationError as problems:
            for problem in problems.messages:
                form.add_error(None, problem)
        else:
            return redirect(f"{account_url(scope, account)}?created=1")
    return page(request, scope, "clerks/account_new.html", status=400 if form.errors else 200, form=form)


def account_url(scope: ClerkScope, account: EcfAccount) -> str:
    return reverse("clerks:account", args=[scope.court.pk, account.pk])


def _detail_page(
    request: HttpRequest, scope: ClerkScope, account: EcfAccount, *, status: int = 200, **context: object
) -> HttpResponse:
    context.setdefault("reason_form", ReasonForm())
    return page(
        request,
        scope,
        "clerks/account.html",
        status=status,
        account=account,
        masked=selectors.mask_login(account.login),
        link=getattr(account, "link", None),
        open_correction=selectors.open_corrections(scope).filter(ecf_account=account).first(),
        flash=request.GET,
        **context,
    )


@court_desk
def detail(request: HttpRequest, scope: ClerkScope, pk: int) -> HttpResponse:
    return _detail_page(request, scope, _account(scope, pk))


@court_desk
@require_POST
def set_status(request: HttpRequest, scope: ClerkScope, pk: int) -> HttpResponse:
    account = _account(scope, pk)
    form = ReasonForm(request.POST)
    active = request.POST.get("active") == "1"
    if form.is_valid():
        try:
            services.set_active(
                scope=scope, ecf=account, active=active, reason=form.cleaned_data["reason"], origin=Origin.of(request)
            )
        except services.DeskRefused as refused:
            form.add_error("reason", str(refused))
        else:
            return redirect(f"{account_url(scope, account)}?{'reactivated' if active else 'deactivated'}=1")
    return _detail_page(request, scope, account, status=400, reason_form=form)


@court_desk
@require_POST
def reset_password(request: HttpRequest, scope: ClerkScope, pk: int) -> HttpResponse:
    account = _account(scope, pk)
    try:
        services.send_password_reset(
            scope=scope, ecf=account, origin=Origin.of(request), url_for=reset_urls(request, scope)
        )
    except services.DeskRefused as refused:
        return _detail_page(request, scope, account, status=409, refusal=str(refused))
    return redirect(f"{account_url(scope, account)}?reset_sent=1")


@court_desk
@require_http_methods(["GET", "POST"])
def disclose_login(request: HttpRequest, scope: ClerkScope, pk: int) -> HttpResponse:
    account = _account(scope, pk)
    form = IdentityCheckForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            login = services.disclose_login(scope=scope, ecf=account, origin=Origin.of(request), **form.cleaned_data)
        except services.DeskRefused as refused:
            form.add_error(None, str(refused))
        else:
            return page(request, scope, "clerks/login_disclosed.html", account=account, login=login)
    return page(
        request,
        scope,
        "clerks/identity_check.html",
        status=400 if form.errors else 200,
        form=form,
        account=account,
        masked=selectors.mask_login(account.login),
    )
