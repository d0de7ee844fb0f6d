"""Forgot password? and Forgot username?: recovered through the e-mail, and no page tells who has an account."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from conftest import link_href, visible_text
from openecf.accounts.models import AccountToken, PacerAccount
from openecf.accounts.tests.helpers import NEW_PASSWORD, body, delivered, link_path, login, mail_to, register
from openecf.audit.models import AuditEvent
from openecf.notices.models import OutboxMessage

pytestmark = pytest.mark.django_db

RESET_TO = "Brand-New-Compass-2027!"


@pytest.fixture
def nora(demo: None, smtp_inbox: Any) -> PacerAccount:
    """A registered, verified account with security questions (first pet Fluffy, born in Madison, car Volvo)."""
    register(Client())
    Client().post(link_path(mail_to(smtp_inbox, "nora@example.com", "Verify"), "/account/verify/"))
    delivered(smtp_inbox)
    smtp_inbox.messages.clear()
    return PacerAccount.objects.get(username="nnewfiler")


def _ask(client: Client, answer: str, **first: str) -> Any:
    step_one = client.post("/account/forgot-password/", first)
    assert step_one.status_code == 302, visible_text(step_one)
    question = client.get(step_one["Location"])
    return question, client.post(step_one["Location"], {"answer": answer})


def test_a_forgotten_password_is_recovered_through_the_email(nora: PacerAccount, smtp_inbox: Any) -> None:
    client = Client()
    page = client.get(link_href(client.get("/login/?court=wiwd"), "Forgot password?"))
    assert "Forgot password?" in visible_text(page)
    question, sent = _ask(client, "  fluffy ", username="NNEWFILER", email="Nora@Example.com")
    assert "What was the name of your first pet?" in visible_text(question)
    assert "If the details you entered match a PACER account" in visible_text(sent)

    mail = mail_to(smtp_inbox, "nora@example.com", "Reset your PACER password")
    reset = link_path(mail, "/account/reset/")
    form = Client().get(reset)
    assert "Choose a new password for the PACER account nnewfiler" in visible_text(form)
    done = Client().post(reset, {"password1": RESET_TO, "password2": RESET_TO})
    assert "Your password has been changed" in visible_text(done)
    assert login(Client(), "nnewfiler", NEW_PASSWORD).status_code == 401
    assert login(Client(), "nnewfiler", RESET_TO).status_code == 302
    assert "Your PACER password was changed" in [str(m["Subject"]) for m in delivered(smtp_inbox)]
    # Used once; a second use opens nothing.
    again = Client().post(reset, {"password1": "Another-Fine-Pass-99!", "password2": "Another-Fine-Pass-99!"})
    assert again.status_code == 410
    assert login(Client(), "nnewfiler", RESET_TO).status_code == 302


@pytest.mark.parametrize("fact", [{"account_number": "ACCOUNT"}, {"date_of_birth": "1985-04-25"}])
def test_the_account_number_or_date_of_birth_identify_the_account_too(
    nora: PacerAccount, smtp_inbox: Any, fact: dict[str, str]
) -> None:
    fact = {k: nora.account_number if v == "ACCOUNT" else v for k, v in fact.items()}
    _ask(Client(), "Fluffy", username="nnewfiler", **fact)
    assert "/account/reset/" in body(mail_to(smtp_inbox, "nora@example.com", "Reset"))


def test_a_password_reset_ends_every_other_session(nora: PacerAccount, smtp_inbox: Any) -> None:
    browser = Client()
    assert login(browser, "nnewfiler", NEW_PASSWORD).status_code == 302
    assert browser.get("/account/").status_code == 200
    _ask(Client(), "Fluffy", username="nnewfiler", email="nora@example.com")
    reset = link_path(mail_to(smtp_inbox, "nora@example.com", "Reset"), "/account/reset/")
    Client().post(reset, {"password1": RESET_TO, "password2": RESET_TO})
    assert browser.get("/account/")["Location"].startswith("/login/")


def test_a_wrong_answer_sends_no_link_and_tells_the_account_holder(nora: PacerAccount, smtp_inbox: Any) -> None:
    _, sent = _ask(Client(), "Rex", username="nnewfiler", email="nora@example.com")
    assert "If the details you entered match a PACER account" in visible_text(sent)
    [mail] = delivered(smtp_inbox)
    assert mail["Subject"] == "Attempt to reset your PACER password"
    assert "/account/reset/" not in body(mail)
    assert not AccountToken.objects.filter(purpose="reset_password").exists()


def test_an_expired_or_replaced_link_opens_nothing(nora: PacerAccount, smtp_inbox: Any) -> None:
    _ask(Client(), "Fluffy", username="nnewfiler", email="nora@example.com")
    first = link_path(mail_to(smtp_inbox, "nora@example.com", "Reset"), "/account/reset/")
    _ask(Client(), "Fluffy", username="nnewfiler", email="nora@example.com")
    second = link_path(mail_to(smtp_inbox, "nora@example.com", "Reset"), "/account/reset/")
    assert Client().get(first).status_code == 410
    assert Client().get(second).status_code == 200
    AccountToken.objects.filter(purpose="reset_password").update(expires_at=timezone.now() - timedelta(seconds=1))
    expired = Client().post(second, {"password1": RESET_TO, "password2": RESET_TO})
    assert expired.status_code == 410 and "has expired" in visible_text(expired)
    assert login(Client(), "nnewfiler", NEW_PASSWORD).status_code == 302


def test_a_weak_new_password_keeps_the_link_usable(nora: PacerAccount, smtp_inbox: Any) -> None:
    _ask(Client(), "Fluffy", username="nnewfiler", email="nora@example.com")
    reset = link_path(mail_to(smtp_inbox, "nora@example.com", "Reset"), "/account/reset/")
    weak = Client().post(reset, {"password1": "short", "password2": "short"})
    assert weak.status_code == 400 and "14 to 45 characters" in visible_text(weak)
    assert Client().post(reset, {"password1": RESET_TO, "password2": RESET_TO}).status_code == 200


def _outcome(client: Client, answer: str, **first: str) -> tuple[int, str, int, str]:
    question, sent = _ask(client, answer, **first)
    return question.status_code, visible_text(question), sent.status_code, visible_text(sent)


def test_forgot_password_does_not_tell_whether_an_account_exists(nora: PacerAccount, smtp_inbox: Any) -> None:
    real = _outcome(Client(), "wrong answer", username="nnewfiler", email="nora@example.com")
    unknown = _outcome(Client(), "wrong answer", username="nosuchuser9", email="nora@example.com")
    mismatched = _outcome(Client(), "wrong answer", username="nnewfiler", email="someone.else@example.com")
    assert real[0] == unknown[0] == mismatched[0] == 200
    assert real[2] == unknown[2] == mismatched[2] == 200
    assert real[3] == unknown[3] == mismatched[3]
    # A question is always asked, from the same list; for a known username it is the account's own, whatever
    # the fact typed, so the page does not tell whether the fact was right.
    assert unknown[1].replace(_question(unknown[1]), "Q") == real[1].replace(_question(real[1]), "Q")
    assert mismatched[1] == real[1]
    # The same question comes back for the same unknown username, so asking again tells nothing either.
    assert _outcome(Client(), "x", username="nosuchuser9", email="a@example.com")[1] == unknown[1]
    # Nothing was sent while answering: the worker sends later, so the page takes the same time either way.
    assert smtp_inbox.messages == []
    assert OutboxMessage.objects.filter(kind="password_reset.refused").count() == 1


def _question(text: str) -> str:
    from openecf.accounts.models import SecurityQuestion

    return next(label for label in SecurityQuestion.labels if label in text)


def test_a_legacy_account_without_questions_can_still_reset_by_email(demo: None, smtp_inbox: Any) -> None:
    _ask(Client(), "anything", username="jdoe01", email="jdoe@example.com")
    reset = link_path(mail_to(smtp_inbox, "jdoe@example.com", "Reset"), "/account/reset/")
    assert Client().post(reset, {"password1": RESET_TO, "password2": RESET_TO}).status_code == 200
    assert login(Client(), "jdoe01", RESET_TO).status_code == 302


def test_step_one_needs_a_second_fact(db: None) -> None:
    response = Client().post("/account/forgot-password/", {"username": "nnewfiler"})
    assert response.status_code == 400
    assert "enter your e-mail address, account number or date of birth" in visible_text(response)


def test_forgot_username_mails_the_usernames_of_the_address(demo: None, smtp_inbox: Any) -> None:
    client = Client()
    page = client.get(link_href(client.get("/login/?court=wiwb"), "Forgot username?"))
    assert "Forgot username?" in visible_text(page)
    known = client.post("/account/forgot-username/", {"email": "JATTORNEY@example.com"})
    unknown = Client().post("/account/forgot-username/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert visible_text(known).replace("wiwb", "") == visible_text(unknown)
    mails = delivered(smtp_inbox)
    to_known = next(m for m in mails if "JATTORNEY@example.com" in m["X-Envelope-To"])
    assert "jattorney  (John Attorney)" in body(to_known)
    to_unknown = next(m for m in mails if "nobody@example.com" in m["X-Envelope-To"])
    assert "No PACER account uses this e-mail address." in body(to_unknown)
    assert AuditEvent.objects.filter(event="username_reminder.sent").count() == 2


def _question_page(username: str, **fact: str) -> tuple[int, str]:
    client = Client()
    step_one = client.post("/account/forgot-password/", {"username": username, **fact})
    assert step_one.status_code == 302, visible_text(step_one)
    page = client.get(step_one["Location"])
    return page.status_code, visible_text(page)


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        ({"email": "nora@example.com"}, {"email": "not.nora@example.com"}),
        ({"account_number": "ACCOUNT"}, {"account_number": "1234567"}),
        ({"date_of_birth": "1985-04-25"}, {"date_of_birth": "1985-04-26"}),
    ],
)
def test_the_question_page_does_not_tell_whether_the_fact_was_right(
    nora: PacerAccount, right: dict[str, str], wrong: dict[str, str]
) -> None:
    right = {k: nora.account_number if v == "ACCOUNT" else v for k, v in right.items()}
    shown_for_right = _question_page("nnewfiler", **right)
    assert shown_for_right[0] == 200
    assert "What was the name of your first pet?" in shown_for_right[1]
    assert _question_page("nnewfiler", **wrong) == shown_for_right
    assert _question_page("NNewFiler", **wrong) == shown_for_right


def test_an_unknown_username_gets_the_same_question_every_time_whatever_the_fact(nora: PacerAccount) -> None:
    first = _question_page("nosuchuser9", email="nora@example.com")
    assert first[0] == 200
    assert _question_page("nosuchuser9", date_of_birth="1985-04-25") == first
    assert _question_page("NoSuchUser9", account_number="7654321") == first


def test_a_wrong_fact_with_the_right_answer_sends_nothing_and_reads_like_success(
    nora: PacerAccount, smtp_inbox: Any
) -> None:
    _, refused = _ask(Client(), "Fluffy", username="nnewfiler", email="not.nora@example.com")
    _, unknown = _ask(Client(), "Fluffy", username="nosuchuser9", email="nora@example.com")
    _, sent = _ask(Client(), "Fluffy", username="nnewfiler", email="nora@example.com")
    assert refused.status_code == unknown.status_code == sent.status_code == 200
    assert visible_text(refused) == visible_text(unknown) == visible_text(sent)
    [mail] = delivered(smtp_inbox)  # only the last try, with every detail right, sent anything
    assert mail["Subject"] == "Reset your PACER password" and "nora@example.com" in mail["X-Envelope-To"]
    assert AccountToken.objects.filter(purpose="reset_password").count() == 1
    events = list(AuditEvent.objects.filter(event__startswith="password_reset.").values_list("event", flat=True))
    assert events == [
        "password_reset.started",
        "password_reset.not_identified",
        "password_reset.started",
        "password_reset.no_account",
        "password_reset.started",
        "password_reset.link_sent",
    ]


def test_a_wrong_answer_after_a_wrong_fact_sends_the_holder_nothing(nora: PacerAccount, smtp_inbox: Any) -> None:
    _ask(Client(), "Rex", username="nnewfiler", email="not.nora@example.com")
    assert delivered(smtp_inbox) == []
    assert AuditEvent.objects.filter(event="password_reset.not_identified").count() == 1


THROTTLED = "Too many failed attempts. For your security, try again in"


def test_reset_guesses_are_throttled_per_username_known_or_not(nora: PacerAccount, smtp_inbox: Any) -> None:
    for username in ("nnewfiler", "nosuchuser9"):
        for guess in range(6):  # the fact and the answer are guessed together; six tries go through
            address = f"198.51.100.{guess}"
            _, sent = _ask(Client(REMOTE_ADDR=address), "Rex", username=username, date_of_birth="1985-04-25")
            assert sent.status_code == 200, visible_text(sent)
        _, throttled = _ask(Client(REMOTE_ADDR="198.51.100.99"), "Fluffy", username=username, email="nora@example.com")
        assert throttled.status_code == 429
        assert THROTTLED in visible_text(throttled)
    # The right fact and answer were not even checked while the username waits: no link went out.
    assert [m["Subject"] for m in delivered(smtp_inbox)] == ["Attempt to reset your PACER password"] * 6
    assert not AccountToken.objects.filter(purpose="reset_password").exists()
    assert AuditEvent.objects.filter(event="password_reset.throttled").count() == 2


def test_reset_guesses_are_throttled_per_address(nora: PacerAccount, smtp_inbox: Any) -> None:
    for guess in range(21):  # an address may try 21 times (an office shares one) before it waits
        _, sent = _ask(Client(REMOTE_ADDR="203.0.113.5"), "Rex", username=f"someone{guess:02d}", email="a@example.com")
        assert sent.status_code == 200
    _, throttled = _ask(Client(REMOTE_ADDR="203.0.113.5"), "Fluffy", username="nnewfiler", email="nora@example.com")
    assert throttled.status_code == 429 and THROTTLED in visible_text(throttled)
    assert delivered(smtp_inbox) == []
    _, elsewhere = _ask(Client(REMOTE_ADDR="203.0.113.6"), "Fluffy", username="nnewfiler", email="nora@example.com")
    assert elsewhere.status_code == 200
    assert [m["Subject"] for m in delivered(smtp_inbox)] == ["Reset your PACER password"]


def test_a_right_guess_counts_like_a_wrong_one_so_the_wait_tells_nothing(nora: PacerAccount, smtp_inbox: Any) -> None:
    for guess in range(5):
        _ask(Client(REMOTE_ADDR=f"198.51.100.{guess}"), "Rex", username="nnewfiler", email="not.nora@example.com")
    _, sent = _ask(Client(REMOTE_ADDR="198.51.100.5"), "Fluffy", username="NNEWFILER", email="nora@example.com")
    assert sent.status_code == 200
    # Had the right guess cleared the count, this try would go through, and the guesser would know the last one
    # was right; it waits exactly as after a wrong one.
    _, after = _ask(Client(REMOTE_ADDR="198.51.100.6"), "Fluffy", username="nnewfiler", email="nora@example.com")
    assert after.status_code == 429 and THROTTLED in visible_text(after)
    assert [m["Subject"] for m in delivered(smtp_inbox)] == ["Reset your PACER password"]


def test_a_password_reset_voids_a_pending_email_change(nora: PacerAccount, smtp_inbox: Any) -> None:
    # Someone with Nora's session asks to move her account to their address; she resets her password.
    thief = Client()
    assert login(thief, "nnewfiler", NEW_PASSWORD).status_code == 302
    asked = thief.post("/account/email/", {"email": "thief@example.com", "current": NEW_PASSWORD})
    assert asked.status_code == 302
    confirm = link_path(mail_to(smtp_inbox, "thief@example.com", "Confirm"), "/account/email/confirm/")
    _ask(Client(), "Fluffy", username="nnewfiler", email="nora@example.com")
    reset = link_path(mail_to(smtp_inbox, "nora@example.com", "Reset"), "/account/reset/")
    assert Client().post(reset, {"password1": RESET_TO, "password2": RESET_TO}).status_code == 200
    assert Client().get(confirm).status_code == 410
    assert Client().post(confirm).status_code == 410
    assert PacerAccount.objects.get(username="nnewfiler").email == "nora@example.com"
    assert not AccountToken.objects.filter(account=nora, used_at__isnull=True).exists()


def test_a_new_email_address_voids_reset_links_sent_to_the_old_one(nora: PacerAccount, smtp_inbox: Any) -> None:
    _ask(Client(), "Fluffy", username="nnewfiler", email="nora@example.com")
    reset = link_path(mail_to(smtp_inbox, "nora@example.com", "Reset"), "/account/reset/")
    browser = Client()
    login(browser, "nnewfiler", NEW_PASSWORD)
    browser.post("/account/email/", {"email": "nora.new@example.com", "current": NEW_PASSWORD})
    confirm = link_path(mail_to(smtp_inbox, "nora.new@example.com", "Confirm"), "/account/email/confirm/")
    assert Client().post(confirm).status_code == 200
    assert Client().get(reset).status_code == 410
    assert Client().post(reset, {"password1": RESET_TO, "password2": RESET_TO}).status_code == 410
    assert login(Client(), "nnewfiler", NEW_PASSWORD).status_code == 302
