"""Every MFA write: enrol, remove, backup codes, e-mailed codes, skips; each audited in its transaction.

Codes are checked here and nowhere else. A TOTP code is accepted for the current 30-second step or one step
either side (clock drift), and only once: an authenticator remembers the last step it accepted and a
conditional UPDATE refuses that step or an older one, so two requests racing with the same code cannot
both pass.
"""

from __future__ import annotations

import base64
import hmac
import io
import re
import secrets
import time
from datetime import timedelta

import pyotp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.core.single_use import Scheme, six_digits
from openecf.mfa import selectors
from openecf.mfa.models import (
    BACKUP_CODE_COUNT,
    MAX_AUTHENTICATORS,
    Authenticator,
    BackupCode,
    EmailCode,
    EmailCodePurpose,
    EnrolmentSkips,
)
from openecf.notices import mail
from openecf.throttle import services as throttle

STEP_SECONDS = 30
EMAIL_CODE_MINUTES = 15
EMAIL_CODE_MAX_ATTEMPTS = 5
EMAIL_CODES: Scheme[EmailCode] = Scheme(
    EmailCode, make_secret=six_digits, keyed_as="openecf.mfa.email", wrong_tries=EMAIL_CODE_MAX_ATTEMPTS
)
_BACKUP_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: read off paper without doubt
_TOTP_FORMAT = re.compile(r"^[0-9]{6}$")
_BACKUP_FORMAT = re.compile(rf"^[{_BACKUP_ALPHABET}]{{10}}$")


class MfaError(Exception):
    """A refusal with the sentence the account holder should read."""


