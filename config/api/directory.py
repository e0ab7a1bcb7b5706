"""Cities with their doors (offices, partner branches) and the notices in effect, in a language."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from ninja import Router

from config.site.city_directory import city_directory
from config.site.notices import NOTICES, board, follow, notices_where, where_it_applies
from offices.closures import follow_closures
from offices.models import City, FormerCityName

from . import schemas
from .caching import cached
from .doors import branch_door, notice, office_door, partner_door, text
from .languages import content_language

router = Router(tags=["directory"])


def city_summary(request, city, language):
    with override(language):
        url = request.build_absolute_uri(city.get_absolute_url())
    return {
        "slug": city.slug,
        "name": text(city, "name", language),
        "url": url,
        "api_url": request.build_absolute_uri(reverse("api:city", kwargs={"lang": language, "slug": city.slug})),
    }


@router.get("/{lang}/cities/", response=list[schemas.CitySummary], summary="Every city")
@cached("directory")
def cities(request, lang: str):
    language = content_language(lang)
    return [city_summary(request, city, language) for city in City.objects.listed()]


@router.get("/{lang}/cities/{slug}/", response={200: schemas.City, 301: None}, summary="A city and its doors")
@cached("directory")
def city(request, lang: str, slug: str):
    """Where to apply, UNHCR and other offices, hotlines and partner branches; a former name redirects."""
    language = content_language(lang)
    found = City.objects.filter(slug=slug).first()
    if found is None:
        former = FormerCityName.objects.select_related("city").filter(slug=slug).first()
        if former is None:
            raise Http404
        return redirect(reverse("api:city", kwargs={"lang": language, "slug": former.city.slug}), permanent=True)
    doors = city_directory(found)
    follow_closures(request, doors.shown_places)
    absolute = request.build_absolute_uri

    def offices(places):
        return [office_door(place, language, absolute) for place in places]

    return {
        **city_summary(request, found, language),
        "language": language,
        "apply_offices": offices(doors.apply_offices),
        "apply_instead": doors.apply_instead and office_door(doors.apply_instead, language, absolute),
        "unhcr_offices": offices(doors.unhcr_offices),
        "other_offices": offices(doors.other_offices),
        "hotlines": offices(doors.hotlines),
        "partner_branches": [branch_door(branch, language, absolute) for branch in doors.branches],
        "countrywide_partners": [partner_door(partner, language, absolute) for partner in doors.countrywide_partners],
        "more_elsewhere": doors.more_elsewhere,
    }


@router.get("/{lang}/notices/", response=list[schemas.Notice], summary="The notices in effect now, newest first")
@cached(NOTICES, "directory", "guidance")  # and the places each notice applies to
def notices(request, lang: str):
    language = content_language(lang)
    now = timezone.now()
    current = board(notices_where(Q(), now, where_it_applies()), now)
    follow(request, current)
    return [notice(item, language) for item in current.current]
