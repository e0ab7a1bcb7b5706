"""Fixtures shared by the suite: the real starting content, loaded once into the test database."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from . import starting_content

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
RTL_LANGUAGES = {"ar", "prs", "ug", "ps"}


def uses_a_module_fixture(item):
    """A fixture of its module (or class) that the test uses; pytest-django's own ("_django…") aside."""
    return any(definitions[-1].scope in ("module", "class", "package") and not name.startswith("_")
               for name, definitions in item._fixtureinfo.name2fixturedefs.items())


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items):
    """Under xdist (`--dist loadgroup`), the tests of a module that prepares something costly for itself
    (a module-scoped site, proxy or stack; the pages of tests/test_valid_html.py; the tenfold content of
    tests/test_page_size.py) run on one worker, which prepares it once, not once on each worker
    (2 × 40 s for tests/test_sqlite_concurrency.py). Tests that use only the worker's own site and browser
    (session fixtures) are shared out like the others. A module that names its own group keeps it."""
    for item in items:
        if uses_a_module_fixture(item) and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """In the test process, a password is hashed with MD5, at once, as Django's documentation advises for
    tests: the site's PBKDF2 takes 0.4 s of a core by design, for each test user given a password and each
    log-in. Passwords hashed by the site (the staff of tests/fixtures/) are still checked with its hashers,
    and the sites the tests start (tests/live_site.py) keep them all."""
    from django.conf import global_settings
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher",
                                             *global_settings.PASSWORD_HASHERS]):
        yield


@pytest.fixture(scope="session", autouse=True)
def static_files_indexed_once():
    """Each test client's WhiteNoise reuses the index of the static files (tests/static_files_index.py)."""
    from whitenoise.base import WhiteNoise

    from .static_files_index import update_files_dictionary

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WhiteNoise, "update_files_dictionary", update_files_dictionary)
        yield


@pytest.fixture(scope="session", autouse=True)
def nothing_left_behind():
    """At the end of the session (of each xdist worker), every server this process started is stopped
    and every folder made for one is removed (tests/server_registry.py); if not, the run fails."""
    yield
    from . import server_registry

    if left := server_registry.left_behind():
        server_registry.clean_up()  # one careless fixture must not burden the machine or the next run
        pytest.fail("Left behind by the tests (a fixture does not stop or remove them):\n" + "\n".join(left),
                    pytrace=False)


CONTENT_FOLDER_MADE_HERE = pytest.StashKey[bool]()


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the process that runs pytest, not an xdist worker
        config.stash[CONTENT_FOLDER_MADE_HERE] = starting_content.name_the_folder()


def pytest_unconfigure(config):
    if config.stash.get(CONTENT_FOLDER_MADE_HERE, False):
        starting_content.remove_the_folder()


def on_sqlite():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The test database of this process is made from the run's starting content (tests/starting_content.py)
    and kept as it is (django_db_keepdb): nothing to migrate or load. On SQLite it is a copy of a file, on
    PostgreSQL a database restored from a dump."""
    from .live_site import server_environment

    test_settings = settings.DATABASES["default"].setdefault("TEST", {})
    if on_sqlite():
        test_settings["NAME"] = str(starting_content.copy_for_this_process(server_environment()))
    else:
        test_settings.setdefault("NAME", f"test_{settings.DATABASES['default']['NAME']}")  # xdist's suffixed it
        starting_content.make_postgres_test_database(settings.DATABASES["default"], test_settings["NAME"],
                                                     server_environment())


@pytest.fixture(scope="session")
def django_db_keepdb():
    return True  # made above, with the content; removed below (or with the folder of the run, on SQLite)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, request):
    """pytest-django's set-up of the database made above; on PostgreSQL the database is dropped after the run."""
    yield
    if not on_sqlite() and not request.config.getvalue("reuse_db"):
        from django.db import connections

        connections.close_all()
        starting_content.drop_postgres_test_database(settings.DATABASES["default"],
                                                     settings.DATABASES["default"]["TEST"]["NAME"])


@pytest.fixture(autouse=True)
def empty_cache():
    from config.page_cache import trouble, versions

    # Each test starts with a cache that has not failed, and without the periodic checks against
    # the database that a test with Redis turns on (one more query on a render).
    saved, servers = dict(versions._sync), dict(versions._server)
    trouble.reset()
    cache.clear()
    yield
    cache.clear()
    versions._sync.update(saved)
    versions._server.update(servers)
    trouble.reset()


