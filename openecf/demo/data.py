"""The people and courts of the five court guides, as demo data. The README lists the same accounts."""

from __future__ import annotations

from dataclasses import dataclass

PACER_PASSWORD = "Central-SignOn-2026!"
SCHEDULED_COURT = "ilnd"  # goes live SCHEDULED_AFTER_DAYS after the demo is loaded
SCHEDULED_AFTER_DAYS = 90
CURRENTGEN_COURT = "nysd"  # no NextGen date: the old court login still works there


@dataclass(frozen=True)
class DemoPacer:
    username: str
    name: str
    email: str
    shared: bool = False
    legacy: bool = False


@dataclass(frozen=True)
class DemoEcf:
    court: str
    login: str
    name: str
    email: str
    password: str
    role: str = "attorney"
    active: bool = True


PACER_ACCOUNTS = [
    DemoPacer("jattorney", "John Attorney", "jattorney@example.com"),
    DemoPacer("asample22", "Attorney Sample", "asample@example.com"),
    DemoPacer("jpublic01", "John Public", "jpublic@example.com"),
    DemoPacer("mviewer01", "Mary Viewer", "mviewer@example.com"),
    DemoPacer("smithfirm", "Smith & Jones LLP", "records@smithjones.example.com", shared=True),
    DemoPacer("jdoe01", "Jane Doe", "jdoe@example.com", legacy=True),
    DemoPacer("ppara2026", "Pat Paralegal", "ppara@example.com"),
]

# Two clerks of wiwd, so a link correction can be proposed by one and approved by the other. Same password as
# the PACER accounts; each must add an authenticator app (PACER Login and Security) before the desk opens.
CLERK_COURT = "wiwd"
CLERKS = [
    DemoPacer("wiwdclerk1", "Clara Clerk", "clara.clerk@wiwd.example.com"),
    DemoPacer("wiwdclerk2", "Carl Deputy", "carl.deputy@wiwd.example.com"),
]

ECF_ACCOUNTS = [
    DemoEcf("wied", "cs5184", "John Attorney", "jattorney@example.com", "wied-ecf-5184"),
    DemoEcf("alnd", "cs5184", "John Attorney", "jattorney@example.com", "alnd-ecf-5184"),
    DemoEcf("ca8", "jattorney8", "John Attorney", "jattorney@example.com", "ca8-ecf-attorney"),
    DemoEcf(CURRENTGEN_COURT, "jattorney", "John Attorney", "jattorney@example.com", "nysd-ecf-attorney"),
    DemoEcf(SCHEDULED_COURT, "jattorney", "John Attorney", "jattorney@example.com", "ilnd-ecf-attorney"),
    DemoEcf("wiwd", "asample", "Attorney Sample", "asample@example.com", "wiwd-ecf-sample"),
    DemoEcf("wiwd", "jdoe", "Jane Doe", "jdoe@example.com", "wiwd-ecf-doe"),
    DemoEcf("wiwd", "mattorney", "Maria Attorney", "mattorney@example.com", "wiwd-ecf-maria"),
    DemoEcf("wiwd", "oldfiler", "Oliver Oldfiler", "ofiler@example.com", "wiwd-ecf-old", active=False),
    DemoEcf("wiwb", "testattycg3", "testattycg3 wivbcgA", "cg3@example.com", "wiwb-ecf-cg3"),
    DemoEcf("wied", "mviewer", "Mary Viewer", "mviewer@example.com", "wied-ecf-viewer", role="viewer"),
]
