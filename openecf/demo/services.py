"""Load the demo: idempotent, through the same services an operator's commands use (so it is audited).

Only services of cmecf and below: the demo's clerks get their PACER accounts here and their court from the
clerks app's own command (``add_clerk``, which ``make demo`` runs after ``load_demo``), so the demo does not
reach up into the clerk's desk.
"""

from __future__ import annotations

from datetime import timedelta

from openecf.accounts.models import PacerAccount
from openecf.accounts.services import create_pacer_account
from openecf.audit.context import Origin
from openecf.cmecf.ecf_accounts import create_ecf_account
from openecf.cmecf.selectors import account_for_login
from openecf.courts.models import Court
from openecf.courts.services import set_nextgen_date
from openecf.demo import data
from openecf.demo.cases import load_demo_cases

DEMO = Origin(ip_address=None, user_agent="load_demo")


def load_demo() -> list[str]:
    """Create what is missing; returns one line per thing created."""
    created: list[str] = []
    scheduled = Court.objects.get(pk=data.SCHEDULED_COURT)
    if scheduled.nextgen_go_live is None:
        go_live = scheduled.local_date() + timedelta(days=data.SCHEDULED_AFTER_DAYS)
        set_nextgen_date(court=scheduled, go_live=go_live, origin=DEMO)
        created.append(f"court {scheduled.pk} scheduled to go live on {go_live}")
    for pacer in data.PACER_ACCOUNTS:
        if PacerAccount.objects.with_username(pacer.username).exists():
            continue
        create_pacer_account(
            username=pacer.username,
            name=pacer.name,
            email=pacer.email,
            password=data.PACER_PASSWORD,
            shared=pacer.shared,
            legacy=pacer.legacy,
            origin=DEMO,
        )
        created.append(f"PACER account {pacer.username}")
    created += _clerks()
    for ecf in data.ECF_ACCOUNTS:
        court = Court.objects.get(pk=ecf.court)
        if account_for_login(court, ecf.login) is not None:
            continue
        create_ecf_account(
            court=court,
            login=ecf.login,
            name=ecf.name,
            email=ecf.email,
            password=ecf.password,
            role=ecf.role,
            active=ecf.active,
            origin=DEMO,
        )
        created.append(f"CM/ECF account {ecf.court}:{ecf.login}")
    # The cases last: their attorneys of record are the CM/ECF accounts just created.
    return created + load_demo_cases()


def _clerks() -> list[str]:
    created = []
    for clerk in data.CLERKS:
        if not PacerAccount.objects.with_username(clerk.username).exists():
            create_pacer_account(
                username=clerk.username, name=clerk.name, email=clerk.email, password=data.PACER_PASSWORD, origin=DEMO
            )
            created.append(f"PACER account {clerk.username}")
    return created
