"""WhiteNoise's index of the static files, made once per test process and configuration.

WhiteNoise walks STATIC_ROOT (about 700 files with the admin's) and builds a responder for each
whenever a request handler loads its middleware, and every test client has a handler of its own:
0.1 s per client, about a third of the time of a test that reads a page or two. The files do not
change while the tests run (`make test` collects them first), so the index is reused; a test that
serves another folder, or configures WhiteNoise otherwise, gets an index of its own.
"""

from django.conf import settings
from whitenoise.base import WhiteNoise

_index_files = WhiteNoise.update_files_dictionary
_indexes = {}


def _configuration(whitenoise, root, prefix):
    return (type(whitenoise), root, prefix, whitenoise.autorefresh, whitenoise.max_age, whitenoise.allow_all_origins,
            whitenoise.charset, whitenoise.index_file, whitenoise.add_headers_function, settings.STATIC_URL,
            repr(settings.STORAGES.get("staticfiles")), repr(getattr(settings, "WHITENOISE_MIMETYPES", None)))


def update_files_dictionary(whitenoise, root, prefix):
    """WhiteNoise.update_files_dictionary, from the index made the first time for this configuration."""
    key = _configuration(whitenoise, root, prefix)
    if key not in _indexes:
        files_before = whitenoise.files
        whitenoise.files = {}
        try:
            _index_files(whitenoise, root, prefix)
            _indexes[key] = whitenoise.files
        finally:
            whitenoise.files = files_before
    whitenoise.files.update(_indexes[key])
