"""Production settings: no start without a secret key, `check --deploy` clean, HTTPS only, HSTS, CSP, secure cookies."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from pathlib import Path

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
