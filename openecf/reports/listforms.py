"""The court-wide reports' forms: Written Opinions (CM/ECF's field names, as juriscraper posts them), Civil and
Criminal Cases, Docket Activity and the Claims Register. Dates are typed as CM/ECF shows them (MM/DD/YYYY)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

DATE_FORMATS = ["%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d"]
EARLIEST = date(1900, 1, 1)


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, input_formats=DATE_FORMATS, widget=forms.TextInput(attrs={"size": 10})
    )


class _Range(forms.Form):
    """A form whose ``from_field``/``to_field`` are a date range: the end must not come before the start."""

    from_field = "date_from"
    to_field = "date_to"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get(self.from_field), data.get(self.to_field)
        for value in (start, end):
            if value is not None and value < EARLIEST:
                raise forms.ValidationError("Dates must be from 01/01/1900 on.")
        if start is not None and end is not None and end < start:
            raise forms.ValidationError("The end date must not come before the start date.")
        return data


class WrittenOpinionsForm(_Range):
    from_field, to_field = "filed_from", "filed_to"
    filed_from = _date("Filed from")
    filed_to = _date("to")
    case_type = forms.ChoiceField(label="Case type", required=False, choices=())
    Key1 = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("de_date_filed", "Date filed"), ("cs_sort_case_numb", "Case number")],
    )
    ShowFull = forms.CharField(required=False, widget=forms.HiddenInput)
    all_case_ids = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, case_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case_type"].choices = [("", "All"), *case_types]  # type: ignore[attr-defined]


class CasesForm(_Range):
    """Civil Cases and Criminal Cases: filed or terminated in a range, by office and (civil) nature of suit."""

    date_type = forms.ChoiceField(
        label="Cases", required=False, choices=[("filed", "Filed"), ("terminated", "Terminated")]
    )
    date_from = _date("From")
    date_to = _date("to")
    office = forms.IntegerField(label="Office", required=False, min_value=0, max_value=9)
    nature_of_suit = forms.RegexField(
        label="Nature of suit (code)",
        required=False,
        regex=r"^\s*\d{3}\s*$",
        error_messages={"invalid": "Enter the three-digit nature of suit code, e.g. 440."},
    )


class ActivityForm(_Range):
    date_type = forms.ChoiceField(label="Entries", required=False, choices=[("filed", "Filed"), ("entered", "Entered")])
    date_from = _date("From")
    date_to = _date("to")
    case_type = forms.ChoiceField(label="Case type", required=False, choices=())
    event = forms.CharField(label="Event (the docket text begins with)", required=False, max_length=100)

    def __init__(self, *args: Any, case_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case_type"].choices = [("", "All"), *case_types]  # type: ignore[attr-defined]


class ClaimsForm(_Range):
    """SearchClaims.pl, with the field names juriscraper's ClaimsRegister posts."""

    from_field, to_field = "f_fromdt", "f_todt"
    case_num = forms.CharField(label="Case number", required=False, max_length=100)
    all_case_ids = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    EntFil = forms.ChoiceField(label="Dates", required=False, choices=[("Fil", "Filed"), ("Ent", "Entered")])
    f_fromdt = _date("From")
    f_todt = _date("to")
