from __future__ import annotations

from django import forms


class EmailCodeForm(forms.Form):
    email_code = forms.CharField(
        label="Code from the e-mail",
        max_length=16,
        help_text="The 6-digit code we sent to your e-mail address.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "Enter the code from the e-mail."},
    )


class NewAuthenticatorForm(forms.Form):
    name = forms.CharField(
        label="Name for this app",
        max_length=40,
        initial="Authenticator app",
        help_text="So you can tell your apps apart, e.g. 'Work phone'.",
    )
    code = forms.CharField(
        label="Code from the app",
        max_length=16,
        help_text="After scanning, enter the 6-digit code the app shows.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "Enter the 6-digit code the app shows."},
    )


class OneTimeCodeForm(forms.Form):
    code = forms.CharField(
        label="One-time passcode",
        max_length=32,
        help_text="The 6-digit code your authenticator app shows now, or one of your backup codes.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": "Enter the code from your authenticator app."},
    )


class FreshCodeForm(OneTimeCodeForm):
    """Removing an app or replacing backup codes needs a current code."""
