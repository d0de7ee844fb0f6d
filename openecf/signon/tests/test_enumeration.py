"""No account enumeration: an unknown username and a wrong password get the same answer after the same work."""

from __future__ import annotations

import statistics
import time

import pytest
from django.test import Client

from conftest import make_pacer, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.timing]

SAMPLES = 25


def _timed_login(username: str, address: str) -> tuple[float, int, str]:
    client = Client(REMOTE_ADDR=address)
    start = time.perf_counter()
    response = client.post("/login/", {"username": username, "password": "Not-The-Password-1!", "client_code": ""})
    return time.perf_counter() - start, response.status_code, visible_text(response)


def test_unknown_username_and_wrong_password_take_the_same_time() -> None:
    """A naive login answers an unknown username at once (no hash to check): ten times faster than a wrong password.

    Each sample uses its own account and address so the throttle never steps in; the two kinds alternate so load
    on the machine falls on both alike.
    """
    for number in range(SAMPLES):
        make_pacer(f"timing{number:03d}", "Timing Sample")
    _timed_login("warm-up-user", "10.9.9.9")
    known, unknown, answers = [], [], set()
    for number in range(SAMPLES):
        seconds, status, text = _timed_login(f"timing{number:03d}", f"10.1.0.{number + 1}")
        known.append(seconds)
        answers.add((status, text))
        seconds, status, text = _timed_login(f"nobody{number:03d}", f"10.2.0.{number + 1}")
        unknown.append(seconds)
        answers.add((status, text))
    assert len(answers) == 1 and next(iter(answers))[0] == 401  # one answer for both
    typical_unknown, typical_known = statistics.median(unknown), statistics.median(known)
    assert 0.75 < typical_unknown / typical_known < 1.33, f"unknown {typical_unknown:.4f}s, wrong {typical_known:.4f}s"
