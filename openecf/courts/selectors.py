from __future__ import annotations

import re

from django.db.models import QuerySet
from django.http import Http404

from openecf.core.compiled import Compiled
from openecf.courts.models import Court

# PACER court ids: 2 to 8 letters and digits (wiwd, ca10, nmib). Anything else is not looked up at all, so odd
# input such as a NUL byte never reaches the database.
_COURT_ID = re.compile(r"[A-Za-z0-9]{2,8}")
# Every court page looks its court up: compiled once per process (openecf/core/compiled.py).
_BY_ID: Compiled[Court] = Compiled(lambda court_id: Court.objects.filter(pk=court_id), str)


def court_key(court_id: str) -> str | None:
    """The court id as courts are stored (lower case), or None for anything that cannot be one."""
    return court_id.lower() if _COURT_ID.fullmatch(court_id or "") else None


def court_by_id(court_id: str) -> Court | None:
    key = court_key(court_id)
    return None if key is None else _BY_ID.first(key)


def court_or_404(court_id: str) -> Court:
    court = court_by_id(court_id)
    if court is None:
        raise Http404("No such court")
    return court


def all_courts() -> QuerySet[Court]:
    return Court.objects.order_by("type", "id")
