"""Django's database sessions, less the round trips that every login spent for nothing.

- A new key is drawn from one read of the CSPRNG (openecf/core/randomness.py), not 32 calls of secrets.choice.
- A new key is not first looked up: 32 random characters of [a-z0-9] (165 bits) do not collide, and the row is
  inserted with ``must_create`` anyway, which tries another key should the unique primary key ever refuse one.
- A session is deleted with one DELETE (Django's reads the row first).
- ``cycle_key`` (at every login, as protection against session fixation) deletes the old row at once but writes
  the new one only with the response, once, holding what the login put in it. Django's own inserts the new row
  straight away and updates it again at the response.
- A new session's row (one at every login) is inserted by an INSERT compiled once per process
  (openecf/core/compiled.py), in the same savepoint and with the same CreateError on a taken key as Django's.
- A login can write its new session's row inside its own transaction (``save_with_transaction``), so that it
  commits once, with its token and audit event, instead of again at the response; the response's save() then finds
  nothing new to write.
- A session key from a cookie is looked up only if made of the characters keys are made of (Django's check is its
  length alone): a NUL in it made PostgreSQL fail the request.
"""

from __future__ import annotations

from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, SessionBase
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db import IntegrityError, router, transaction

from openecf.core.compiled import CompiledInsert
from openecf.core.randomness import random_string

_KEY_CHARS = frozenset(VALID_KEY_CHARS)
_INSERT: CompiledInsert[Session] = CompiledInsert(Session)


class SessionStore(DatabaseSessionStore):
    # (key, contents) as last committed by save_with_transaction(); the response's save() skips the same again.
    _committed: tuple[str | None, dict[str, object]] | None = None
    _in_callers_transaction = False

    def _cached(self) -> dict[str, object] | None:
        return getattr(self, "_session_cache", None)

    def save_with_transaction(self) -> None:
        """Write the session's row now, in the caller's transaction. Once that commits, the response's save()
        has nothing left to write unless the session changes again; should it roll back, the response saves."""
        self._in_callers_transaction = True
        try:
            self.save()
        finally:
            self._in_callers_transaction = False
        written = (self.session_key, dict(self._cached() or {}))
        transaction.on_commit(lambda: setattr(self, "_committed", written))

    def _validate_session_key(self, key: str | None) -> bool:
        """Only a key this store could have made is looked up. A cookie "abcdefgh\\000" arrives with a NUL,
        which PostgreSQL refuses in a query: every page, the API included, answered 500."""
        return key is not None and len(key) >= 8 and set(key) <= _KEY_CHARS

    def _get_new_session_key(self) -> str:
        return random_string(32, VALID_KEY_CHARS)

    def save(self, must_create: bool = False) -> None:
        committed = self._committed
        if not must_create and committed is not None and committed == (self.session_key, self._cached()):
            return
        if self.session_key is None or not must_create or self.model is not Session:
            super().save(must_create=must_create)
            return
        obj = self.create_model_instance(self._get_session(no_load=True))  # type: ignore[attr-defined]
        using = router.db_for_write(self.model, instance=obj)
        # Inside a login's transaction (save_with_transaction), no savepoint of its own (two round trips): a key
        # already taken would then fail the whole login rather than draw another, at odds of one in 2**165 for a
        # random 32-character key.
        try:
            with transaction.atomic(using=using, savepoint=not self._in_callers_transaction):
                _INSERT.insert(obj, using=using)  # type: ignore[arg-type] # a Session: self.model is checked above
        except IntegrityError:
            raise CreateError from None

    def cycle_key(self) -> None:
        data = dict(self.items())
        old_key = self.session_key
        self._session_key = None  # the response's save() chooses the new key and inserts the row
        self._session_cache = data
        self.modified = True
        if old_key:
            self.delete(old_key)

    def delete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key:
            self.model.objects.filter(session_key=session_key).delete()


def save_with_transaction(session: SessionBase) -> None:
    """A login's session written in the login's own transaction (SessionStore.save_with_transaction); another
    engine's session is saved at the response as usual."""
    if isinstance(session, SessionStore):
        session.save_with_transaction()
