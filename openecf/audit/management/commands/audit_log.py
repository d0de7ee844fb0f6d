"""List audit events, oldest first: ``python manage.py audit_log [--court C] [--event PREFIX] [--limit N]``."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from openecf.audit import selectors


def _since(raw: str) -> datetime:
    """Accept an ISO date/time, or a span back from now such as 30m, 12h, 7d."""
    units = {"m": "minutes", "h": "hours", "d": "days"}
    if raw[-1:] in units and raw[:-1].isdigit():
        return timezone.now() - timedelta(**{units[raw[-1]]: int(raw[:-1])})
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise CommandError(
            f"--since: expected a date such as 2026-11-23, a time, or a span like 12h; got {raw!r}", returncode=2
        ) from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, timezone.get_current_timezone())


class Command(BaseCommand):
    help = "List audit events (time, event, actor, court, IP, user agent, detail), oldest first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--court", help="Only events at this court id, e.g. wiwd.")
        parser.add_argument("--event", help="Only events whose name starts with this, e.g. link or login.failed.")
        parser.add_argument("--user", help="Only events of this username (as typed).")
        parser.add_argument("--since", help="Only events at or after this ISO time, or a span such as 24h or 7d.")
        parser.add_argument("--limit", type=int, default=0, help="Only the newest N events (0: all).")
        parser.add_argument("--json", action="store_true", help="One JSON object per line instead of columns.")

    def handle(self, *args: Any, **options: Any) -> None:
        qs = selectors.events(
            court_id=options["court"],
            event_prefix=options["event"],
            username=options["user"],
            since=_since(options["since"]) if options["since"] else None,
        )
        if options["limit"] < 0:
            raise CommandError("--limit must be 0 or more", returncode=2)
        events = list(qs.reverse()[: options["limit"]])[::-1] if options["limit"] else list(qs)
        for e in events:
            row = {
                "time": e.occurred_at.isoformat(timespec="seconds"),
                "event": e.event,
                "actor": e.username or "-",
                "court": e.court_id or "-",
                "ip": e.ip_address or "-",
                "user_agent": e.user_agent or "-",
                "detail": e.detail,
            }
            if options["json"]:
                self.stdout.write(json.dumps(row, sort_keys=True))
            else:
                detail = " ".join(f"{k}={v}" for k, v in sorted(e.detail.items()))
                self.stdout.write(
                    "\t".join([row["time"], e.event, row["actor"], row["court"], row["ip"], row["user_agent"], detail])
                )
        if not options["json"]:
            self.stderr.write(f"{len(events)} event(s)")
