"""Long directory lists, one page at a time (`?page=2`), so that no page grows with the directory."""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404

from config.page_cache import keep_out_of_cache


def page_of(request, items, per_page):
    """The page of `items` the address asks for; 404 for a page that does not exist.

    The first page is the address without `?page`; the same page asked for another way
    (`?page=1`, `?page=02`) is answered but not stored, so made-up numbers cannot fill the cache.
    """
    try:
        return Paginator(items, per_page).page(page_number(request))
    except EmptyPage:
        raise Http404 from None


def page_number(request):
    """The page number of `?page=` (1 without it); 404 for one that is not a number.

    Callers turn a page past the last (EmptyPage) into a 404 too.
    """
    asked = request.GET.get("page", "")
    try:
        number = int(asked) if asked else 1
    except ValueError:
        raise Http404 from None
    if asked and (asked != str(number) or number == 1):
        keep_out_of_cache(request)
    return number


def page_links(request, page):
    """The addresses of the pages before and after, keeping the page's other parameters (filters)."""

    def address(number):
        query = request.GET.copy()
        query.pop("page", None)
        if number > 1:
            query["page"] = number
        return f"{request.path}?{query.urlencode()}" if query else request.path

    return {
        "page": page,
        "previous_url": address(page.previous_page_number()) if page.has_previous() else None,
        "next_url": address(page.next_page_number()) if page.has_next() else None,
    }
