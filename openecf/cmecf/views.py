"""A court's CM/ECF site. Thin: resolve the court and the visitor's access, call one service, render."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from types import MappingProxyType
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import get_script_prefix, get_urlconf, reverse
from django.views.decorators.http import require_http_methods

from openecf.accounts.names import names_match
from openecf.audit.context import Origin
from openecf.cmecf import court_login, linking, menu_pages, menus
from openecf.cmecf.access import COURT_LOGINS_SESSION_KEY, CourtAccess, court_access_by_id
from openecf.cmecf.forms import ConfirmLinkForm, CourtLoginForm, LinkForm
from openecf.cmecf.models import EcfAccount
from openecf.cmecf.refusals import RETRY_WITH_OTHER_CREDENTIALS, LinkRefused, Refusal
from openecf.courts.models import Court
from openecf.courts.selectors import court_or_404
from openecf.signon import cso_tokens, hosts
from openecf.signon import services as signon
from openecf.signon.forms import ClientCodeForm

PROPOSAL_SESSION_KEY = "openecf.link_proposal"

View = Callable[..., HttpResponse]


def pacer_login_url(request: HttpRequest, court_id: str, next_path: str) -> str:
    return hosts.login_url(request, court_id=court_id, next_path=next_path)


def signed_in_at_court(view: View) -> View:
    """Decorates a view of a court's CM/ECF site: resolves the court and the visitor's access, and sends anyone not
    signed in to the court's login; the view gets the access."""

    @wraps(view)
    def wrapper(request: HttpRequest, court_id: str, *args: Any, **kwargs: Any) -> HttpResponse:
        access = court_access_by_id(request, court_id)
        court = access.court
        if not access.signed_in:
            if access.live:
                return redirect(pacer_login_url(request, court.pk, request.get_full_path()))
            return redirect(reverse("cmecf:login_pl", args=[court.pk]))
        return view(request, access, *args, **kwargs)

    return wrapper


def _link_url(court: Court, page: str = "link") -> str:
    return menus.link_url(court.pk, court.type, page)


@lru_cache(maxsize=4096)
def _link_urls(court_id: str, court_type: str, *url_layout: str) -> MappingProxyType[str, str]:
    """The link pages' URLs on every court page, reversed once per process for each court and URL layout in force
    (URLconf, script prefix, court host), as the menus are (menus.MenuKey); read-only, being shared."""
    return MappingProxyType({page: menus.link_url(court_id, court_type, page) for page in ("link", "link_confirm")})


