"""The demo on a developer's machine (``make run``) and the test suite: debug on, a public key, the demo mail viewer.

Chosen explicitly (``DJANGO_SETTINGS_MODULE=config.settings.demo``, as the Makefile, scripts/run-demo.sh and
pyproject's pytest settings do); without DJANGO_SETTINGS_MODULE, manage.py, wsgi and asgi use the production
settings, which refuse to start without OPENECF_SECRET_KEY.
"""

from __future__ import annotations

from config import env
from config.settings.base import *  # noqa: F403

# The demo's data, loader (load_demo) and mail viewer: tooling, so only these settings install it.
INSTALLED_APPS = [*INSTALLED_APPS, "openecf.demo"]  # noqa: F405

DEBUG = env.flag("OPENECF_DEBUG", True)
# Public (it is in the source): it only ever signs demo sessions on a developer's machine.
SECRET_KEY = env.text("OPENECF_SECRET_KEY", "openecf-insecure-demo-key-never-use-in-production")
# The demo's local mail server stores what it receives here (a Maildir); /demo/mail/ shows it. Empty: no such page.
OPENECF_DEMO_MAILDIR = env.text("OPENECF_DEMO_MAILDIR") if DEBUG else ""
# The court list names the demo accounts (debug on only); production's settings never install this.
TEMPLATES = [
    {
        **TEMPLATES[0],  # noqa: F405
        "OPTIONS": {
            **TEMPLATES[0]["OPTIONS"],  # noqa: F405
            "context_processors": [
                *TEMPLATES[0]["OPTIONS"]["context_processors"],  # noqa: F405
                "openecf.demo.context.demo_accounts",
            ],
        },
    }
]
