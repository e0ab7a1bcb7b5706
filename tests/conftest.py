"""Fixtures shared by the suite: the real starting content, loaded once into the test database."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
RTL_LANGUAGES = {"ar", "prs", "ug"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0, stdout=open("/dev/null", "w"))


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def content(db):
    """The starting content (loaded once per session); here for readability of test signatures."""
    return None
