"""What registration and the upgrade collect, as plain values, and every rule each must meet.

Forms use these checks to show errors beside the fields; the services run them again before writing, so a
service called from anywhere else holds to the same rules.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from openecf.accounts import counties
from openecf.accounts.models import PacerAccount, UserType
from openecf.accounts.questions import answer_problems
from openecf.accounts.services import username_problems

ZIP_CODE = re.compile(r"^[0-9]{5}(-[0-9]{4})?$")
OLDEST_BIRTH_YEAR = 1900
MINIMUM_AGE = 13


@dataclass(frozen=True)
class Person:
    user_type: str
    name: str
    date_of_birth: date
    email: str
    phone: str = ""

    def as_session(self) -> dict[str, Any]:
        return {**asdict(self), "date_of_birth": self.date_of_birth.isoformat()}

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> Person:
        return cls(**{**data, "date_of_birth": date.fromisoformat(data["date_of_birth"])})


@dataclass(frozen=True)
class Address:
    line1: str
    city: str
    state: str
    zip_code: str
    line2: str = ""
    county_fips: str = ""

    def as_session(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> Address:
        return cls(**data)

    @property
    def lines(self) -> list[str]:
        county = counties.county_in_state(self.state, self.county_fips)
        return [
            line
            for line in (
                self.line1,
                self.line2,
                f"{self.city}, {self.state} {self.zip_code}",
                f"{county.name}, {counties.state_name(self.state)}" if county else "",
            )
            if line
        ]


@dataclass(frozen=True)
class Security:
    username: str
    password: str
    answers: list[tuple[str, str]]


def date_of_birth_problems(value: date, *, today: date) -> list[str]:
    if value.year < OLDEST_BIRTH_YEAR or value > today:
        return ["Enter your real date of birth (month, day and year)."]
    age = today.year - value.year - ((today.month, today.day) < (value.month, value.day))
    if age < MINIMUM_AGE:
        return [f"You must be at least {MINIMUM_AGE} years old to have a PACER account."]
    return []


def person_problems(person: Person, *, today: date) -> list[str]:
    problems = []
    if person.user_type not in UserType.values:
        problems.append("Choose what you need the account for.")
    if not person.name.strip():
        problems.append("Enter your full name.")
    problems += date_of_birth_problems(person.date_of_birth, today=today)
    try:
        validate_email(person.email)
    except ValidationError:
        problems.append("Enter a valid e-mail address, like name@example.com.")
    return problems


def address_problems(address: Address, *, need_county: bool) -> list[str]:
    problems = []
    if not address.line1.strip():
        problems.append("Enter your street address.")
    if not address.city.strip():
        problems.append("Enter your city.")
    if address.state not in dict(counties.state_choices()):
        problems.append("Choose your state or territory.")
    if not ZIP_CODE.match(address.zip_code):
        problems.append("Enter a ZIP code like 53703 or 53703-1234.")
    if need_county and counties.county_in_state(address.state, address.county_fips) is None:
        problems.append(f"Choose your county in {counties.state_name(address.state)}.")
    return problems


def security_problems(security: Security, *, name: str, email: str, exclude_pk: int | None = None) -> list[str]:
    """Username rules and uniqueness, the password policy (with this username, name and e-mail), the questions."""
    problems = username_problems(security.username, legacy=False)
    taken = PacerAccount.objects.with_username(security.username)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if not problems and taken.exists():
        problems.append(f"The username {security.username!r} is already taken. Choose another.")
    try:
        validate_password(security.password, PacerAccount(username=security.username, name=name, email=email))
    except ValidationError as error:
        problems += error.messages
    return problems + answer_problems(security.answers)
