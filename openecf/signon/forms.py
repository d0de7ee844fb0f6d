from __future__ import annotations

from typing import Any

from django import forms

from openecf.accounts.client_codes import clean_client_code


def username_field(whose: str = "") -> forms.CharField:
    """The username box of every password step; ``whose`` names the account in the error ("PACER")."""
    return forms.CharField(
        label="Username",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
        error_messages={"required": f"Enter your {whose + ' ' if whose else ''}username."},
    )


def password_field(whose: str = "") -> forms.CharField:
    return forms.CharField(
        label="Password",
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": f"Enter your {whose + ' ' if whose else ''}password."},
    )


class StaffLoginForm(forms.Form):
    """The password step of the staff ways in (the clerk's desk, the admin site)."""

    username = username_field()
    password = password_field()


class PacerLoginForm(forms.Form):
    username = username_field("PACER")
    password = password_field("PACER")
    client_code = forms.CharField(
        label="Client Code",
        required=False,
        max_length=64,
        help_text="Optional. Up to 32 characters; letters, digits and . _ - / only.",
    )

    def __init__(self, *args: Any, client_code_required: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if client_code_required:  # the court's profile asks for one ("Client Code *", seed 004)
            field = self.fields["client_code"]
            field.required = True
            field.help_text = "Required at this court. Up to 32 characters; letters, digits and . _ - / only."
            field.error_messages["required"] = "Enter a client code: this court requires one."

    def clean_client_code(self) -> str:
        return clean_client_code(self.cleaned_data.get("client_code", ""))


class ClientCodeForm(forms.Form):
    client_code = PacerLoginForm.base_fields["client_code"]
    clean_client_code = PacerLoginForm.clean_client_code


class RedactionForm(forms.Form):
    accept = forms.BooleanField(
        label="I understand that, if I file, I must comply with the redaction rules. I have read this notice.",
        error_messages={"required": "Tick the box to confirm that you have read the redaction notice."},
    )
