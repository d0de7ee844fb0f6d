"""Argon2id at the OWASP parameter set; hashes made with other parameters are upgraded at the next login."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client

from conftest import PACER_PASSWORD, make_pacer
from openecf.accounts.models import PacerAccount

pytestmark = [pytest.mark.django_db, pytest.mark.argon2]


def test_new_passwords_are_argon2id_at_7_mib_5_iterations_parallelism_1() -> None:
    account = make_pacer("jattorney", "John Attorney")
    assert account.password.startswith("argon2$argon2id$v=19$m=7168,t=5,p=1$")


def test_an_old_hash_is_upgraded_at_login() -> None:
    account = make_pacer("jattorney", "John Attorney")
    account.password = Argon2PasswordHasher().encode(PACER_PASSWORD, Argon2PasswordHasher().salt())  # Django's default
    account.save(update_fields=["password"])
    assert "m=102400,t=2,p=8" in account.password
    response = Client().post("/login/", {"username": "jattorney", "password": PACER_PASSWORD, "client_code": ""})
    assert response.status_code == 302
    upgraded = PacerAccount.objects.get(pk=account.pk).password
    assert upgraded.startswith("argon2$argon2id$v=19$m=7168,t=5,p=1$")
    assert Client().post("/login/", {"username": "jattorney", "password": PACER_PASSWORD}).status_code == 302


def test_a_hash_at_the_former_19_mib_set_is_upgraded_at_login() -> None:
    account = make_pacer("jattorney", "John Attorney")
    former = Argon2PasswordHasher()
    former.time_cost, former.memory_cost, former.parallelism = 2, 19 * 1024, 1
    account.password = former.encode(PACER_PASSWORD, former.salt())
    account.save(update_fields=["password"])
    response = Client().post("/login/", {"username": "jattorney", "password": PACER_PASSWORD, "client_code": ""})
    assert response.status_code == 302
    assert PacerAccount.objects.get(pk=account.pk).password.startswith("argon2$argon2id$v=19$m=7168,t=5,p=1$")
