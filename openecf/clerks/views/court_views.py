"""The court on the desk: dashboard, go-live, help contacts, CSV import, audit log."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.clerks import golive, importer, selectors, services
from openecf.clerks.chart import progress_svg
from openecf.clerks.forms import AuditFilterForm, ContactsForm, CourtProfileForm, GoLiveForm, ImportForm
from openecf.clerks.scope import ClerkScope
from openecf.clerks.views.desk import court_desk, page
from openecf.cmecf.models import EcfAccount
from openecf.courts import services as courts
from openecf.courts.models import Court
from openecf.courts.profiles import layout_text

# A browser upload is handled within the request: plain-text passwords cost ~25 ms each to hash, so bigger files
# go through the import_ecf_accounts command.
MAX_UPLOAD_ROWS = 2000
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
AUDIT_PAGE = 200


@court_desk
def dashboard(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    progress = selectors.linking_progress(scope)
    return page(
        request,
        scope,
        "clerks/dashboard.html",
        progress=progress,
        chart=progress_svg(progress.series, progress.accounts),
        refusals=selectors.recent_refusals(scope, limit=25),
        open_corrections=selectors.open_corrections(scope),
        pending_registrations=selectors.pending_registrations(scope).count(),
    )


def _preview_account(court: Court) -> EcfAccount:
    sample = EcfAccount.objects.filter(court=court, is_active=True).order_by("pk").first()
    return sample or EcfAccount(court=court, login="cjsmith", name="C. J. Smith", email="filer@example.com")


@court_desk
@require_http_methods(["GET", "POST"])
def go_live(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    court = scope.court
    initial = {"go_live": court.nextgen_go_live, "link_item_location": court.link_item_location}
    form = GoLiveForm(request.POST if request.method == "POST" else None, initial=initial)
    preview = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            chosen = form.cleaned_data
            if request.POST.get("action") == "save":
                try:
                    queued = golive.schedule(
                        scope=scope,
                        go_live=chosen["go_live"],
                        link_item_location=chosen["link_item_location"],
                        origin=Origin.of(request),
                    )
                except golive.GoLiveRefused as refused:
                    form.add_error(None, str(refused))
                else:
                    return redirect(f"{reverse('clerks:go_live', args=[court.pk])}?saved=1&queued={queued}")
            else:
                status = 200
                preview_court = Court(
                    **{f.attname: getattr(court, f.attname) for f in Court._meta.concrete_fields},
                )
                preview_court.nextgen_go_live = chosen["go_live"]
                preview_court.link_item_location = chosen["link_item_location"]
                sample = _preview_account(court)
                subject, body = golive.announcement(
                    preview_court, sample, go_live=chosen["go_live"], previous=court.nextgen_go_live
                )
                preview = {
                    "court": preview_court,
                    "path": golive.link_item_path(preview_court),
                    "subject": subject,
                    "body": body,
                    "recipients": EcfAccount.objects.filter(court=court, is_active=True).count(),
                }
    return page(
        request,
        scope,
        "clerks/go_live.html",
        status=status,
        form=form,
        preview=preview,
        live=court.is_live(),
        flash=request.GET,
    )


@court_desk
@require_http_methods(["GET", "POST"])
def contacts(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    court = scope.court
    initial = {name: getattr(court, name) for name in services.CONTACT_FIELDS}
    form = ContactsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_contacts(scope=scope, origin=Origin.of(request), **form.cleaned_data)
        except ValidationError as problems:
            for problem in problems.messages:
                form.add_error(None, problem)
        else:
            return redirect(f"{reverse('clerks:contacts', args=[court.pk])}?saved=1")
    return page(
        request, scope, "clerks/contacts.html", status=400 if form.errors else 200, form=form, flash=request.GET
    )


@court_desk
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    """The court's profile: its login page, CM/ECF landing page and Utilities; audited field by field."""
    court = scope.court
    initial = {name: getattr(court, name) for name in courts.EDITABLE_PROFILE_FIELDS}
    initial["utilities_layout"] = layout_text(court.utilities_layout)
    form = CourtProfileForm(
        request.POST if request.method == "POST" else None, initial=initial, appellate=court.is_appellate
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = courts.set_court_profile(
                court=court, values=form.cleaned_data, origin=Origin.of(request), actor=scope.clerk
            )
        except ValidationError as problems:
            for problem in problems.messages:
                form.add_error(None, problem)
        else:
            return redirect(f"{reverse('clerks:profile', args=[court.pk])}?saved={len(changed)}")
    return page(request, scope, "clerks/profile.html", status=400 if form.errors else 200, form=form, flash=request.GET)


def _upload_lines(upload: object) -> list[str]:
    raw = upload.read(MAX_UPLOAD_BYTES + 1)  # type: ignore[attr-defined]
    if len(raw) > MAX_UPLOAD_BYTES:
        raise importer.ImportFileError(
            f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. Import it with the command "
            "import_ecf_accounts, which shows its progress."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise importer.ImportFileError("The file is not UTF-8 text. Save it as CSV (UTF-8) and try again.") from None
    lines = io.StringIO(text, newline="").readlines()
    if len(lines) - 1 > MAX_UPLOAD_ROWS:
        raise importer.ImportFileError(
            f"The file has more than {MAX_UPLOAD_ROWS:,} rows. Upload it in parts, or import it with the command "
            "import_ecf_accounts."
        )
    return lines


@court_desk
@require_http_methods(["GET", "POST"])
def import_accounts(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = importer.import_accounts(
                    court=scope.court,
                    lines=_upload_lines(upload),
                    origin=Origin.of(request),
                    actor=scope.clerk,
                    source=upload.name[:200],
                    dry_run=form.cleaned_data["dry_run"],
                )
            except importer.ImportFileError as error:
                form.add_error("file", str(error))
            else:
                status = 200
    return page(request, scope, "clerks/import.html", status=status, form=form, report=report, max_rows=MAX_UPLOAD_ROWS)


def _filtered(request: HttpRequest, scope: ClerkScope) -> tuple[AuditFilterForm, object]:
    form = AuditFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.audit_log(
        scope,
        event=filters.get("event") or "",
        username=filters.get("username") or "",
        since=filters.get("since"),
        until=filters.get("until"),
    )
    return form, events


def _audit_page(request: HttpRequest, scope: ClerkScope, form: AuditFilterForm, events: object) -> HttpResponse:
    rows = list(events[:AUDIT_PAGE]) if not form.errors else []  # type: ignore[index]
    return page(
        request,
        scope,
        "clerks/audit.html",
        status=400 if form.errors else 200,
        form=form,
        events=rows,
        limit=AUDIT_PAGE,
        query=request.GET.urlencode(),
    )


@court_desk
def audit_log(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    form, events = _filtered(request, scope)
    return _audit_page(request, scope, form, events)


class _Echo:
    def write(self, value: str) -> str:
        return value


@court_desk
def audit_csv(request: HttpRequest, scope: ClerkScope) -> HttpResponse | StreamingHttpResponse:
    form, events = _filtered(request, scope)
    if form.errors:
        return _audit_page(request, scope, form, events)
    zone = scope.court.zone

    def rows() -> Iterator[str]:
        writer = csv.writer(_Echo())
        yield writer.writerow(
            ["time", "event", "username", "actor", "court", "cmecf_login", "ip_address", "user_agent", "detail"]
        )
        for event in events.iterator(chunk_size=2000):  # type: ignore[attr-defined]
            yield writer.writerow(
                [
                    event.occurred_at.astimezone(zone).isoformat(),
                    event.event,
                    _cell(event.username),
                    _cell(event.actor.username if event.actor else ""),
                    event.court_id or "",
                    _cell(event.ecf_account.login if event.ecf_account else ""),
                    event.ip_address or "",
                    _cell(event.user_agent),
                    _cell(_json(event.detail)),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{scope.court.pk}.csv"'
    return response


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _cell(value: str) -> str:
    """Typed usernames reach the log unfiltered: a leading = + - @ would run as a formula in a spreadsheet."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
