from __future__ import annotations

from django import forms


class ForgotPasswordForm(forms.Form):
    login = forms.CharField(
        label="CM/ECF login",
        max_length=80,
        help_text="The login the court issued to you for filing, e.g. cjsmith.",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
        error_messages={"required": "Enter your CM/ECF login."},
    )


class NewPasswordForm(forms.Form):
    password = forms.CharField(
        label="New CM/ECF password",
        max_length=256,
        strip=False,
        help_text=(
            "14 to 45 characters with an upper-case letter, a lower-case letter and a special character, and no "
            "part of your name, login or e-mail address."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a new password."},
    )
    again = forms.CharField(
        label="New password again",
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter the new password a second time."},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("again") and data["password"] != data["again"]:
            self.add_error("again", "The two passwords differ.")
        return data
