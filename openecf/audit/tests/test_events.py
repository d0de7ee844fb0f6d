"""The registry of audit event names: complete, described, the only names written, and its page in docs."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from conftest import TEST_ORIGIN
from openecf.audit import services as audit
from openecf.audit.events import Category, Event, UnknownEvent, in_categories, known
from openecf.audit.models import AuditEvent

ROOT = Path(__file__).resolve().parents[3]
CODE = ROOT / "openecf"
REGISTRY = CODE / "audit" / "events.py"
DOC = ROOT / "docs" / "audit-events.md"
NAME = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)?$")  # what the audit-log filter's prefixes expect
WRITERS = {"record", "record_many"}  # audit's writers; outside tests AuditEvent(...) too (tests forge rows with it)


def _sources(*, tests: bool) -> list[Path]:
    # bench/ too: the benchmark loader writes its own event, from outside the installed apps.
    return [
        path
        for path in sorted([*CODE.rglob("*.py"), *(CODE.parent / "bench").rglob("*.py")])
        if "migrations" not in path.parts and path != REGISTRY and (tests or "tests" not in path.parts)
    ]


def _literal(node: ast.AST) -> bool:
    """A name written out rather than taken from the registry: a string, an f-string, or a choice of them."""
    if isinstance(node, ast.IfExp):
        return _literal(node.body) or _literal(node.orelse)
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


@pytest.mark.django_db
def test_record_refuses_a_name_not_in_the_registry_and_writes_nothing() -> None:
    before = AuditEvent.objects.count()
    typo: str = "account.locked"  # as a caller that skipped the registry would pass it
    with pytest.raises(UnknownEvent) as refused:
        audit.record(event=typo, origin=TEST_ORIGIN, username="someone1")  # type: ignore[arg-type]
    assert str(refused.value) == (
        "'account.locked' is not an audit event: add it to Event in openecf/audit/events.py with its category and "
        "meaning, then regenerate docs/audit-events.md."
    )
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_record_takes_a_registered_name_and_stores_its_string() -> None:
    recorded = audit.record(event=Event.THROTTLE_LOCKED, origin=TEST_ORIGIN, username="someone1")
    stored = AuditEvent.objects.get(pk=recorded.pk)
    assert (type(stored.event), stored.event) == (str, "throttle.locked")
    assert known("throttle.locked") is Event.THROTTLE_LOCKED


def test_every_event_has_a_one_line_meaning_a_category_and_a_storable_name() -> None:
    room = AuditEvent._meta.get_field("event").max_length
    assert room == 64
    for event in Event:
        assert NAME.match(event.value) and len(event.value) <= room, event
        assert isinstance(event.category, Category), event
        assert event.meaning.endswith(".") and "\n" not in event.meaning and len(event.meaning) > 20, event
    assert len({event.value for event in Event}) == len(Event)


def test_every_category_is_described_and_used() -> None:
    for category in Category:
        assert str(category.label).endswith("."), category
        assert in_categories(category), f"no event is a {category.value}"


def test_the_dashboard_reads_refusals_and_lockouts_from_the_registry() -> None:
    from openecf.clerks.selectors import REFUSAL_EVENTS

    assert set(REFUSAL_EVENTS) == {e for e in Event if e.category in (Category.REFUSAL, Category.LOCKOUT)}
    assert {Event.LINK_REFUSED, Event.LOGIN_FAILED, Event.ECF_LOGIN_FAILED, Event.MFA_FAILED} <= set(REFUSAL_EVENTS)
    assert Event.THROTTLE_LOCKED in REFUSAL_EVENTS and Event.LOGIN_SUCCEEDED not in REFUSAL_EVENTS


def test_no_event_name_is_written_as_a_string() -> None:
    """Every call that writes an event names it by a registry member, in tests too (mypy says so as well: record
    takes an Event); so does every ``*_event`` argument that carries one to such a call."""
    found = []
    for path in _sources(tests=True):
        writers = WRITERS if "tests" in path.parts else {*WRITERS, "AuditEvent"}
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            for keyword in node.keywords:
                if name in writers and keyword.arg == "event" and _literal(keyword.value):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(keyword.value)}")
                elif keyword.arg and keyword.arg.endswith("_event") and _literal(keyword.value):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {keyword.arg}={ast.unparse(keyword.value)}")
    assert found == []


def test_every_registered_event_is_written_somewhere() -> None:
    """The registry lists what the code can write, no more: a member nothing refers to is a name no longer used."""
    used = {
        node.attr
        for path in _sources(tests=False)
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path)))
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Event"
    }
    assert sorted(event.name for event in Event if event.name not in used) == []


# --- The registry as a document ---------------------------------------------------------------------------------


def events_markdown() -> str:
    lines = [
        "# Audit events",
        "",
        "Generated from the registry `openecf/audit/events.py` by `openecf/audit/tests/test_events.py` "
        "(`OPENECF_AUDIT_EVENTS_DOC=write .venv/bin/pytest openecf/audit/tests/test_events.py -k docs`); the same "
        "test fails when this page and the registry differ.",
        "",
        "Every audit event is written by `audit.record` under one of these names, which refuses any other "
        "(`UnknownEvent`). Each event also holds when it happened, the acting PACER account or the username as "
        "typed, the court, the CM/ECF account, the client's address and User-Agent, and a detail such as a refusal's "
        "reason (docs/security.md, section 7). The clerk's dashboard lists a court's recent refusals and lockouts: "
        "the events of those two categories.",
        "",
        "## Categories",
        "",
        "| Category | What happened | Events |",
        "| --- | --- | --- |",
        *[f"| `{c.value}` | {c.label} | {len(in_categories(c))} |" for c in Category],
        "",
        "## Events",
        "",
        "| Event | Category | Meaning |",
        "| --- | --- | --- |",
        *[f"| `{event.value}` | `{event.category.value}` | {event.meaning} |" for event in Event],
    ]
    return "\n".join(lines) + "\n"


def test_docs_audit_events_md_is_the_registry() -> None:
    if os.environ.get("OPENECF_AUDIT_EVENTS_DOC") == "write":
        DOC.write_text(events_markdown())
    assert DOC.read_text() == events_markdown(), (
        "docs/audit-events.md differs from the registry: OPENECF_AUDIT_EVENTS_DOC=write .venv/bin/pytest "
        "openecf/audit/tests/test_events.py -k docs"
    )
