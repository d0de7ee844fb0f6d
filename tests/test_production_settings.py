"""Production settings: no start without a secret key, `check --deploy` clean, HTTPS only, HSTS, CSP, secure cookies.

They are also what manage.py, wsgi and asgi use when DJANGO_SETTINGS_MODULE is unset: the demo (debug, a public key,
demo accounts on the login page) is only ever chosen explicitly.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _production(
    *args: str, secret: bool = True, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **(extra or {}),
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "OPENECF_ALLOWED_HOSTS": "ecf.wied.example.gov,testserver",
        "DATABASE_URL": "sqlite://:memory:",
    }
    if secret:
        env["OPENECF_SECRET_KEY"] = secrets.token_urlsafe(64)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _production("check", secret=False)
    assert result.returncode != 0
    assert "OPENECF_SECRET_KEY must be set in the environment" in result.stderr


def test_check_deploy_is_clean() -> None:
    result = _production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PAGES = """
import json
from django.test import Client
plain = Client().get("/login/")
secure = Client().get("/login/", secure=True)
cookie = secure.cookies["csrftoken"]
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location", "")],
    "hsts": secure.get("Strict-Transport-Security", ""),
    "csp": secure.get("Content-Security-Policy", ""),
    "frames": secure.get("X-Frame-Options", ""),
    "cookie": [bool(cookie["secure"]), bool(cookie["httponly"]), cookie["samesite"]],
}))
"""


def test_pages_are_https_only_with_hsts_csp_and_secure_cookies(tmp_path: Path) -> None:
    static = {"OPENECF_STATIC_ROOT": str(tmp_path)}
    assert _production("collectstatic", "--noinput", "-v", "0", extra=static).returncode == 0
    result = _production("shell", "-c", PAGES, extra=static)
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout.strip().splitlines()[-1])
    assert page["plain"] == [301, "https://testserver/login/"]
    assert page["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in page["csp"] and "frame-ancestors 'none'" in page["csp"]
    assert page["frames"] == "DENY"
    assert page["cookie"] == [True, True, "Lax"]


# --- Without DJANGO_SETTINGS_MODULE: production, so no key, no start ------------------------------------------


def _unchosen(
    args: list[str], *, settings: str | None = None, secret: str | None = None
) -> subprocess.CompletedProcess[str]:
    """A process started with a bare environment: no settings module and no key unless given."""
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite://:memory:", "OPENECF_ALLOWED_HOSTS": "testserver"}
    if settings is not None:
        env["DJANGO_SETTINGS_MODULE"] = settings
    if secret is not None:
        env["OPENECF_SECRET_KEY"] = secret
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


# What the application modules report once loaded: the settings module Django used and whether debug is on.
LOADED = (
    "import json, os, {module}; from django.conf import settings; "
    "print(json.dumps([os.environ['DJANGO_SETTINGS_MODULE'], settings.DEBUG, callable({module}.application)]))"
)


def test_manage_py_without_a_settings_module_is_production_and_needs_the_key() -> None:
    result = _unchosen(["manage.py", "check"])
    assert result.returncode == 1
    assert "django.core.exceptions.ImproperlyConfigured: OPENECF_SECRET_KEY must be set in the environment" in (
        result.stderr
    )
    assert "System check identified" not in result.stdout


@pytest.mark.parametrize("module", ["config.wsgi", "config.asgi"])
def test_the_application_without_a_settings_module_is_production_and_needs_the_key(module: str) -> None:
    result = _unchosen(["-c", LOADED.format(module=module)])
    assert result.returncode == 1
    assert result.stdout == ""
    assert "django.core.exceptions.ImproperlyConfigured: OPENECF_SECRET_KEY must be set in the environment" in (
        result.stderr
    )


@pytest.mark.parametrize("module", ["config.wsgi", "config.asgi"])
def test_the_application_without_a_settings_module_but_with_a_key_is_production(module: str) -> None:
    result = _unchosen(["-c", LOADED.format(module=module)], secret=secrets.token_urlsafe(64))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["config.settings.production", False, True]


@pytest.mark.parametrize("module", ["config.wsgi", "config.asgi"])
def test_the_demo_is_chosen_explicitly(module: str) -> None:
    result = _unchosen(["-c", LOADED.format(module=module)], settings="config.settings.demo")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["config.settings.demo", True, True]


def test_manage_py_check_with_the_demo_chosen_explicitly() -> None:
    result = _unchosen(["manage.py", "check"], settings="config.settings.demo")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "System check identified no issues (0 silenced).\n"


BASE_ALONE = """
import json
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
try:
    key = settings.SECRET_KEY
except ImproperlyConfigured as error:
    key = str(error)
print(json.dumps([settings.DEBUG, key, settings.OPENECF_DEMO_MAILDIR]))
"""


def test_the_shared_base_settings_alone_are_no_demo() -> None:
    # Debug off, no key (Django refuses to sign with an empty one), no demo mail viewer, whatever the demo sets.
    result = _unchosen(["manage.py", "shell", "-c", BASE_ALONE], settings="config.settings.base")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        False,
        "The SECRET_KEY setting must not be empty.",
        "",
    ]
