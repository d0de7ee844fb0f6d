"""Shared by the Case Locator's tests: the stored cases they search, and pacersdk 0.1.1's client pointed here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pacersdk.client import PCLClient

from conftest import PACER_PASSWORD, TEST_ORIGIN
from openecf.cases import services as cases
from openecf.cases.models import Case
from openecf.courts.models import Court


def stored_cases() -> dict[str, Case]:
    wiwd, wied, wiwb = (Court.objects.get(pk=pk) for pk in ("wiwd", "wied", "wiwb"))
    parker = cases.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    grey = cases.add_judge(court=wied, name="Helen Grey", origin=TEST_ORIGIN)
    made = {
        "smith": cases.open_case(
            court=wiwd,
            case_type="cv",
            title="Smith v. Acme Corp.",
            judge=parker,
            origin=TEST_ORIGIN,
            filed_on=date(2026, 3, 2),
            nature_of_suit="190 Contract: Other",
        ),
        "usa": cases.open_case(
            court=wied, case_type="cr", title="USA v. Jones", judge=grey, origin=TEST_ORIGIN, filed_on=date(2026, 4, 1)
        ),
        "acme_bk": cases.open_case(
            court=wiwb, case_type="bk", title="Acme Corp.", origin=TEST_ORIGIN, filed_on=date(2025, 11, 20)
        ),
    }
    cases.add_party(case=made["smith"], name="John Smith", role="plaintiff", origin=TEST_ORIGIN)
    cases.add_party(case=made["smith"], name="Acme Corp.", role="defendant", origin=TEST_ORIGIN)
    cases.add_party(case=made["usa"], name="Robert Jones", role="defendant", origin=TEST_ORIGIN)
    cases.add_party(case=made["acme_bk"], name="Acme Corp.", role="debtor", origin=TEST_ORIGIN)
    return made


def pcl_client(live_server: Any, tmp_path: Path, username: str, client_code: str | None = None) -> PCLClient:
    config = tmp_path / "pcl.json"
    config.write_text(json.dumps({"openecf": {"authenticationurl": live_server.url, "pclapiurl": live_server.url}}))
    return PCLClient(username, PACER_PASSWORD, environment="openecf", config_path=str(config), client_code=client_code)
