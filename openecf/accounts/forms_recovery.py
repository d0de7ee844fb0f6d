"""Forgot password? and Forgot username? forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from openecf.accounts.forms_registration import DATE_FORMATS, DATE_INPUT, check_new_password, new_password_fields
from openecf.accounts.models import PacerAccount


class ForgotPasswordForm(forms.Form):
    username = forms.CharField(
        label="Username",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
        error_messages={"required": "Enter your PACER username."},
    )
    email = forms.EmailField(
        label="E-mail address",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": "Enter a valid e-mail address."},
    )
    account_number = forms.RegexField(
        label="or account number",
        regex=r"^[0-9]{7}$",
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"invalid": "A PACER account number is 7 digits."},
    )
    date_of_birth = forms.DateField(
        label="or date of birth",
        required=False,
        input_formats=DATE_FORMATS,
        widget=DATE_INPUT,
        error_messages={"invalid": "Enter a date like 04/25/1980."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [name for name in ("email", "account_number", "date_of_birth") if data.get(name)]
        if not given and not self.errors:
            raise ValidationError("Besides your username, enter your e-mail address, account number or date of birth.")
        return data


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Answer",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text="Case and spacing do not matter.",
        error_messages={"required": "Answer the question."},
    )


class NewPasswordForm(forms.Form):
    password1, password2 = new_password_fields("New password")

    def __init__(self, *args: Any, account: PacerAccount, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.account = account

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_new_password(self, data, self.account)
        return data


class ChangePasswordForm(NewPasswordForm):
    current = forms.CharField(
        label="Current password",
        strip=False,
        max_length=256,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your current password."},
    )
    field_order = ["current", "password1", "password2"]


class ForgotUsernameForm(forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": "Enter your e-mail address.", "invalid": "Enter a valid e-mail address."},
    )