@pytest.fixture(autouse=True)
def page_cache_status_header(empty_cache, settings):
    """Tests read X-Page-Cache (hit or miss); readers are never told (tests/test_page_cache.py)."""
    settings.PAGE_CACHE_STATUS_HEADER = True


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: a test client request leaves its page's language active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def content(db):
    """The starting content (loaded once per session); here for readability of test signatures."""
    return None


@pytest.fixture(scope="session")
def live_site():
    """The real site served by gunicorn on loopback, with the starting content and the staff of
    tests/fixtures/browser_staff.json; one per session (per xdist worker), shared by the browser tests
    that change nothing readers see. A test that does change it starts a site of its own with
    `live_site.running_site()`."""
    from .live_site import running_site

    with running_site(fixtures=["browser_staff"]) as site:
        yield site


@pytest.fixture(scope="session")
def fault_stack():
    """PostgreSQL, Redis, gunicorn and nginx on loopback, for the fault-injection tests (tests/fault_stack.py)."""
    from .fault_stack import running_stack

    with running_stack() as stack:
        yield stack


@pytest.fixture(scope="session")
def browser():
    """Chromium, one per session (per xdist worker). Playwright's sync API keeps an event loop in this
    thread, and Django then refuses database work from it (SynchronousOnlyOperation) for every later test
    of the worker; the tests are synchronous, so they say so, as Playwright's docs advise for Django."""
    from playwright.sync_api import sync_playwright

    from .live_site import ASYNC_UNSAFE_ALLOWED, CHROMIUM, CHROMIUM_ARGS

    os.environ[ASYNC_UNSAFE_ALLOWED] = "true"  # servers the tests start do not inherit it (server_environment)

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


PHONE_SCREEN = {"width": 360, "height": 740}


@pytest.fixture
def phone_page(browser):
    """A new browser tab the size of a cheap phone (360 px wide), with its own storage and service worker."""
    context = browser.new_context(viewport=PHONE_SCREEN)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def _reading_tab_of_this_worker(browser):
    context = browser.new_context(viewport=PHONE_SCREEN, service_workers="block")
    yield context.new_page()
    context.close()


@pytest.fixture
def reading_tab(_reading_tab_of_this_worker):
    """A phone-sized tab (360 px, no service worker) for a test that only opens pages and looks at them.
    It is this worker's one reading tab, not a new one: a page in a new tab (a renderer process of its own)
    costs about three times the processor time of a page in a tab already open (0.3 s against 0.1 s in
    the headless shell), and there are a few hundred page checks. Each test finds it blank, at the phone's
    size, without cookies."""
    tab = _reading_tab_of_this_worker
    tab.context.clear_cookies()
    tab.set_viewport_size(PHONE_SCREEN)
    tab.goto("about:blank")
    return tab


@pytest.fixture
def one_clock_hour():
    """The clock stands still in the middle of this hour: a limit counted per clock hour
    (config/flood_limit.py) sees every request of a long test in one hour, however slow the machine."""
    from .clock import clock_at

    with clock_at(timezone.now().replace(minute=30, second=0, microsecond=0)):
        yield


@pytest.fixture
def astana_office(db):
    """The UNHCR office in Astana, from the starting content."""
    from .factories import starting_office

    return starting_office("unhcr-national-office-astana")


@pytest.fixture
def draft(staff_client):
    """An editor's draft of the asylum-seekers page whose English adds the time to appeal to one sentence,
    a major change waiting for review: one segment for each translation to update."""
    from .factories import APPEAL_SENTENCE, ASYLUM_SEEKERS, DECISION_SENTENCE
    from .staff import edited_draft, page

    body = page(ASYLUM_SEEKERS).current_revision.body_en.replace(DECISION_SENTENCE, APPEAL_SENTENCE)
    return edited_draft(staff_client("editor"), ASYLUM_SEEKERS, submit=True, significance="major",
                        change_note_en="Appeals count too.", body_en=body)


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's logged-in superuser, who has given the second factor too (tests/second_factor.py)."""
    from .second_factor import verified

    client.force_login(admin_user)
    return verified(client, admin_user)


@pytest.fixture
def staff_client(db):
    """staff_client("editor") -> a test client logged in as a new staff member with that role."""
    from .staff import staff_client as make

    return make

