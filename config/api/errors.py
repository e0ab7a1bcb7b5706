"""The 404 of any address: JSON in the reader's language under /api/, the site's page elsewhere."""

from config import errors

from .languages import ADDRESS_PREFIX
from .main import not_found_anywhere


def not_found(request, exception=None):
    if request.path_info.startswith(ADDRESS_PREFIX):
        return not_found_anywhere(request, exception)
    return errors.not_found(request, exception)
