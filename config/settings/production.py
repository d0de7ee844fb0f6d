"""Production: no debug, a secret key from the environment or no start at all, HTTPS only, HSTS and CSP.

``manage.py check --deploy`` is clean with these settings (a test keeps it so). Static files are served by the app
itself (WhiteNoise, from ``collectstatic``'s compressed, fingerprinted copies), so one process needs no web server
in front of it except for TLS.
"""

from __future__ import annotations

from csp.constants import NONE, SELF

from config import env
from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES, MIDDLEWARE

DEBUG = env.flag("OPENECF_DEBUG", False)
SECRET_KEY = env.required("OPENECF_SECRET_KEY")
ALLOWED_HOSTS = env.listing("OPENECF_ALLOWED_HOSTS", [])
# A sync worker serves one request at a time, so one connection each can stay open between requests: opening a
# PostgreSQL connection costs a backend process start, more than a whole page (docs/performance.md).
DATABASES["default"]["CONN_MAX_AGE"] = env.integer("OPENECF_DB_CONN_MAX_AGE", 300)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
SESSION_COOKIE_SECURE = env.flag("OPENECF_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Never the demo's mail viewer in production, whatever the environment says.
OPENECF_DEMO_MAILDIR = ""

# HTTPS only. Behind a TLS-terminating proxy, OPENECF_BEHIND_TLS_PROXY=1 trusts its X-Forwarded-Proto header
# (only set it when the proxy overwrites that header, or clients could claim HTTPS).
SECURE_SSL_REDIRECT = env.flag("OPENECF_SSL_REDIRECT", True)
# Load balancers probe over plain HTTP on the private side.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env.flag("OPENECF_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("OPENECF_HSTS_SECONDS", 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

_node, _security, *_rest = MIDDLEWARE
MIDDLEWARE = [
    _node,  # the node's name on every response, the static files' and the redirects' too
    _security,  # SecurityMiddleware next: redirects and HSTS before anything else
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "openecf.core.csp.CachedCSPMiddleware",  # django-csp's, its header built once (openecf/core/csp.py)
    *_rest,
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Every page is server-rendered with one stylesheet and no scripts: nothing but our own origin is needed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
