from __future__ import annotations

from typing import Any

from django import forms

from openecf.efile.models import FilerRole
from openecf.efile.selectors import courts_taking_registrations


class RegistrationForm(forms.Form):
    court = forms.ChoiceField(label="Court", error_messages={"required": "Choose the court."})
    role = forms.ChoiceField(
        label="File as",
        choices=FilerRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose attorney filer or non-attorney filer."},
    )
    bar_id = forms.CharField(
        label="Bar number and state of admission",
        required=False,
        max_length=40,
        help_text="Attorney filers only, e.g. 1012345 (Wisconsin).",
    )
    statement = forms.CharField(
        label="Anything the clerk should know",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example the party you represent or the case you will file in.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["court"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose a court…")] + [(c.pk, c.name) for c in courts_taking_registrations()]
        field.error_messages["invalid_choice"] = "Choose a court that is live on NextGen CM/ECF."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == FilerRole.ATTORNEY and not (data.get("bar_id") or "").strip():
            self.add_error("bar_id", "An attorney filer gives a bar number and state of admission.")
        return data
