"""The E-Mail Information form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from openecf.noticing.models import SECONDARY_EMAILS_MAX, Delivery, EmailFormat


class EmailInformationForm(forms.Form):
    delivery = forms.ChoiceField(
        label="How do you want to receive notices of filings in your cases?",
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a notice for each filing or a daily summary."},
    )
    email_format = forms.ChoiceField(
        label="E-mail format of the Notice of Electronic Filing",
        choices=EmailFormat.choices,
        initial=EmailFormat.HTML,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose HTML or plain text."},
    )
    secondary_emails = forms.CharField(
        label="Secondary e-mail addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": SECONDARY_EMAILS_MAX, "cols": 50}),
        help_text=f"One address a line, at most {SECONDARY_EMAILS_MAX}. Each receives a copy of every notice.",
    )

    def clean_secondary_emails(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["secondary_emails"].splitlines() if line.strip()]
        wrong = []
        for line in lines:
            try:
                validate_email(line)
            except ValidationError:
                wrong.append(line)
            if len(line) > 254:
                wrong.append(line)
        if wrong:
            raise ValidationError(f"Not an e-mail address: {', '.join(dict.fromkeys(wrong))}.")
        unique = list({line.lower(): line for line in lines}.values())
        if len(unique) > SECONDARY_EMAILS_MAX:
            raise ValidationError(f"Enter at most {SECONDARY_EMAILS_MAX} secondary addresses ({len(unique)} given).")
        return unique
