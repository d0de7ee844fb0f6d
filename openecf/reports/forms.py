"""The Query, Docket Report and History/Documents forms, with CM/ECF's field names (what clients post)."""

from __future__ import annotations

from typing import Any

from django import forms

DATE_FORMATS = ["%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d"]


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, input_formats=DATE_FORMATS, widget=forms.TextInput(attrs={"size": 10})
    )


class QueryForm(forms.Form):
    """iquery.pl: a case number, or a party's name, and the dates the case was filed between."""

    case_num = forms.CharField(label="Case number", required=False, max_length=100)
    all_case_ids = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    last_name = forms.CharField(label="Last/Business Name", required=False, max_length=200)
    first_name = forms.CharField(label="First Name", required=False, max_length=100)
    Qry_filed_from = _date("Filed Date from")
    Qry_filed_to = _date("to")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("Qry_filed_from"), data.get("Qry_filed_to")
        if start and end and start > end:
            raise forms.ValidationError("The start date must be less than or equal to the end date.")
        return data


SORT_CHOICES = [
    ("oldest date first", "Oldest date first"),
    ("most recent date first", "Most recent date first"),
    ("document number", "Document number"),
]


class DocketReportForm(forms.Form):
    """DktRpt.pl's options."""

    case_num = forms.CharField(label="Case number", required=False, max_length=100)
    all_case_ids = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    date_range_type = forms.ChoiceField(
        label="Date range",
        choices=[("Filed", "Filed"), ("Entered", "Entered")],
        required=False,
        widget=forms.RadioSelect,
    )
    date_from = _date("from")
    date_to = _date("to")
    documents_numbered_from_ = forms.IntegerField(label="Documents from", required=False, min_value=0)
    documents_numbered_to_ = forms.IntegerField(label="to", required=False, min_value=0)
    list_of_parties_and_counsel = forms.BooleanField(label="Parties and counsel", required=False)
    terminated_parties = forms.BooleanField(label="Terminated parties", required=False)
    sort1 = forms.ChoiceField(label="Sort by", choices=SORT_CHOICES, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("The start date must be less than or equal to the end date.")
        first, last = data.get("documents_numbered_from_"), data.get("documents_numbered_to_")
        if first is not None and last is not None and first > last:
            raise forms.ValidationError(
                "The starting document number must be less than or equal to the ending document number."
            )
        return data


class HistoryForm(forms.Form):
    """HistDocQry.pl's options."""

    QueryType = forms.ChoiceField(
        label="Show",
        choices=[("History", "History"), ("Documents", "Documents")],
        required=False,
        widget=forms.RadioSelect,
    )
    DisplayDktText = forms.BooleanField(label="Display docket text", required=False)
    sort1 = forms.ChoiceField(
        label="Sort by", choices=[("asc", "Oldest date first"), ("desc", "Most recent date first")], required=False
    )
