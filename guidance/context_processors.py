"""The language switcher and alternates: the same page in every language, in its own script."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def languages(request):
    current = get_language()
    query = request.GET.urlencode() if request.GET else ""
    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = translate_url(request.path, code)
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
    default_url = next(v["url"] for v in versions if v["code"] == settings.LANGUAGE_CODE)
    return {"language_versions": versions, "x_default_url": default_url}
