"""The language switcher and alternates: the same page in every language, in its own script."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, get_language_info, override


def _translated_path(request, code):
    """The current page's address in another language; like translate_url, without resolving the
    path again for each language (the request was resolved once already)."""
    match = request.resolver_match
    if match is None or not match.url_name:
        return translate_url(request.path, code)
    with override(code):
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return translate_url(request.path, code)


def languages(request):
    current = get_language()
    # A view may say which part of the query string its other languages keep (search: the words it used).
    query = getattr(request, "language_query", None)
    if query is None:
        query = request.GET.urlencode() if request.GET else ""
    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = _translated_path(request, code)
        if query:
            url = f"{url}?{query}"
        versions.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": url,
                "direction": "rtl" if info["bidi"] else "ltr",
                "is_current": code == current,
            }
        )
    # The address without a language: it sends each reader to their own language (as the sitemap says).
    english_url = next(v["url"] for v in versions if v["code"] == settings.LANGUAGE_CODE)
    default_url = english_url.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
    return {"language_versions": versions, "x_default_url": default_url}


def quick_exit(request):
    """Where the quick exit on every page leaves for: an ordinary site that says nothing about the reader."""
    return {"quick_exit_url": settings.QUICK_EXIT_URL}
