"""Forgot password? does the same work whether the username is known and whether the fact typed was right."""

from __future__ import annotations

import statistics
import time

import pytest
from django.db import transaction
from django.test import Client

from conftest import make_pacer, visible_text
from openecf.accounts import questions

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.timing]

SAMPLES = 25


def _timed_answer(username: str, address: str, **fact: str) -> tuple[float, int, str]:
    """Time the question page's answer (where the fact and the answer are checked), not step one."""
    client = Client(REMOTE_ADDR=address)
    step_one = client.post("/account/forgot-password/", {"username": username, **fact})
    start = time.perf_counter()
    response = client.post(step_one["Location"], {"answer": "Not the answer"})
    return time.perf_counter() - start, response.status_code, visible_text(response)


def test_right_fact_wrong_fact_and_unknown_username_take_the_same_time() -> None:
    """Each sample has its own username and address so the throttle never steps in; the kinds alternate."""
    for number in range(SAMPLES):
        account = make_pacer(f"timing{number:03d}", "Timing Sample", email=f"timing{number:03d}@example.com")
        with transaction.atomic():
            questions.replace_answers(account=account, pairs=[("first_pet", "Rex"), ("birth_city", "Oslo")])
    _timed_answer("warm-up-user", "10.9.9.9", email="warm@example.com")
    right, wrong, unknown, answers = [], [], [], set()
    for number in range(SAMPLES):
        username = f"timing{number:03d}"
        seconds, status, text = _timed_answer(username, f"10.1.0.{number + 1}", email=f"{username}@example.com")
        right.append(seconds)
        answers.add((status, text))
        seconds, status, text = _timed_answer(username, f"10.2.0.{number + 1}", email="someone@example.com")
        wrong.append(seconds)
        answers.add((status, text))
        seconds, status, text = _timed_answer(f"nobody{number:03d}", f"10.3.0.{number + 1}", email="a@example.com")
        unknown.append(seconds)
        answers.add((status, text))
    assert len(answers) == 1 and next(iter(answers))[0] == 200  # one answer for all three
    typical_right, typical_wrong = statistics.median(right), statistics.median(wrong)
    typical_unknown = statistics.median(unknown)
    assert 0.75 < typical_wrong / typical_right < 1.33, f"wrong {typical_wrong:.4f}s, right {typical_right:.4f}s"
    assert 0.75 < typical_unknown / typical_right < 1.33, f"unknown {typical_unknown:.4f}s, right {typical_right:.4f}s"
