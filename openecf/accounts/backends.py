from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from openecf.accounts.hashers import dummy_verify
from openecf.accounts.models import PacerAccount
from openecf.core.compiled import Compiled

# Every login looks the account up: compiled once per process (openecf/core/compiled.py).
_BY_USERNAME: Compiled[PacerAccount] = Compiled(lambda username: PacerAccount.objects.with_username(username), str)


class PacerAccountBackend(ModelBackend):
    """Case-insensitive usernames; an unknown username costs the same Argon2 work as a wrong password."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> PacerAccount | None:
        if not username or password is None:
            return None
        account = _BY_USERNAME.first(username.strip())
        if account is None:
            dummy_verify(password)  # same Argon2 work as a real check: timing does not tell who has an account
            return None
        if account.check_password(password) and self.user_can_authenticate(account):
            return account
        return None
