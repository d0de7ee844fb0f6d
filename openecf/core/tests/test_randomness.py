"""Random strings from one CSPRNG read: the length asked, only the alphabet's characters, none favoured."""

from __future__ import annotations

import string
from collections import Counter

import pytest
from django.contrib.sessions.backends.base import VALID_KEY_CHARS

from openecf.core.randomness import random_string
from openecf.core.sessions import SessionStore
from openecf.signon import cso_tokens

ALPHABET = string.ascii_letters + string.digits


def test_each_string_has_the_length_and_only_the_characters_asked_for() -> None:
    for length in (1, 32, 128, 1000):
        value = random_string(length, ALPHABET)
        assert len(value) == length and set(value) <= set(ALPHABET)
    assert len(cso_tokens.new_value()) == cso_tokens.TOKEN_LENGTH
    key = SessionStore()._get_new_session_key()
    assert len(key) == 32 and set(key) <= set(VALID_KEY_CHARS)


def test_no_character_is_likelier_than_another() -> None:
    # 62 characters over 620,000 draws: 10,000 expected each, standard deviation about 99. A modulo bias from
    # keeping bytes 248-255 would give the first eight characters about 10,320 each (over 3 deviations).
    counts = Counter(random_string(620_000, ALPHABET))
    assert set(counts) == set(ALPHABET)
    assert all(9_500 < count < 10_500 for count in counts.values())
    assert sum(counts[c] for c in ALPHABET[:8]) / 8 < 10_250


def test_two_draws_differ() -> None:
    assert len({random_string(32, VALID_KEY_CHARS) for _ in range(1000)}) == 1000


def test_an_alphabet_a_byte_cannot_draw_evenly_from_is_refused() -> None:
    for alphabet in ("a", "aab", "x" * 300):
        with pytest.raises(ValueError, match="distinct"):
            random_string(8, alphabet)
