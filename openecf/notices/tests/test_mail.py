"""Every e-mail comes from a template through notices.mail, and pages show e-mail addresses one way."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from openecf.notices import mail
from openecf.notices.addresses import masked

ROOT = Path(__file__).resolve().parents[2]  # openecf/
MAIL_TEMPLATES = ROOT / "templates" / "mail"


def _calls_to_enqueue() -> dict[str, list[ast.Call]]:
    found: dict[str, list[ast.Call]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("notices/") or "/migrations/" in relative or "/tests/" in relative:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=relative)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                if name in {"enqueue", "enqueue_many"}:
                    found.setdefault(relative, []).append(node)
    return found


def _has_text(node: ast.AST) -> bool:
    return any(
        isinstance(part, ast.JoinedStr) or (isinstance(part, ast.Constant) and isinstance(part.value, str))
        for part in ast.walk(node)
    )


def test_no_enqueue_outside_the_notices_app_passes_a_literal_body() -> None:
    literal = [
        f"{path}:{call.lineno} {keyword.arg}"
        for path, calls in _calls_to_enqueue().items()
        for call in calls
        for keyword in call.keywords
        if keyword.arg in {"body", "messages"} and _has_text(keyword.value)
    ]
    assert literal == []
    assert _has_text(ast.parse('enqueue(body=f"Dear {name}")').body[0])  # what it would catch


def test_outside_the_notices_app_only_the_waiting_module_writes_to_the_outbox_itself() -> None:
    assert _calls_to_enqueue() == {}


def test_every_mail_template_is_a_subject_line_a_blank_line_and_a_body() -> None:
    messages = sorted(p for p in MAIL_TEMPLATES.glob("*.txt") if not p.name.startswith("_"))
    assert len(messages) >= 25
    for path in messages:
        head, blank, body = path.read_text().partition("\n\n")
        assert head.startswith("Subject: ") and "\n" not in head and blank and body.strip(), path.name
    for path in sorted(MAIL_TEMPLATES.glob("*.html")):  # the HTML ones (the NEF) have the same shape
        head, blank, body = path.read_text().partition("\n\n")
        assert head.startswith("Subject: ") and "\n" not in head and blank and body.strip(), path.name


def test_a_message_is_plain_text_and_ends_with_one_newline(db: None) -> None:
    account = {"name": "Pat O'Brien & <Sons>", "username": "pobrien"}
    rendered = mail.render("pacer_account.contact_changed", {"account": account})
    assert rendered == mail.Mail(
        "Your PACER contact details were changed",
        "Dear Pat O'Brien & <Sons>,\n\nThe contact details (address, telephone) of the PACER account pobrien were "
        "changed.\n\nIf you did not ask for this, contact the PACER Service Center: (800) 676-6856, "
        "pacer@psc.uscourts.gov.\n",
    )


def test_a_variable_missing_from_the_context_is_an_error_not_a_gap(db: None) -> None:
    with pytest.raises(mail.MailTemplateError, match=r"account\.username"):
        mail.render("pacer_account.contact_changed", {"account": {"name": "Pat"}})


def test_send_writes_the_rendered_message_to_the_outbox(db: None) -> None:
    message = mail.send(
        kind="pacer_account.contact_changed",
        to=[" pat@example.com ", "pat@example.com"],
        context={"account": {"name": "Pat", "username": "pat"}},
    )
    assert message.kind == "pacer_account.contact_changed"
    assert message.recipients == ["pat@example.com"]
    assert message.subject == "Your PACER contact details were changed"
    assert message.body.startswith("Dear Pat,\n\nThe contact details (address, telephone) of the PACER account pat ")


@pytest.mark.parametrize(
    ("address", "shown"),
    [("nora@example.com", "n***@example.com"), ("j@example.org", "j***@example.org"), ("no-domain", "***")],
)
def test_an_address_is_masked_one_way(address: str, shown: str) -> None:
    assert masked(address) == shown


def test_an_html_message_is_escaped_and_its_subject_is_plain_text(db: None, tmp_path: Path, settings: Any) -> None:
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "test.html_kind.html").write_text(
        'Subject: Activity in {{ title }}\n\n<p>Case Name: {{ title }}</p>\n<a href="{{ link }}">1</a>\n'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    mail._engine.cache_clear()
    try:
        message = mail.send_html(
            kind="test.html_kind",
            to=["ann@example.com"],
            context={"title": "Smith & Sons v. <b>Acme</b>", "link": "http://x/doc1/1?a=1&b=2"},
            from_email="Court <ecf-wiwd@example.com>",
        )
    finally:
        mail._engine.cache_clear()
    assert message.subject == "Activity in Smith & Sons v. <b>Acme</b>"
    assert message.body == (
        '<p>Case Name: Smith &amp; Sons v. &lt;b&gt;Acme&lt;/b&gt;</p>\n<a href="http://x/doc1/1?a=1&amp;b=2">1</a>\n'
    )
    assert (message.content_subtype, message.from_email) == ("html", "Court <ecf-wiwd@example.com>")


def test_the_worker_sends_one_html_part_from_its_sender_and_plain_text_otherwise(db: None, smtp_inbox: Any) -> None:
    from openecf.notices.services import deliver_pending, enqueue

    enqueue(
        kind="t",
        recipients=["a@example.com"],
        subject="HTML",
        body="<p>Hi</p>\n",
        content_subtype="html",
        from_email="Wisconsin Western CM/ECF <ecf-wiwd@example.com>",
    )
    enqueue(kind="t", recipients=["a@example.com"], subject="Plain", body="Hi\n")
    assert deliver_pending() == 2
    html_mail, plain_mail = smtp_inbox.messages
    assert (html_mail.is_multipart(), html_mail.get_content_type(), html_mail["From"]) == (
        False,
        "text/html",
        "Wisconsin Western CM/ECF <ecf-wiwd@example.com>",
    )
    assert html_mail.get_payload(decode=True) == b"<p>Hi</p>\r\n"  # SMTP line ends
    assert (plain_mail.get_content_type(), plain_mail["From"]) == (
        "text/plain",
        "CM/ECF Notices <ecf-noreply@openecf.localhost>",
    )
