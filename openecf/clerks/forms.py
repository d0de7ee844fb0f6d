from __future__ import annotations

from typing import Any

from django import forms

from openecf.clerks.services import IdentityCheck
from openecf.cmecf.models import EMAIL_MAX_LENGTH, LOGIN_MAX_LENGTH, NAME_MAX_LENGTH, EcfRole
from openecf.courts.models import LinkItemLocation
from openecf.courts.profiles import UTILITY_ITEMS, LoginButtons, LoginStyle, parse_layout_text
from openecf.mfa.forms import OneTimeCodeForm
from openecf.signon.forms import StaffLoginForm

# The desk signs in staff as the admin site does: username and password, then the code.
ClerkLoginForm = StaffLoginForm


class ClerkCodeForm(OneTimeCodeForm):
    """The one-time code step of the desk's sign-in."""


class AccountSearchForm(forms.Form):
    q = forms.CharField(label="Login, name or e-mail", max_length=200, required=False)
    status = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "All accounts"), ("linked", "Linked"), ("unlinked", "Not linked"), ("inactive", "Inactive")],
    )


class NewAccountForm(forms.Form):
    login = forms.CharField(
        label="CM/ECF login", max_length=LOGIN_MAX_LENGTH, help_text="e.g. first initial, middle initial, last name"
    )
    name = forms.CharField(label="Filer's name", max_length=NAME_MAX_LENGTH)
    email = forms.EmailField(
        label="E-mail address", max_length=EMAIL_MAX_LENGTH, help_text="The link to choose a password goes here."
    )
    role = forms.ChoiceField(label="Role", choices=EcfRole.choices)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}), help_text="Kept in the audit log."
    )


class IdentityCheckForm(forms.Form):
    method = forms.ChoiceField(
        label="How did you check the caller's identity?", choices=IdentityCheck.CHOICES, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label="Note",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What you checked, e.g. 'bar no. 1012345 matched; called back (608) 555-0100'.",
    )


class ProposeRemovalForm(forms.Form):
    reason = forms.CharField(
        label="Why is this link wrong, and how did you check it?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve: remove the link"), ("reject", "Reject: keep it")])
    note = forms.CharField(label="Note", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class GoLiveForm(forms.Form):
    go_live = forms.DateField(
        label="NextGen go-live date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The first day on NextGen, in the court's own time zone. Empty: no date (postponed).",
    )
    link_item_location = forms.ChoiceField(
        label="Where the link item appears", choices=LinkItemLocation.choices, widget=forms.RadioSelect
    )


class ContactsForm(forms.Form):
    clerk_phone = forms.CharField(label="Clerk's office telephone", max_length=40, required=False)
    help_desk_url = forms.URLField(label="CM/ECF help desk page", max_length=200, required=False, assume_scheme="https")
    help_desk_email = forms.EmailField(label="CM/ECF help desk e-mail", max_length=EMAIL_MAX_LENGTH, required=False)
    pacer_help_url = forms.URLField(label="PACER help page", max_length=200, required=False, assume_scheme="https")


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="Header row: login,name,email,role,password (or password_hash).")
    dry_run = forms.BooleanField(label="Check only (dry run): report the problems, write nothing", required=False)


class AuditFilterForm(forms.Form):
    event = forms.CharField(label="Event", max_length=64, required=False, help_text="e.g. link. or link.refused")
    username = forms.CharField(label="Username or login", max_length=150, required=False)
    since = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))


class EfileDecisionForm(forms.Form):
    """Approve or Deny are the form's two buttons; the note goes to the filer and is required to deny."""

    decision = forms.CharField(required=False)  # the pressed button's value; checked in clean()
    note = forms.CharField(
        label="Note to the filer",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="E-mailed to the filer with the decision. Required to deny: say why.",
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") not in ("approve", "deny"):
            self.add_error(None, "Press Approve or Deny.")
        elif cleaned.get("decision") == "deny" and not (cleaned.get("note") or "").strip():
            self.add_error("note", "A note is required to deny: tell the filer why. It is e-mailed to them.")
        return cleaned


class CourtProfileForm(forms.Form):
    """How the court's login page, CM/ECF landing page and Utilities page look (courts.services.set_court_profile)."""

    login_style = forms.ChoiceField(label="Login page", choices=LoginStyle.choices, widget=forms.RadioSelect)
    login_title = forms.CharField(
        label="Title of the court-branded login",
        max_length=200,
        help_text="e.g. Wisconsin Western District Court Login",
    )
    login_required_note = forms.CharField(
        label="Words after the * above the fields", max_length=40, help_text="e.g. Required Information"
    )
    login_buttons = forms.ChoiceField(label="Buttons", choices=LoginButtons.choices, widget=forms.RadioSelect)
    client_code_required = forms.BooleanField(label="The login requires a client code (Client Code *)", required=False)
    login_notice = forms.CharField(
        label="Notice under the login form", max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    landing_entry = forms.CharField(
        label="Entry on the CM/ECF site",
        max_length=100,
        help_text="The link a signed-out visitor follows to the login, e.g. Document Filing System",
    )
    utilities_layout = forms.CharField(
        label="Utilities",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One section a line: “Section title: item, item”. Items: "
        + "; ".join(f"{key} ({label})" for key, (label, _) in UTILITY_ITEMS.items())
        + ". Maintain Your ECF Account and View Your Transaction Log show only after linking.",
    )

    def __init__(self, *args: Any, appellate: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.appellate = appellate

    def clean_utilities_layout(self) -> list[dict[str, object]]:
        return parse_layout_text(self.cleaned_data["utilities_layout"], appellate=self.appellate)
