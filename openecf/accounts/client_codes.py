"""The client code rule: what a client code may be, wherever one is given (the login, the API, an account's
default in Manage My Account)."""

from __future__ import annotations

import re

from django import forms

CLIENT_CODE_MAX = 32
_CLIENT_CODE = re.compile(r"^[A-Za-z0-9._\-/]*$")
CLIENT_CODE_RULE = (
    f"A client code has up to {CLIENT_CODE_MAX} characters: letters, digits and . _ - / only (no spaces or commas)."
)


def clean_client_code(value: str) -> str:
    value = value.strip()
    if len(value) > CLIENT_CODE_MAX or not _CLIENT_CODE.match(value):
        raise forms.ValidationError(CLIENT_CODE_RULE)
    return value
