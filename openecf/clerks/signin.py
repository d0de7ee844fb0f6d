"""The clerk's desk's way in: the sign-in machine's DESK profile (a clerk with an authenticator app: password,
then the app's code) and its door (openecf/signon/staff.py: the two pages and a session of the desk's own).

Declared here, not in openecf/signon, because who may take it is decided here (``is_clerk``: a clerk membership),
and the sign-in sits in a layer below the desk.
"""

from __future__ import annotations

from openecf.audit.events import Event
from openecf.clerks.scope import is_clerk
from openecf.signon import machine, staff

PROFILE = machine.Profile(
    name="desk",
    events=machine.SignInEvents(Event.CLERK_LOGIN_FAILED, Event.CLERK_LOGIN_REFUSED, Event.CLERK_LOGIN_SUCCEEDED),
    where="clerk-login",
    needs_app=True,
    filers_enrol=False,
    asks_redaction=False,
    admits=is_clerk,
    urls=((machine.Step.PASSWORD, "clerks:login"), (machine.Step.CODE, "clerks:login_code")),
)
DESK = staff.StaffDoor(
    profile=PROFILE,
    session_key="openecf.clerk",
    home="clerks:home",
    login_template="clerks/login.html",
    code_template="clerks/login_code.html",
    no_app_template="clerks/login_needs_app.html",
    logout_event=Event.CLERK_LOGOUT,
)
