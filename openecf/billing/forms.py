from __future__ import annotations

from typing import Any

from django import forms


class ExemptionRequestForm(forms.Form):
    reason = forms.CharField(
        label="Grounds for the exemption",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="e.g. CJA counsel, pro bono representation, academic research. The court decides.",
    )


class ExemptionForm(forms.Form):
    username = forms.CharField(label="PACER username", max_length=150)
    starts_on = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label="To", widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label="Reason", max_length=300)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "The exemption must end on or after the day it starts.")
        return data
