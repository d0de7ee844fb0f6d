"""``last_login``, written at every login by one UPDATE compiled once per process.

Django's own receiver (django.contrib.auth.models.update_last_login) saves the account with
``save(update_fields=["last_login"])``, which builds an UpdateQuery and its SQL on every login: about 0.6 ms of a
web login's CPU (docs/performance.md). This one writes the same column of the same row, in the same place (the
``user_logged_in`` signal that ``django.contrib.auth.login`` sends, inside the login's transaction), for every
way in that calls ``login()``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import user_logged_in
from django.contrib.auth.models import update_last_login
from django.utils import timezone

from openecf.accounts.models import PacerAccount
from openecf.core.compiled import CompiledUpdate

DISPATCH_UID = "update_last_login"  # Django's own receiver's: connecting under it replaces that one

_UPDATE: CompiledUpdate[PacerAccount] = CompiledUpdate(PacerAccount, ["last_login"])


def record_last_login(sender: Any, user: Any, **kwargs: Any) -> None:
    user.last_login = timezone.now()
    if type(user) is PacerAccount:
        _UPDATE.update(user)
    else:  # not an account of ours (no such login today): Django's own way
        user.save(update_fields=["last_login"])


def install() -> None:
    """In place of Django's receiver (connected by django.contrib.auth, an app before ours, when it was ready)."""
    user_logged_in.disconnect(update_last_login, dispatch_uid=DISPATCH_UID)
    user_logged_in.connect(record_last_login, dispatch_uid=DISPATCH_UID)
