"""Reading the content data files that live in each app's `content/` folder."""

from pathlib import Path

import yaml
from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# libyaml's safe loader when PyYAML has it (its wheels do): the same documents, read about ten times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The languages whose values in the directory's data files (cities, offices, partners, services, key figures,
# notices) are machine-assisted, not yet read by a native speaker (locale/ps/README.md): loaded, each entry's
# translation in them waits for a native speaker's review (guidance/native_review.py), as a guidance page's
# file marked `machine_assisted: true` does.
MACHINE_ASSISTED_LANGUAGES = ("ps",)


def read_yaml(path):
    with Path(path).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=SAFE_LOADER) or []


def read_front_matter(path):
    """A Markdown file with a YAML header between `---` lines: (header, body)."""
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}, text.strip()
    _start, header, body = text.split("---\n", 2)
    return yaml.load(header, Loader=SAFE_LOADER) or {}, body.strip()


def localized_values(field, values):
    """{"en": "Almaty", "ru": "Алматы"} for field "name" -> {"name_en": …, "name_ru": …}."""
    if values is None:
        return {}
    if isinstance(values, str):
        values = {settings.LANGUAGE_CODE: values}
    unknown = set(values) - set(LANGUAGE_CODES)
    if unknown:
        raise ValueError(f"{field}: unknown language(s) {sorted(unknown)}")
    return {build_localized_fieldname(field, code): str(text).strip() for code, text in values.items()}


def translated(entry, *fields):
    """All translated values of the named fields of one data-file entry."""
    values = {}
    for field in fields:
        values.update(localized_values(field, entry.get(field)))
    return values
