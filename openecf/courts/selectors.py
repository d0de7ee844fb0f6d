from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from openecf.courts.models import Court


def court_or_404(court_id: str) -> Court:
    return get_object_or_404(Court, pk=court_id.lower())


def all_courts() -> QuerySet[Court]:
    return Court.objects.order_by("type", "id")
