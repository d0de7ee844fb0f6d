"""Mail in the demo: the local SMTP server keeps what the app sends, and /demo/mail/ shows it (demo only)."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from django.test import Client
from django.urls import clear_url_caches

import config.urls
from conftest import free_port, link_href, visible_text
from openecf.accounts.tests.helpers import register
from openecf.notices.services import deliver_pending, enqueue

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def demo_mail(settings: Any, tmp_path: Path) -> Iterator[Path]:
    """What scripts/run-demo.sh starts: aiosmtpd's Maildir handler on loopback, the app sending to it."""
    maildir = tmp_path / "mail"
    controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.DEBUG = True
    settings.OPENECF_DEMO_MAILDIR = str(maildir)
    importlib.reload(config.urls)  # mounts /demo/mail/ as the demo's settings do
    clear_url_caches()
    try:
        yield maildir
    finally:
        controller.stop()
        settings.OPENECF_DEMO_MAILDIR = ""
        importlib.reload(config.urls)
        clear_url_caches()


def test_a_person_follows_the_verification_link_from_the_demo_inbox(demo: None, demo_mail: Path) -> None:
    register(Client())
    deliver_pending()  # what the worker of `make run` (run_worker) does
    inbox = Client().get(link_href(Client().get("/"), "demo inbox"))
    assert inbox.status_code == 200
    message = Client().get(link_href(inbox, "Verify your e-mail address for your new PACER account"))
    text = visible_text(message)
    assert "To nora@example.com" in text
    verify = link_href(message, next(w for w in text.split() if "/account/verify/" in w))
    assert verify.startswith("http://testserver/account/verify/")
    done = Client().post(verify.removeprefix("http://testserver"))
    assert "Your e-mail address is verified" in visible_text(done)


def test_messages_are_shown_escaped_with_their_links_clickable(db: None, demo_mail: Path) -> None:
    enqueue(
        kind="test",
        recipients=["x@example.com"],
        subject="<b>Hello</b>",
        body="<script>alert(1)</script>\nOpen http://127.0.0.1:8700/account/reset/abc/ now",
    )
    deliver_pending()
    inbox = Client().get("/demo/mail/")
    assert "&lt;b&gt;Hello&lt;/b&gt;" in inbox.content.decode()
    message = Client().get(link_href(inbox, "<b>Hello</b>"))
    html = message.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a href="http://127.0.0.1:8700/account/reset/abc/"' in html


def test_an_unknown_or_odd_message_key_is_a_404(db: None, demo_mail: Path) -> None:
    assert Client().get("/demo/mail/no-such-message/").status_code == 404
    assert Client().get("/demo/mail/..%2F..%2Fetc/").status_code == 404


def test_without_the_demo_settings_there_is_no_mail_page(db: None) -> None:
    assert Client().get("/demo/mail/").status_code == 404


def test_production_settings_never_mount_the_mail_page(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "OPENECF_SECRET_KEY": "test-only-production-key",
        "OPENECF_DEBUG": "1",  # even a production server switched to debug
        "OPENECF_DEMO_MAILDIR": str(tmp_path),
    }
    script = (
        "import django; django.setup()\n"
        "from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/demo/mail/'); print('mounted')\n"
        "except Resolver404:\n    print('absent')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "absent", result.stderr


def test_an_html_message_is_shown_as_text_with_its_links(db: None, demo_mail: Path) -> None:
    """The NEF is one text/html part: the inbox shows what it says and where its links go, not its markup."""
    body = (
        "<p><strong>Notice of Electronic Filing</strong></p><table><tr><td><strong>Document Number:</strong></td>"
        '<td><a href="http://testserver/ecf/wiwd/doc1/20510000001?caseid=1&amp;de_seq_num=2">12</a></td></tr>'
        "</table><p><b>MOTION &amp; &lt;b&gt;brief&lt;/b&gt;</b></p>"
    )
    enqueue(kind="nef", recipients=["ann@example.com"], subject="Activity in Case", body=body, content_subtype="html")
    deliver_pending()
    inbox = Client().get("/demo/mail/")
    message = Client().get(link_href(inbox, "Activity in Case"))
    text = visible_text(message)
    assert "Notice of Electronic Filing Document Number: 12 < http://testserver/ecf/wiwd/doc1/20510000001" in text
    assert "MOTION & <b>brief</b>" in text
    assert "<strong>" not in message.content.decode() and "&lt;b&gt;brief" in message.content.decode()
    assert link_href(message, "http://testserver/ecf/wiwd/doc1/20510000001?caseid=1&de_seq_num=2") == (
        "http://testserver/ecf/wiwd/doc1/20510000001?caseid=1&de_seq_num=2"
    )
