"""Log-ins do not stall readers: a password is hashed off the event loop that serves every connection."""

import gevent
import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, check_password, make_password
from django.utils.crypto import pbkdf2

from config.passwords import ThreadedPBKDF2PasswordHasher, off_the_event_loop

ITERATIONS = 200_000  # long enough that a blocked loop would miss many turns


def turns_of_the_loop_while(work):
    """How many times another greenlet ran while `work` ran in a greenlet of its own."""
    turns, done = [], []

    def reader():
        while not done:
            turns.append(1)
            gevent.sleep(0)

    other = gevent.spawn(reader)
    gevent.spawn(work).join()
    done.append(True)
    other.join()
    return len(turns)


def test_the_hash_runs_beside_the_loop_not_on_it():
    on_the_loop = turns_of_the_loop_while(lambda: pbkdf2("secret", "salt", ITERATIONS))
    off_the_loop = turns_of_the_loop_while(lambda: off_the_event_loop(pbkdf2, "secret", "salt", ITERATIONS))
    assert on_the_loop <= 2  # the plain call keeps the loop to itself (a turn before it, one after)
    assert off_the_loop > 10  # other connections are served meanwhile


def test_it_is_djangos_own_algorithm_and_hashes():
    threaded, plain = ThreadedPBKDF2PasswordHasher(), PBKDF2PasswordHasher()
    assert threaded.algorithm == plain.algorithm == "pbkdf2_sha256"
    assert threaded.encode("a long passphrase", "salt123", 1000) == plain.encode("a long passphrase", "salt123", 1000)


@pytest.mark.django_db
def test_the_site_hashes_with_it_and_old_hashes_still_verify(settings):
    assert settings.PASSWORD_HASHERS[0] == "config.passwords.ThreadedPBKDF2PasswordHasher"
    stored = make_password("a long passphrase")
    assert stored.startswith("pbkdf2_sha256$") and check_password("a long passphrase", stored)
    older = PBKDF2PasswordHasher().encode("a long passphrase", "oldsalt", 600_000)  # made before this change
    assert check_password("a long passphrase", older)
