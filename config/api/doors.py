"""Offices, partner branches and notices as the content API gives them, in one language (no query of their own)."""

from config.language_fallback import localized
from config.site.open_data import address_line
from offices.closures import closure_of


def text(obj, field, language):
    found = localized(obj, field, language)
    return {"value": found.value, "language": found.language, "is_fallback": found.is_fallback}


def door(place, language, absolute, *, kind, name, url, services=()):
    """An office or a branch: where it is, how to reach it, whether it is closed, when it was checked."""
    closure = closure_of(place)
    return {
        "id": str(place.uuid),
        "kind": kind,
        "name": name,
        "city": localized(place.city, "name", language).value if place.city_id else None,
        "address": address_line(place, language) or "",
        "address_for_driver": place.driver_address,
        "phones": [phone.e164 for phone in place.phone_list],
        "opening_hours": localized(place, "opening_hours", language).value,
        "email": getattr(place, "email", "") or "",
        "website": getattr(place, "website", "") or "",
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
        "checked_on": place.verified_on,
        "closure": closure and {
            "first_day": closure.first_day, "last_day": closure.last_day, "in_effect": closure.in_effect,
            "reason": localized(place, "closure_reason", language).value,
        },
        "services": list(services),
        "url": absolute(url),
    }


def office_door(office, language, absolute):
    return door(office, language, absolute, kind=office.kind, name=localized(office, "name", language).value,
                url=office.get_absolute_url())


def branch_door(branch, language, absolute):
    partner = branch.partner
    return door(
        branch, language, absolute, kind="partner-branch", name=localized(partner, "name", language).value,
        url=partner.get_absolute_url(), services=[service.slug for service in branch.services.all()],
    )


def partner_door(partner, language, absolute):
    """A partner with no address: reached by phone, e-mail or website, anywhere in the country."""
    return {
        "id": str(partner.uuid), "kind": "partner", "name": localized(partner, "name", language).value, "city": None,
        "address": "", "address_for_driver": "", "phones": [], "opening_hours": "", "email": partner.email,
        "website": partner.website, "latitude": None, "longitude": None, "checked_on": None, "closure": None,
        "services": [service.slug for service in partner.services.all()], "url": absolute(partner.get_absolute_url()),
    }


def notice(item, language):
    return {
        "id": str(item.uuid),
        "level": item.level,
        "title": text(item, "title", language),
        "text": text(item, "text", language),
        "starts_at": item.starts_at,
        "ends_at": item.ends_at,
        "site_wide": item.site_wide,
        "cities": [city.slug for city in item.cities.all()],
        "offices": [office.slug for office in item.offices.all()],
        "partners": sorted({branch.partner.slug for branch in item.branches.all()}),
        "pages": [page.slug for page in item.pages.all()],
    }
