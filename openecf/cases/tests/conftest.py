"""What the cases tests share: a document store of their own and a civil case at wiwd with its people."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import TEST_ORIGIN, make_ecf
from openecf.cases import services
from openecf.cases.models import Case
from openecf.courts.models import Court


@pytest.fixture(autouse=True)
def document_root(settings: Any, tmp_path: Path) -> Path:
    """Each test stores its PDFs in a directory of its own, never in var/."""
    root = tmp_path / "documents"
    settings.OPENECF_DOCUMENT_ROOT = root
    settings.OPENECF_DOCUMENT_STORAGE = ""
    return root


@pytest.fixture
def wiwd(db: None) -> Court:
    return Court.objects.get(pk="wiwd")


@pytest.fixture
def civil_case(wiwd: Court) -> Case:
    judge = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    return services.open_case(court=wiwd, case_type="cv", title="Smith v. Acme Corp.", judge=judge, origin=TEST_ORIGIN)


@pytest.fixture
def attorney(db: None) -> Any:
    return make_ecf("wiwd", "asample", "Attorney Sample", "Old-Court-Password-1!")
