"""Account numbers are drawn at random; a draw that is already taken is drawn again, not a failed registration."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from conftest import make_pacer
from openecf.accounts.models import PacerAccount

pytestmark = pytest.mark.django_db


def test_a_drawn_number_already_taken_is_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_pacer("jattorney", "John Attorney")
    draws = iter([int(first.account_number) - 1_000_000, 1_234_567 - 1_000_000])
    monkeypatch.setattr("openecf.accounts.models.secrets.randbelow", lambda _n: next(draws))
    second = make_pacer("asample22", "Attorney Sample")
    assert second.account_number == "1234567"
    assert PacerAccount.objects.filter(account_number=first.account_number).count() == 1


def test_a_number_given_explicitly_is_never_changed() -> None:
    first = make_pacer("jattorney", "John Attorney")
    twin = PacerAccount(username="asample22", name="Attorney Sample", email="a@example.com")
    twin.account_number = str(first.account_number)  # an operator's import, say: a clash is an error, not a redraw
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
