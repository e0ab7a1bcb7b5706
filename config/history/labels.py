"""How a recorded change reads for staff: the field's name with its language, and its values as they mean something."""

import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import get_language_bidi, get_language_info, gettext


def admin_url(app_label, model_name, pk):
    """An entry's page in the admin, or "" for one edited on another's page (a former name is a row of its
    city's or partner's page) or when the admin is not installed."""
    try:
        return reverse(f"admin:{app_label}_{model_name}_change", args=[pk])
    except NoReverseMatch:
        return ""


def model_field(change):
    model = change.content_type.model_class()
    if model is None:
        return None
    for field in model._meta.concrete_fields:
        if field.attname == change.field:
            return field
    return None


def change_label(change):
    """ "address (Russian)", "phones", "city"."""
    field = model_field(change)
    if field is None:
        return change.field
    original = getattr(field, "translated_field", field)  # modeltranslation's field of one language
    name = str(original.verbose_name)
    if change.language:
        return gettext("%(field)s (%(language)s)") % {
            "field": name, "language": gettext(get_language_info(change.language)["name"]),
        }
    return name


def value_label(change, text):
    """The stored text of a value, shown as staff know it: a choice's label, a related entry's name."""
    field = model_field(change)
    if field is None or text == "":
        return text
    shown = getattr(field.model, "history_text", None)  # an entry may show a value as readers see it
    if shown is not None:
        text = shown(field.attname, text)
    if field.choices:
        return str(dict(field.flatchoices).get(field.to_python(text), text))
    if field.is_relation:
        try:
            return str(field.related_model._base_manager.get(pk=text))
        except (field.related_model.DoesNotExist, ValueError, FieldDoesNotExist):
            return text
    if text in ("True", "False"):
        return gettext("yes") if text == "True" else gettext("no")
    return text


def direction(text):
    """ "rtl" for a text whose first letter is Arabic-script, else "ltr": a phone number or "85 Dostyk Ave."
    keeps its order inside a right-to-left page (with no letter, the page's direction would reverse it)."""
    for char in str(text):
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def isolated(text):
    """A value isolated from the text around it (<bdi>), in its own direction; one without letters (a phone
    number) is kept on one line."""
    if not any(char.isalpha() for char in str(text)):
        return format_html('<bdi dir="ltr" class="unbroken">{}</bdi>', text)
    return format_html('<bdi dir="{}">{}</bdi>', direction(text), text)


def arrow():
    """From the old value to the new one: the way the page reads."""
    return "←" if get_language_bidi() else "→"
