from __future__ import annotations

from django import forms


class LinkForm(forms.Form):
    login = forms.CharField(
        label="CM/ECF login:",
        max_length=80,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
        error_messages={"required": "Enter your CM/ECF login."},
    )
    password = forms.CharField(
        label="CM/ECF password:",
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Enter your CM/ECF password."},
    )


class ConfirmLinkForm(forms.Form):
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=64)
    names_differ_confirmed = forms.BooleanField(
        required=False,
        label="I confirm that this CM/ECF account is mine although the names differ.",
    )


class CourtLoginForm(forms.Form):
    login = forms.CharField(
        label="Login",
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
        error_messages={"required": "Enter your CM/ECF login."},
    )
    password = forms.CharField(
        label="Password",
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your CM/ECF password."},
    )


class AddFilingAgentForm(forms.Form):
    login = forms.CharField(
        label="CM/ECF login of the non-attorney filer:",
        max_length=80,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the CM/ECF login of the non-attorney filer to add.",
            "max_length": "A CM/ECF login has at most 80 characters.",
        },
    )


class RemoveFilingAgentForm(forms.Form):
    agent = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
