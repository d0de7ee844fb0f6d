from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2idHasher(Argon2PasswordHasher):
    """Argon2id at OWASP's 19 MiB / 2 iterations / parallelism 1.

    Django's default (100 MiB, parallelism 8) is not an OWASP set and costs several times more CPU per login on
    small servers; this set has the same strength as OWASP's 7 MiB / 5 iterations. Hashes made with other
    parameters still verify and are upgraded on the next successful login.
    """

    algorithm = "argon2"
    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
