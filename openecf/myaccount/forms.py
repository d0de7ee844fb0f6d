"""Manage My Account forms (the contact and password forms live with registration and recovery, the MFA forms in
openecf/mfa)."""

from __future__ import annotations

from django import forms

from openecf.accounts.client_codes import CLIENT_CODE_MAX, clean_client_code


class NewEmailForm(forms.Form):
    email = forms.EmailField(
        label="New e-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="We send a confirmation link to the new address and tell the old one.",
        error_messages={"required": "Enter the new e-mail address.", "invalid": "Enter a valid e-mail address."},
    )
    current = forms.CharField(
        label="Current password",
        strip=False,
        max_length=256,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="A change of e-mail address needs your password.",
        error_messages={"required": "Enter your current password."},
    )


class ClientCodePreferenceForm(forms.Form):
    default_client_code = forms.CharField(
        label="Default client code",
        required=False,
        max_length=CLIENT_CODE_MAX * 2,
        help_text="Used when you log in without typing one. Up to 32 characters; letters, digits and . _ - / only.",
    )

    def clean_default_client_code(self) -> str:
        return clean_client_code(self.cleaned_data.get("default_client_code", ""))


class ClientCodeRequirementForm(forms.Form):
    required = forms.BooleanField(
        label="Require a client code every time I log in",
        required=False,
        help_text="For billing: a login without a client code is refused in the browser; the API warns.",
    )
