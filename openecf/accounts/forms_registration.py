"""The forms of registration and of the upgrade: person, address, county, security. Plain HTML, no script."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from openecf.accounts import counties
from openecf.accounts.details import Address, Person, Security, date_of_birth_problems
from openecf.accounts.models import PacerAccount, SecurityQuestion, UserType
from openecf.accounts.questions import REQUIRED_QUESTIONS, answer_problems
from openecf.accounts.services import username_problems

DATE_INPUT = forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%m/%d/%Y"]


PACER_RULE_HELP_TEXT = (
    "14 to 45 characters with an upper-case letter, a lower-case letter and a special character, "
    "and no part of your name, username or e-mail address."
)


def new_password_fields(label: str) -> tuple[forms.CharField, forms.CharField]:
    """A new password typed twice ("Password", "Password (again)"), with PACER's rule as help."""

    def field(text: str, required: str, help_text: str = "") -> forms.CharField:
        return forms.CharField(
            label=text,
            strip=False,
            max_length=256,
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
            help_text=help_text,
            error_messages={"required": required},
        )

    return (
        field(label, f"Choose a {label.lower()}.", PACER_RULE_HELP_TEXT),
        field(f"{label} (again)", f"Type the {label.lower()} again."),
    )


def check_new_password(form: forms.Form, data: dict[str, Any], user: Any) -> None:
    """The two typed passwords agree, and the password meets PACER's rule for ``user``: errors go on the form."""
    password = data.get("password1")
    if password and data.get("password2") is not None and password != data.get("password2"):
        form.add_error("password2", "The two passwords differ.")
    elif password:
        try:
            validate_password(password, user)
        except ValidationError as error:
            form.add_error("password1", error)


class DateOfBirthField(forms.DateField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label="Date of birth",
            input_formats=DATE_FORMATS,
            widget=DATE_INPUT,
            help_text="Month, day and year (MM/DD/YYYY).",
            error_messages={"required": "Enter your date of birth.", "invalid": "Enter a date like 04/25/1980."},
            **kwargs,
        )

    def validate(self, value: Any) -> None:
        super().validate(value)
        problems = date_of_birth_problems(value, today=timezone.localdate())
        if problems:
            raise ValidationError(problems)


def user_type_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="What do you need the account for?",
        choices=UserType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you need the account for."},
    )


class PersonForm(forms.Form):
    user_type = user_type_field()
    name = forms.CharField(
        label="Full name",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Enter your full name."},
    )
    date_of_birth = DateOfBirthField()
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="We send a link to this address; the account works once you have opened it.",
        error_messages={"required": "Enter your e-mail address.", "invalid": "Enter a valid e-mail address."},
    )
    phone = forms.CharField(
        label="Telephone", max_length=30, required=False, widget=forms.TextInput(attrs={"autocomplete": "tel"})
    )

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(data["user_type"], data["name"], data["date_of_birth"], data["email"], data["phone"])


class UpgradePersonForm(forms.Form):
    date_of_birth = DateOfBirthField()
    user_type = user_type_field()


class AddressForm(forms.Form):
    line1 = forms.CharField(
        label="Street address",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        error_messages={"required": "Enter your street address."},
    )
    line2 = forms.CharField(
        label="Suite, apartment, floor",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    city = forms.CharField(
        label="City",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        error_messages={"required": "Enter your city."},
    )
    state = forms.ChoiceField(
        label="State or territory",
        choices=[("", "Choose…"), *counties.state_choices()],
        widget=forms.Select(attrs={"autocomplete": "address-level1"}),
        error_messages={"required": "Choose your state or territory.", "invalid_choice": "Choose your state."},
    )
    zip_code = forms.RegexField(
        label="ZIP code",
        regex=r"^[0-9]{5}(-[0-9]{4})?$",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        error_messages={"required": "Enter your ZIP code.", "invalid": "Enter a ZIP code like 53703 or 53703-1234."},
    )

    def address(self, county_fips: str = "") -> Address:
        data = self.cleaned_data
        return Address(data["line1"], data["city"], data["state"], data["zip_code"], data["line2"], county_fips)


class CountyForm(forms.Form):
    """Pick the county from the counties of the state just given (no script needed to narrow the list)."""

    county = forms.ChoiceField(label="County", error_messages={"required": "Choose your county."})

    def __init__(self, *args: Any, state: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.state = state
        field = self.fields["county"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose…"), *counties.county_choices(state)]
        field.error_messages["invalid_choice"] = f"Choose a county in {counties.state_name(state)}."


class ContactForm(AddressForm):
    """Manage My Account: address with its county (re-chosen when the state changes) and telephone."""

    county = forms.ChoiceField(label="County", required=False)
    phone = PersonForm.base_fields["phone"]

    def __init__(self, *args: Any, state: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chosen = (self.data.get("state") if self.is_bound else None) or state
        field = self.fields["county"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose…"), *counties.county_choices(str(chosen))]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        state = data.get("state")
        if state and counties.county_in_state(state, data.get("county") or "") is None:
            self.add_error("county", f"Choose your county in {counties.state_name(state)}.")
        return data


def _question_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", "Choose a question…"), *SecurityQuestion.choices],
        error_messages={"required": "Choose a question."},
    )


def _answer_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text="Case and spacing do not matter.",
        error_messages={"required": "Answer the question."},
    )


class SecurityForm(forms.Form):
    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="At least 8 characters, no spaces. Not case sensitive.",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
        error_messages={"required": "Choose a username."},
    )
    password1, password2 = new_password_fields("Password")
    question1 = _question_field("Security question 1")
    answer1 = _answer_field("Answer 1")
    question2 = _question_field("Security question 2")
    answer2 = _answer_field("Answer 2")
    question3 = _question_field("Security question 3")
    answer3 = _answer_field("Answer 3")

    def __init__(self, *args: Any, name: str, email: str, exclude_pk: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person_name, self.person_email, self.exclude_pk = name, email, exclude_pk

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        problems = username_problems(username, legacy=False)
        taken = PacerAccount.objects.with_username(username)
        if self.exclude_pk is not None:
            taken = taken.exclude(pk=self.exclude_pk)
        if not problems and taken.exists():
            problems = [f"The username {username!r} is already taken. Choose another."]
        if problems:
            raise ValidationError(problems)
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        candidate = PacerAccount(username=data.get("username", ""), name=self.person_name, email=self.person_email)
        check_new_password(self, data, candidate)
        pairs = self.answers()
        if len(pairs) == REQUIRED_QUESTIONS:
            for problem in answer_problems(pairs):
                self.add_error(None, problem)
        return data

    def answers(self) -> list[tuple[str, str]]:
        data = getattr(self, "cleaned_data", {})
        pairs = [(data.get(f"question{n}"), data.get(f"answer{n}")) for n in (1, 2, 3)]
        return [(q, a) for q, a in pairs if q and a]

    def security(self) -> Security:
        return Security(self.cleaned_data["username"], self.cleaned_data["password1"], self.answers())
