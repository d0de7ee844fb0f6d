"""Failure counters for throttled guessing, when the database is the store (the default; Redis is the other)."""

from __future__ import annotations

from django.db import models


class Scope(models.TextChoices):
    ACCOUNT = "account", "Target account (PACER username or court CM/ECF login)"
    PACER = "pacer", "PACER account making link attempts"
    ADDRESS = "address", "Client address"
    KNOWN = "known", "Address that signed in to an account before"


class ThrottleRecord(models.Model):
    key = models.CharField(
        max_length=64, unique=True, help_text="Keyed hash of scope and subject; usernames typed are never stored."
    )
    scope = models.CharField(max_length=8, choices=Scope.choices, help_text="What is being counted.")
    failures = models.PositiveIntegerField(default=0, help_text="Consecutive failed attempts.")
    last_failure_at = models.DateTimeField(null=True, blank=True, help_text="When the latest failure happened.")
    locked_until = models.DateTimeField(
        null=True, blank=True, help_text="No attempt is checked before this time (the growing back-off)."
    )
    remembered_until = models.DateTimeField(
        null=True, blank=True, help_text="For a known address: trusted to sign in to that account until then."
    )

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(scope__in=Scope.values), name="throttle_scope_valid")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key[:8]}: {self.failures} failure(s)"