def _keyed(purpose: str, value: str) -> str:
    return salted_hmac(f"openecf.mfa.{purpose}", value, algorithm="sha256").hexdigest()


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def _now_step() -> int:
    return int(time.time() // STEP_SECONDS)


def matching_step(secret: str, code: str) -> int | None:
    """The time step (now, or one either side) whose code this is, if any."""
    if not _TOTP_FORMAT.match(code):
        return None
    totp = pyotp.TOTP(secret)
    step = _now_step()
    for candidate in (step, step - 1, step + 1):
        if hmac.compare_digest(totp.at(candidate * STEP_SECONDS), code):
            return candidate
    return None


def new_secret() -> str:
    return pyotp.random_base32(32)


def provisioning_uri(account: PacerAccount, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account.username, issuer_name=settings.OPENECF_MFA_ISSUER)


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG markup: drawn by the app, no third party sees the secret."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def qr_data_uri(uri: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(uri).encode()).decode()


# --- Checking a code -------------------------------------------------------------------------------------


def _use_totp(account: PacerAccount, code: str) -> tuple[bool, bool]:
    """(accepted, replayed)."""
    replayed = False
    for authenticator in selectors.authenticators(account):
        step = matching_step(authenticator.secret, code)
        if step is None:
            continue
        if Authenticator.objects.filter(pk=authenticator.pk, last_used_step__lt=step).update(last_used_step=step):
            return True, False
        replayed = True
    return False, replayed


def _use_backup(account: PacerAccount, code: str) -> bool:
    return bool(
        BackupCode.objects.filter(account=account, digest=_keyed("backup", code), used_at__isnull=True).update(
            used_at=timezone.now()
        )
    )


def verify_code(*, account: PacerAccount, code: str, origin: Origin, where: str) -> str | None:
    """Check and use up a one-time code (authenticator app or backup code). Returns "totp", "backup" or None.

    A failure is audited (mfa.failed, with why) in its own transaction, so it survives the refusal. Guesses are
    throttled per account and address: raises throttle.Throttled, without checking the code, after too many.
    """
    attempt = throttle.otp_attempt(account_id=account.pk, origin=origin)
    reading = throttle.check(attempt)
    normalised = _normalise(code)
    method: str | None = None
    reason = "malformed"
    with transaction.atomic():
        if _TOTP_FORMAT.match(normalised):
            accepted, replayed = _use_totp(account, normalised)
            method = "totp" if accepted else None
            reason = "replayed" if replayed else "wrong"
        elif _BACKUP_FORMAT.match(normalised):
            method = "backup" if _use_backup(account, normalised) else None
            reason = "wrong"
        if method == "backup":
            audit.record(event=Event.MFA_BACKUP_CODE_USED, origin=origin, actor=account, where=where)
    if method is None:
        throttle.failed(attempt, origin=origin)
        with transaction.atomic():
            audit.record(event=Event.MFA_FAILED, origin=origin, actor=account, reason=reason, where=where)
    else:
        throttle.succeeded(attempt, reading=reading)
    return method


def _verify_or_refuse(*, account: PacerAccount, code: str, origin: Origin, where: str) -> None:
    try:
        method = verify_code(account=account, code=code, origin=origin, where=where)
    except throttle.Throttled as throttled:
        raise MfaError(throttled.message) from None
    if method is None:
        raise MfaError("That code is not valid. Enter a current code from one of your apps, or a backup code.")


# --- E-mailed codes (needed to add an authenticator app) ---------------------------------------------------


def send_email_code(*, account: PacerAccount, origin: Origin) -> None:
    with transaction.atomic():
        _, code = EMAIL_CODES.issue(  # one live code at a time: issuing voids the last
            holder={"account": account, "purpose": EmailCodePurpose.ADD_AUTHENTICATOR},
            lifetime=timedelta(minutes=EMAIL_CODE_MINUTES),
        )
        mail.send(
            kind="mfa.email_code",
            to=[account.email],
            context={"account": account, "code": code, "minutes": EMAIL_CODE_MINUTES},
        )
        audit.record(event=Event.MFA_EMAIL_CODE_SENT, origin=origin, actor=account)


def check_email_code(*, account: PacerAccount, code: str, origin: Origin) -> bool:
    """Use up the e-mailed code. Five wrong entries void it; wrong entries across codes are throttled too (a new
    code does not buy new guesses). Raises throttle.Throttled, without checking the code, after too many."""
    attempt = throttle.email_code_attempt(account_id=account.pk, origin=origin)
    reading = throttle.check(attempt)
    normalised = _normalise(code)
    with transaction.atomic():
        used, live = EMAIL_CODES.use_code(normalised, holder={"account": account})
        accepted = used is not None
        if not accepted:
            audit.record(
                event=Event.MFA_FAILED,
                origin=origin,
                actor=account,
                reason="wrong" if live else "expired",
                where="email-code",
            )
    if accepted:
        throttle.succeeded(attempt, reading=reading)
    else:
        throttle.failed(attempt, origin=origin)
    return accepted


# --- Authenticator apps -------------------------------------------------------------------------------------


def _announce(account: PacerAccount, *, kind: str, **context: object) -> None:
    mail.send(kind=kind, to=[account.email], context={"account": account, **context})


def _new_backup_codes(account: PacerAccount) -> list[str]:
    BackupCode.objects.filter(account=account).delete()
    codes = ["".join(secrets.choice(_BACKUP_ALPHABET) for _ in range(10)) for _ in range(BACKUP_CODE_COUNT)]
    BackupCode.objects.bulk_create([BackupCode(account=account, digest=_keyed("backup", code)) for code in codes])
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def add_authenticator(
    *, account: PacerAccount, name: str, secret: str, code: str, origin: Origin
) -> tuple[Authenticator, list[str]]:
    """Confirm a new app by its first code. Returns it and, for the first app, the 10 backup codes (shown once)."""
    name = " ".join(name.split())[:40] or "Authenticator app"
    step = matching_step(secret, _normalise(code))
    if step is None:
        with transaction.atomic():
            audit.record(event=Event.MFA_FAILED, origin=origin, actor=account, reason="wrong", where="enrolment")
        raise MfaError(
            "That code does not match. Check that your device's clock is right and enter the 6-digit code the app "
            "shows now."
        )
    try:
        with transaction.atomic():
            PacerAccount.objects.select_for_update().filter(pk=account.pk).first()  # serialise enrolments
            if selectors.authenticators(account).count() >= MAX_AUTHENTICATORS:
                raise MfaError(f"You already have {MAX_AUTHENTICATORS} authenticator apps. Remove one first.")
            first = not selectors.is_enrolled(account)
            now = timezone.now()
            authenticator = Authenticator.objects.create(
                account=account, name=name, secret=secret, created_at=now, confirmed_at=now, last_used_step=step
            )
            codes = _new_backup_codes(account) if first else []
            audit.record(event=Event.MFA_ENROLLED, origin=origin, actor=account, authenticator=name, first=first)
            _announce(account, kind="mfa.enrolled", name=name, at=timezone.localtime(now))
    except IntegrityError:
        raise MfaError(f'You already have an app called "{name}". Choose another name.') from None
    return authenticator, codes


def remove_authenticator(*, account: PacerAccount, authenticator_id: int, code: str, origin: Origin) -> None:
    authenticator = selectors.authenticators(account).filter(pk=authenticator_id).first()
    if authenticator is None:
        raise MfaError("That authenticator app is not on your account.")
    if selectors.authenticators(account).count() == 1 and selectors.mfa_required(account):
        raise MfaError(
            "Accounts with filing access must keep at least one authenticator app. Add the new one first, "
            "then remove this one."
        )
    _verify_or_refuse(account=account, code=code, origin=origin, where="remove-authenticator")
    with transaction.atomic():
        Authenticator.objects.filter(pk=authenticator.pk).delete()
        if not selectors.is_enrolled(account):
            BackupCode.objects.filter(account=account).delete()
        audit.record(event=Event.MFA_REMOVED, origin=origin, actor=account, authenticator=authenticator.name)
        _announce(account, kind="mfa.removed", name=authenticator.name)


def regenerate_backup_codes(*, account: PacerAccount, code: str, origin: Origin) -> list[str]:
    if not selectors.is_enrolled(account):
        raise MfaError("Add an authenticator app first; backup codes come with it.")
    _verify_or_refuse(account=account, code=code, origin=origin, where="backup-codes")
    with transaction.atomic():
        codes = _new_backup_codes(account)
        audit.record(event=Event.MFA_BACKUP_CODES_REPLACED, origin=origin, actor=account)
        _announce(account, kind="mfa.backup_codes_replaced", count=BACKUP_CODE_COUNT)
    return codes


def record_skip(*, account: PacerAccount, origin: Origin, where: str) -> int:
    """An unenrolled filer signs in without MFA once more. Returns the skips left afterwards."""
    with transaction.atomic():
        EnrolmentSkips.objects.get_or_create(account=account)
        EnrolmentSkips.objects.filter(account=account).update(used=F("used") + 1)
        left = selectors.skips_left(account)
        audit.record(event=Event.MFA_SKIPPED, origin=origin, actor=account, skips_left=left, where=where)
    return left
