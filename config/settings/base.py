"""Settings shared by every OpenECF configuration; never used alone.

``config.settings.production`` (what wsgi, asgi and manage.py use when DJANGO_SETTINGS_MODULE is unset) and
``config.settings.demo`` (``make run`` and the tests) build on this. Nothing here is insecure by default: debug is
off unless OPENECF_DEBUG says otherwise and there is no fallback secret key, so these settings alone never serve
the demo. Everything a deployment changes is read through ``config.env``; the variables are listed in the README.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env.flag("OPENECF_DEBUG", False)
# Tests turn it on: a menu page served from the per-process cache is rendered again and must match
# (openecf/cmecf/menu_pages.py). It doubles those pages' cost, so it stays off in production.
OPENECF_MENU_PAGE_CHECK = env.flag("OPENECF_MENU_PAGE_CHECK", False)
# No fallback: empty, Django refuses to sign anything. production.py refuses to start without OPENECF_SECRET_KEY;
# demo.py alone has a (public) key of its own.
SECRET_KEY = env.text("OPENECF_SECRET_KEY")
ALLOWED_HOSTS = env.listing("OPENECF_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

INSTALLED_APPS = [
    "openecf.signon.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "openecf.audit",
    "openecf.notices",
    "openecf.throttle",
    "openecf.courts",
    "openecf.accounts",
    "openecf.cmecf",
    "openecf.cases",
    "openecf.noticing",
    "openecf.filing",
    "openecf.reports",
    "openecf.billing",
    "openecf.locator",
    "openecf.documents",
    "openecf.signon",
    "openecf.mfa",
    "openecf.efile",
    "openecf.ecfpasswords",
    "openecf.clerks",
    "openecf.operations",
    "openecf.myaccount",
]

MIDDLEWARE = [
    # Outermost: every response, whoever wrote it, names the node that answered (OPENECF_NODE_NAME, below).
    "openecf.core.middleware.NodeNameMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "openecf.signon.middleware.CourtHostMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A court page's court, token and link in one statement, before the sign-on middleware checks the token.
    "openecf.cmecf.middleware.CourtPageMiddleware",
    "openecf.signon.middleware.CsoTokenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "openecf" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # {% static %} with each URL worked out once per process (base.html loads it).
            "libraries": {"openecf_static": "openecf.core.templatetags.openecf_static"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.text("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'openecf.sqlite3'}"),
        conn_max_age=env.integer("OPENECF_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The same backend with a health check that needs no round trip on a quiet connection (its docstring).
    DATABASES["default"]["ENGINE"] = "openecf.core.postgresql"
    # Parameters bound by the server, and a statement run five times on a connection prepared there: PostgreSQL
    # then neither parses nor plans the hot path's few statements again, which halved its CPU per login and per
    # court page (docs/performance.md). A transaction-pooling PgBouncer before 1.21 cannot carry prepared
    # statements: OPENECF_DB_PREPARED=0 turns both off (docs/deployment.md).
    if env.flag("OPENECF_DB_PREPARED", True):
        DATABASES["default"].setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": 5})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the e-mail worker and the web server use the demo database at the same time; IMMEDIATE makes
    # a write transaction take the lock up front so SELECT ... FOR UPDATE-style sections serialise.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Tests with serialized rollback (the browser tests) restore only the data migrations' rows (the courts); content
# types and permissions are recreated by Django itself after another transactional test's flush, and the audit
# log starts afresh (no migration writes audit events or seals, so there is nothing of it to restore).
TEST_NON_SERIALIZED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "openecf.audit"]

AUTH_USER_MODEL = "accounts.PacerAccount"
AUTHENTICATION_BACKENDS = ["openecf.accounts.backends.PacerAccountBackend"]
LOGIN_URL = "signon:login"

# Argon2id at an OWASP parameter set (7 MiB, 5 iterations, parallelism 1); see accounts/hashers.py.
PASSWORD_HASHERS = [
    "openecf.accounts.hashers.OwaspArgon2idHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Verify-only: hashes imported from a court's old CM/ECF system (import_ecf_accounts); each becomes Argon2id
    # at its first successful use.
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "openecf.accounts.passwords.PacerPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Database sessions without a lookup before each new key and with one write per login (openecf/core/sessions.py).
SESSION_ENGINE = "openecf.core.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.integer("OPENECF_SESSION_SECONDS", 8 * 60 * 60, minimum=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.text("OPENECF_STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "openecf" / "static"]
# Stored files (filed documents, once filing exists): one directory every app node sees (a shared volume in a
# cluster), so a document written through one node is served by any other.
MEDIA_ROOT = Path(env.text("OPENECF_STORAGE_ROOT", str(BASE_DIR / "var" / "storage")))

# This node's name, sent with every response as X-OpenECF-Node (openecf/core/middleware.py); empty: no header.
OPENECF_NODE_NAME = env.text("OPENECF_NODE_NAME")

# E-mail: "console" prints messages (the demo), "smtp" delivers through EMAIL_HOST:EMAIL_PORT.
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
EMAIL_BACKEND = _EMAIL_BACKENDS[env.text("OPENECF_EMAIL_BACKEND", "console")]
EMAIL_HOST = env.text("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env.text("OPENECF_FROM_EMAIL", "CM/ECF Notices <ecf-noreply@openecf.localhost>")

# The address e-mailed links start with, e.g. https://pacer.login.example.gov; empty: the address of the request
# (checked against ALLOWED_HOSTS).
OPENECF_SITE_URL = env.text("OPENECF_SITE_URL")
# The demo's local mail server stores what it receives here (a Maildir); /demo/mail/ shows it. Only demo.py sets
# it; empty: no such page.
OPENECF_DEMO_MAILDIR = ""

# How long the "Do you want to link these accounts?" step stays valid.
OPENECF_LINK_CONFIRM_MINUTES = env.integer("OPENECF_LINK_CONFIRM_MINUTES", 10, minimum=1)

# Central Sign-On tokens (the ``nextGenCSO`` value): an absolute lifetime and an idle timeout. The defaults are
# NIST SP 800-63B-4's for AAL2 sessions: re-authenticate at least every 24 hours and after 1 hour idle.
OPENECF_CSO_TOKEN_MAX_SECONDS = env.integer("OPENECF_CSO_TOKEN_MAX_SECONDS", 24 * 60 * 60, minimum=60)
OPENECF_CSO_TOKEN_IDLE_SECONDS = env.integer("OPENECF_CSO_TOKEN_IDLE_SECONDS", 60 * 60, minimum=60)

# Real host names: with a domain such as "uscourts.gov", pacer.login.<domain> serves sign-on and
# ecf.<court>.<domain> serves that court's CM/ECF site; the sign-on cookies are set for ".<domain>".
# Empty (the default): path-based URLs only (/ecf/<court>/...).
OPENECF_COURT_DOMAIN = env.text("OPENECF_COURT_DOMAIN").strip().strip(".").lower()
if OPENECF_COURT_DOMAIN:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, f".{OPENECF_COURT_DOMAIN}"]

# The operators' admin site (/admin/): off unless set; when on, only staff signed in with an authenticator app.
OPENECF_ADMIN = env.flag("OPENECF_ADMIN", False)

# Filed documents (openecf/cases/storage.py): a STORAGES alias (any django-storages backend), or empty for files
# under OPENECF_DOCUMENT_ROOT. OPENECF_PDF_MAX_MB is the size limit a court starts with; each court can change its own.
OPENECF_DOCUMENT_STORAGE = env.text("OPENECF_DOCUMENT_STORAGE")
OPENECF_DOCUMENT_ROOT = Path(env.text("OPENECF_DOCUMENT_ROOT", str(MEDIA_ROOT / "documents")))
OPENECF_PDF_MAX_MB = env.integer("OPENECF_PDF_MAX_MB", 35, minimum=1)
# The most pages a filed PDF may have, at every court (docs/decisions.md): longer documents are filed in parts.
OPENECF_PDF_MAX_PAGES = env.integer("OPENECF_PDF_MAX_PAGES", 5000, minimum=1)

# Multi-factor sign-on: how many times a filer who has no authenticator app may skip enrolment.
OPENECF_MFA_SKIPS = env.integer("OPENECF_MFA_SKIPS", 3)
OPENECF_MFA_ISSUER = env.text("OPENECF_MFA_ISSUER", "PACER (OpenECF)")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.text("OPENECF_LOG_LEVEL", "INFO")},
}
CSRF_FAILURE_VIEW = "openecf.signon.views.csrf_failure"

# The e-mail outbox worker: how long a claimed message is one worker's before another may retry it. Longer than
# any one SMTP conversation (EMAIL_TIMEOUT per step), or a slow send could be duplicated.
OPENECF_OUTBOX_LEASE_SECONDS = env.integer("OPENECF_OUTBOX_LEASE_SECONDS", 300, minimum=1)

# The proxies in front (load balancer, nginx) whose X-Forwarded-For is believed, as comma-separated networks. Empty:
# REMOTE_ADDR is the client. The throttle and the audit log take the client's address from openecf/core/addresses.py.
OPENECF_TRUSTED_PROXIES = env.networks("OPENECF_TRUSTED_PROXIES")

# Throttled guessing (openecf/throttle): counters in the database, or in Redis when REDIS_URL is set.
REDIS_URL = env.text("REDIS_URL")
OPENECF_THROTTLE_STORE = env.text("OPENECF_THROTTLE_STORE", "redis" if REDIS_URL else "database")
OPENECF_THROTTLE_REDIS_PREFIX = env.text("OPENECF_THROTTLE_REDIS_PREFIX", "openecf:throttle:")
if OPENECF_THROTTLE_STORE not in {"database", "redis"} or (OPENECF_THROTTLE_STORE == "redis" and not REDIS_URL):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("OPENECF_THROTTLE_STORE must be 'database', or 'redis' with REDIS_URL set")
