"""Queries compiled once per process give the same answers as the QuerySet they come from, for any arguments."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from conftest import make_pacer
from openecf.accounts.models import PacerAccount
from openecf.core.compiled import Compiled, CompiledInsert, CompiledUpdate
from openecf.courts.models import Court
from openecf.signon import cso_tokens
from openecf.signon.models import CsoToken, TokenOrigin

pytestmark = pytest.mark.django_db


def test_each_call_runs_with_its_own_arguments() -> None:
    make_pacer("jattorney", "John Attorney")
    make_pacer("asample22", "Attorney Sample")
    by_username: Compiled[PacerAccount] = Compiled(lambda name: PacerAccount.objects.with_username(name), str)
    assert [a.name for a in by_username.instances("JATTORNEY")] == ["John Attorney"]
    assert [a.name for a in by_username.instances("asample22")] == ["Attorney Sample"]
    assert by_username.instances("nobody") == []


def test_rows_come_back_by_column_alias() -> None:
    account = make_pacer("jattorney", "John Attorney")
    names: Compiled[PacerAccount] = Compiled(
        lambda pk: PacerAccount.objects.filter(pk=pk).values("username", "name"),  # type: ignore[arg-type,return-value]
        int,
    )
    assert names.rows(account.pk) == [{"username": "jattorney", "name": "John Attorney"}]
    assert names.rows(account.pk + 1000) == []


def test_instances_are_whole_models_with_their_field_types() -> None:
    by_id: Compiled[Court] = Compiled(lambda court_id: Court.objects.filter(pk=court_id), str)
    (court,) = by_id.instances("wiwd")
    assert court == Court.objects.get(pk="wiwd")
    assert court.nextgen_go_live == Court.objects.get(pk="wiwd").nextgen_go_live  # a date, not a string


def test_select_related_comes_back_in_the_same_query(django_assert_num_queries: object) -> None:
    account = make_pacer("jattorney", "John Attorney")
    raw = cso_tokens.issue(account=account, origin=TokenOrigin.API)
    by_digest: Compiled[CsoToken] = Compiled(
        lambda digest: CsoToken.objects.filter(digest=digest).select_related("account"), str
    )
    by_digest.first("warm up: compile outside the count")
    with django_assert_num_queries(1):  # type: ignore[operator]
        token = by_digest.first(cso_tokens.digest_of(raw))
        assert token is not None
        assert token.account.username == "jattorney" and token.account.pk == account.pk
    assert token.expires_at == CsoToken.objects.get(pk=token.pk).expires_at  # a datetime, not a string


def test_a_wrong_argument_is_refused_before_any_query() -> None:
    by_id: Compiled[Court] = Compiled(lambda court_id: Court.objects.filter(pk=court_id), str)
    with pytest.raises(TypeError):
        by_id.instances(7)
    with pytest.raises(TypeError):
        by_id.instances()


def test_a_query_whose_shape_depends_on_the_argument_is_refused() -> None:
    # The placeholder must appear exactly once in the SQL's parameters.
    twice = Compiled(
        lambda name: PacerAccount.objects.filter(username=name) | PacerAccount.objects.filter(name=name), str
    )
    with pytest.raises(ValueError, match="appears 2 times"):
        twice.instances("x")


def test_a_compiled_insert_writes_what_save_writes() -> None:
    from openecf.audit.models import AuditEvent

    insert: CompiledInsert[AuditEvent] = CompiledInsert(AuditEvent)
    event = insert.insert(AuditEvent(event="login.failed", username="guess", detail={"reason": "throttled"}))
    insert.insert(AuditEvent(event="login.failed", username="another"))  # the compiled statement, run again
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.event, stored.username, stored.detail) == ("login.failed", "guess", {"reason": "throttled"})
    assert event.txn == stored.txn  # the database's default, read back as save() reads it
    assert event.occurred_at == stored.occurred_at and not event._state.adding
    with pytest.raises(ValueError, match="takes a new AuditEvent"):
        insert.insert(stored)


def test_a_compiled_update_writes_what_save_with_update_fields_writes() -> None:
    account = make_pacer("jattorney", "John Attorney")
    other = make_pacer("asample22", "Attorney Sample")
    update: CompiledUpdate[PacerAccount] = CompiledUpdate(PacerAccount, ["last_login", "name"])
    moment = datetime(2026, 11, 30, 21, 15, 7, 123456, tzinfo=UTC)
    account.last_login, account.name = moment, "John Q. Attorney"
    account.email = "changed@example.com"  # not one of the fields: left as stored
    assert update.update(account) == 1
    stored = PacerAccount.objects.get(pk=account.pk)
    assert (stored.last_login, stored.name, stored.email) == (moment, "John Q. Attorney", "jattorney@example.com")
    assert PacerAccount.objects.get(pk=other.pk).last_login is None  # only the instance's own row
    other.pk = other.pk + 1_000_000  # a row that is not there
    assert update.update(other) == 0


def test_a_compiled_update_refuses_unsaved_rows_and_key_fields() -> None:
    update: CompiledUpdate[PacerAccount] = CompiledUpdate(PacerAccount, ["last_login"])
    with pytest.raises(ValueError, match="saved PacerAccount"):
        update.update(PacerAccount(username="new"))
    with pytest.raises(ValueError, match="non-key"):
        CompiledUpdate(PacerAccount, ["id"])