def _render(
    request: HttpRequest, access: CourtAccess, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render(request, template, _context(access, **context), status=status)


def _context(access: CourtAccess, **context: Any) -> dict[str, Any]:
    court = access.court
    link_urls = _link_urls(
        court.pk, court.type, str(get_urlconf() or ""), get_script_prefix(), hosts.current_court_host.get()
    )
    return {"access": access, "court": court, "link_urls": link_urls, **context}


def _menu_page(
    request: HttpRequest, access: CourtAccess, title: str, sections: tuple[menus.Section, ...]
) -> HttpResponse:
    """A menu page: the same for everyone it shows the same things to, so rendered once per process for each
    (menu_pages.py)."""
    return menu_pages.menu_page(request, access, _context(access, title=title, sections=sections))


def home(request: HttpRequest, court_id: str) -> HttpResponse:
    """The court's CM/ECF site. Signed out: its landing page, whose entry (the court's profile, e.g. "CM/ECF –
    Document Filing System", seed 004) leads to the court's login; signed in: the court's home page."""
    access = court_access_by_id(request, court_id)
    court = access.court
    if not access.signed_in:
        here = reverse("cmecf:home", args=[court.pk])
        entry = pacer_login_url(request, court.pk, here) if access.live else reverse("cmecf:login_pl", args=[court.pk])
        return _render(request, access, "cmecf/landing.html", entry_url=entry)
    return _render(request, access, "cmecf/home.html")


@require_http_methods(["GET", "POST"])
def login_pl(request: HttpRequest, court_id: str) -> HttpResponse:
    """CM/ECF's login.pl: '?logout' logs out; otherwise the court's way in (PACER, or the old court login)."""
    court = court_or_404(court_id)
    if "logout" in request.GET:
        return _log_out(request, court)
    if request.method == "GET":
        if court.is_live():
            return redirect(pacer_login_url(request, court.pk, reverse("cmecf:home", args=[court.pk])))
        return _court_login_page(request, court, CourtLoginForm())
    form = CourtLoginForm(request.POST)
    if not form.is_valid():
        return _court_login_page(request, court, form, status=400)
    try:
        # Audited either way; refused at a NextGen court, where old court logins open nothing.
        ecf = court_login.sign_in_with_court_login(
            court=court,
            login=form.cleaned_data["login"],
            password=form.cleaned_data["password"],
            origin=Origin.of(request),
        )
    except LinkRefused as refused:
        form.add_error(None, refused.message)
        return _court_login_page(request, court, form, status=429 if refused.reason == Refusal.THROTTLED else 403)
    request.session.cycle_key()
    logins = dict(request.session.get(COURT_LOGINS_SESSION_KEY, {}))
    logins[court.pk] = ecf.pk
    request.session[COURT_LOGINS_SESSION_KEY] = logins
    return redirect("cmecf:home", court.pk)


def _log_out(request: HttpRequest, court: Court) -> HttpResponse:
    signon.sign_out(request, court=court)
    response = redirect(reverse("signon:court", args=[court.pk]) + "?logged_out=1")
    cso_tokens.clear_cookies(response)
    return response


def transport_room(request: HttpRequest, court_id: str) -> HttpResponse:
    """Appellate NextGen's pages: n/beam/servlet/TransportRoom?servlet=<page> (menus.APPELLATE_PAGES), and its
    own logout (?servlet=Logout). Only courts of appeals have them."""
    court = court_or_404(court_id)
    if not court.is_appellate:
        raise Http404("Only the courts of appeals have TransportRoom pages")
    servlet = request.GET.get("servlet", "")
    if servlet == menus.APPELLATE_LOGOUT:
        return _log_out(request, court)
    link_pages = {
        menus.LINK_SERVLETS["link"]: link,
        menus.LINK_SERVLETS["link_confirm"]: link_confirm,
        menus.LINK_SERVLETS["link_done"]: link_done,
    }
    if servlet in link_pages:  # the link procedure, in appellate NextGen's own URLs
        return link_pages[servlet](request, court.pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return _appellate_page(request, court.pk, servlet)


@signed_in_at_court
def _appellate_page(request: HttpRequest, access: CourtAccess, servlet: str) -> HttpResponse:
    if servlet not in menus.APPELLATE_PAGES:
        return _render(request, access, "cmecf/unavailable.html", status=404, label=servlet[:40] or "TransportRoom")
    title = menus.APPELLATE_PAGES[servlet]
    if servlet in menus.APPELLATE_FILING_PAGES and not access.can_file:
        return _render(request, access, "cmecf/no_filing.html", status=403)
    sections = menus.appellate_sections(access.court, servlet, linked=access.has_ecf_account)
    if not sections:
        return _render(request, access, "cmecf/unavailable.html", label=title)
    return _menu_page(request, access, title, sections)


def _court_login_page(request: HttpRequest, court: Court, form: CourtLoginForm, status: int = 200) -> HttpResponse:
    return render(
        request,
        "cmecf/court_login.html",
        {
            "court": court,
            "form": form,
            "pacer_login_url": pacer_login_url(request, court.pk, reverse("cmecf:home", args=[court.pk])),
        },
        status=status,
    )


@signed_in_at_court
def utilities(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    if access.court.is_appellate:  # appellate NextGen has its own Utilities
        return redirect(menus.transport_url(access.court.pk, "Utilities.jsp"))
    return _menu_page(
        request, access, "Utilities", menus.utilities_sections(access.court, linked=access.has_ecf_account)
    )


@signed_in_at_court
def nextgen_menu(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    if access.court.is_appellate:  # there the link item lives under Utilities -> Update My Account
        return redirect(menus.transport_url(access.court.pk, "UpdateAccount.jsp"))
    return _menu_page(request, access, "NextGen Release 1.1 Menu Items", menus.nextgen_release_sections(access.court))


@signed_in_at_court
def menu(request: HttpRequest, access: CourtAccess, slug: str) -> HttpResponse:
    if not menus.is_menu(slug) or access.court.is_appellate:  # appellate menus are TransportRoom pages
        return _render(request, access, "cmecf/unavailable.html", status=404, label=slug)
    if slug in menus.FILING_MENUS and not access.can_file:
        return _render(request, access, "cmecf/no_filing.html", status=403)
    return _menu_page(request, access, menus.MENU_TITLES[slug], menus.menu_sections(access.court, slug))


@signed_in_at_court
def unavailable(request: HttpRequest, access: CourtAccess, slug: str) -> HttpResponse:
    return _render(request, access, "cmecf/unavailable.html", label=slug.replace("-", " ").capitalize())


@signed_in_at_court
@require_http_methods(["GET", "POST"])
def client_code(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    form = ClientCodeForm(
        request.POST if request.method == "POST" else None, initial={"client_code": signon.client_code(request)}
    )
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["client_code"]
        signon.set_client_code(request, code, court=access.court)
        response = _render(request, access, "cmecf/client_code.html", form=form, changed=True)
        if access.pacer is not None and getattr(request, "cso_token", None) is not None:
            cso_tokens.set_client_code_cookie(response, request, client_code=code)
        return response
    return _render(request, access, "cmecf/client_code.html", form=form, status=400 if form.errors else 200)


def _pacer_only(view: View) -> View:
    """Linking needs a PACER sign-in (not the old court login)."""

    @wraps(view)
    def wrapper(request: HttpRequest, access: CourtAccess, *args: Any, **kwargs: Any) -> HttpResponse:
        if access.pacer is None:
            return redirect(pacer_login_url(request, access.court.pk, request.get_full_path()))
        return view(request, access, *args, **kwargs)

    return wrapper


@signed_in_at_court
@_pacer_only
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    assert access.pacer is not None
    if request.method == "GET":
        blocked = linking.link_precondition(pacer=access.pacer, court=access.court, current_link=access.link)
        if blocked is not None:
            return _render(request, access, "cmecf/link_form.html", refusal=blocked, status=200)
    form = LinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal, ecf = linking.propose_link(
                pacer=access.pacer,
                court=access.court,
                login=form.cleaned_data["login"],
                password=form.cleaned_data["password"],
                origin=Origin.of(request),
                current_link=access.link,
            )
        except LinkRefused as refused:
            return _render(
                request,
                access,
                "cmecf/link_form.html",
                form=LinkForm(initial={"login": form.cleaned_data["login"]})
                if refused.reason in RETRY_WITH_OTHER_CREDENTIALS
                else None,
                refusal=refused,
                status={Refusal.BAD_CREDENTIALS: 400, Refusal.THROTTLED: 429}.get(refused.reason, 403),
            )
        request.session[PROPOSAL_SESSION_KEY] = proposal.as_session()
        return _confirmation(request, access, proposal, ConfirmLinkForm(initial={"nonce": proposal.nonce}), ecf=ecf)
    return _render(request, access, "cmecf/link_form.html", form=form, status=400 if form.errors else 200)


def _confirmation(
    request: HttpRequest,
    access: CourtAccess,
    proposal: linking.LinkProposal,
    form: ConfirmLinkForm,
    status: int = 200,
    ecf: EcfAccount | None = None,
) -> HttpResponse:
    assert access.pacer is not None
    ecf = ecf or linking.proposal_account(proposal)
    return _render(
        request,
        access,
        "cmecf/link_confirm.html",
        form=form,
        ecf=ecf,
        names_differ=not names_match(ecf.name, access.pacer.name),
        status=status,
    )


@signed_in_at_court
@_pacer_only
@require_http_methods(["GET", "POST"])
def link_confirm(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    assert access.pacer is not None
    if request.method == "GET":
        return redirect(_link_url(access.court))
    proposal = linking.LinkProposal.from_session(request.session.get(PROPOSAL_SESSION_KEY))
    form = ConfirmLinkForm(request.POST)
    form.is_valid()
    try:
        made = linking.confirm_link(
            pacer=access.pacer,
            court=access.court,
            proposal=proposal,
            nonce=form.cleaned_data.get("nonce", ""),
            names_differ_confirmed=bool(form.cleaned_data.get("names_differ_confirmed")),
            origin=Origin.of(request),
            current_link=access.link,
        )
    except linking.NamesDifferUnconfirmed:
        assert proposal is not None
        form.add_error(
            "names_differ_confirmed",
            "The names differ. Tick the box to confirm that this CM/ECF account is yours, or go back.",
        )
        return _confirmation(request, access, proposal, form, status=400)
    except LinkRefused as refused:
        request.session.pop(PROPOSAL_SESSION_KEY, None)
        return _render(request, access, "cmecf/link_form.html", form=LinkForm(), refusal=refused, status=409)
    # Kept, marked used, so a double-clicked Submit shows the same result instead of an error, and makes nothing.
    if proposal is not None and made.ecf_account_id == proposal.ecf_account_id:
        request.session[PROPOSAL_SESSION_KEY] = {**proposal.as_session(), "used": True}
    return redirect(_link_url(access.court, "link_done"))


@signed_in_at_court
@_pacer_only
def link_done(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    if access.link is None:
        return redirect(_link_url(access.court))
    return _render(request, access, "cmecf/link_done.html", link=access.link)
