from __future__ import annotations

from django.db.models import QuerySet

from openecf.accounts.models import PacerAccount
from openecf.courts.models import Court
from openecf.efile.models import EfileRegistration


def registrations_of(account: PacerAccount) -> QuerySet[EfileRegistration]:
    return EfileRegistration.objects.filter(account=account).select_related("court")


def courts_taking_registrations() -> list[Court]:
    """Courts live on NextGen today: only there does a PACER account file without a court-issued login."""
    return [court for court in Court.objects.exclude(nextgen_go_live=None).order_by("name") if court.is_live()]
