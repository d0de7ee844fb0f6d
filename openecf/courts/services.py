from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.courts.models import Court, LinkItemLocation
from openecf.courts.profiles import LoginButtons, LoginStyle, clean_layout


def set_nextgen_date(*, court: Court, go_live: date | None, origin: Origin, actor: object = None) -> Court:
    """Schedule (or clear) the court's NextGen go-live date; audited as court.nextgen_date_set."""
    with transaction.atomic():
        locked = Court.objects.select_for_update().get(pk=court.pk)
        previous = locked.nextgen_go_live
        locked.nextgen_go_live = go_live
        locked.go_live_source = "set by operator"
        locked.save(update_fields=["nextgen_go_live", "go_live_source"])
        audit.record(
            event=Event.COURT_NEXTGEN_DATE_SET,
            origin=origin,
            actor=actor,
            court=locked,
            previous=previous.isoformat() if previous else None,
            go_live=go_live.isoformat() if go_live else None,
        )
    return locked


def set_link_item_location(*, court: Court, location: str, origin: Origin, actor: object = None) -> Court:
    """Move the link item: directly under Utilities, or under NextGen Release 1.1 Menu Items; audited."""
    if location not in LinkItemLocation.values:
        raise ValueError(f"location must be one of {', '.join(LinkItemLocation.values)}; got {location!r}")
    with transaction.atomic():
        locked = Court.objects.select_for_update().get(pk=court.pk)
        previous = locked.link_item_location
        locked.link_item_location = location
        locked.save(update_fields=["link_item_location"])
        audit.record(
            event=Event.COURT_LINK_ITEM_MOVED,
            origin=origin,
            actor=actor,
            court=locked,
            previous=previous,
            location=location,
        )
    return locked


# What set_court_profile may change: the profile's fields, and the title of the court-branded login.
EDITABLE_PROFILE_FIELDS = (
    "login_style",
    "login_title",
    "login_required_note",
    "login_buttons",
    "client_code_required",
    "login_notice",
    "landing_entry",
    "utilities_layout",
)
_LABELS = {
    "login_title": "Login title",
    "login_required_note": "Login required note",
    "login_notice": "Login notice",
    "landing_entry": "Landing entry",
}
_TEXT_LIMITS = {"login_title": 200, "login_required_note": 40, "login_notice": 2000, "landing_entry": 100}


def clean_profile(values: dict[str, Any], *, appellate: bool = False) -> dict[str, Any]:
    """The given profile fields, checked; raises ValidationError with every problem."""
    unknown = set(values) - set(EDITABLE_PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    problems: list[str] = []
    for name, value in values.items():
        if name in _TEXT_LIMITS:
            text = " ".join(str(value).split())
            if not text or len(text) > _TEXT_LIMITS[name]:
                problems.append(f"{_LABELS[name]}: 1 to {_TEXT_LIMITS[name]} characters.")
            clean[name] = text
        elif name == "login_style":
            if value not in LoginStyle.values:
                problems.append(f"Login style must be one of {', '.join(LoginStyle.values)}.")
            clean[name] = value
        elif name == "login_buttons":
            if value not in LoginButtons.values:
                problems.append(f"Login buttons must be one of {', '.join(LoginButtons.values)}.")
            clean[name] = value
        elif name == "client_code_required":
            clean[name] = bool(value)
        else:
            try:
                clean[name] = clean_layout(value, appellate=appellate)
            except ValidationError as problem:
                problems += problem.messages
    if problems:
        raise ValidationError(problems)
    return clean


def set_court_profile(*, court: Court, values: dict[str, Any], origin: Origin, actor: object = None) -> dict[str, Any]:
    """Change the court's profile (login page, Utilities, landing page); audited as court.profile_changed with each
    changed field's old and new value. Returns the changes ({} when nothing changed: nothing is recorded)."""
    clean = clean_profile(values, appellate=court.is_appellate)
    with transaction.atomic():
        locked = Court.objects.select_for_update().get(pk=court.pk)
        changed = {name: [getattr(locked, name), new] for name, new in clean.items() if getattr(locked, name) != new}
        if not changed:
            return {}
        for name, (_old, new) in changed.items():
            setattr(locked, name, new)
        locked.save(update_fields=list(changed))
        audit.record(event=Event.COURT_PROFILE_CHANGED, origin=origin, actor=actor, court=locked, changed=changed)
    return changed
