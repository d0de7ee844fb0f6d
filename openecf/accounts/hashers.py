from functools import cache

from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password
from django.utils.crypto import get_random_string


class OwaspArgon2idHasher(Argon2PasswordHasher):
    """Argon2id at OWASP's 7 MiB / 5 iterations / parallelism 1, the set Keycloak uses.

    OWASP rates its sets (46 MiB x 1 ... 19 MiB x 2 ... 7 MiB x 5) as equally strong; this one needs the least
    memory per concurrent login and makes the login benchmark comparable with Keycloak's published sizing at the
    same parameters (docs/performance.md). Django's default (100 MiB, parallelism 8) is not an OWASP set and costs
    several times more CPU per login on small servers. Hashes made with other parameters (the 19 MiB x 2 used
    before) still verify and are upgraded on the next successful login.
    """

    algorithm = "argon2"
    time_cost = 5
    memory_cost = 7 * 1024
    parallelism = 1


@cache
def _dummy_hash() -> str:
    return make_password(get_random_string(32))


def dummy_verify(password: str) -> None:
    """The work of checking a password, for a username that does not exist: the same Argon2 verify, so the time a
    login takes does not tell whether the account exists."""
    check_password(password, _dummy_hash())
