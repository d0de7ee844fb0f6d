"""Production: no debug, a secret key from the environment or no start at all, secure cookies."""

from __future__ import annotations

from config import env
from config.settings.base import *  # noqa: F403

DEBUG = env.flag("OPENECF_DEBUG", False)
SECRET_KEY = env.required("OPENECF_SECRET_KEY")
ALLOWED_HOSTS = env.listing("OPENECF_ALLOWED_HOSTS", [])
SESSION_COOKIE_SECURE = env.flag("OPENECF_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Never the demo's mail viewer in production, whatever the environment says.
OPENECF_DEMO_MAILDIR = ""
