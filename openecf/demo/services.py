"""Load the demo: idempotent, through the same services an operator's commands use (so it is audited)."""

from __future__ import annotations

from datetime import timedelta

from openecf.accounts.models import PacerAccount
from openecf.accounts.services import create_pacer_account
from openecf.audit.context import Origin
from openecf.clerks.services import grant_membership
from openecf.cmecf.models import EcfAccount, login_key
from openecf.cmecf.services import create_ecf_account
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
        if EcfAccount.objects.filter(court=court, login_key=login_key(ecf.login)).exists():
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
    court = Court.objects.get(pk=data.CLERK_COURT)
    for clerk in data.CLERKS:
        account = PacerAccount.objects.with_username(clerk.username).first()
        if account is None:
            account = create_pacer_account(
                username=clerk.username, name=clerk.name, email=clerk.email, password=data.PACER_PASSWORD, origin=DEMO
            )
            created.append(f"PACER account {clerk.username}")
        if grant_membership(account=account, courts=[court], origin=DEMO):
            created.append(f"clerk {clerk.username} at {court.pk}")
    return created
