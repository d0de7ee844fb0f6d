"""Security questions: answers compared without regard to case, accents of width, or spacing, and kept hashed."""

from __future__ import annotations

import unicodedata

from django.contrib.auth.hashers import check_password, make_password

from openecf.accounts.models import PacerAccount, SecurityAnswer, SecurityQuestion

REQUIRED_QUESTIONS = 3
ANSWER_MAX = 100


def normalise_answer(answer: str) -> str:
    """ "  Fluffy  the CAT " and "fluffy the cat" are the same answer."""
    return " ".join(unicodedata.normalize("NFKC", answer).casefold().split())


def hash_answer(answer: str) -> str:
    return make_password(normalise_answer(answer))


def answer_matches(stored: SecurityAnswer | None, answer: str) -> bool:
    """Checks the answer; without a stored answer it does the same hashing work and says no."""
    if stored is None:
        make_password(normalise_answer(answer))
        return False
    return check_password(normalise_answer(answer), stored.answer_hash)


def answer_problems(pairs: list[tuple[str, str]]) -> list[str]:
    problems = []
    questions = [question for question, _ in pairs]
    if len(pairs) != REQUIRED_QUESTIONS or any(q not in SecurityQuestion.values for q in questions):
        problems.append(f"Choose {REQUIRED_QUESTIONS} security questions.")
    elif len(set(questions)) != len(questions):
        problems.append("Choose a different question each time.")
    for _, answer in pairs:
        if len(normalise_answer(answer)) < 2:
            problems.append("Every security answer needs at least 2 characters.")
            break
        if len(answer) > ANSWER_MAX:
            problems.append(f"A security answer has at most {ANSWER_MAX} characters.")
            break
    return problems


def replace_answers(*, account: PacerAccount, pairs: list[tuple[str, str]]) -> None:
    """Store the account's questions and hashed answers, replacing any it had. Call inside a transaction."""
    SecurityAnswer.objects.filter(account=account).delete()
    SecurityAnswer.objects.bulk_create(
        SecurityAnswer(account=account, question=question, answer_hash=hash_answer(answer))
        for question, answer in pairs
    )
