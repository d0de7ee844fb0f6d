from __future__ import annotations

from datetime import date

from django.db import transaction

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.courts.models import Court, LinkItemLocation


def set_nextgen_date(*, court: Court, go_live: date | None, origin: Origin, actor: object = None) -> Court:
    """Schedule (or clear) the court's NextGen go-live date; audited as court.nextgen_date_set."""
    with transaction.atomic():
        locked = Court.objects.select_for_update().get(pk=court.pk)
        previous = locked.nextgen_go_live
        locked.nextgen_go_live = go_live
        locked.go_live_source = "set by operator"
        locked.save(update_fields=["nextgen_go_live", "go_live_source"])
        audit.record(
            event="court.nextgen_date_set",
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
            event="court.link_item_moved",
            origin=origin,
            actor=actor,
            court=locked,
            previous=previous,
            location=location,
        )
    return locked
