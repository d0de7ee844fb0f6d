from __future__ import annotations

from datetime import date

from django.db import transaction

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.courts.models import Court


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
