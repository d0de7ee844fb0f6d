from __future__ import annotations

from typing import Any

from django import forms

from openecf.cases.models import CaseType
from openecf.courts.models import Court


class LocatorForm(forms.Form):
    case_number = forms.CharField(
        label="Case number", max_length=40, required=False, help_text="e.g. 3:24-cv-00123 or 24-123"
    )
    last_name = forms.CharField(
        label="Party name", max_length=100, required=False, help_text="Last name, or a business name"
    )
    first_name = forms.CharField(label="First name", max_length=100, required=False)
    court = forms.ChoiceField(label="Court", required=False)
    case_type = forms.ChoiceField(label="Case type", required=False, choices=[("", "All"), *CaseType.choices])
    filed_from = forms.DateField(
        label="Date filed from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    filed_to = forms.DateField(label="Date filed to", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        courts = Court.objects.filter(type__in=["district", "bankruptcy"]).order_by("pk").values_list("pk", "name")
        court = self.fields["court"]
        assert isinstance(court, forms.ChoiceField)
        court.choices = [("", "All courts"), *courts]

    def body(self) -> dict[str, Any]:
        """The criteria as the API takes them, so the page and the API search alike."""
        data = self.cleaned_data
        case: dict[str, Any] = {}
        if data["case_number"]:
            case["caseNumberFull"] = data["case_number"]
        if data["court"]:
            case["courtId"] = [data["court"]]
        if data["case_type"]:
            case["caseType"] = [data["case_type"]]
        if data["filed_from"]:
            case["dateFiledFrom"] = data["filed_from"].isoformat()
        if data["filed_to"]:
            case["dateFiledTo"] = data["filed_to"].isoformat()
        party = {k: v for k, v in (("lastName", data["last_name"]), ("firstName", data["first_name"])) if v}
        if party:
            case["party"] = party
        return case
